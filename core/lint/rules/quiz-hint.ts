import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const quiz = (hints: string) => dedent`
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

  ${hints}

  Answer: 4
`;

export const quizHint: Rule = {
  meta: {
    id: 'quiz-hint',
    description:
      "A question's hints are written as the grader reads them: a summary of Hint or Hint (cost 10%), a cost from 0% to 100%, a closing </details>, and a hint with a cost only in a sealed quiz.",
    severity: 'error',
    rationale:
      "A misspelt cost would make a hint free, or cost what the author did not mean, without a word; a hint left open swallows the question's answer; and a hint with a cost in a quiz that is not sealed is free to anyone who reads the quiz's file, so charging the ones who ask for it is unfair.",
    reach: 'file',
  },
  examples: [
    {
      title: 'A cost written another way, and one over 100%',
      files: {
        'q.md': quiz(dedent`
          <details><summary>Hint (10% off)</summary>

          Look at the SLA table.

          </details>

          <details><summary>Hint (cost 150%)</summary>

          The P2 row.

          </details>
        `),
      },
      expect: [
        {
          at: 'q.md:13',
          message:
            'Expected a hint\'s summary to be "Hint", or "Hint (cost 10%)" for a hint that costs part of the question\'s credit; found "Hint (10% off)"',
        },
        { at: 'q.md:19', message: "Expected a hint's cost from 0% to 100%" },
      ],
    },
    {
      title: 'A hint with a cost in a quiz that is not sealed',
      files: {
        'q.md': quiz(dedent`
          <details><summary>Hint (cost 25%)</summary>

          The P2 row of the SLA table.

          </details>
        `),
      },
      expect: [
        {
          at: 'q.md:13',
          message:
            'found the quiz not sealed, so a learner reads it free in the quiz\'s file. Seal the quiz with "enablekit seal"',
        },
      ],
    },
    {
      title: 'A hint never closed',
      files: {
        'q.md': quiz(dedent`
          <details><summary>Hint</summary>

          The P2 row of the SLA table.
        `),
      },
      expect: [
        { at: 'q.md:13', message: 'Expected </details> to close the hint opened on line 13' },
      ],
    },
    {
      title: 'A free hint, collapsed until the learner opens it',
      files: {
        'q.md': quiz(dedent`
          <details><summary>Hint</summary>

          Look at the SLA table.

          </details>
        `),
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      for (const q of item.questions)
        for (const h of q.hints ?? []) {
          if (h.problem) ctx.report({ file: item.file, span: h.span, message: h.problem });
          else if (h.cost && !item.key)
            ctx.report({
              file: item.file,
              span: h.span,
              message: `Expected hint ${h.n} of question "${q.id ?? q.prompt}", which costs ${Math.round(h.cost * 1000) / 10}% of its credit, in a sealed quiz; found the quiz not sealed, so a learner reads it free in the quiz's file. Seal the quiz with "enablekit seal" (the hint's text moves into the key, and learners ask for it with /hint), or drop the cost.`,
            });
        }
    }
  },
};
