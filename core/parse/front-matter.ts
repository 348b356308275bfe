import { parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import type { LineIndex } from '../text/line-index.js';
import type { Span } from '../types.js';
import { readSimpleMapping } from './simple-yaml.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Spans of values by JSON pointer; `''` is the whole mapping. Keys' own spans are under `pointer#key`. */
  spans: Record<string, Span>;
  span: Span;
}

export type FrontMatterResult =
  { ok: true; value: FrontMatter } | { ok: false; span: Span; message: string };

function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function collectSpans(
  node: YamlNode | null,
  pointer: string,
  base: number,
  lines: LineIndex,
  out: Record<string, Span>,
  depth: number,
): void {
  if (!node || depth > 20) return;
  if (node.range) out[pointer] = lines.span(base + node.range[0], base + node.range[1]);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const child = `${pointer}/${escapePointer(key)}`;
      const keyNode = pair.key as YamlNode | null;
      if (keyNode && keyNode.range)
        out[`${child}#key`] = lines.span(base + keyNode.range[0], base + keyNode.range[1]);
      if (pair.value) collectSpans(pair.value as YamlNode, child, base, lines, out, depth + 1);
      else if (keyNode?.range) out[child] = out[`${child}#key`]!;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) =>
      collectSpans(item as YamlNode, `${pointer}/${i}`, base, lines, out, depth + 1),
    );
  }
}

/**
 * Read the YAML between the opening `---` and closing `---`. `start`/`end` are the
 * offsets of the whole block, fences included.
 */
export function readFrontMatter(
  text: string,
  start: number,
  end: number,
  lines: LineIndex,
): FrontMatterResult {
  const firstBreak = text.indexOf('\n', start);
  const contentStart = firstBreak === -1 ? end : firstBreak + 1;
  const closing = text.lastIndexOf('\n', end - 1);
  const contentEnd = Math.max(contentStart, closing === -1 ? end : closing);
  const source = text.slice(contentStart, contentEnd);
  const span = lines.span(start, end);
  const simple = readSimpleMapping(source);
  if (simple) {
    const spans: Record<string, Span> = {};
    for (const [pointer, [from, to]] of simple.ranges)
      spans[pointer] = lines.span(contentStart + from, contentStart + to);
    return { ok: true, value: { data: simple.data, spans, span } };
  }
  return readWithYaml(source, contentStart, contentEnd, span, lines);
}

/** The line nesting deepest (by its brackets and indentation), where a flattening starts. */
function tooDeep(source: string, contentStart: number, lines: LineIndex): FrontMatterResult {
  let deepest = 0;
  let at = 0;
  let depth = 0;
  let lineStart = 0;
  for (let i = 0; i <= source.length; i++) {
    const c = source.charCodeAt(i);
    if (i === source.length || c === 10) {
      const indent = /^[ \t-]*/.exec(source.slice(lineStart, Math.min(i, lineStart + 10_000)))![0]
        .length;
      if (depth + indent > deepest) [deepest, at] = [depth + indent, lineStart];
      lineStart = i + 1;
    } else if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  const line = lines.span(contentStart + at, contentStart + at);
  return {
    ok: false,
    span: lines.lineSpan(line.start.line),
    message:
      'Expected YAML front matter nested a few levels deep; found it nested too deep to read. Flatten the lists and mappings there.',
  };
}

/** The yaml library's reading, for everything readSimpleMapping leaves to it. */
export function readWithYaml(
  source: string,
  contentStart: number,
  contentEnd: number,
  span: Span,
  lines: LineIndex,
): FrontMatterResult {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, {
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      logLevel: 'error',
    });
  } catch (e) {
    // The yaml library recurses on nesting (`a: [[[[…`): past what the stack holds it throws.
    if (e instanceof RangeError) return tooDeep(source, contentStart, lines);
    throw e;
  }
  // The yaml library also catches its own stack overflow and reports it as an error.
  if (doc.errors.some((e) => e.message.includes('call stack')))
    return tooDeep(source, contentStart, lines);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const at = contentStart + (err.pos?.[0] ?? 0);
    const reason = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      span: lines.span(at, Math.max(at, contentStart + (err.pos?.[1] ?? 0))),
      message: `Expected valid YAML front matter; found a YAML error: ${reason}. Fix the YAML between the --- lines.`,
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    if (e instanceof RangeError) return tooDeep(source, contentStart, lines);
    // Aliases are resolved here, not while parsing: an unknown or runaway alias throws.
    return {
      ok: false,
      span: lines.span(contentStart, contentEnd),
      message: `Expected valid YAML front matter; found a YAML error: ${(e as Error).message}. Fix the YAML between the --- lines.`,
    };
  }
  if (data === null || data === undefined) {
    return { ok: true, value: { data: {}, spans: { '': span }, span } };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      span,
      message:
        'Expected the front matter to be a YAML mapping of keys such as type: and id:; found a single value or a list. Write key: value lines.',
    };
  }
  const spans: Record<string, Span> = {};
  collectSpans(doc.contents, '', contentStart, lines, spans, 0);
  spans[''] ??= span;
  return { ok: true, value: { data: data as Record<string, unknown>, spans, span } };
}
