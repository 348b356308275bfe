import { FENCE } from './fence-line.js';

/**
 * Where a Markdown document may be cut into pieces that each parse alone to the blocks
 * the whole would give (in a lesson, to the links): big documents parse faster in pieces,
 * and an editor parses again only the pieces an edit touched (see markdown.ts).
 */

/** Parsing cost grows faster than linearly with document size, so big files are parsed in chunks. */
export const CHUNK_TARGET = 8 * 1024;

/**
 * A line that starts a fresh top-level block after a blank line: not indented, not a list
 * item, and not "---", which would read as front matter at the start of a chunk.
 */
const FRESH_BLOCK = /^(?![ \t]|[-+*][ \t]|[-+*]$|\d{1,9}[.)](?:[ \t]|$)|---)\S/;
/** A heading that starts a block is a block of one line: the next line starts another. */
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const HTML_BLOCK_OPEN = /^ {0,3}<(?:!--|script|pre|style|textarea|\?|![A-Z]|!\[CDATA\[)/i;
const HTML_BLOCK_CLOSE = /-->|<\/(?:script|pre|style|textarea)>|\?>|>|\]\]>/i;

export interface Chunk {
  start: number;
  end: number;
  line: number;
}

export interface Scan {
  chunks: Chunk[];
  /** Where the scan stopped at a cut the caller already has (and that cut's line). */
  sync?: { at: number; line: number };
}

/**
 * A top-level paragraph of a lesson, as far as read: whether it is still plain prose (every
 * line starts with a letter or "[", and none holds "<", a backtick or a backslash), and
 * the brackets and parentheses open after its last line.
 */
interface Prose {
  plain: boolean;
  brackets: number;
  parens: number;
  colonEnd: boolean;
}

const PROSE_START = /^[A-Za-z]/;
const PROSE_LINE = /^[A-Za-z[]/;
const PROSE_SPANNING = /[<`\\]/;

function readProse(prose: Prose, line: string): void {
  if (!PROSE_LINE.test(line) || PROSE_SPANNING.test(line)) {
    prose.plain = false;
    return;
  }
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A closing one with none open closes nothing.
    if (c === 91) prose.brackets++;
    else if (c === 93) prose.brackets -= prose.brackets > 0 ? 1 : 0;
    else if (c === 40) prose.parens++;
    else if (c === 41) prose.parens -= prose.parens > 0 ? 1 : 0;
  }
  prose.colonEnd = /:\s*$/.test(line);
}

/**
 * Cut a document before lines that follow a blank line or a heading outside fenced code
 * and HTML blocks and start at column 0 with something other than a list marker. Such a
 * line cannot continue any open block (a paragraph ends at the blank line, list items and
 * indented code need indentation, block quotes need ">"), so the pieces parse to
 * exactly the blocks the whole would. The scan starts at `from`, which must itself be
 * such a cut (or 0); it stops early at the first cut `isSync` accepts.
 *
 * A lesson, read for its links alone, is also cut inside a top-level paragraph of plain
 * prose, before a line starting with a letter, when no bracket or parenthesis is open and
 * the line before does not end with ":" (a definition's destination may follow). A link
 * or image cannot then span the cut, and the line after it starts a paragraph of its own
 * that parses to the same links (it cannot be a definition, nor start any other block).
 * What decides a cut is read from the text before it, so a scan may start at one.
 */
export function scanCuts(
  text: string,
  from: number,
  fromLine: number,
  target: number,
  frontMatterEnd: number,
  lesson: boolean,
  isSync?: (pos: number) => boolean,
): Scan {
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let chunkLine = fromLine;
  let fence: string | undefined;
  let inHtml = false;
  let previousBlank = true;
  let previousHeading = false;
  let prose: Prose | undefined;
  let line = fromLine;
  let pos = from;
  // The front matter reads as empty lines: nothing in it opens a block or may be cut.
  if (pos < frontMatterEnd) {
    for (
      let i = text.indexOf('\n', pos);
      i !== -1 && i < frontMatterEnd;
      i = text.indexOf('\n', i + 1)
    )
      line++;
    pos = frontMatterEnd;
  }
  for (; pos < text.length; line++) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    const content = text.slice(pos, next);
    if (fence) {
      previousHeading = false;
      const m = FENCE.exec(content);
      if (
        m &&
        m[1]![0] === fence[0] &&
        m[1]!.length >= fence.length &&
        content.trim() === m[0].trim()
      )
        fence = undefined;
    } else if (inHtml) {
      previousHeading = false;
      if (HTML_BLOCK_CLOSE.test(content)) inHtml = false;
    } else {
      const m = FENCE.exec(content);
      if (m) {
        fence = m[1];
        prose = undefined;
        previousHeading = false;
      } else if (
        HTML_BLOCK_OPEN.test(content) &&
        !HTML_BLOCK_CLOSE.test(content.slice(content.indexOf('<') + 2))
      ) {
        inHtml = true;
        prose = undefined;
        previousHeading = false;
      } else {
        const fresh: boolean = (previousBlank || previousHeading) && FRESH_BLOCK.test(content);
        const inProse =
          !fresh &&
          prose !== undefined &&
          prose.plain &&
          prose.brackets === 0 &&
          prose.parens === 0 &&
          !prose.colonEnd &&
          PROSE_START.test(content);
        if ((fresh || inProse) && pos > chunkStart) {
          if (isSync?.(pos)) {
            chunks.push({ start: chunkStart, end: pos, line: chunkLine });
            return { chunks, sync: { at: pos, line } };
          }
          if (pos - chunkStart >= target) {
            chunks.push({ start: chunkStart, end: pos, line: chunkLine });
            chunkStart = pos;
            chunkLine = line;
          }
        }
        // Only a heading that starts a block itself: after a line of text it may be inside
        // an HTML block, which runs to the next blank line.
        previousHeading = fresh && ATX_HEADING.test(content);
        if (lesson) {
          if (fresh)
            prose = PROSE_START.test(content)
              ? { plain: true, brackets: 0, parens: 0, colonEnd: false }
              : undefined;
          else if (content.trim() === '') prose = undefined;
          if (prose?.plain) readProse(prose, content);
        }
      }
    }
    previousBlank = content.trim() === '';
    pos = next + 1;
  }
  chunks.push({ start: chunkStart, end: text.length, line: chunkLine });
  return { chunks };
}

export function splitAtTopLevel(
  text: string,
  target = CHUNK_TARGET,
  frontMatterEnd = 0,
  lesson = false,
): Chunk[] {
  return scanCuts(text, 0, 1, target, frontMatterEnd, lesson).chunks;
}
