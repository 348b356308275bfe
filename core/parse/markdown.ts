import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent, Node } from 'mdast';

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
const ATX = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;
const HTML_BLOCK_OPEN = /^ {0,3}<(?:!--|script|pre|style|textarea|\?|![A-Z]|!\[CDATA\[)/i;
const HTML_BLOCK_CLOSE = /-->|<\/(?:script|pre|style|textarea)>|\?>|>|\]\]>/i;

interface Chunk {
  start: number;
  end: number;
  line: number;
}

/**
 * Cut a document before ATX headings at column 0 that follow a blank line outside
 * fenced code and HTML blocks. Such a heading cannot continue any open block, so the
 * pieces parse to exactly the blocks the whole would.
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
      else if (previousBlank && ATX.test(content) && pos - chunkStart >= target) {
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

function collectDefinitions(text: string): string {
  const defs: string[] = [];
  let fence: string | undefined;
  for (const content of text.split('\n')) {
    const m = FENCE.exec(content);
    if (fence) {
      if (m && m[1]![0] === fence[0]) fence = undefined;
    } else if (m) fence = m[1];
    else if (DEFINITION.test(content)) defs.push(content);
  }
  return defs.join('\n');
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

/** Parse Markdown (with front matter) into mdast with positions in the whole text. */
export function parseMarkdown(text: string, chunkTarget = CHUNK_TARGET): Root {
  const p = lintProcessor();
  if (text.length <= chunkTarget * 2) return p.parse(text);
  const chunks = splitAtTopLevel(text, chunkTarget);
  if (chunks.length === 1) return p.parse(text);
  // A link reference may be defined in another chunk: give every chunk all definitions,
  // appended after its own text, and drop what parsed from past its end.
  const defs = collectDefinitions(text);
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    const own = text.slice(chunk.start, chunk.end);
    const source = defs ? `${own}\n\n${defs}\n` : own;
    const tree = p.parse(source);
    for (const child of tree.children) {
      if ((child.position?.start.offset ?? 0) >= own.length) continue;
      shift(child, chunk.line - 1, chunk.start);
      children.push(child);
    }
  }
  const end = children.at(-1)?.position?.end ?? { line: 1, column: 1, offset: 0 };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
