import type { NumericAnswer, Question } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const quiz = (body: string) => dedent`
  ---
  type: quiz
  id: q
  title: Q
  module: m
  owner: alice
  ---
  # Q

  ## Within how many hours does a P2 need a first reply?
  <!-- question id=p2 type=numeric -->

  ${body}`;

/** Items compared with every earlier one up to here; a longer list is checked this far (the work stays bounded). */
const CHECKED = 100;

const ends = (n: NumericAnswer): [number, number] =>
  n.range ?? [n.value - n.tolerance, n.value + n.tolerance];

/**
 * What is wrong with a numeric question's accepted numbers as a whole, each with where to say
 * it. Numbers are named by their place, never their value: a sealed quiz's come from its key.
 */
function numbersProblems(q: Question): { at: Question['span']; message: string }[] {
  const numbers = q.numbers;
  if (!numbers) return [];
  const name = q.id ?? q.prompt;
  const out: { at: Question['span']; message: string }[] = [];
  if (q.numeric)
    out.push({
      at: q.numeric.span,
      message: `Expected question "${name}" to give its numbers one way; found an "Answer:" line and "Accepted numbers:". Keep the list (an answer worth the whole question is one with no credit written), and delete the "Answer:" line.`,
    });
  if (numbers.length > 0 && !numbers.some((n) => n.credit === 1))
    out.push({
      at: q.numbersSpan ?? q.span,
      message: `Expected one of the accepted numbers of question "${name}" to be worth the whole question (no credit written, or (100%)); found none, so no answer can earn its full weight. Remove the credit from the right number.`,
    });
  const units = new Set(numbers.flatMap((n) => (n.unit ? [n.unit] : [])));
  if (units.size > 1)
    out.push({
      at: q.numbersSpan ?? q.span,
      message: `Expected one unit for the accepted numbers of question "${name}"; found ${[...units].map((u) => `"${u}"`).join(' and ')}. A learner writes one number with one unit: convert them to one unit.`,
    });
  numbers.slice(0, CHECKED).forEach((n, i) => {
    const [lo, hi] = ends(n);
    const j = numbers.slice(0, i).findIndex((m) => {
      const [a, b] = ends(m);
      return a <= lo && hi <= b;
    });
    if (j >= 0)
      out.push({
        at: n.span,
        message: `Expected every accepted number of question "${name}" to be reachable; found number ${i + 1} inside number ${j + 1} above it, which grades every answer it would (the first number that holds an answer grades it). Move number ${i + 1} above number ${j + 1}, or delete it.`,
      });
  });
  return out;
}

export const quizNumbers: Rule = {
  meta: {
    id: 'quiz-numbers',
    description:
      'The accepted numbers of a numeric question can each be reached, one is worth the whole question, and they share one unit.',
    severity: 'error',
    rationale:
      'Grading takes the first accepted number that holds an answer: a number inside an earlier one never grades anything, though its author thinks its credit and feedback apply. A question no number earns in full caps every learner below its weight, and numbers in two units cannot both be written after one answer.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A number inside a range above it, and no number worth the whole question',
      files: {
        'q.md': quiz(dedent`
          Accepted numbers:

          - 2..8 (50%)
          - 4 (50%)
            > Four hours is the target.
        `),
      },
      expect: [
        {
          at: 'q.md:13',
          message: 'Expected one of the accepted numbers of question "p2" to be worth the whole',
        },
        { at: 'q.md:16', message: 'found number 2 inside number 1 above it' },
      ],
    },
    {
      title: 'Numbers in two units, and both an "Answer:" line and a list',
      files: {
        'q.md': quiz(dedent`
          Answer: 4 h

          Accepted numbers:

          - 4 h
          - 240 min (50%)
        `),
      },
      expect: [
        { at: 'q.md:13', message: 'found an "Answer:" line and "Accepted numbers:"' },
        { at: 'q.md:15', message: 'Expected one unit for the accepted numbers' },
      ],
    },
    {
      title: 'The narrow case first, then the range, then the feedback for any other number',
      files: {
        'q.md': quiz(dedent`
          Accepted numbers:

          - 4 ± 0.5
          - 2..8 (50%)
            > Close: a P2 is answered within the working half-day.
          - Any other answer
            > Count the hours in the SLA table.
        `),
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions)
        for (const p of numbersProblems(q))
          ctx.report({ file: item.file, span: p.at, message: p.message });
    }
  },
};
