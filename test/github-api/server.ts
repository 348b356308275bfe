import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubState } from './github-state.js';
import { answerGraphQL, type GraphQLKind } from './graphql-api.js';
import { HANDLERS, type Reply } from './handlers.js';
import { OpenApiValidator } from './openapi-validator.js';

export interface Fault {
  status: 500 | 502 | 403 | 404;
  /** How many matching requests fail before the server answers normally again. */
  times: number;
  /** Only requests whose "METHOD /path" matches. */
  match?: RegExp;
  /** Only requests whose raw (JSON) body matches: one write among several to the same path. */
  body?: RegExp;
  /** Seconds, for the 403 secondary rate limit. */
  retryAfter?: number;
  /**
   * The request is applied (its handler changes the state) and then answered with the fault's
   * status, as GitHub does under load: a write it made but answered 5xx for.
   */
  applied?: boolean;
  /** No answer at all: the connection is closed instead (recorded as status 0). */
  drop?: boolean;
  /**
   * A 403 that is a refusal, not a rate limit: GitHub's message, such as "Resource not
   * accessible by integration" (a token without the permission), and no retry-after.
   */
  refusal?: string;
}

export interface Call {
  method: string;
  path: string;
  operationId?: string;
  status: number;
  /** performance.now() when the reply was sent: lets benchmarks see where a run's time goes. */
  at: number;
  /** A POST to /graphql: a query reads, only a mutation writes. */
  graphql?: GraphQLKind;
  /** Whether GitHub counts it against the token's rate limit: all but a 304 to a conditional request. */
  counted: boolean;
}

/** Whether a request changed (or asked to change) GitHub: not a GET, nor a GraphQL query. */
export const isWrite = (c: Call): boolean =>
  c.method !== 'GET' && c.graphql !== 'query' && c.graphql !== 'invalid';

let sharedValidator: OpenApiValidator | undefined;

const tokenOf = (req: IncomingMessage): string =>
  /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

/**
 * A local GitHub REST and GraphQL API for tests, on 127.0.0.1: in-memory state, every REST
 * request checked against GitHub's OpenAPI description and every GraphQL query against its
 * published schema, GitHub-style pagination, call counts, and faults injected on demand. Requests that GitHub would not accept are recorded as violations;
 * a test fails on any.
 */
export class LocalGitHub {
  readonly state = new GitHubState();
  readonly calls: Call[] = [];
  readonly violations: string[] = [];
  private faults: Fault[] = [];
  /** Who a token acts as; any other token is the workflow's github-actions[bot]. */
  readonly tokens = new Map<string, string>();
  /** Called with each call as it is answered: a test makes a change land in the middle of a run. */
  afterCall?: (c: Call) => void;
  /** Requests counted against the rate limit (all but 304s), for x-ratelimit-used. */
  private used = 0;
  private server?: Server;
  url = '';
  private readonly validator: OpenApiValidator;

  constructor() {
    sharedValidator ??= new OpenApiValidator();
    this.validator = sharedValidator;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  fault(f: Fault): void {
    this.faults.push({ ...f });
  }

  callsTo(operationId: string): number {
    return this.calls.filter((c) => c.operationId === operationId).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    // GitHub Enterprise Server serves the same API under /api/v3.
    url.pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.send(res, method, url, undefined, {
        status: 400,
        body: { message: 'Problems parsing JSON' },
      });
    }
    // octokit sends GitHub Enterprise Server's GraphQL requests to /api/graphql.
    if (method === 'POST' && /^(?:\/api)?\/graphql$/.test(url.pathname))
      return this.graphql(req, res, url, raw, body);
    const op = this.validator.match(method, url.pathname);
    const errors = this.validator.validate(method, url, body);
    if (errors.length) {
      this.violations.push(...errors.map((e) => `${method} ${url.pathname}${url.search}: ${e}`));
      return this.send(res, method, url, op?.operationId, {
        status: 422,
        body: { message: 'Validation Failed', errors },
      });
    }
    const key = `${method} ${url.pathname}`;
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.match || f.match.test(key)) && (!f.body || f.body.test(raw)),
    );
    const handler = op && HANDLERS[op.operationId];
    const token = tokenOf(req);
    const apply = () =>
      handler!(
        this.state,
        op!.params,
        body,
        url.searchParams,
        this.tokens.get(token) ?? 'github-actions[bot]',
      );
    if (fault) {
      if (fault.applied && handler) apply();
      fault.times--;
      if (fault.drop) {
        this.calls.push({
          method,
          path: url.pathname,
          ...(op ? { operationId: op.operationId } : {}),
          status: 0,
          at: performance.now(),
          counted: true,
        });
        req.socket.destroy();
        return;
      }
      if (fault.status === 403 && fault.refusal)
        return this.send(res, method, url, op?.operationId, {
          status: 403,
          body: {
            message: fault.refusal,
            documentation_url: 'https://docs.github.com/rest/repos/contents',
          },
        });
      if (fault.status === 403) {
        res.setHeader('retry-after', String(fault.retryAfter ?? 1));
        return this.send(res, method, url, op?.operationId, {
          status: 403,
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
        });
      }
      return this.send(res, method, url, op?.operationId, {
        status: fault.status,
        body: { message: fault.status === 404 ? 'Not Found' : 'Server Error' },
      });
    }
    if (!op || !handler) {
      this.violations.push(
        `${key}: ${op?.operationId ?? 'unknown operation'} is valid but not implemented by the local server`,
      );
      return this.send(res, method, url, op?.operationId, {
        status: 501,
        body: { message: 'Not implemented by the local GitHub API server' },
      });
    }
    this.send(res, method, url, op.operationId, apply(), undefined, req);
  }

  /** A GraphQL request: faults as for REST (matched as `POST /graphql`), then the query answered. */
  private graphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: string,
    body: unknown,
  ): void {
    const fault = this.faults.find(
      (f) =>
        f.times > 0 && (!f.match || f.match.test('POST /graphql')) && (!f.body || f.body.test(raw)),
    );
    if (fault) {
      fault.times--;
      if (fault.drop) {
        this.calls.push({
          method: 'POST',
          path: '/graphql',
          status: 0,
          at: performance.now(),
          counted: true,
        });
        req.socket.destroy();
        return;
      }
      if (fault.status === 403) res.setHeader('retry-after', String(fault.retryAfter ?? 1));
      return this.send(res, 'POST', url, 'graphql', {
        status: fault.status,
        body: {
          message:
            fault.status === 403 ? 'You have exceeded a secondary rate limit.' : 'Server Error',
        },
      });
    }
    const answer = answerGraphQL(this.state, body, this.violations);
    this.send(res, 'POST', url, 'graphql', { status: 200, body: answer.body }, answer.kind);
  }

  private send(
    res: ServerResponse,
    method: string,
    url: URL,
    operationId: string | undefined,
    reply: Reply,
    graphql?: GraphQLKind,
    req?: IncomingMessage,
  ): void {
    let payload = reply.body;
    let status = reply.status;
    if (reply.list) {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const last = Math.max(1, Math.ceil(reply.list.length / perPage));
      payload = reply.list.slice((page - 1) * perPage, page * perPage);
      if (reply.wrap) payload = reply.wrap(payload as unknown[]);
      const link = (n: number, rel: string) => {
        const u = new URL(url.toString());
        u.searchParams.set('per_page', String(perPage));
        u.searchParams.set('page', String(n));
        return `<${u.toString()}>; rel="${rel}"`;
      };
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      if (links.length) res.setHeader('link', links.join(', '));
    }
    let text = payload === undefined ? '' : JSON.stringify(payload);
    if (req && method === 'GET' && status === 200) {
      // As GitHub: a weak ETag of what the token was answered. ETags are per token (GitHub
      // confirms it: a new token's request for the same data gets 200 and a new ETag), and a
      // 304 to If-None-Match is not counted against the rate limit.
      const token = tokenOf(req);
      const etag = `W/"${createHash('sha1').update(token).update('\0').update(text).digest('hex')}"`;
      res.setHeader('etag', etag);
      const asked = req.headers['if-none-match'];
      if (asked && asked.split(/\s*,\s*/).includes(etag)) {
        status = 304;
        text = '';
      }
    }
    const call: Call = {
      method,
      path: url.pathname,
      ...(operationId ? { operationId } : {}),
      status,
      at: performance.now(),
      ...(graphql ? { graphql } : {}),
      counted: status !== 304,
    };
    this.calls.push(call);
    res.statusCode = status;
    res.setHeader('date', new Date(Date.now() + this.state.clockOffsetMs).toUTCString());
    if (status !== 304) res.setHeader('content-type', 'application/json; charset=utf-8');
    if (call.counted) this.used++;
    const used = this.used;
    res.setHeader('x-ratelimit-limit', '5000');
    res.setHeader('x-ratelimit-used', String(used));
    res.setHeader('x-ratelimit-remaining', String(Math.max(0, 5000 - used)));
    res.end(text);
    this.afterCall?.(call);
  }
}
