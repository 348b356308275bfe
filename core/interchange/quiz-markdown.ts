/**
 * The enablekit quiz Markdown every importer writes, from questions already mapped to what
 * enablekit grades: each reader (GIFT, quizdown, mkdocs-quiz) says what a question is, this
 * says how enablekit writes it, so ids, headings and feedback read the same whatever the source.
 */

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
  type: 'single' | 'multiple' | 'text' | 'numeric' | 'ordering';
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
export const oneLine = (md: string) => md.replace(/\s*\n\s*/g, ' ').trim();

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

/** The first words of a text, for an id when the source names no question. */
export const firstWords = (md: string) => oneLine(md).split(' ').slice(0, 6).join(' ');

/** A block that cannot stand in a heading: code, a table, math, a block of HTML, an image alone. */
const BLOCK =
  /^\s*(```|~~~|\||\$\$|<(?:div|table|pre|ul|ol|dl|details|figure|iframe|video|audio|blockquote|h[1-6]|hr|!--)\b|!\[[^\]]*\]\([^)]*\)\s*$)/;
/** A block that ends the heading's paragraph, besides those (a list, a quote, a heading). */
const ENDS_PARAGRAPH = /^\s*([-*+]\s|\d+[.)]\s|>|#{1,6}\s)/;

/**
 * The question's heading is its first paragraph, up to a blank line or a block (a question
 * that goes on with code keeps the code under the heading, whole); the rest stays as written.
 */
function splitHeading(md: string): { heading: string; rest: string } {
  const lines = md
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  let i = 0;
  while (
    i < lines.length &&
    lines[i]!.trim() !== '' &&
    !BLOCK.test(lines[i]!) &&
    !(i > 0 && ENDS_PARAGRAPH.test(lines[i]!))
  )
    i++;
  const rest = lines
    .slice(i)
    .join('\n')
    .replace(/^(\s*\n)+/, '')
    .trimEnd();
  return { heading: oneLine(lines.slice(0, i).join('\n')), rest };
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
      ...(rest ? [rest] : []),
      q.answer,
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
