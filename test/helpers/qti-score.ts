import { XMLParser } from 'fast-xml-parser';

/**
 * A QTI 2.1 response processor for the part of the standard enablekit's export writes, so a
 * test can score an exported item the way an LMS would and hold it to enablekit's own grade.
 * It reads the item as written (not a template), and fails on any element it does not know,
 * so an exporter writing something new cannot pass unread.
 */
export type Response = string | number | string[] | null;

type El = { name: string; attrs: Record<string, string>; children: El[]; text: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
});

function toEl(node: Record<string, unknown>): El | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '?xml') return undefined;
  if (name === '#text') return { name, attrs: {}, children: [], text: String(node[name]) };
  const kids = (node[name] as Record<string, unknown>[]).map(toEl).filter((e): e is El => !!e);
  return {
    name,
    attrs: (node[':@'] ?? {}) as Record<string, string>,
    children: kids.filter((k) => k.name !== '#text'),
    text: kids
      .filter((k) => k.name === '#text')
      .map((k) => k.text)
      .join(''),
  };
}

const find = (el: El, name: string): El | undefined => {
  if (el.name === name) return el;
  for (const c of el.children) {
    const f = find(c, name);
    if (f) return f;
  }
  return undefined;
};

export interface Scored {
  score: number;
  /** The FEEDBACK outcome's value(s), and the feedback texts shown for them. */
  feedback: string[];
}

/**
 * Score an item: `response` is the one RESPONSE, or for an item with several (a cloze's blanks)
 * each by its identifier.
 */
export function scoreItem(itemXml: string, response: Response | Record<string, Response>): Scored {
  const root = (parser.parse(itemXml) as Record<string, unknown>[])
    .map(toEl)
    .find((e): e is El => !!e)!;
  const decl = find(root, 'responseDeclaration')!;
  const decls = new Map(
    root.children
      .filter((c) => c.name === 'responseDeclaration')
      .map((c) => [c.attrs.identifier!, c]),
  );
  const responses: Record<string, Response> =
    response !== null && typeof response === 'object' && !Array.isArray(response)
      ? response
      : { RESPONSE: response };
  const baseType = decl.attrs.baseType!;
  const cardinality = decl.attrs.cardinality!;
  const correct = (find(decl, 'correctResponse')?.children ?? []).map((v) => v.text);
  const outcomes = new Map<string, Response>([['SCORE', 0]]);

  const value = (v: Response): Response =>
    v === null || (Array.isArray(v) && v.length === 0) || v === '' ? null : v;
  const same = (a: Response, b: Response): boolean => {
    if (a === null || b === null) return false;
    if (cardinality === 'multiple' && Array.isArray(a) && Array.isArray(b))
      return a.length === b.length && a.every((x) => b.includes(x));
    return JSON.stringify(a) === JSON.stringify(b);
  };
  const correctValue: Response =
    cardinality === 'single'
      ? baseType === 'float'
        ? Number(correct[0])
        : (correct[0] ?? null)
      : correct;

  function mapResponse(id = 'RESPONSE'): number {
    const mapping = find(decls.get(id) ?? decl, 'mapping');
    const resp = value(responses[id] ?? null);
    if (!mapping) throw new Error('mapResponse without a mapping');
    const entries = mapping.children.map((e) => e.attrs);
    const lookup = (v: string) => {
      const e = entries.find((x) =>
        x.caseSensitive === 'false' ? x.mapKey!.toLowerCase() === v.toLowerCase() : x.mapKey === v,
      );
      return e ? Number(e.mappedValue) : Number(mapping.attrs.defaultValue ?? 0);
    };
    const values = resp === null ? [] : Array.isArray(resp) ? [...new Set(resp)] : [String(resp)];
    let sum = values.reduce((s, v) => s + lookup(v), 0);
    if (mapping.attrs.lowerBound !== undefined)
      sum = Math.max(Number(mapping.attrs.lowerBound), sum);
    if (mapping.attrs.upperBound !== undefined)
      sum = Math.min(Number(mapping.attrs.upperBound), sum);
    return sum;
  }

  function expr(e: El): Response | boolean {
    const [a, b] = e.children.map(expr);
    switch (e.name) {
      case 'variable':
        return e.attrs.identifier! in responses
          ? value(responses[e.attrs.identifier!]!)
          : (outcomes.get(e.attrs.identifier!) ?? null);
      case 'correct':
        return correctValue;
      case 'baseValue':
        return e.attrs.baseType === 'float' ? Number(e.text) : e.text;
      case 'mapResponse':
        return mapResponse(e.attrs.identifier);
      case 'sum':
        return e.children.map(expr).reduce((t: number, x) => t + Number(x), 0);
      case 'product':
        return e.children.map(expr).reduce((t: number, x) => t * Number(x), 1);
      case 'and':
        return e.children.map(expr).every((x) => x === true);
      case 'isNull':
        return a === null;
      case 'match':
        return same(a as Response, b as Response);
      case 'stringMatch':
        if (a === null || b === null) return false;
        return e.attrs.caseSensitive === 'false'
          ? String(a).toLowerCase() === String(b).toLowerCase()
          : String(a) === String(b);
      case 'equal': {
        if (a === null || b === null) return false;
        if (e.attrs.toleranceMode === 'exact') return Number(a) === Number(b);
        const [t0, t1 = t0] = e.attrs.tolerance!.split(' ').map(Number);
        return Number(a) >= Number(b) - t0! && Number(a) <= Number(b) + t1!;
      }
      default:
        throw new Error(`the test's QTI processor does not know <${e.name}>`);
    }
  }

  function run(rules: El[]): void {
    for (const r of rules) {
      if (r.name === 'setOutcomeValue')
        outcomes.set(r.attrs.identifier!, expr(r.children[0]!) as Response);
      else if (r.name === 'responseCondition') {
        const tags = r.children.map((b) => b.name).join(' ');
        if (!/^responseIf( responseElseIf)*( responseElse)?$/.test(tags))
          throw new Error(`Expected responseIf, responseElseIf…, responseElse; found ${tags}`);
        for (const branch of r.children) {
          if (branch.name === 'responseElse') {
            run(branch.children);
            break;
          }
          if (expr(branch.children[0]!) === true) {
            run(branch.children.slice(1));
            break;
          }
        }
      } else throw new Error(`the test's QTI processor does not know <${r.name}>`);
    }
  }
  run(find(root, 'responseProcessing')?.children ?? []);

  const fb = outcomes.get('FEEDBACK');
  const ids = fb === null || fb === undefined ? [] : Array.isArray(fb) ? fb : [String(fb)];
  const shown = root.children
    .filter((c) => c.name === 'modalFeedback' && c.attrs.outcomeIdentifier === 'FEEDBACK')
    .filter((c) => ids.includes(c.attrs.identifier!))
    .map((c) => c.text);
  return { score: Number(outcomes.get('SCORE') ?? 0), feedback: shown };
}
