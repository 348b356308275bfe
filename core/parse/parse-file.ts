import type { Node, Root } from 'mdast';
import { LineIndex } from '../text/line-index.js';
import { textChange } from '../text/text-change.js';
import { toLf } from '../text/line-endings.js';
import { FILE_START } from '../types.js';
import { ITEM_TYPES, type FileModel, type FileProblem, type ItemType } from '../model.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { didYouMean } from '../text/did-you-mean.js';
import { changeTo } from '../lint/change-to.js';
import { decodeText, DEFAULT_MAX_FILE_SIZE } from './decode.js';
import {
  parseMarkdownState,
  type MarkdownState,
  type ParsedMarkdown,
} from '../markdown/markdown.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { sheetFileProblems } from '../grading/sheet-file-problems.js';
import { findUnclosedBlock } from './unclosed-block.js';
import { buildItem } from './build-item.js';
import { findSlowShape } from '../markdown/parse-guard.js';
import { deepestLine } from '../markdown/nesting-guard.js';

export interface ParseOptions {
  maxFileSize?: number;
  /** Parse lesson bodies whole, not just their link-bearing blocks (for previews and tests). */
  fullTree?: boolean;
  /**
   * Read the front matter only; bodies are left unparsed (no links, questions or rubrics).
   * Enough for freshness, which reads nothing below the front matter, at a fraction of the cost.
   * Nor is the front matter checked against its schema.
   */
  metadataOnly?: boolean;
  /** Cut big bodies into pieces of about this many characters (an editor wants small ones). */
  chunkTarget?: number;
  /** What the previous version's parse kept: only what an edit touched is parsed again. */
  previous?: EditState;
}

/** What an editor keeps of one version of a file for the next version's parse. */
export interface EditState {
  /** The whole text and its lines. */
  text: string;
  lines: LineIndex;
  /** The body's pieces, for an incremental parse. */
  markdown?: MarkdownState;
  /** The front matter as read, and the text it was read from (fences included). */
  frontMatter?: { block: string; value: FrontMatter };
}

/** The front-matter block as remark-frontmatter reads it: `---` on the first line to the next `---` line. */
export function findFrontMatter(text: string): { start: number; end: number } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return undefined;
  return { start: 0, end: open[0].length + m.index + m[0].length };
}

/** Nesting beyond this is not a curriculum; refusing it keeps every later walk cheap. */
export const MAX_DEPTH = 200;

export interface ParsedFile {
  model: FileModel;
  text?: string;
  lines?: LineIndex;
  tree?: Root;
  frontMatter?: FrontMatter;
  /** What the next version's parse can reuse. */
  edit?: EditState;
}

function problem(file: string, p: FileProblem): ParsedFile {
  return { model: { file, problems: [p] } };
}

/** The line of the first node nested deeper than `limit` (emphasis in emphasis counts too), walked without recursion. */
function lineDeeperThan(blocks: readonly Node[], limit: number): number | undefined {
  const stack: [Node, number][] = blocks.map((b) => [b, 1] as [Node, number]).reverse();
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (depth > limit) return n.position?.start.line;
    const children = (n as { children?: Node[] }).children;
    if (children)
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}

const TOO_DEEP = `Expected Markdown nested at most ${MAX_DEPTH} levels deep; found deeper nesting. Flatten the lists or block quotes.`;

/** Read one content file into its model; every way it can fail becomes a problem with a place. */
export function parseFile(
  file: string,
  input: Uint8Array | string,
  options: ParseOptions = {},
): ParsedFile {
  let text: string;
  if (typeof input === 'string') {
    // An editor's CRLF document, or one with a BOM, is read as the LF file a checkout gives.
    text = toLf(input);
    if (text.trim() === '')
      return problem(file, {
        code: 'empty',
        span: FILE_START,
        message:
          'Expected front matter and content; found an empty file. Run "enablekit new <type> <id>" for a template, or delete the file.',
      });
  } else {
    const decoded = decodeText(input, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if ('problem' in decoded) return problem(file, decoded.problem);
    text = decoded.text;
  }
  const previous = options.previous;
  const change = previous ? textChange(previous.text, text) : undefined;
  const lines = change ? previous!.lines.edited(text, change) : new LineIndex(text);
  const fence = findFrontMatter(text);
  if (!fence && /^---[ \t]*\r?\n/.test(text)) {
    return {
      model: {
        file,
        problems: [
          {
            code: 'yaml',
            span: lines.lineSpan(1),
            message:
              'Expected a closing --- line after the front matter; found none. Add a line with just --- after the last key.',
          },
        ],
      },
      text,
      lines,
    };
  }
  if (!fence) {
    return {
      model: {
        file,
        problems: [
          {
            code: 'no-front-matter',
            span: lines.lineSpan(1),
            message:
              'Expected YAML front matter (a --- line, then type: and id:, then ---) at the top; found none. Add it, or run "enablekit new <type> <id>" for a template.',
          },
        ],
      },
      text,
      lines,
    };
  }
  // Typing in the body leaves the front matter as it was: read it again only when it changed.
  const block = text.slice(0, fence.end);
  const kept = previous?.frontMatter;
  const fmResult =
    kept && kept.block === block
      ? ({ ok: true, value: kept.value } as const)
      : readFrontMatter(text, fence.start, fence.end, lines);
  if (!fmResult.ok)
    return {
      model: { file, problems: [{ code: 'yaml', span: fmResult.span, message: fmResult.message }] },
      text,
      lines,
    };
  const fm = fmResult.value;
  const type = fm.data.type;
  // Refused before any Markdown parser sees the body: these shapes cost them time that
  // grows with the square of their size, and deep trees are walked recursively.
  const slow = options.metadataOnly ? undefined : findSlowShape(text, fence.end);
  if (slow)
    return {
      model: {
        file,
        problems: [{ code: 'too-deep', span: lines.lineSpan(slow.line), message: slow.message }],
      },
      text,
      lines,
      frontMatter: fm,
    };
  if (type === 'answer-sheet') {
    return {
      model: {
        file,
        problems: [
          ...schemaProblems('answer-sheet', fm, 'an answer sheet'),
          ...sheetFileProblems(file, text, fm, fence.end, lines),
        ],
      },
      text,
      lines,
      frontMatter: fm,
    };
  }
  if (typeof type !== 'string' || !(ITEM_TYPES as readonly string[]).includes(type)) {
    const found = type === undefined ? 'none' : JSON.stringify(type);
    const span = fm.spans['/type'] ?? fm.span;
    // A misspelt type (modul) is a guess at what was meant: a suggestion.
    const near = typeof type === 'string' ? didYouMean(type, ITEM_TYPES) : undefined;
    const fix = near && typeof type === 'string' ? changeTo(span, type, near) : undefined;
    return {
      model: {
        file,
        problems: [
          {
            code: 'unknown-type',
            span,
            message: `Expected type: to be one of ${ITEM_TYPES.join(', ')}; found ${found}. ${near ? `Did you mean "${near}"?` : 'Set the type of this file.'}`,
            ...(fix ? { fix } : {}),
          },
        ],
      },
      text,
      lines,
      frontMatter: fm,
    };
  }
  if (options.metadataOnly) {
    // Nor is the front matter checked against its schema: that is lint's job.
    const item = buildItem(
      file,
      type as ItemType,
      fm,
      { root: { type: 'root', children: [] }, links: [] },
      lines,
    );
    return { model: { file, item, problems: [] }, text, lines, frontMatter: fm };
  }
  let parsed: ParsedMarkdown;
  try {
    // Lessons need only links from their body; checkpoints need their whole structure.
    // The front matter is already read; remark would only tokenize it again, so it sees blank lines.
    const lesson = (type === 'module' || type === 'track') && options.fullTree !== true;
    parsed = parseMarkdownState(text, {
      lesson,
      frontMatterEnd: fence.end,
      ...(options.chunkTarget ? { chunkTarget: options.chunkTarget } : {}),
      ...(previous?.markdown && change ? { previous: previous.markdown, change } : {}),
    });
  } catch (e) {
    // micromark recurses on nesting; past what the stack holds it throws a RangeError.
    if (e instanceof RangeError)
      return problem(file, {
        code: 'too-deep',
        span: lines.lineSpan(deepestLine(text, fence.end)),
        message: TOO_DEEP,
      });
    throw e;
  }
  if (parsed.depth > MAX_DEPTH)
    return problem(file, {
      code: 'too-deep',
      span: lines.lineSpan(
        lineDeeperThan(
          parsed.state.chunks.flatMap((c) => c.children),
          MAX_DEPTH,
        ) ?? deepestLine(text, fence.end),
      ),
      message: TOO_DEEP,
    });
  const item = buildItem(file, type as ItemType, fm, parsed, lines);
  const unclosed = findUnclosedBlock(parsed.state, lines);
  if (unclosed) item.unclosed = unclosed;
  return {
    model: { file, item, problems: schemaProblems(type as ItemType, fm, `a ${type}`) },
    text,
    lines,
    get tree() {
      return parsed.root;
    },
    frontMatter: fm,
    edit: { text, lines, markdown: parsed.state, frontMatter: { block, value: fm } },
  };
}
