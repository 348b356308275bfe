import type { GiftAnswer, GiftQuestion, GiftText } from './gift-model.js';

/** A question GIFT has and enablekit cannot yet grade the same way: named, never dropped. */
export interface Skipped {
  line: number;
  name: string;
  reason: string;
}

export interface ImportedQuiz {
  /** The `$CATEGORY:` its questions came under, if any. */
  category?: string;
  /** The quiz's questions, as enablekit Markdown, separated by blank lines. */
  body: string;
  count: number;
}

const html = (t: string) =>
  t
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<\/?p[^>]*>/gi, '');

/**
 * GIFT text as Markdown, meaning what GIFT meant: `[markdown]` as written, `[html]` as the
 * inline HTML Markdown allows (paragraph and line-break tags as lines), Moodle's own format
 * and `[plain]` with Markdown's marks escaped so they stay text (Moodle's format allows HTML,
 * so its angle brackets stay).
 */
export function markdownOf(t: GiftText): string {
  switch (t.format) {
    case 'markdown':
      return t.text;
    case 'html':
      return html(t.text);
    case 'plain':
      return t.text.replace(/[\\`*[\]<>]/g, (c) => `\\${c}`);
    case 'moodle':
      return t.text.replace(/[\\`*[\]]/g, (c) => `\\${c}`);
  }
}

/** One line: a heading, a choice. Line breaks become spaces. */
const oneLine = (t: GiftText) =>
  markdownOf(t)
    .replace(/\s*\n\s*/g, ' ')
    .trim();

const quote = (t: GiftText, indent = '') =>
  markdownOf(t)
    .split('\n')
    .map((l) => `${indent}> ${l}`.trimEnd())
    .join('\n');

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

/** Numbers as a person writes them: `0.2`, not `0.20000000000000001`. */
const num = (n: number) => String(Number(n.toPrecision(12)));

/** Thrown with what enablekit does not carry over yet, so the question is named, not bent. */
class NotYet extends Error {}

function choices(answers: GiftAnswer[]): string {
  return answers
    .map((a) => {
      const line = `- [${a.credit > 0 ? 'x' : ' '}] ${oneLine(a.text)}`;
      return a.feedback ? `${line}\n${quote(a.feedback, '  ')}` : line;
    })
    .join('\n');
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.001;

/** The question's answer part, and its enablekit type. */
function answerPart(q: GiftQuestion): { type: string; text: string } {
  const b = q.body;
  switch (b.kind) {
    case 'description':
      throw new NotYet(
        'a description (text without answers) is not a question; copy its text into the quiz if you need it',
      );
    case 'essay':
      throw new NotYet(
        'an open answer graded by a reviewer is not a quiz question yet; write it as a scenario with a rubric',
      );
    case 'match':
      throw new NotYet('matching questions are not supported yet');
    case 'truefalse': {
      const choice = (value: boolean) => {
        const right = value === b.answer;
        const feedback = right ? b.rightFeedback : b.wrongFeedback;
        const line = `- [${right ? 'x' : ' '}] ${value ? 'True' : 'False'}`;
        return feedback ? `${line}\n${quote(feedback, '  ')}` : line;
      };
      return { type: 'single', text: `${choice(true)}\n${choice(false)}` };
    }
    case 'multichoice': {
      const right = b.answers.filter((a) => a.credit > 0);
      if (!b.multiple) {
        if (b.answers.some((a) => a.credit !== 0 && a.credit !== 1) || right.length !== 1)
          throw new NotYet(
            'per-answer partial credit (%50%) on a one-answer question is not supported yet',
          );
        return { type: 'single', text: choices(b.answers) };
      }
      // enablekit's partial credit: (right ticked − wrong ticked) ÷ right choices. That is GIFT's
      // sum of percentages only when each right choice is worth 1/R and each wrong one −1/R.
      const share = 1 / right.length;
      const same = b.answers.every((a) => close(Math.abs(a.credit), share));
      if (!same)
        throw new NotYet(
          `per-answer credit other than ±${num(share * 100)}% on each choice (${b.answers.map((a) => `${num(a.credit * 100)}%`).join(', ')}) is not supported yet`,
        );
      return { type: 'multiple', text: choices(b.answers) };
    }
    case 'shortanswer': {
      if (b.answers.some((a) => a.credit !== 1))
        throw new NotYet('partial credit on an accepted answer is not supported yet');
      if (b.answers.some((a) => a.feedback))
        throw new NotYet('feedback on an accepted answer is not supported yet');
      const accepted = b.answers.map((a) => {
        const t = a.text.text;
        // Moodle's `*` matches any text and `\*` is a star; as a pattern here, run on the folded answer.
        const parts = t.split(/(?<!\\)\*/).map((p) => p.replace(/\\\*/g, '*'));
        const value =
          parts.length > 1
            ? `/^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$/i`
            : parts[0]!;
        const fence = value.includes('`') ? '`` ' : '`';
        return `- ${fence}${value}${fence.split('').reverse().join('')}`;
      });
      return { type: 'text', text: `Accepted answers:\n\n${accepted.join('\n')}` };
    }
    case 'numerical': {
      const [only, ...more] = b.answers;
      if (!only || more.length > 0 || only.credit !== 1)
        throw new NotYet(
          'several accepted numbers, or partial credit on one, is not supported yet',
        );
      if (only.feedback || b.otherFeedback)
        throw new NotYet('feedback on a numeric answer is not supported yet');
      const tolerance = only.tolerance > 0 ? ` ± ${num(only.tolerance)}` : '';
      return { type: 'numeric', text: `Answer: ${num(only.value)}${tolerance}` };
    }
  }
}

/**
 * GIFT questions as enablekit quizzes: one per `$CATEGORY:` (or one for the file, without
 * categories), each question with an id made from its name (or its text), unique in the quiz.
 * What enablekit cannot grade as GIFT would is returned in `skipped`, with why.
 */
export function quizzesFromGift(questions: GiftQuestion[]): {
  quizzes: ImportedQuiz[];
  skipped: Skipped[];
} {
  const byCategory = new Map<string | undefined, { parts: string[]; ids: Set<string> }>();
  const skipped: Skipped[] = [];
  for (const q of questions) {
    const name = q.name ?? oneLine(q.text).slice(0, 60);
    let part: { type: string; text: string };
    try {
      part = answerPart(q);
    } catch (e) {
      if (!(e instanceof NotYet)) throw e;
      skipped.push({ line: q.line, name, reason: e.message });
      continue;
    }
    const quiz = byCategory.get(q.category) ?? { parts: [], ids: new Set<string>() };
    byCategory.set(q.category, quiz);
    const base = slug(q.name ?? oneLine(q.text).split(' ').slice(0, 6).join(' '), 'question');
    let id = base;
    for (let n = 2; quiz.ids.has(id); n++) id = `${base}-${n}`;
    quiz.ids.add(id);
    const [heading = '', ...rest] = markdownOf(q.text)
      .trim()
      .split(/\n\s*\n/);
    const prompt = [
      `## ${heading.replace(/\s*\n\s*/g, ' ').trim() || name}\n<!-- question id=${id} type=${part.type} -->`,
      ...rest.map((p) => p.trim()),
      part.text,
      ...(q.generalFeedback ? [quote(q.generalFeedback)] : []),
    ];
    quiz.parts.push(prompt.join('\n\n'));
  }
  const quizzes = [...byCategory].map(([category, { parts }]) => ({
    ...(category ? { category } : {}),
    body: `${parts.join('\n\n')}\n`,
    count: parts.length,
  }));
  return { quizzes, skipped };
}
