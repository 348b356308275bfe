import type { Node } from 'mdast';

/**
 * Lessons (modules and tracks) are mostly prose, and lint needs only their links and
 * images from the body. A top-level run of non-blank lines with no "[" cannot hold a
 * link or image, so it is replaced by empty lines before parsing, and runs of empty lines
 * are closed up to one. Positions are put back after parsing (restorePositions). Offsets
 * are not, so positions are taken from line and column (see spanOf).
 *
 * Blanking must never change how the kept runs parse, so a run is kept when it could
 * open, close or continue a construct that spans blank lines: it is indented (a list
 * continuation or indented code), the next run is indented, or it holds a fence line,
 * "<" (HTML, autolinks) or ">" (the end of an HTML comment, block quotes). In a kept
 * run, plain prose before a line's first "[" is cut too (see CUTTABLE_LINE), and the
 * columns are put back on the tree after parsing.
 * test/lesson-source.test.ts checks all of this against a whole parse with fast-check.
 */

const KEEP_CHARS = /[[<>]/;
const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/m;

interface Run {
  start: number;
  end: number;
  indented: boolean;
  keep: boolean;
}

function runsOf(text: string, from: number): Run[] {
  const runs: Run[] = [];
  let cur: Run | undefined;
  for (let pos = from; pos < text.length;) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    const lineEnd = Math.min(text.length, next + 1);
    const line = text.slice(pos, next);
    if (!/\S/.test(line)) {
      if (cur) runs.push(cur);
      cur = undefined;
    } else {
      cur ??= { start: pos, end: pos, indented: /^[ \t]/.test(line), keep: false };
      cur.end = lineEnd;
      if (!cur.keep && (KEEP_CHARS.test(line) || FENCE_LINE.test(line))) cur.keep = true;
    }
    pos = lineEnd;
  }
  if (cur) runs.push(cur);
  return runs;
}

/**
 * Text before the first "[" of a prose line is cut when nothing in it can change how the
 * rest parses: no HTML, autolink, escape or "!" (image) marker, no "]", and code spans
 * only when they open and close inside it (see codeSpansClosed).
 * The line must start at column 0 with a letter (a paragraph line, never a list marker,
 * heading, quote or table), and what is left must not read as a definition.
 */
const CUTTABLE_LINE = /^[A-Za-z][^<>\\![\]\r\n]*(?=\[)/;
const DEFINITION_START = /^\[(?:[^\]\\]|\\.)*\]:/;
const BACKTICKS = /`+/g;

/**
 * A code span runs from a backtick string to the next one of the same length. With no
 * span open where the prefix starts, the prefix may go when its strings pair up inside
 * it; an unpaired one could close after the "[" and hide the link.
 */
function codeSpansClosed(prefix: string): boolean {
  const runs = prefix.match(BACKTICKS);
  if (!runs) return true;
  for (let i = 0; i < runs.length; i++) {
    const close = runs.indexOf(runs[i]!, i + 1);
    if (close === -1) return false;
    i = close;
  }
  return true;
}

/**
 * A line of a kept paragraph that holds nothing a link could be made of is dropped, and
 * the lines around it meet: it starts with a letter at column 0 (so it continues the
 * paragraph whatever comes before it) and has no bracket, parenthesis, quote or escape.
 * Only after a line that also starts with a letter (paragraph text, never a definition
 * or a list item), after which no parenthesis is open, and that does not end with ":"
 * (a link's or definition's destination may follow on the next line). Never in a run
 * with "<" or "`" (HTML and code spans may span lines) or "]:" (a definition's last line
 * may start with a letter, and what follows it must not become a definition too). In a
 * big lesson's long paragraph this leaves the parser a third of the lines.
 */
const INERT_LINE = /^[A-Za-z][^[\]()<>`\\"'\r]*$/;
const CONTINUED_LINE = /^[A-Za-z](?:.*[^:\s])?\s*$/;
const DROP_BLOCKERS = /[<`]|\]:/;

/**
 * How many parentheses are open after the line, from `depth` open before it. A ")" with
 * none open closes nothing (such as "1)"). Open ones may be a link's destination and
 * title, which run over lines.
 */
function parensOpen(line: string, depth: number): number {
  for (let i = line.indexOf('('), j = line.indexOf(')'); i !== -1 || j !== -1;) {
    if (j === -1 || (i !== -1 && i < j)) {
      depth++;
      i = line.indexOf('(', i + 1);
    } else {
      if (depth > 0) depth--;
      j = line.indexOf(')', j + 1);
    }
  }
  return depth;
}

export interface LessonSource {
  text: string;
  /** Columns cut from the start of a line (1-based line of the given text → characters cut). */
  cuts: Map<number, number>;
  /** When runs of empty lines were closed up: the given text's line of each line of `text` (1-based). */
  lines?: Int32Array;
}

export function lessonSource(text: string, from: number): LessonSource {
  const runs = runsOf(text, from);
  const parts: string[] = [];
  const cuts = new Map<number, number>();
  const dropped = new Set<number>();
  let copied = 0;
  let line = 1 + emptyLines(text, 0, from).length;
  let lineAt = from;
  const lineOf = (offset: number) => {
    line += emptyLines(text, lineAt, offset).length;
    lineAt = offset;
    return line;
  };
  runs.forEach((r, i) => {
    const blank = !(r.keep || r.indented || runs[i + 1]?.indented);
    if (blank) {
      parts.push(text.slice(copied, r.start), emptyLines(text, r.start, r.end));
      copied = r.end;
      return;
    }
    if (r.indented) return;
    // Once a line of the paragraph has a backtick, a span may be open where the next starts.
    let spanMayBeOpen = false;
    const mayDrop = !DROP_BLOCKERS.test(text.slice(r.start, r.end));
    let previousContinues = false;
    let parens = 0;
    for (let pos = r.start; pos < r.end;) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1 || nl > r.end) nl = r.end;
      const line = text.slice(pos, nl);
      parens = parensOpen(line, parens);
      const continues = mayDrop && parens === 0 && CONTINUED_LINE.test(line);
      if (previousContinues && INERT_LINE.test(line)) {
        dropped.add(lineOf(pos));
        previousContinues = continues;
        pos = nl + 1;
        continue;
      }
      previousContinues = continues;
      const m = CUTTABLE_LINE.exec(line);
      const spansOk =
        m !== null && (m[0].indexOf('`') === -1 || (!spanMayBeOpen && codeSpansClosed(m[0])));
      if (line.indexOf('`') !== -1) spanMayBeOpen = true;
      if (m && spansOk && m[0].length > 0 && !DEFINITION_START.test(line.slice(m[0].length))) {
        parts.push(text.slice(copied, pos));
        copied = pos + m[0].length;
        cuts.set(lineOf(pos), m[0].length);
      }
      pos = nl + 1;
    }
  });
  if (copied !== 0) parts.push(text.slice(copied));
  return { ...closeUpEmptyLines(copied === 0 ? text : parts.join(''), dropped), cuts };
}

/**
 * Each empty line still costs the parser a few microseconds (a cold lint of 2,000 lessons
 * spent a tenth of its Markdown time on them), and one ends a block as well as ten do:
 * CommonMark gives a run of empty lines no meaning its first does not, so runs become one
 * empty line, and the line each kept line came from is recorded.
 */
function closeUpEmptyLines(
  text: string,
  dropped: ReadonlySet<number>,
): { text: string; lines?: Int32Array } {
  if (!dropped.size && text.indexOf('\n\n\n') === -1) return { text };
  const kept: string[] = [];
  const lines: number[] = [0];
  let previousEmpty = false;
  for (let pos = 0, line = 1; ; line++) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const empty = end === pos;
    if (dropped.has(line)) {
      // Gone as if never there: the lines around it meet.
    } else if (!(empty && previousEmpty)) {
      kept.push(text.slice(pos, end));
      lines.push(line);
      previousEmpty = empty;
    } else previousEmpty = empty;
    if (nl === -1) break;
    pos = nl + 1;
  }
  return { text: kept.join('\n'), lines: Int32Array.from(lines) };
}

/** The range's line breaks alone: the parser then sees empty lines, at almost no cost. */
function emptyLines(text: string, start: number, end: number): string {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return '\n'.repeat(n);
}

/** The text with one range emptied, its lines kept, so every line number stays. */
export function blankRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + emptyLines(text, start, end) + text.slice(end);
}

/**
 * Put back what lessonSource took, on every position of the parsed nodes: the lines closed
 * up and the columns cut. The parsed text had `lineShift` lines before the lesson's own.
 */
export function restorePositions(
  nodes: readonly Node[],
  source: LessonSource,
  lineShift: number,
): void {
  const { cuts, lines } = source;
  if (!cuts.size && !lines) return;
  const restore = (point: { line: number; column: number }) => {
    const own = point.line - lineShift;
    const original = lines ? (lines[own] ?? own) : own;
    point.column += cuts.get(original) ?? 0;
    point.line = original + lineShift;
  };
  const stack: Node[] = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      restore(n.position.start);
      restore(n.position.end);
    }
    const children = (n as { children?: Node[] }).children;
    if (children) for (const c of children) stack.push(c);
  }
}
