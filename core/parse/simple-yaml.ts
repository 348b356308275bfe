/**
 * Nearly all front matter is a flat list of `key: value` lines whose values are words,
 * numbers, quoted text without escapes, or one-line `[a, b]` and `{k: v}`. Those are
 * read here directly, at a tenth of the cost of a YAML document (a cold lint of 2,000
 * files spent a sixth of its time in YAML). Anything else — comments, indentation, block
 * lists, anchors, escapes, colons in plain text, duplicate keys, CRLF — gives undefined,
 * and the yaml library reads it. test/simple-yaml.test.ts holds every value and span
 * read here to what the yaml library gives, with fast-check.
 */

/** A value's place in the source: [start, end) without trailing blanks, as yaml's ranges give. */
export type Range = [start: number, end: number];

export interface SimpleMapping {
  data: Record<string, unknown>;
  /** By JSON pointer, as front-matter.ts keys spans: values, and keys under `pointer#key`. */
  ranges: Map<string, Range>;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):( +)(\S.*)$/;
const FLOW_ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*): +(\S.*)$/;
/** Plain text that YAML's core schema cannot read as anything but itself, a number or a keyword. */
const PLAIN = /^[A-Za-z0-9_/(][^#:[\]{},"'\\\t&*!|>%@`]*$/;
const DOUBLE = /^"[^"\\]*"$/;
const SINGLE = /^'[^']*'$/;
const KEYWORDS: Record<string, unknown> = {
  null: null,
  Null: null,
  NULL: null,
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};
const DECIMAL = /^[0-9]+$/;
const FLOAT = /^[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;
// Keys YAML reads as keywords, or that would touch an object's prototype, go to the library.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', ...Object.keys(KEYWORDS)]);

function scalar(text: string): { value: unknown } | undefined {
  if (DOUBLE.test(text) || SINGLE.test(text)) return { value: text.slice(1, -1) };
  if (!PLAIN.test(text)) return undefined;
  if (text in KEYWORDS) return { value: KEYWORDS[text] };
  // Octal and hexadecimal (0o17, 0x1F) are left to the yaml library.
  if (/^0[oOxX]/.test(text)) return undefined;
  if (DECIMAL.test(text) || FLOAT.test(text)) return { value: Number(text) };
  return { value: text };
}

/** The trimmed pieces of a one-line flow collection's inside, with where each starts. */
function pieces(inner: string, at: number): { text: string; start: number }[] | undefined {
  if (inner.trim() === '') return [];
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (!text) return undefined;
    out.push({ text, start: at + from + lead });
    from += part.length + 1;
  }
  return out;
}

function value(
  text: string,
  start: number,
  pointer: string,
  ranges: Map<string, Range>,
): { value: unknown } | undefined {
  const first = text[0];
  if (first === '[' || first === '{') {
    const close = first === '[' ? ']' : '}';
    if (text[text.length - 1] !== close) return undefined;
    const inner = text.slice(1, -1);
    if (/[[\]{}"'#]/.test(inner)) return undefined;
    const parts = pieces(inner, start + 1);
    if (!parts) return undefined;
    ranges.set(pointer, [start, start + text.length]);
    if (first === '[') {
      const list: unknown[] = [];
      for (const [i, p] of parts.entries()) {
        const v = scalar(p.text);
        if (!v) return undefined;
        ranges.set(`${pointer}/${i}`, [p.start, p.start + p.text.length]);
        list.push(v.value);
      }
      return { value: list };
    }
    const map: Record<string, unknown> = {};
    for (const p of parts) {
      const m = FLOW_ENTRY.exec(p.text);
      if (!m || FORBIDDEN_KEYS.has(m[1]!) || Object.hasOwn(map, m[1]!)) return undefined;
      const v = scalar(m[2]!);
      if (!v) return undefined;
      const valueStart = p.start + p.text.length - m[2]!.length;
      ranges.set(`${pointer}/${m[1]}#key`, [p.start, p.start + m[1]!.length]);
      ranges.set(`${pointer}/${m[1]}`, [valueStart, valueStart + m[2]!.length]);
      map[m[1]!] = v.value;
    }
    return { value: map };
  }
  const v = scalar(text);
  if (v) ranges.set(pointer, [start, start + text.length]);
  return v;
}

export function readSimpleMapping(source: string): SimpleMapping | undefined {
  if (source === '' || source.includes('\r')) return undefined;
  const data: Record<string, unknown> = {};
  const ranges = new Map<string, Range>([['', [0, source.length]]]);
  let at = 0;
  for (const line of source.split('\n')) {
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(data, key)) return undefined;
    const text = m[3]!.trimEnd();
    const start = at + key.length + 1 + m[2]!.length;
    ranges.set(`/${key}#key`, [at, at + key.length]);
    const v = value(text, start, `/${key}`, ranges);
    if (!v) return undefined;
    data[key] = v.value;
    at += line.length + 1;
  }
  return { data, ranges };
}
