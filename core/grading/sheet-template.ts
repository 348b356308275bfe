import type { NumericAnswer, Question, Quiz } from '../model.js';
import type { DecimalMark } from './read-number.js';
import { answerPattern } from './answer-pattern.js';
import { shuffledItems } from './shuffled-order.js';
import { markdownInline } from '../text/markdown-escape.js';
import { matchOptions } from './match-options.js';
import { askForHint } from './hint-cost.js';

/** The author's key sheet writes each right answer; a blank sheet writes none. */
export interface KeyFill {
  decimalMark: DecimalMark;
}

/** The answer the key writes after "Answer:": a plain accepted text (a pattern-only question has none), or the number. */
function keyAnswer(q: Question, fill: KeyFill | undefined): string {
  if (!fill) return '';
  if (q.type === 'text')
    return q.accepted.find((a) => !answerPattern(a.value) && (a.credit ?? 1) === 1)?.value ?? '';
  // The number with the most credit, first of them as grading tries them; a range by its lower end (it is in the range).
  const best =
    q.numeric ??
    q.numbers?.reduce<NumericAnswer | undefined>(
      (b, n) => (!b || n.credit > b.credit ? n : b),
      undefined,
    );
  if (q.type === 'numeric' && best) {
    const n = String(best.range ? best.range[0] : best.value).replace('.', fill.decimalMark);
    const unit = best.unit ?? q.numbers?.find((x) => x.unit)?.unit;
    return unit ? `${n} ${unit}` : n;
  }
  return '';
}

/**
 * A cloze question's sentence (when not in the heading) and its blanks: a choice blank lists its
 * choices to tick one; a typed blank takes the answer after `{2}:`.
 */
function clozeBlock(q: Question, fill?: KeyFill): string {
  const sentence = (q.sentence ?? [])
    .filter((s) => s.span.start.line !== q.span.start.line)
    .map((s) => `${markdownInline(s.text.replace(/\s+/g, ' '))}\n\n`)
    .join('');
  const blanks = (q.blanks ?? []).map((b) => {
    if (b.choices.length)
      return `- {${b.n}}\n${b.choices.map((c) => `  - [${fill && c.checked ? 'x' : ' '}] ${markdownInline(c.text)}`).join('\n')}`;
    const typed = fill
      ? (b.accepted.find((a) => !answerPattern(a.value) && (a.credit ?? 1) === 1)?.value ?? '')
      : '';
    return `- {${b.n}}: ${markdownInline(typed)}`;
  });
  return `${sentence}${blanks.join('\n')}\n`;
}

/**
 * The question's hints, collapsed as on github.com: a free hint's text, and for a hint with a
 * cost only how to ask for it (its text is the key's). A hint is never an answer, so the
 * sheet reads back the same.
 */
export function hintBlocks(quizId: string, q: Question): string {
  return (q.hints ?? [])
    .map(
      (h) =>
        `<details><summary>Hint${h.cost ? ` (cost ${Math.round(h.cost * 1000) / 10}%)` : ''}</summary>\n\n${h.cost ? askForHint(quizId, q, h) : h.text}\n\n</details>\n\n`,
    )
    .join('');
}

function questionBlock(q: Question, learner: string, fill?: KeyFill, quizId = ''): string {
  // A quiz sealed before sealing wrote the type down reads an untyped text or numeric question
  // as single choice with no choices: it still takes an "Answer:" line, and its key says which.
  const answerOnly = q.type === 'single' && q.choices.length === 0 && q.items.length === 0;
  const meta = `<!-- question id=${q.id ?? ''}${answerOnly ? '' : ` type=${q.type}`} -->`;
  const head = `## ${q.prompt}\n${meta}\n\n${hintBlocks(quizId, q)}`;
  if (answerOnly) return `${head}Answer: \n`;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `${head}${q.choices.map((c) => `- [${fill && c.checked ? 'x' : ' '}] ${markdownInline(c.text)}`).join('\n')}\n`;
    case 'text':
    case 'numeric':
      return `${head}Answer: ${markdownInline(keyAnswer(q, fill))}\n`;
    case 'truefalse':
      return `${head}Answer: ${fill && q.truth ? String(q.truth.value) : ''}\n`;
    case 'matching':
      return `${head}${(q.pairs ?? []).map((p) => `- ${markdownInline(p.prompt)} → ${fill ? markdownInline(p.answer) : ''}`).join('\n')}\n\nChoose from:\n\n${matchOptions(
        q,
      )
        .map((o) => `- ${markdownInline(o)}`)
        .join('\n')}\n`;
    case 'cloze':
      return `${head}${clozeBlock(q, fill)}`;
    case 'open':
      // No key to write: the key sheet leaves it empty, as a reviewer grades it (quiz-key-passes skips it).
      return `${head}${q.words ? `About ${q.words} words.\n\n` : ''}Answer: \n`;
    case 'ordering':
      return `${head}${(fill ? q.items.map((i) => i.text) : shuffledItems(q, learner))
        .map((t, i) => `${i + 1}. ${markdownInline(t)}`)
        .join('\n')}\n`;
  }
}

/**
 * A blank answer sheet for a quiz: the questions and choices, with every box empty,
 * no feedback and no explanation, so it never carries the key. With `fill`, the author's
 * key sheet instead: every right answer written in, to grade and see that the quiz can be passed.
 */
export function answerSheetText(quiz: Quiz, learner: string, fill?: KeyFill): string {
  const instructions = fill
    ? 'The key sheet: every right answer written in from the quiz. Grade it ("enablekit grade") to see that the quiz can be passed; it holds the answers, so never share it with learners.'
    : 'Tick your choices with [x] (one only where a question has a single answer), write after "Answer:" (true or false where a question asks which) and after each arrow (one of the answers to choose from), ' +
      (quiz.questions.some((q) => q.type === 'cloze')
        ? 'fill in each blank after its number, "{1}: " (or tick one choice under it), '
        : '') +
      (quiz.questions.some((q) => q.type === 'open')
        ? 'write an open answer after its "Answer:" in as many paragraphs as it takes (a reviewer grades it), '
        : '') +
      'and put numbered items in the right order: they are listed shuffled, so a list left as it is counts as not answered yet. ' +
      'Then commit this file on a branch and open a pull request.';
  const questions = quiz.questions.map((q) => questionBlock(q, learner, fill, quiz.id)).join('\n');
  return `---\ntype: answer-sheet\ncheckpoint: ${quiz.id}\nlearner: ${learner}\n---\n\n# ${quiz.title}: answers\n\n${instructions}\n\n${questions}`;
}
