import type { GiftAnswer, GiftQuestion, GiftText } from './gift-model.js';
import {
  choiceList,
  firstWords,
  oneLine,
  quote,
  quizzesOf,
  type ImportedQuiz,
  type QuestionDraft,
  type Skipped,
} from './quiz-markdown.js';

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

const choices = (answers: GiftAnswer[]) =>
  choiceList(
    answers.map((a) => ({
      text: markdownOf(a.text),
      correct: a.credit > 0,
      ...(a.feedback ? { feedback: markdownOf(a.feedback) } : {}),
    })),
  );

/** Numbers as a person writes them: `0.2`, not `0.20000000000000001`. */
const num = (n: number) => String(Number(n.toPrecision(12)));

/** Choices with GIFT's credits written on them (`(credit 50%)`), a right one ticked. */
function creditedChoices(answers: GiftAnswer[], single: boolean): string {
  return choiceList(
    answers.map((a) => {
      const text = oneLine(markdownOf(a.text));
      if (CREDIT_LIKE.test(text))
        throw new NotYet(`the answer "${text}" ends as a credit would be written`);
      return {
        // A single choice's ticked answer is worth 100%, as enablekit reads a tick without a credit.
        text:
          a.credit === 0 || (single && a.credit === 1)
            ? text
            : `${text} (credit ${num(a.credit * 100)}%)`,
        correct: single ? a.credit === 1 : a.credit > 0,
        ...(a.feedback ? { feedback: markdownOf(a.feedback) } : {}),
      };
    }),
  );
}

/** Text read as a choice's credit (quiz-body.ts): an answer ending so would change its meaning. */
const CREDIT_LIKE = /\(credit\s+[-+−]?\d+(?:\.\d+)?\s*%\)$/i;

/** A number as enablekit's key writes it: digits, no exponent (`1e-7` is refused, not bent). */
function decimal(n: number): string {
  const s = num(n);
  if (/e/i.test(s))
    throw new NotYet(`the number ${s} needs an exponent, which enablekit's answers do not take`);
  return s;
}

/** Thrown with what enablekit does not carry over yet, so the question is named, not bent. */
class NotYet extends Error {}

const close = (a: number, b: number) => Math.abs(a - b) < 0.001;

/** The question's answer part, and its enablekit type. */
function answerPart(q: GiftQuestion): Pick<QuestionDraft, 'type' | 'answer'> {
  const b = q.body;
  switch (b.kind) {
    case 'description':
      throw new NotYet(
        'a description (text without answers) is not a question; copy its text into the quiz if you need it',
      );
    case 'essay':
      // An open question: no key, a reviewer grades it (its rubric is added in the quiz).
      return { type: 'open', answer: '' };
    case 'match': {
      const arrow = /→|->/;
      const lines = b.pairs.map((p) => {
        const prompt = oneLine(markdownOf(p.prompt));
        const answer = oneLine(markdownOf({ text: p.answer, format: 'plain' }));
        if (arrow.test(prompt) || arrow.test(answer))
          throw new NotYet(
            `the pair "${prompt} -> ${answer}" has an arrow in its text, which enablekit reads as the pairing`,
          );
        return prompt ? `- ${prompt} → ${answer}` : `- → ${answer}`;
      });
      return { type: 'matching', answer: lines.join('\n') };
    }
    case 'truefalse':
      // Without feedback, enablekit's own true/false; with it, a choice of True and False, each with its feedback.
      if (!b.rightFeedback && !b.wrongFeedback)
        return { type: 'truefalse', answer: `Answer: ${b.answer}` };
      return {
        type: 'single',
        answer: choiceList(
          [true, false].map((value) => {
            const right = value === b.answer;
            const feedback = right ? b.rightFeedback : b.wrongFeedback;
            return {
              text: value ? 'True' : 'False',
              correct: right,
              ...(feedback ? { feedback: markdownOf(feedback) } : {}),
            };
          }),
        ),
      };
    case 'multichoice': {
      const right = b.answers.filter((a) => a.credit > 0);
      if (!b.multiple) {
        if (right.filter((a) => a.credit === 1).length !== 1)
          throw new NotYet('a one-answer question needs exactly one answer worth 100%');
        // Moodle takes a negative mark off the quiz; enablekit's question earns at least 0%.
        if (b.answers.some((a) => a.credit < 0))
          throw new NotYet(
            'a negative credit on a one-answer question (enablekit counts a question at least 0%) is not supported',
          );
        if (b.answers.every((a) => a.credit === 0 || a.credit === 1))
          return { type: 'single', answer: choices(b.answers) };
        return { type: 'single', answer: creditedChoices(b.answers, true) };
      }
      // enablekit's partial credit: (right ticked − wrong ticked) ÷ right choices. That is GIFT's
      // sum of percentages when each right choice is worth 1/R and each wrong one −1/R; other
      // credits are written on the choices, which enablekit adds up as Moodle does.
      const share = 1 / right.length;
      if (b.answers.every((a) => close(Math.abs(a.credit), share)))
        return { type: 'multiple', answer: choices(b.answers) };
      const sum = right.reduce((t, a) => t + a.credit, 0);
      if (!close(sum, 1))
        throw new NotYet(
          `the right answers' credits add up to ${num(sum * 100)}%, not 100% (${b.answers.map((a) => `${num(a.credit * 100)}%`).join(', ')})`,
        );
      // Moodle lets wrong answers cost nothing; then ticking every choice is a full answer,
      // which quiz-choice-credit refuses: the author decides what guessing should cost.
      if (b.answers.reduce((t, a) => t + a.credit, 0) >= 1 - 0.001)
        throw new NotYet(
          'the wrong answers cost too little (all the credits add up to 100% or more), so ticking every choice would earn 100%; give them a negative credit such as %-50%',
        );
      return { type: 'multiple', answer: creditedChoices(b.answers, false) };
    }
    case 'shortanswer': {
      if (b.answers.some((a) => a.credit < 0 || a.credit > 1))
        throw new NotYet('a credit outside 0% to 100% on an accepted answer is not supported');
      if (!b.answers.some((a) => a.credit === 1))
        throw new NotYet('no accepted answer is worth the whole question (100%)');
      // An answer sheet is Markdown: a backtick there starts code, so no learner could type it.
      if (b.answers.some((a) => a.text.text.includes('`')))
        throw new NotYet(
          'an accepted answer with a backtick (`) cannot be typed on an answer sheet, where Markdown reads it as code',
        );
      const last = b.answers.at(-1)!;
      // Moodle takes the first answer that matches: a last lone `*` worth nothing is the feedback for any other answer.
      const other = last.text.text.trim() === '*' && last.credit === 0 && last.feedback;
      const accepted = (other ? b.answers.slice(0, -1) : b.answers).map((a) => {
        const t = a.text.text;
        // Moodle's `*` matches any text and `\*` is a star; as a pattern here, run on the folded answer.
        const parts = t.split(/(?<!\\)\*/).map((p) => p.replace(/\\\*/g, '*'));
        const value =
          parts.length > 1
            ? `/^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$/i`
            : parts[0]!;
        const fence = value.includes('`') ? '`` ' : '`';
        const line = `- ${fence}${value}${fence.split('').reverse().join('')}${a.credit === 1 ? '' : ` (credit ${num(a.credit * 100)}%)`}`;
        return a.feedback ? `${line}\n${quote(markdownOf(a.feedback), '  ')}` : line;
      });
      if (other) accepted.push(`- Any other answer\n${quote(markdownOf(other), '  ')}`);
      return { type: 'text', answer: `Accepted answers:\n\n${accepted.join('\n')}` };
    }
    case 'numerical': {
      const numbers = b.answers.map((a) => {
        if (a.credit < 0 || a.credit > 1)
          throw new NotYet(
            `a numeric answer's credit of ${num(a.credit * 100)}% is not supported (enablekit takes 0% to 100%)`,
          );
        const spec = a.range
          ? `${decimal(a.range[0])}..${decimal(a.range[1])}`
          : `${decimal(a.value)}${a.tolerance > 0 ? ` ± ${decimal(a.tolerance)}` : ''}`;
        return { spec, credit: a.credit, feedback: a.feedback };
      });
      const [only, ...more] = numbers;
      if (only && more.length === 0 && only.credit === 1 && !only.feedback && !b.otherFeedback)
        return { type: 'numeric', answer: `Answer: ${only.spec}` };
      if (!numbers.some((n) => n.credit === 1))
        throw new NotYet('no number is worth the whole question (100%)');
      // Moodle grades a numeric answer by the first number that holds it, as enablekit does: the order is kept.
      const items = numbers.map((n) => {
        const line = `- ${n.spec}${n.credit === 1 ? '' : ` (${num(n.credit * 100)}%)`}`;
        return n.feedback ? `${line}\n${quote(markdownOf(n.feedback), '  ')}` : line;
      });
      if (b.otherFeedback)
        items.push(`- Any other answer\n${quote(markdownOf(b.otherFeedback), '  ')}`);
      return { type: 'numeric', answer: `Accepted numbers:\n\n${items.join('\n')}` };
    }
  }
}

/**
 * GIFT's missing word (`Grant is {~buried =entombed ~living} in the tomb.`) as a cloze question
 * with one blank: `{1}` where the answers stood, its choices to pick one from or its accepted
 * answers to type. Undefined for a question that is not one; what a blank does not carry is
 * named, not dropped.
 */
function missingWord(q: GiftQuestion): Pick<QuestionDraft, 'type' | 'answer' | 'text'> | undefined {
  const b = q.body;
  if (!q.missingWord || (b.kind !== 'shortanswer' && (b.kind !== 'multichoice' || b.multiple)))
    return undefined;
  const md = markdownOf(q.text);
  const parts = md.split('_____');
  if (parts.length !== 2)
    throw new NotYet(
      'its text has "_____" of its own besides the missing word, so the blank\'s place is not certain',
    );
  if (/\{\d{1,3}\}/.test(md))
    throw new NotYet('its text has a number in braces, which enablekit reads as a blank');
  const answers = b.answers;
  if (answers.some((a) => a.feedback))
    throw new NotYet("feedback on a missing word's answers has no place in a blank yet");
  let items: string[];
  if (b.kind === 'multichoice') {
    if (
      answers.filter((a) => a.credit === 1).length !== 1 ||
      answers.some((a) => a.credit !== 0 && a.credit !== 1)
    )
      throw new NotYet(
        'a missing word with credits other than one right answer (100%) and wrong ones (0%)',
      );
    items = answers.map(
      (a) => `  - [${a.credit === 1 ? 'x' : ' '}] ${oneLine(markdownOf(a.text))}`,
    );
  } else {
    if (answers.some((a) => a.credit < 0 || a.credit > 1))
      throw new NotYet('a credit outside 0% to 100% on an accepted answer is not supported');
    if (!answers.some((a) => a.credit === 1))
      throw new NotYet('no accepted answer is worth the whole question (100%)');
    if (answers.some((a) => a.text.text.includes('`') || /(?<!\\)\*/.test(a.text.text)))
      throw new NotYet(
        "an accepted answer with a backtick (`) or Moodle's * (any text) in a missing word is not supported",
      );
    items = answers.map(
      (a) =>
        `  - \`${a.text.text.replace(/\\\*/g, '*')}\`${a.credit === 1 ? '' : ` (credit ${num(a.credit * 100)}%)`}`,
    );
  }
  return { type: 'cloze', text: `${parts[0]}{1}${parts[1]}`, answer: `- {1}\n${items.join('\n')}` };
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
  const drafts: QuestionDraft[] = [];
  const skipped: Skipped[] = [];
  for (const q of questions) {
    try {
      drafts.push({
        line: q.line,
        ...(q.category ? { group: q.category } : {}),
        idFrom: q.name ?? firstWords(markdownOf(q.text)),
        text: markdownOf(q.text) || (q.name ?? ''),
        ...(missingWord(q) ?? answerPart(q)),
        ...(q.generalFeedback ? { explanation: markdownOf(q.generalFeedback) } : {}),
      });
    } catch (e) {
      if (!(e instanceof NotYet)) throw e;
      skipped.push({
        line: q.line,
        name: q.name ?? oneLine(markdownOf(q.text)).slice(0, 60),
        reason: e.message,
      });
    }
  }
  return { quizzes: quizzesOf(drafts), skipped };
}
