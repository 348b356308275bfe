import { closesFence, fenceMarker, lineAt } from './fence-line.js';
import { startsInline } from './inline-marks-guard.js';

/**
 * micromark tries each inline HTML opener (`<?`, `<!--`, `<![CDATA[`, `<!X`, `<a`) by
 * reading on to its end (`?>`, `-->`, `]]>`, `>`) through the rest of the paragraph, and on
 * failing tries again from the next character: `<? ` repeated read the paragraph once per
 * opener (64 KB: 18 s in a sheet, 37 s in the preview). This linear pre-scan adds up, per
 * paragraph, how far each opener would be read (to its end, or to the paragraph's end when
 * it has none) and refuses a paragraph that would be read more than a few dozen times over.
 *
 * Paragraphs are split as inline-marks-guard.ts splits them (blank lines, headings, list
 * items, fenced code left out); a quote's `>` is not a break, so quoted paragraphs join and
 * the estimate only grows: safe.
 */

/** How many times over the openers of a paragraph may read it, beyond a small allowance. */
export const MAX_HTML_READS = 32;
const ALLOWANCE = 4096;

export interface CostlyInlineHtml {
  /** 1-based line the paragraph starts on. */
  line: number;
  /** Openers in it with no end in the paragraph. */
  unclosed: number;
}

const ENDS = ['?>', '-->', ']]>', '>'] as const;

/**
 * Where each opener's read ends. `next` holds, per end marker, its next place in the whole
 * text (-1: none left; -2: not looked for yet), kept across paragraphs so each marker is
 * looked for once per place it is found: linear over the text.
 */
function readCost(
  text: string,
  from: number,
  to: number,
  next: number[],
): { cost: number; unclosed: number } {
  const find = (end: number, at: number): number => {
    let p = next[end]!;
    if (p === -2 || (p !== -1 && p < at)) next[end] = p = text.indexOf(ENDS[end]!, at);
    return p;
  };
  let cost = 0;
  let unclosed = 0;
  for (let i = text.indexOf('<', from); i !== -1 && i < to; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    let end: number;
    if (c === 63 /* ? */) end = 0;
    else if (c === 33 /* ! */)
      end = text.startsWith('--', i + 2) ? 1 : text.startsWith('[CDATA[', i + 2) ? 2 : 3;
    else if (c === 47 /* / */ || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) end = 3;
    else continue;
    const at = find(end, i + 2);
    if (at === -1 || at >= to) {
      unclosed++;
      cost += to - i;
    } else cost += at - i;
  }
  return { cost, unclosed };
}

/**
 * The end of an HTML block of kinds 2 to 5 (comment, instruction, declaration, CDATA) that
 * starts at `i`: they start at any line's start, even within a paragraph, and run to the
 * line holding their end, unread by the inline parser.
 */
function htmlBlockEnd(text: string, i: number): string | undefined {
  if (text.startsWith('<!--', i)) return '-->';
  if (text.startsWith('<?', i)) return '?>';
  if (text.startsWith('<![CDATA[', i)) return ']]>';
  const c = text.charCodeAt(i + 2);
  if (text.charCodeAt(i + 1) === 33 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return '>';
  return undefined;
}

/** The first paragraph from `from` on whose inline HTML openers would be read too long, if any. */
export function findCostlyInlineHtml(text: string, from = 0): CostlyInlineHtml | undefined {
  let line = lineAt(text, from);
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  let start = -1;
  let startLine = line;
  let openers = false;
  let nextLt = -1;
  const ends = [-2, -2, -2, -2];
  const close = (end: number): CostlyInlineHtml | undefined => {
    if (start !== -1 && openers) {
      const { cost, unclosed } = readCost(text, start, end, ends);
      if (cost > MAX_HTML_READS * (end - start) + ALLOWANCE) return { line: startLine, unclosed };
    }
    start = -1;
    openers = false;
    return undefined;
  };
  for (let pos = from; pos < text.length; line++) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    let k = pos;
    while (k < next && k - pos < 4 && text.charCodeAt(k) === 32) k++;
    const first = text.charCodeAt(k);
    const m = fenceMarker(text, pos, next);
    if (htmlEnd) {
      if (text.slice(pos, next).includes(htmlEnd)) htmlEnd = undefined;
    } else if (fence) {
      if (m && closesFence(m, fence)) fence = undefined;
    } else if (first === 60 /* < */ && (htmlEnd = htmlBlockEnd(text, k)) !== undefined) {
      // An HTML block is not read as inline content: its lines are left out up to its end.
      const found = close(pos);
      if (found) return found;
      if (text.slice(k + 2, next).includes(htmlEnd)) htmlEnd = undefined;
    } else {
      let blank = true;
      for (let i = pos; i < next && blank; i++) blank = text.charCodeAt(i) <= 32;
      if (blank || m || startsInline(text, pos, next)) {
        const found = close(pos);
        if (found) return found;
        if (m) fence = m;
      }
      if (!blank && !m) {
        if (start === -1) [start, startLine] = [pos, line];
        // One indexOf finds the next `<` for every line up to it.
        if (nextLt < pos) nextLt = text.indexOf('<', pos) >>> 0;
        if (nextLt < next) openers = true;
      }
    }
    pos = next + 1;
  }
  return close(text.length);
}

export function costlyInlineHtmlMessage(found: CostlyInlineHtml): string {
  return `Expected inline HTML (<!--, <?, <!, <tag) in a paragraph to be closed; found ${found.unclosed} left open in the one from line ${found.line}. Close them, write < as \\< or &lt;, or put the text in a code block.`;
}
