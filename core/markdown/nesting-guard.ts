import { lineAt } from './fence-line.js';
/**
 * A linear pre-scan for Markdown nested too deep to parse in time. micromark's work on a
 * line grows with the square of the containers opened on it (`- - - … x` took 179 s at
 * 32 KB), and the trees it builds are walked recursively later. So before any parser sees
 * a text, each line's container prefix is measured and a text nesting deeper than the limit
 * is refused at its line.
 *
 * The measure bounds the containers open at a line from above without parsing: a block
 * quote continues only with its `>` on the line, a list item only with at least two columns
 * of indentation, and new ones open only with their markers. So a line's depth is at most
 * its `>`s, plus its list markers, plus half its indentation. (A lazy paragraph line keeps
 * containers open without a prefix, but opens none: their depth was measured where they
 * were opened.) A line indented 200 columns in a code block is counted as nested too.
 */

/** Containers (block quotes and list items) one line may be inside. */
export const MAX_NESTING = 100;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const GT = 62;

function isBullet(c: number): boolean {
  return c === 45 /* - */ || c === 43 /* + */ || c === 42; /* * */
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** After a marker: a space, a tab or the end of the line. */
function endsMarker(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i >= text.length || c === SPACE || c === TAB || c === NEWLINE || c === 13;
}

export interface DeepNesting {
  /** 1-based line of the first line nested too deep. */
  line: number;
  /** How deep that line may be nested, as far as the prefix alone tells. */
  depth: number;
}

/** Each line's depth from `from` on, as far as its prefix tells, until `stop` says so. */
function eachDepth(
  text: string,
  from: number,
  stop: (line: number, depth: number) => boolean,
): void {
  let line = lineAt(text, from);
  let i = from;
  while (i < text.length) {
    let column = 0;
    let whitespace = 0;
    let markers = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        column++;
        whitespace++;
        i++;
      } else if (c === TAB) {
        const to = column + 4 - (column % 4);
        whitespace += to - column;
        column = to;
        i++;
      } else if (c === GT || (isBullet(c) && endsMarker(text, i + 1))) {
        markers++;
        column++;
        i++;
        // The space after a marker belongs to it: only indentation beyond it continues an item.
        if (text.charCodeAt(i) === SPACE) [i, column] = [i + 1, column + 1];
      } else if (isDigit(c)) {
        let j = i;
        while (j < text.length && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d !== 46 /* . */ && d !== 41) /* ) */ || !endsMarker(text, j + 1)) break;
        markers++;
        column += j + 1 - i;
        i = j + 1;
        if (text.charCodeAt(i) === SPACE) [i, column] = [i + 1, column + 1];
      } else break;
    }
    if (stop(line, markers + (whitespace >> 1))) return;
    const next = text.indexOf('\n', i);
    if (next === -1) break;
    i = next + 1;
    line++;
  }
}

/** The first line from `from` on whose prefix nests more than `limit` containers, if any. */
export function findDeepNesting(
  text: string,
  from = 0,
  limit = MAX_NESTING,
): DeepNesting | undefined {
  let found: DeepNesting | undefined;
  eachDepth(text, from, (line, depth) => {
    if (depth <= limit) return false;
    found = { line, depth };
    return true;
  });
  return found;
}

/**
 * The first of the lines nested deepest, for a refusal that came from a parser's stack
 * rather than from this guard: the line to fix, not line 1.
 */
export function deepestLine(text: string, from = 0): number {
  let best = 1;
  let max = -1;
  eachDepth(text, from, (line, depth) => {
    if (depth > max) [best, max] = [line, depth];
    return false;
  });
  return best;
}

/** The problem's message, one for every reader (lint, sheets, preview). */
export function deepNestingMessage(found: DeepNesting): string {
  return `Expected Markdown nested at most ${MAX_NESTING} lists or block quotes deep; found ${found.depth} on line ${found.line}. Flatten the lists or block quotes there.`;
}
