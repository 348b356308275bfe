import type { Question, Quiz } from '../model.js';
import type { Span } from '../types.js';
import { answerPattern } from '../grading/answer-pattern.js';
import { creditOf, hasChoiceCredits } from '../grading/choice-credit.js';

/** A question GIFT cannot hold as enablekit grades it: named, never bent into something else. */
export interface NotExported {
  line: number;
  id: string;
  reason: string;
}

/** GIFT's reserved characters written so they read as themselves; line breaks as `\n`. */
export function giftEscape(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

const slice = (source: string, span: Span, end = span.end.offset) =>
  source.slice(span.start.offset, end);

/** A block quote's Markdown without its `>` marks. */
const unquote = (md: string) =>
  md
    .split('\n')
    .map((l) => l.replace(/^\s*>\s?/, ''))
    .join('\n')
    .trim();

const num = (n: number) => String(Number(n.toPrecision(12)));

/** The question's text and each answer as written in the quiz's Markdown (GIFT's `[markdown]`). */
function heading(source: string, q: Question): string {
  return slice(source, q.span)
    .replace(/^#+\s*/, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

function choiceMarkdown(source: string, c: Question['choices'][number]): string {
  const md = slice(source, c.span, c.feedback?.span.start.offset)
    .replace(/^\s*[-*+]\s+\[[ xX]\]\s*/, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  // The credit is GIFT's %…%, not the answer's text.
  return c.credit === undefined
    ? md
    : md.replace(/\(credit\s+[-+−]?\d+(?:\.\d+)?\s*%\)$/i, '').trimEnd();
}

/** A choice's GIFT mark under per-choice credits: `=` for the one right answer of a single choice, else `~%n%`. */
function creditMark(q: Question, c: Question['choices'][number]): string {
  const credit = creditOf(c);
  if (q.type === 'single' && credit === 1) return '=';
  return credit === 0 ? '~' : `~%${num(credit * 100)}%`;
}

const feedbackOf = (source: string, f: { span: Span } | undefined) =>
  f ? `#${giftEscape(unquote(slice(source, f.span)))}` : '';

class NotYet extends Error {}

/** `4`, `4:0.5` or `1..5`, as GIFT writes a number. */
const giftNumber = (n: { value: number; tolerance: number; range?: [number, number] }) =>
  n.range
    ? `${num(n.range[0])}..${num(n.range[1])}`
    : `${num(n.value)}${n.tolerance ? `:${num(n.tolerance)}` : ''}`;

function answers(source: string, q: Question, notes: string[]): string {
  if ((q.type === 'single' || q.type === 'multiple') && q.partial && hasChoiceCredits(q))
    return q.choices
      .map(
        (c) =>
          `\t${creditMark(q, c)}${giftEscape(choiceMarkdown(source, c))}${feedbackOf(source, c.feedback)}`,
      )
      .join('\n');
  switch (q.type) {
    case 'single':
      return q.choices
        .map(
          (c) =>
            `\t${c.checked ? '=' : '~'}${giftEscape(choiceMarkdown(source, c))}${feedbackOf(source, c.feedback)}`,
        )
        .join('\n');
    case 'multiple': {
      if (!q.partial)
        throw new NotYet('all-or-nothing scoring has no GIFT form (GIFT sums a credit per choice)');
      const right = q.choices.filter((c) => c.checked).length;
      const share = num(100 / right);
      return q.choices
        .map(
          (c) =>
            `\t~%${c.checked ? '' : '-'}${share}%${giftEscape(choiceMarkdown(source, c))}${feedbackOf(source, c.feedback)}`,
        )
        .join('\n');
    }
    case 'text': {
      if (q.accepted.length === 0) throw new NotYet('it has no accepted answers');
      const patterns = q.accepted.filter((a) => answerPattern(a.value));
      if (patterns.length)
        throw new NotYet(
          `the pattern ${patterns[0]!.value} has no GIFT form (short answers match text, with * for any)`,
        );
      // A star in a short answer is Moodle's "any text"; `\*` is the star itself. Moodle takes
      // the first answer that matches, as enablekit does, so "Any other answer" is a last `*`.
      const lines = q.accepted.map(
        (a) =>
          `\t=${a.credit === undefined || a.credit === 1 ? '' : `%${num(a.credit * 100)}%`}${giftEscape(a.value).replace(/\*/g, '\\*')}${feedbackOf(source, a.feedback)}`,
      );
      if (q.otherFeedback) lines.push(`\t=%0%*${feedbackOf(source, q.otherFeedback)}`);
      return lines.join('\n');
    }
    case 'numeric': {
      const unit = q.numeric?.unit ?? q.numbers?.find((n) => n.unit)?.unit;
      if (unit) notes.push(`its unit "${unit}" (GIFT has none; the number alone is accepted)`);
      if (q.numbers?.length) {
        // GIFT's numbers are tried in order too (Moodle takes the first that holds the answer).
        const lines = q.numbers.map(
          (n) =>
            `\t=${n.credit === 1 ? '' : `%${num(n.credit * 100)}%`}${giftNumber(n)}${feedbackOf(source, n.feedback)}`,
        );
        if (q.otherFeedback) lines.push(`\t~${feedbackOf(source, q.otherFeedback)}`);
        return `#\n${lines.join('\n')}`;
      }
      if (!q.numeric) throw new NotYet('it has no answer');
      return `#${giftNumber(q.numeric)}`;
    }
    case 'ordering':
      throw new NotYet('ordering questions have no GIFT form');
    case 'truefalse':
      if (!q.truth) throw new NotYet('it has no answer');
      return q.truth.value ? 'T' : 'F';
    case 'cloze':
      return blankAnswers(source, q);
    case 'open':
      if (q.rubric?.length) notes.push('its rubric (GIFT has no place for one)');
      if (q.words) notes.push(`its length hint of ${q.words} words (GIFT has none)`);
      return '';
    case 'matching':
      if (!q.pairs?.length) throw new NotYet('it has no pairs');
      return [
        ...q.pairs.map((p) => `\t=${giftEscape(p.prompt)} -> ${giftEscape(p.answer)}`),
        ...(q.distractors ?? []).map((d) => `\t= -> ${giftEscape(d.answer)}`),
      ].join('\n');
  }
}

/**
 * A cloze question's one blank as GIFT's missing word answers: its choices (`=` the right one,
 * `~` the rest), or its accepted answers (`=`, with `%50%` for a credit). GIFT has one answer
 * block a question, so a cloze with more blanks is named, not written as something else.
 */
function blankAnswers(source: string, q: Question): string {
  const blanks = q.blanks ?? [];
  if (blanks.length !== 1)
    throw new NotYet(
      `a cloze question with ${blanks.length} blanks has no GIFT form: GIFT's missing word takes one blank a question (split it into one question a blank to export it)`,
    );
  const b = blanks[0]!;
  if (b.choices.length)
    return b.choices
      .map((c) => `\t${c.checked ? '=' : '~'}${giftEscape(choiceMarkdown(source, c))}`)
      .join('\n');
  if (b.accepted.length === 0) throw new NotYet('its blank has no accepted answers');
  const pattern = b.accepted.find((a) => answerPattern(a.value));
  if (pattern)
    throw new NotYet(
      `the pattern ${pattern.value} has no GIFT form (short answers match text, with * for any)`,
    );
  return b.accepted
    .map(
      (a) =>
        `\t=${a.credit === undefined || a.credit === 1 ? '' : `%${num(a.credit * 100)}%`}${giftEscape(a.value).replace(/\*/g, '\\*')}`,
    )
    .join('\n');
}

/**
 * The question's GIFT text with its answer block: after the text, or for a cloze question in
 * its blank's place (GIFT's missing word), the heading and the sentence as Markdown.
 */
function questionText(source: string, q: Question, block: string): string {
  if (q.type !== 'cloze') return `${giftEscape(heading(source, q))}${block}`;
  const parts = [
    heading(source, q),
    ...(q.sentence ?? [])
      .filter((s) => s.span.start.line !== q.span.start.line)
      .map((s) => slice(source, s.span).trim()),
  ];
  const [before, ...after] = parts.join('\n\n').split(/\{\d{1,3}\}/);
  return `${giftEscape(before!)}${block}${giftEscape(after.join(''))}`;
}

/**
 * A quiz as GIFT: one `$CATEGORY:` named after the quiz, each question named by its id with
 * its text in `[markdown]`, per-choice feedback after `#`, the explanation after `####`.
 * What GIFT cannot hold as enablekit grades it is in `notExported`; what is exported but loses
 * something (a unit, a weight) is in `dropped`.
 */
export function giftFromQuiz(
  quiz: Quiz,
  source: string,
): { text: string; count: number; notExported: NotExported[]; dropped: NotExported[] } {
  const out = [
    `// ${quiz.title}, exported by enablekit from ${quiz.id}`,
    `$CATEGORY: ${quiz.title}`,
  ];
  const notExported: NotExported[] = [];
  const dropped: NotExported[] = [];
  let count = 0;
  for (const q of quiz.questions) {
    const id = q.id ?? '';
    const line = q.span.start.line;
    const notes: string[] = [];
    let body: string;
    try {
      body = answers(source, q, notes);
    } catch (e) {
      if (!(e instanceof NotYet)) throw e;
      notExported.push({ line, id, reason: e.message });
      continue;
    }
    if (q.weight !== 1)
      notes.push(`its weight ${q.weight} (GIFT files carry none; every question is worth 1)`);
    if (q.hints?.length)
      notes.push(`its hints (GIFT has none; ${q.hints.length} left out, free or with a cost)`);
    for (const n of notes) dropped.push({ line, id, reason: n });
    const general = q.explanation
      ? `\n\t####${giftEscape(unquote(slice(source, q.explanation.span)))}`
      : '';
    // An open question is GIFT's essay: an empty answer block.
    const block =
      body === ''
        ? `{${general.trim()}}`
        : body.startsWith('#\n')
          ? `{${body}${general}\n}`
          : body.startsWith('#') || body === 'T' || body === 'F'
            ? `{${body}${general}}`
            : `{\n${body}${general}\n}`;
    out.push(`::${giftEscape(id)}::[markdown]${questionText(source, q, block)}`);
    count++;
  }
  // GIFT is a question bank: a quiz's draw belongs to the quiz the bank is used in.
  if (quiz.draw !== undefined && quiz.draw < quiz.questions.length)
    dropped.unshift({
      line: quiz.fieldSpans['/draw']?.start.line ?? quiz.idSpan.start.line,
      id: quiz.id,
      reason: `its draw of ${quiz.draw} of ${quiz.questions.length} questions per learner (GIFT has none: every question is exported; in Moodle, add ${quiz.draw} random questions from the category "${quiz.title}" to the quiz)`,
    });
  return { text: `${out.join('\n\n')}\n`, count, notExported, dropped };
}
