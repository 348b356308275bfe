/**
 * Lessons (modules and tracks) are mostly prose, and lint needs only their links and
 * images from the body. A top-level run of non-blank lines with no "[" cannot hold a
 * link or image, so it is replaced by empty lines before parsing: the parser skips them
 * almost for free, and every kept line keeps its number and its columns. Offsets move,
 * so positions are taken from line and column (see spanOf).
 *
 * Blanking must never change how the kept runs parse, so a run is kept when it could
 * open, close or continue a construct that spans blank lines: it is indented (a list
 * continuation or indented code), the next run is indented, or it holds a fence line,
 * "<" (HTML, autolinks) or ">" (the end of an HTML comment, block quotes).
 * test/link-free-blocks.test.ts checks this against a whole parse with fast-check.
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
  for (let pos = from; pos < text.length; ) {
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

export function blankLinkFreeBlocks(text: string, from: number): string {
  const runs = runsOf(text, from);
  const parts: string[] = [];
  let copied = 0;
  runs.forEach((r, i) => {
    if (r.keep || r.indented || runs[i + 1]?.indented) return;
    parts.push(text.slice(copied, r.start), emptyLines(text, r.start, r.end));
    copied = r.end;
  });
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
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
