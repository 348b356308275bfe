/**
 * micromark pairs emphasis marks and brackets by walking back over everything before them
 * in the same paragraph, and merges runs of text with splices: `**a*` or `[a](` repeated
 * cost time that grows with the square of the paragraph (64 KB of `**a*`: 6 s). A linear
 * pre-scan counts those marks in each paragraph and refuses one with more than the limit,
 * which keeps a paragraph's cost bounded and so a text's cost linear in its length.
 *
 * A paragraph is taken as the lines between blank lines, broken again at headings and list
 * items (each starts inline content of its own), fenced code left out: an over-estimate,
 * which is safe. A list of 500 links is 500 paragraphs, not one.
 */

import { closesFence, fenceMarker, lineAt } from './fence-line.js';

/** Emphasis marks and brackets one paragraph may hold. */
export const MAX_INLINE_MARKS = 1000;

/** A line that starts inline content of its own: a heading or a list item (in a quote or not). */
const NEW_INLINE = /^[ \t>]*(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]+\S|\d{1,9}[.)][ \t]+\S)/;

export interface DenseParagraph {
  /** 1-based line the paragraph starts on. */
  line: number;
  marks: number;
}

function marksIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // * _ [ ]
    if (c === 42 || c === 95 || c === 91 || c === 93) n++;
  }
  return n;
}

/** NEW_INLINE, tested only on a line whose first mark (past spaces and >) could start it. */
export function startsInline(text: string, pos: number, next: number): boolean {
  let k = pos;
  for (
    let c = text.charCodeAt(k);
    k < next && (c === 32 || c === 9 || c === 62);
    c = text.charCodeAt(++k)
  );
  const c = text.charCodeAt(k);
  const could = c === 35 || c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57);
  return could && NEW_INLINE.test(text.slice(pos, Math.min(next, pos + 256)));
}

/** The first paragraph from `from` on with more than `limit` marks, if any. */
export function findDenseParagraph(
  text: string,
  from = 0,
  limit = MAX_INLINE_MARKS,
): DenseParagraph | undefined {
  let line = lineAt(text, from);
  let fence: string | undefined;
  let start = line;
  let marks = 0;
  for (let pos = from; pos < text.length; line++) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    const m = fenceMarker(text, pos, next);
    if (fence) {
      if (m && closesFence(m, fence)) fence = undefined;
    } else if (m) {
      fence = m;
      marks = 0;
    } else {
      let blank = true;
      for (let i = pos; i < next && blank; i++) blank = text.charCodeAt(i) <= 32;
      if (blank) marks = 0;
      else {
        if (marks === 0 || startsInline(text, pos, next)) [marks, start] = [0, line];
        marks += marksIn(text, pos, next);
        if (marks > limit) return { line: start, marks };
      }
    }
    pos = next + 1;
  }
  return undefined;
}

export function denseParagraphMessage(found: DenseParagraph): string {
  return `Expected a paragraph of at most ${MAX_INLINE_MARKS} emphasis marks and brackets (* _ [ ]); found ${found.marks} in the one from line ${found.line}. Split it with blank lines, or put the text in a code block.`;
}
