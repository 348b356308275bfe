import type { Node, Root } from 'mdast';
import { LineIndex } from '../text/line-index.js';
import { textChange } from '../text/text-change.js';
import { toLf } from '../text/line-endings.js';
import { FILE_START, type Span } from '../types.js';
import {
  ITEM_TYPES,
  type Quiz,
  type FileModel,
  type FileProblem,
  type Freshness,
  type Item,
  type ItemType,
  type Link,
  type Reference,
  type Window,
} from '../model.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { decodeText, DEFAULT_MAX_FILE_SIZE } from './decode.js';
import {
  parseMarkdownState,
  type MarkdownState,
  type ParsedMarkdown,
} from '../markdown/markdown.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { spanOf } from '../markdown/mdast-util.js';
import { parseQuestions } from './quiz-body.js';
import { parseScenarioBody } from './scenario-body.js';
import { parseReflectionBody } from './reflection-body.js';
import { sheetFileProblems } from '../grading/sheet-file-problems.js';
import { findUnclosedBlock } from './unclosed-block.js';
import { withAcceptedFeedback } from './accepted-feedback.js';
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

type Fm = Record<string, unknown>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function spanAt(fm: FrontMatter, pointer: string): Span {
  return fm.spans[pointer] ?? fm.spans[pointer.replace(/\/[^/]*$/, '')] ?? fm.span;
}

function refs(fm: FrontMatter, field: string, kind: Reference['kind']): Reference[] {
  const v = fm.data[field];
  if (typeof v === 'string') return [{ kind, field, id: v, span: spanAt(fm, `/${field}`) }];
  return strings(v).map((id, i) => ({ kind, field, id, span: spanAt(fm, `/${field}/${i}`) }));
}

function windowOf(v: unknown, span: Span): Window | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const w = v as Fm;
  return { opens: str(w.opens), due: str(w.due), span };
}

function followUpWeeks(v: unknown): number | undefined {
  const w = v && typeof v === 'object' ? (v as Fm).after_weeks : undefined;
  return typeof w === 'number' ? w : undefined;
}

/**
 * An editor's parse keeps the nodes of pieces an edit did not touch (moving them when lines
 * come or go), so a node's link is kept too while its line and column stay: a big lesson's
 * ~1,000 links are then not made again on every keystroke. Like the node, a kept link is
 * moved in place: its offsets follow the text typed before it.
 */
const linkOfNode = new WeakMap<Node, Link>();

function keptAt(link: Link, node: Node, lines: LineIndex): boolean {
  const p = node.position!;
  const { start, end } = link.span;
  if (
    p.start.line !== start.line ||
    p.start.column !== start.column ||
    p.end.line !== end.line ||
    p.end.column !== end.column
  )
    return false;
  start.offset = lines.offsetAt(start.line, start.column);
  end.offset = lines.offsetAt(end.line, end.column);
  return true;
}

function collectLinks(nodes: readonly Node[], lines: LineIndex): Link[] {
  const links: Link[] = [];
  for (const n of nodes) {
    const { url, label } = n as unknown as { url: string; label?: string | null };
    // `[^1]: note` reads as a definition without the footnote extension lint parses with.
    if (n.type === 'definition' && label?.startsWith('^')) continue;
    let link = linkOfNode.get(n);
    if (!link || !n.position || !keptAt(link, n, lines))
      linkOfNode.set(n, (link = { url, span: spanOf(n, lines), image: n.type === 'image' }));
    links.push(link);
  }
  return links;
}

/** Rules report on top-level fields; nested spans are used while parsing and not kept in the model. */
function topLevelSpans(spans: Record<string, Span>): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const [k, v] of Object.entries(spans))
    if (k.lastIndexOf('/') === 0 && !k.includes('#')) out[k] = v;
  return out;
}

function freshnessOf(d: Fm): Freshness {
  const f: Freshness = { covers: strings(d.covers) };
  if (typeof d.owner === 'string') f.owner = d.owner;
  const v = d.verified as Fm | undefined;
  if (v && typeof v.version === 'string' && typeof v.date === 'string')
    f.verified = { version: v.version, date: v.date };
  if (typeof d.review_every === 'string') f.reviewEvery = d.review_every;
  return f;
}

/** A front-matter scalar as text. Anything else the schema reports on its line; the item reads it as ''. */
const scalarText = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** `body.root` is read for checkpoints only: a lesson needs its links alone. */
function buildItem(
  file: string,
  type: ItemType,
  fm: FrontMatter,
  body: { readonly root: Root; links: readonly Node[] },
  lines: LineIndex,
): Item {
  const d = fm.data;
  const base = {
    id: scalarText(d.id),
    title: scalarText(d.title),
    file,
    idSpan: fm.spans['/id'] ?? fm.spans['/type'] ?? fm.span,
    fieldSpans: topLevelSpans(fm.spans),
    frontMatterSpan: fm.span,
    freshness: freshnessOf(d),
    references: refs(fm, 'covers', 'feature'),
    links: collectLinks(body.links, lines),
  };
  switch (type) {
    case 'track': {
      const modules = (Array.isArray(d.modules) ? d.modules : []).flatMap((entry: unknown, i) => {
        const span = spanAt(fm, `/modules/${i}`);
        if (typeof entry === 'string') return [{ module: entry, optional: false, span }];
        if (entry && typeof entry === 'object' && typeof (entry as Fm).module === 'string') {
          const e = entry as Fm;
          const w = windowOf(e.window, spanAt(fm, `/modules/${i}/window`));
          return [
            {
              module: e.module as string,
              optional: e.optional === true,
              span,
              ...(w ? { window: w } : {}),
            },
          ];
        }
        return [];
      });
      const window = windowOf(d.window, spanAt(fm, '/window'));
      base.references.push(
        ...refs(fm, 'roles', 'role'),
        ...refs(fm, 'prerequisites', 'track'),
        ...modules.map((m) => ({
          kind: 'module' as const,
          field: 'modules',
          id: m.module,
          span: m.span,
        })),
      );
      return {
        ...base,
        type,
        roles: strings(d.roles),
        phase: d.phase === 'advanced' ? 'advanced' : 'foundation',
        prerequisites: strings(d.prerequisites),
        modules,
        ...(window ? { window } : {}),
        ...(followUpWeeks(d.follow_up) !== undefined
          ? { followUpWeeks: followUpWeeks(d.follow_up)! }
          : {}),
      };
    }
    case 'module':
      base.references.push(...refs(fm, 'prerequisites', 'module'));
      return { ...base, type, prerequisites: strings(d.prerequisites) };
    case 'quiz':
      base.references.push(...refs(fm, 'module', 'module'), ...refs(fm, 'roles', 'role'));
      return {
        ...base,
        type,
        module: scalarText(d.module),
        ...(typeof d.pass_mark === 'number' ? { passMark: d.pass_mark } : {}),
        ...(typeof d.attempts === 'number' ? { attempts: d.attempts } : {}),
        ...(typeof d.retake_cooldown === 'string' ? { retakeCooldown: d.retake_cooldown } : {}),
        ...(typeof d.reveal_answers === 'string'
          ? { revealAnswers: d.reveal_answers as Quiz['revealAnswers'] }
          : {}),
        ...(typeof d.key === 'string' ? { key: d.key, keySpan: spanAt(fm, '/key') } : {}),
        questions: withAcceptedFeedback(parseQuestions(body.root, lines), body.root, lines),
      };
    case 'scenario':
      base.references.push(
        ...refs(fm, 'module', 'module'),
        ...refs(fm, 'roles', 'role'),
        ...refs(fm, 'prerequisites', 'checkpoint'),
      );
      return {
        ...base,
        type,
        module: scalarText(d.module),
        level: d.level === 'advanced' ? 'advanced' : 'beginner',
        prerequisites: strings(d.prerequisites),
        reviewers: strings(d.reviewers),
        ...parseScenarioBody(body.root, lines),
      };
    case 'reflection': {
      base.references.push(...refs(fm, 'module', 'module'), ...refs(fm, 'roles', 'role'));
      const reflection = parseReflectionBody(body.root, lines);
      return {
        ...base,
        type,
        module: scalarText(d.module),
        ...(typeof d.min_words === 'number' ? { minWords: d.min_words } : {}),
        ...(reflection.readCheck ? { readCheck: reflection.readCheck } : {}),
        prompts: reflection.prompts,
        ...(followUpWeeks(d.follow_up) !== undefined
          ? { followUpWeeks: followUpWeeks(d.follow_up)! }
          : {}),
        ...(typeof (d.follow_up as Fm | undefined)?.prompt === 'string'
          ? { followUpPrompt: (d.follow_up as Fm).prompt as string }
          : {}),
      };
    }
  }
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
    return {
      model: {
        file,
        problems: [
          {
            code: 'unknown-type',
            span,
            message: `Expected type: to be one of ${ITEM_TYPES.join(', ')}; found ${found}. Set the type of this file.`,
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
