import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Definition, Root, RootContent, Node } from 'mdast';
import { visit } from './mdast-util.js';

/**
 * Lint only needs block structure, links, images, comments and task lists, so it parses
 * with the task-list extension alone: the rest of GFM (tables, autolink literals,
 * footnotes, strikethrough) costs ~40% more time and changes nothing lint reads.
 * The preview renders with full GFM.
 */
function remarkTaskList(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

let processor: Processor<Root> | undefined;
function lintProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkTaskList).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor<Root>;
  return processor;
}

/** Parsing cost grows faster than linearly with document size, so big files are parsed in chunks. */
export const CHUNK_TARGET = 8 * 1024;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/**
 * A line that starts a fresh top-level block after a blank line: not indented, not a list
 * item, and not "---", which would read as front matter at the start of a chunk.
 */
const FRESH_BLOCK = /^(?![ \t]|[-+*][ \t]|[-+*]$|\d{1,9}[.)](?:[ \t]|$)|---)\S/;
const HTML_BLOCK_OPEN = /^ {0,3}<(?:!--|script|pre|style|textarea|\?|![A-Z]|!\[CDATA\[)/i;
const HTML_BLOCK_CLOSE = /-->|<\/(?:script|pre|style|textarea)>|\?>|>|\]\]>/i;

interface Chunk {
  start: number;
  end: number;
  line: number;
}

/**
 * Cut a document before lines that follow a blank line outside fenced code and HTML
 * blocks and start at column 0 with something other than a list marker. Such a line
 * cannot continue any open block (a paragraph ends at the blank line, list items and
 * indented code need indentation, block quotes need ">"), so the pieces parse to
 * exactly the blocks the whole would.
 */
export function splitAtTopLevel(text: string, target = CHUNK_TARGET): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let fence: string | undefined;
  let inHtml = false;
  let previousBlank = true;
  let line = 1;
  for (let pos = 0; pos < text.length; line++) {
    let next = text.indexOf('\n', pos);
    if (next === -1) next = text.length;
    const content = text.slice(pos, next);
    if (fence) {
      const m = FENCE.exec(content);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && content.trim() === m[0].trim()) fence = undefined;
    } else if (inHtml) {
      if (HTML_BLOCK_CLOSE.test(content)) inHtml = false;
    } else {
      const m = FENCE.exec(content);
      if (m) fence = m[1];
      else if (HTML_BLOCK_OPEN.test(content) && !HTML_BLOCK_CLOSE.test(content.slice(content.indexOf('<') + 2))) inHtml = true;
      else if (previousBlank && FRESH_BLOCK.test(content) && pos - chunkStart >= target) {
        chunks.push({ start: chunkStart, end: pos, line: chunkLine });
        chunkStart = pos;
        chunkLine = line;
      }
    }
    previousBlank = content.trim() === '';
    pos = next + 1;
  }
  chunks.push({ start: chunkStart, end: text.length, line: chunkLine });
  return chunks;
}

function shift(node: Node, lines: number, offset: number): void {
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

/**
 * Parse each chunk, adding `defs` (definition lines) so references across chunks resolve:
 * after the first chunk's text (before it they would hide its front matter), before every
 * later chunk's (after it, an unclosed fence would swallow them). What parses from the
 * added definitions is dropped.
 */
function parseChunks(p: Processor<Root>, text: string, cuts: readonly Chunk[], defs: string): RootContent[] {
  const chunks = [...cuts];
  const prefix = defs ? `${defs}\n\n` : '';
  const prefixLines = prefix ? prefix.split('\n').length - 1 : 0;
  const children: RootContent[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const own = text.slice(chunk.start, chunk.end);
    const before = i === 0 ? '' : prefix;
    const tree = p.parse(i === 0 ? (defs ? `${own}\n\n${defs}` : own) : before + own);
    const mine = tree.children.filter((c) => {
      const start = c.position?.start.offset ?? 0;
      return start >= before.length && start < before.length + own.length;
    });
    // The splitter reads fences and HTML by line patterns and can be fooled (a fence line
    // inside an HTML block, say). A wrong cut leaves a block open into the chunk's
    // trailing blank lines: then the cut is undone and the two chunks parse as one.
    const last = mine.at(-1);
    const trailingBlank = before.length + own.replace(/\s+$/, '').length;
    if (i + 1 < chunks.length && last && (last.position?.end.offset ?? 0) > trailingBlank) {
      chunks[i + 1] = { start: chunk.start, end: chunks[i + 1]!.end, line: chunk.line };
      continue;
    }
    for (const child of mine) {
      shift(child, chunk.line - 1 - (before ? prefixLines : 0), chunk.start - before.length);
      children.push(child);
    }
  }
  return children;
}

/** A definition written so it parses alone: the same label, destination and title. */
function definitionLine(d: Definition): string {
  const title = d.title ? ` "${d.title.replace(/["\\]/g, '\\$&')}"` : '';
  return `[${(d.label ?? d.identifier).replace(/[[\]\\]/g, '\\$&')}]: <${d.url.replace(/[<>\\]/g, '\\$&')}>${title}`;
}

/** Parse Markdown (with front matter) into mdast with positions in the whole text. */
export function parseMarkdown(text: string, chunkTarget = CHUNK_TARGET): Root {
  const p = lintProcessor();
  if (text.length <= chunkTarget * 2) return p.parse(text);
  const chunks = splitAtTopLevel(text, chunkTarget);
  if (chunks.length === 1) return p.parse(text);
  let children = parseChunks(p, text, chunks, '');
  // References resolve across the whole document: if any chunk defines one, parse again
  // with every definition given to every chunk. Lessons rarely have any.
  const defs: Definition[] = [];
  for (const c of children) visit(c, (n) => void (n.type === 'definition' && defs.push(n as Definition)));
  if (defs.length) children = parseChunks(p, text, chunks, defs.map(definitionLine).join('\n'));
  const end = children.at(-1)?.position?.end ?? { line: 1, column: 1, offset: 0 };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
