import { closesFence, fenceMarker, lineAt } from './fence-line.js';
import { startsInline } from './inline-marks-guard.js';

/**
 * A paragraph in a block quote or list item may go on over lines without the `>` or the
 * indentation ("lazy" lines). micromark, on each lazy line, walks back over every event of
 * the paragraph so far to see whether it is still open: `> a` and then `b` on 32,000 lines
 * read the paragraph 32,000 times (64 KB: 14 s in a sheet, 41 s in the preview). A paragraph
 * with at most MAX_LAZY_LINES lazy lines costs at most that many walks of it, which is
 * linear; this pre-scan refuses one with more.
 *
 * It over-counts, which is safe: a paragraph is taken to be in a container when its first
 * line starts with `>`, a list marker or two spaces, and a later line of it without those is
 * counted lazy. Top-level fenced code is left out.
 */

/** Lines without their `>` or indentation one paragraph in a block quote or list item may have. */
export const MAX_LAZY_LINES = 100;

export interface LazyParagraph {
  /** 1-based line the paragraph starts on. */
  line: number;
  lazy: number;
}

/** A line that keeps (or opens) a container: `>`, a list marker, or two columns of indentation. */
function prefixed(text: string, pos: number, next: number): boolean {
  const c = text.charCodeAt(pos);
  if (
    c === 9 ||
    (c === 32 && text.charCodeAt(pos + 1) === 32) ||
    (c === 32 && text.charCodeAt(pos + 1) === 9)
  )
    return pos + 1 < next;
  let k = pos;
  while (k < next && k - pos < 3 && text.charCodeAt(k) === 32) k++;
  return text.charCodeAt(k) === 62 /* > */ || startsInline(text, pos, next);
}

/** The first paragraph from `from` on with more than `limit` lazy lines, if any. */
export function findLazyParagraph(
  text: string,
  from = 0,
  limit = MAX_LAZY_LINES,
): LazyParagraph | undefined {
  let line = lineAt(text, from);
  let fence: string | undefined;
  /** The paragraph's first line when it is in a container, else 0 (none, or at top level). */
  let start = 0;
  let open = false;
  let lazy = 0;
  for (let pos = from; pos < text.length; line++) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    const m = fenceMarker(text, pos, next);
    if (fence) {
      if (m && closesFence(m, fence)) fence = undefined;
    } else if (m) {
      fence = m;
      open = false;
    } else {
      // Blank, in a quote too: `>` and spaces only.
      let blank = true;
      for (let i = pos; i < next && blank; i++) {
        const c = text.charCodeAt(i);
        blank = c <= 32 || c === 62;
      }
      if (blank) open = false;
      // A list item or heading starts a paragraph of its own.
      else if (startsInline(text, pos, next)) [open, start, lazy] = [true, line, 0];
      else if (prefixed(text, pos, next)) {
        if (!open) [open, start, lazy] = [true, line, 0];
      } else if (!open) [open, start, lazy] = [true, 0, 0];
      else if (start !== 0 && ++lazy > limit) return { line: start, lazy };
    }
    pos = next + 1;
  }
  return undefined;
}

export function lazyParagraphMessage(found: LazyParagraph): string {
  return `Expected a paragraph in a block quote or list item to keep its ">" or indentation on its lines (at most ${MAX_LAZY_LINES} without); found ${found.lazy} in the one from line ${found.line}. Start each of those lines with ">" or indent it, or end the quote or list with a blank line.`;
}
