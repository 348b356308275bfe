import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Definition, Root, RootContent, Node } from 'mdast';
import { depthOf, visit } from './mdast-util.js';
import { blankRange, lessonSource, restorePositions } from './lesson-source.js';
import { textChange, type TextChange } from '../text/text-change.js';
import { installLinearEditMap } from './linear-edit-map.js';
import { CHUNK_TARGET, scanCuts, splitAtTopLevel, type Chunk } from './cut-points.js';

export { CHUNK_TARGET, splitAtTopLevel, type Chunk };

/**
 * Lint only needs block structure, links, images, comments and task lists, so it parses
 * with the task-list extension alone: the rest of GFM (tables, autolink literals,
 * footnotes, strikethrough) costs ~40% more time and changes nothing lint reads.
 * The preview renders with full GFM.
 */
function remarkTaskList(this: Processor) {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

let processor: Processor<Root> | undefined;
function lintProcessor(): Processor<Root> {
  installLinearEditMap();
  processor ??= unified()
    .use(remarkParse)
    .use(remarkTaskList)
    .use(remarkFrontmatter, ['yaml'])
    .freeze();
  return processor;
}

function shift(node: Node, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      p.start.line += lines;
      p.end.line += lines;
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
    }
    const children = (n as { children?: Node[] }).children;
    if (children) for (const c of children) stack.push(c);
  }
}

/** A chunk with its parsed blocks, in the whole text's lines. */
export interface ParsedChunk extends Chunk {
  children: RootContent[];
  /** How deep the chunk's blocks nest (a block alone is 0). */
  depth: number;
  /** Its links, images and definitions, so a lesson's links are read without walking the tree. */
  links: Node[];
}

/**
 * What an incremental parse keeps between versions of one document: the text, how it
 * was cut and each piece's blocks. The blocks are reused (and moved) by the next parse.
 */
export interface MarkdownState {
  text: string;
  /** Where the front matter ends (0 without one). */
  frontMatterEnd: number;
  lesson: boolean;
  target: number;
  /** Reference definitions resolve across pieces; with any, every edit parses the whole again. */
  definitions: boolean;
  chunks: ParsedChunk[];
}

export interface MarkdownOptions {
  chunkTarget?: number;
  /** A lesson: only link-bearing blocks are parsed (see lesson-source.ts). */
  lesson?: boolean;
  /** The state of the previous version of this document, to parse only what changed. */
  previous?: MarkdownState;
  /**
   * The text before this offset is front matter, read already: the parser sees empty
   * lines there, and positions stay the whole text's.
   */
  frontMatterEnd?: number;
  /** Where the text differs from the previous version's, when the caller knows already. */
  change?: TextChange;
}

function depthOfBlocks(children: readonly RootContent[]): number {
  let depth = 0;
  for (const c of children) depth = Math.max(depth, depthOf(c));
  return depth;
}

/**
 * Parse each chunk, adding `defs` (definition lines) so references across chunks resolve:
 * after the first chunk's text (before it they would hide its front matter), before every
 * later chunk's (after it, an unclosed fence would swallow them). What parses from the
 * added definitions is dropped. With `more`, text follows the last chunk: a block left
 * open there cannot be joined to it, and undefined is returned.
 */
function parseChunks(
  p: Processor<Root>,
  text: string,
  cuts: readonly Chunk[],
  defs: string,
  lesson: boolean,
  frontMatterEnd: number,
  more = false,
): ParsedChunk[] | undefined {
  const chunks = [...cuts];
  const prefix = defs ? `${defs}\n\n` : '';
  const prefixLines = prefix ? prefix.split('\n').length - 1 : 0;
  const out: ParsedChunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    let raw = text.slice(chunk.start, chunk.end);
    // How many characters shorter the front matter is as empty lines: the parse's offsets are moved back by it.
    let hidden = 0;
    if (chunk.start < frontMatterEnd) {
      const blanked = blankRange(raw, 0, frontMatterEnd - chunk.start);
      hidden = raw.length - blanked.length;
      raw = blanked;
    }
    const source = lesson ? lessonSource(raw, 0) : undefined;
    const own = source ? source.text : raw;
    const before = chunk.start === 0 ? '' : prefix;
    const tree = p.parse(chunk.start === 0 ? (defs ? `${own}\n\n${defs}` : own) : before + own);
    const mine = tree.children.filter((c) => {
      const start = c.position?.start.offset ?? 0;
      return start >= before.length && start < before.length + own.length;
    });
    // The splitter reads fences and HTML by line patterns and can be fooled (a fence line
    // inside an HTML block, say). A wrong cut leaves a block open into the chunk's
    // trailing blank lines: then the cut is undone and the two chunks parse as one.
    const last = mine.at(-1);
    // trimEnd, not /\s+$/: the regex retries at every space of a long run (quadratic).
    const trailingBlank = before.length + own.trimEnd().length;
    if (
      (i + 1 < chunks.length || more) &&
      last &&
      (last.position?.end.offset ?? 0) > trailingBlank
    ) {
      if (i + 1 === chunks.length) return undefined;
      chunks[i + 1] = { start: chunk.start, end: chunks[i + 1]!.end, line: chunk.line };
      continue;
    }
    const lineShift = before ? prefixLines : 0;
    if (source) restorePositions(mine, source, lineShift);
    for (const child of mine)
      shift(child, chunk.line - 1 - lineShift, chunk.start - before.length + hidden);
    const links: Node[] = [];
    for (const child of mine)
      visit(
        child,
        (n) =>
          void (
            (n.type === 'link' || n.type === 'image' || n.type === 'definition') &&
            links.push(n)
          ),
      );
    // Written out, not spread: spread copies here each got a map of their own, and the
    // loops over every chunk on each keystroke went megamorphic (~1 µs a chunk).
    out.push({
      start: chunk.start,
      end: chunk.end,
      line: chunk.line,
      children: mine,
      depth: depthOfBlocks(mine),
      links,
    });
  }
  return out;
}

/** A definition written so it parses alone: the same label, destination and title. */
function definitionLine(d: Definition): string {
  const title = d.title ? ` "${d.title.replace(/["\\]/g, '\\$&')}"` : '';
  return `[${(d.label ?? d.identifier).replace(/[[\]\\]/g, '\\$&')}]: <${d.url.replace(/[<>\\]/g, '\\$&')}>${title}`;
}

function definitionsIn(chunks: readonly ParsedChunk[]): Definition[] {
  return chunks.flatMap((c) => c.links.filter((n): n is Definition => n.type === 'definition'));
}

function rootOf(chunks: readonly ParsedChunk[]): Root {
  const children = chunks.flatMap((c) => c.children);
  const end = children.at(-1)?.position?.end ?? { line: 1, column: 1, offset: 0 };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function parseWhole(
  text: string,
  lesson: boolean,
  target: number,
  frontMatterEnd: number,
): MarkdownState {
  const p = lintProcessor();
  const base = { text, frontMatterEnd, lesson, target };
  const pieces =
    text.length <= target * 2
      ? [{ start: 0, end: text.length, line: 1 }]
      : splitAtTopLevel(text, target, frontMatterEnd, lesson);
  let chunks = parseChunks(p, text, pieces, '', lesson, frontMatterEnd)!;
  if (chunks.length === 1)
    return { ...base, definitions: definitionsIn(chunks).length > 0, chunks };
  // References resolve across the whole document: if any chunk defines one, parse again
  // with every definition given to every chunk. Lessons rarely have any.
  const defs = definitionsIn(chunks);
  if (defs.length)
    chunks = parseChunks(
      p,
      text,
      chunks,
      defs.map(definitionLine).join('\n'),
      lesson,
      frontMatterEnd,
    )!;
  return { ...base, definitions: defs.length > 0, chunks };
}

/**
 * Parse again only the pieces an edit touched: the text before the edit keeps its cuts;
 * from the chunk the edit starts in, the text is cut afresh (in pieces of the target
 * size) until a cut that the old text also had, past the edit, from which on every old
 * chunk is reused and moved. Undefined when the whole must be parsed again.
 */
function reparse(
  prev: MarkdownState,
  text: string,
  frontMatterEnd: number,
  change = textChange(prev.text, text),
): MarkdownState | undefined {
  const old = prev.text;
  if (prev.definitions) return undefined;
  const { head, tail } = change;
  const delta = text.length - old.length;
  const oldEditEnd = old.length - tail;
  const chunks = prev.chunks;
  // The chunk the edit's first line is in; if that line starts a chunk, the one before,
  // since the edit may undo that cut.
  const editLine = text.lastIndexOf('\n', head - 1) + 1;
  let first = 0;
  // A changed front matter is read again with the first piece, where it is.
  if (frontMatterEnd === prev.frontMatterEnd)
    while (first + 1 < chunks.length && chunks[first + 1]!.start < editLine) first++;
  // Old chunks that start past the edit, by their start in the new text (chunks are in order).
  const oldChunkAt = (pos: number): number => {
    const want = pos - delta;
    if (want < oldEditEnd) return -1;
    let lo = first + 1;
    let hi = chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = chunks[mid]!.start;
      if (start === want) return mid;
      if (start < want) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const from = chunks[first]!;
  const scan = scanCuts(
    text,
    from.start,
    from.line,
    prev.target,
    frontMatterEnd,
    prev.lesson,
    (pos) => oldChunkAt(pos) !== -1,
  );
  const fresh = parseChunks(
    lintProcessor(),
    text,
    scan.chunks,
    '',
    prev.lesson,
    frontMatterEnd,
    scan.sync !== undefined,
  );
  if (!fresh || definitionsIn(fresh).length) return undefined;
  const kept = scan.sync ? chunks.slice(oldChunkAt(scan.sync.at)) : [];
  const lineDelta = scan.sync && kept.length ? scan.sync.line - kept[0]!.line : 0;
  // A lesson's offsets are not the text's anyway (its prose is cut; spans come from lines
  // and columns), so they are not moved: typing within a line then moves nothing.
  const offsetDelta = prev.lesson ? 0 : delta;
  // The previous state is given up to this one: its chunks move in place.
  for (const c of kept) {
    for (const child of c.children) shift(child, lineDelta, offsetDelta);
    c.start += delta;
    c.end += delta;
    c.line += lineDelta;
  }
  return { ...prev, text, frontMatterEnd, chunks: [...chunks.slice(0, first), ...fresh, ...kept] };
}

export interface ParsedMarkdown {
  root: Root;
  state: MarkdownState;
  /** How deep the tree nests, root included. */
  depth: number;
  /** The tree's links, images and definitions, in document order. */
  links: Node[];
}

/**
 * Parse Markdown into mdast with positions in the whole text, big documents in chunks.
 * Given the previous version's state (same lesson mode and chunk size), only the
 * pieces an edit touched are parsed again; the result is the tree a fresh parse gives
 * (for a lesson, the links: its paragraphs may be cut where a piece ended).
 */
export function parseMarkdownState(text: string, options: MarkdownOptions = {}): ParsedMarkdown {
  const lesson = options.lesson ?? false;
  const target = options.chunkTarget ?? CHUNK_TARGET;
  const prev = options.previous;
  const frontMatterEnd = options.frontMatterEnd ?? 0;
  const state =
    (prev &&
      prev.lesson === lesson &&
      prev.target === target &&
      (prev.text === text ? prev : reparse(prev, text, frontMatterEnd, options.change))) ||
    parseWhole(text, lesson, target, frontMatterEnd);
  // Plain loops: this runs on every keystroke over every chunk of the document.
  let depth = 0;
  const links: Node[] = [];
  for (const c of state.chunks) {
    if (c.children.length && c.depth + 1 > depth) depth = c.depth + 1;
    for (const l of c.links) links.push(l);
  }
  let root: Root | undefined;
  return {
    // A lesson's model needs only its links: the tree is put together only when asked for.
    get root() {
      return (root ??= rootOf(state.chunks));
    },
    state,
    depth,
    links,
  };
}

/** Parse Markdown (with front matter) into mdast with positions in the whole text. */
export function parseMarkdown(text: string, chunkTarget = CHUNK_TARGET): Root {
  return parseMarkdownState(text, { chunkTarget }).root;
}
