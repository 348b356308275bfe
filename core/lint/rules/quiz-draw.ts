import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const quizDraw: Rule = {
  meta: {
    id: 'quiz-draw',
    description:
      "A pooled quiz draws no more questions than it has (`draw:` at most the pool's size).",
    severity: 'error',
    rationale:
      'A draw larger than the pool cannot be made as written: every learner would get the whole quiz, with none of the variation the author asked for, and nobody would be told.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A draw larger than the pool',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          draw: 3
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=queue -->

          - [x] Incident
          - [ ] Tier 1

          ## Who owns the status page?
          <!-- question id=status -->

          - [x] The incident lead
          - [ ] Marketing
        `,
      },
      expect: [
        {
          at: 'q.md:7',
          message:
            'Expected draw: 3 to be at most the 2 questions of quiz "q"; found 1 more asked for',
        },
      ],
    },
    {
      title: 'A draw of two from three, with shuffled choices: nothing to report',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          draw: 2
          shuffle_choices: true
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=queue -->

          - [x] Incident
          - [ ] Tier 1

          ## Who owns the status page?
          <!-- question id=status -->

          - [x] The incident lead
          - [ ] Marketing

          ## Which channel announces an outage?
          <!-- question id=channel -->

          - [x] The status page
          - [ ] A direct message
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || item.draw === undefined) continue;
      const pool = item.questions.length;
      // A quiz with no questions is quiz-pass-mark's to report.
      if (pool === 0 || item.draw <= pool) continue;
      ctx.report({
        file: item.file,
        span: item.fieldSpans['/draw'] ?? item.idSpan,
        message: `Expected draw: ${item.draw} to be at most the ${pool} question${pool === 1 ? '' : 's'} of quiz "${item.id}"; found ${item.draw - pool} more asked for. Lower draw, or add questions to the pool.`,
      });
    }
  },
};
