import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, any>;

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  params: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Json;
}

const SPEC_ID = 'https://enablekit.test/github-openapi';

/**
 * GitHub's own OpenAPI description (from @octokit/openapi) as a request checker: the
 * operation must exist, path and query parameters must be declared and well typed, and
 * the JSON body must match the operation's schema.
 */
export class OpenApiValidator {
  private readonly spec: Json;
  private readonly routes: Route[] = [];
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: false,
    validateFormats: false,
    validateSchema: false,
  });
  private readonly bodies = new Map<string, ValidateFunction>();

  constructor() {
    const require = createRequire(import.meta.url);
    const pkg = dirname(require.resolve('@octokit/openapi/package.json'));
    this.spec = JSON.parse(
      readFileSync(join(pkg, 'generated', 'api.github.com.json'), 'utf8'),
    ) as Json;
    this.ajv.addSchema({ $id: SPEC_ID, components: withoutBareNullable(this.spec.components) });
    for (const [template, item] of Object.entries(this.spec.paths as Json)) {
      const names: string[] = [];
      const regex = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, n: string) => (names.push(n), n === 'path' ? '(.+)' : '([^/]+)'))}$`,
      );
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        if (item[method])
          this.routes.push({
            method: method.toUpperCase(),
            template,
            regex,
            names,
            op: item[method],
          });
      }
    }
    // Literal segments first: /repos/{o}/{r}/issues/comments before /repos/{o}/{r}/issues/{n}.
    this.routes.sort((a, b) => a.names.length - b.names.length);
  }

  private param(p: Json): Json {
    return p.$ref ? (this.resolve(p.$ref) as Json) : p;
  }

  private resolve(ref: string): unknown {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<any>((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
  }

  match(method: string, pathname: string): Operation | undefined {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      return { operationId: r.op.operationId as string, method, template: r.template, params };
    }
    return undefined;
  }

  /** Every way the request departs from GitHub's description; empty when it is valid. */
  validate(method: string, url: URL, body: unknown): string[] {
    const op = this.match(method, url.pathname);
    if (!op) return [`${method} ${url.pathname}: no such operation in GitHub's REST API`];
    const route = this.routes.find((r) => r.method === method && r.template === op.template)!;
    const errors: string[] = [];
    const declared = ((route.op.parameters ?? []) as Json[]).map((p) => this.param(p));
    for (const p of declared) {
      if (p.in === 'query' && p.required && !url.searchParams.has(p.name))
        errors.push(`query parameter ${p.name} is required`);
      if (p.in === 'path' && p.schema?.type === 'integer' && !/^\d+$/.test(op.params[p.name] ?? ''))
        errors.push(`path parameter ${p.name} must be an integer`);
    }
    for (const [name, value] of url.searchParams) {
      const p = declared.find((d) => d.in === 'query' && d.name === name);
      if (!p) {
        errors.push(`query parameter ${name} is not declared for ${op.operationId}`);
        continue;
      }
      const t = p.schema?.type;
      if (t === 'integer' && !/^-?\d+$/.test(value))
        errors.push(`query parameter ${name} must be an integer, got ${value}`);
      if (t === 'boolean' && !/^(true|false)$/.test(value))
        errors.push(`query parameter ${name} must be a boolean, got ${value}`);
      if (p.schema?.enum && !p.schema.enum.includes(value))
        errors.push(
          `query parameter ${name} must be one of ${p.schema.enum.join(', ')}, got ${value}`,
        );
    }
    const schema = route.op.requestBody?.content?.['application/json']?.schema;
    if (schema) {
      if (body === undefined && route.op.requestBody.required)
        errors.push(`${op.operationId} needs a JSON body`);
      else if (body !== undefined) {
        let v = this.bodies.get(op.operationId);
        if (!v) {
          const rooted = withoutBareNullable(
            JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`)),
          );
          v = this.ajv.compile(rooted);
          this.bodies.set(op.operationId, v);
        }
        if (!v(body))
          errors.push(
            ...(v.errors ?? []).map(
              (e) => `body${e.instancePath} ${e.message} (${op.operationId})`,
            ),
          );
      }
    } else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
      errors.push(`${op.operationId} takes no body`);
    }
    return errors;
  }
}

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: ajv reads it only beside `type`, and GitHub's
 * description also puts it on bare `oneOf`s (issues/update's milestone, for one).
 */
function withoutBareNullable(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(withoutBareNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) out[k] = withoutBareNullable(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}
