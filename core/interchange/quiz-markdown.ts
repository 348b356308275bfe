/**
 * The enablekit quiz Markdown every importer writes, from questions already mapped to what
 * enablekit grades: each reader (GIFT, quizdown, mkdocs-quiz) says what a question is, this
 * says how enablekit writes it, so ids, headings and feedback read the same whatever the source.
 */

import type { QuestionType } from '../model.js';

/** A question a format has and enablekit cannot grade the same way: named, never dropped. */
export interface Skipped {
  line: number;
  name: string;
  reason: string;
}

export interface ImportedQuiz {
  /** The group its questions came under (a GIFT `$CATEGORY:`), if any. */
  category?: string;
  /** The quiz's questions, as enablekit Markdown, separated by blank lines. */
  body: string;
  count: number;
}

export interface Choice {
  /** Markdown; line breaks become spaces. */
  text: string;
  correct: boolean;
  /** Markdown, quoted under the choice. */
  feedback?: string;
}

export interface QuestionDraft {
  line: number;
  /** Questions of one group become one quiz, in the order groups first appear. */
  group?: string;
  /** What the question's id is made from (its name in the source, or its first words). */
  idFrom: string;
  /** The question in Markdown: its first paragraph is the heading, the rest stays under it. */
  text: string;
  type: QuestionType;
  allOrNothing?: boolean;
  /** The answer part, as enablekit writes it for the type (see choiceList, orderedList). */
  answer: string;
  /** Markdown, quoted under the question: shown as `reveal_answers` allows. */
  explanation?: string;
}

export function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || fallback;
}

/** One line of Markdown: a heading, a choice. */
export const oneLine = (md: string) =>
  // Split, not /\s*\n\s*/: that regex retries every run of spaces from each space in it.
  md
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');

export const quote = (md: string, indent = '') =>
  md
    .split('\n')
    .map((l) => `${indent}> ${l}`.trimEnd())
    .join('\n');

export function choiceList(choices: Choice[]): string {
  return choices
    .map((c) => {
      const line = `- [${c.correct ? 'x' : ' '}] ${oneLine(c.text)}`;
      return c.feedback ? `${line}\n${quote(c.feedback, '  ')}` : line;
    })
    .join('\n');
}

/** An ordering question's items, written in the right order. */
export const orderedList = (items: string[]) =>
  items.map((t, i) => `${i + 1}. ${oneLine(t)}`).join('\n');

/** The first words of a text, for an id when the source names no question: its code and images left out. */
export const firstWords = (md: string) =>
  oneLine(
    md
      .replace(/(```|~~~)[\s\S]*?(\1|$)/g, ' ')
      .replace(/!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/g, ' '),
  )
    .split(' ')
    .slice(0, 6)
    .join(' ');

/**
 * A heading inside a question's text would end the question in enablekit: it is written as
 * a bold line instead. Lines in code blocks are left as written.
 */
function headingsAsBold(md: string): string {
  let fence: string | undefined;
  return md
    .split('\n')
    .map((line) => {
      const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (open?.startsWith(fence)) fence = undefined;
        return line;
      }
      if (open) fence = open;
      const h = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line);
      if (open || !h) return line;
      let text = h[1]!.trimEnd();
      let end = text.length;
      while (end > 0 && text.charAt(end - 1) === '#') end--;
      if (end === 0 || /[ \t]/.test(text.charAt(end - 1))) text = text.slice(0, end).trimEnd();
      return text ? `**${text}**` : line;
    })
    .join('\n');
}

/** The line of a list in Markdown outside code, which enablekit would read as a question's answers. */
export function listLine(md: string): number | undefined {
  let fence: string | undefined;
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})/.exec(lines[i]!)?.[1];
    if (fence) {
      if (open?.startsWith(fence)) fence = undefined;
    } else if (open) fence = open;
    else if (/^ {0,3}([-*+]|\d{1,9}[.)])([ \t]|$)/.test(lines[i]!)) return i;
  }
  return undefined;
}

/** A block that cannot stand in a heading: code, a table, math, a block of HTML, an image alone. */
const BLOCK =
  /^\s*(```|~~~|\||\$\$|<(?:div|table|pre|ul|ol|dl|details|figure|iframe|video|audio|blockquote|h[1-6]|hr|!--)\b|!\[[^\]]*\]\([^)]*\)\s*$)/;
/** A block that ends the heading's paragraph, besides those (a list, a quote, a heading). */
const ENDS_PARAGRAPH = /^\s*([-*+]\s|\d+[.)]\s|>|#{1,6}\s)/;

/**
 * The question's heading is its first paragraph of text, up to a blank line or a block (a
 * question that goes on with code keeps the code under the heading, whole). A question that
 * opens with an image or code takes the first paragraph after it as its heading, since the
 * heading is what enablekit shows as the question; the rest stays as written.
 */
function splitHeading(md: string): { heading: string; rest: string } {
  const lines = md
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  let fence: string | undefined;
  let start = -1;
  let afterBlock = true;
  for (let i = 0; i < lines.length && start < 0; i++) {
    const line = lines[i]!;
    const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (open?.startsWith(fence)) [fence, afterBlock] = [undefined, true];
      continue;
    }
    if (open) fence = open;
    else if (line.trim() === '') afterBlock = true;
    else if (afterBlock && !BLOCK.test(line) && !ENDS_PARAGRAPH.test(line)) start = i;
    else afterBlock = BLOCK.test(line) && !/^\s*\|/.test(line);
  }
  if (start < 0) return { heading: '', rest: lines.join('\n').trim() };
  let end = start + 1;
  while (
    end < lines.length &&
    lines[end]!.trim() !== '' &&
    !BLOCK.test(lines[end]!) &&
    !ENDS_PARAGRAPH.test(lines[end]!)
  )
    end++;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines
    .slice(end)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  return {
    heading: oneLine(lines.slice(start, end).join('\n')),
    rest: [before, after].filter(Boolean).join('\n\n'),
  };
}

/**
 * Ids made unique as `base`, `base-2`, `base-3`…; each base remembers the next number to
 * try, so a thousand questions with the same words take linear time, not quadratic.
 */
export class UniqueIds {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }
  take(base: string): string {
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.taken.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.taken.add(id);
    return id;
  }
}

/**
 * Questions as enablekit quizzes: one per group (or one, without groups), each question with
 * an id made from `idFrom`, unique in its quiz.
 */
export function quizzesOf(drafts: QuestionDraft[]): ImportedQuiz[] {
  const byGroup = new Map<string | undefined, { parts: string[]; ids: UniqueIds }>();
  for (const q of drafts) {
    const quiz = byGroup.get(q.group) ?? { parts: [], ids: new UniqueIds() };
    byGroup.set(q.group, quiz);
    const base = slug(q.idFrom, 'question');
    const id = quiz.ids.take(base);
    const { heading, rest } = splitHeading(q.text);
    const comment = `<!-- question id=${id} type=${q.type}${q.allOrNothing ? ' scoring=all-or-nothing' : ''} -->`;
    const prompt = [
      `## ${heading || `Question ${quiz.parts.length + 1}`}\n${comment}`,
      ...(rest ? [headingsAsBold(rest)] : []),
      // An open question (GIFT's essay) has no answer part.
      ...(q.answer ? [q.answer] : []),
      ...(q.explanation?.trim() ? [quote(q.explanation.trim())] : []),
    ];
    quiz.parts.push(prompt.join('\n\n'));
  }
  return [...byGroup].map(([category, { parts }]) => ({
    ...(category ? { category } : {}),
    body: `${parts.join('\n\n')}\n`,
    count: parts.length,
  }));
}
