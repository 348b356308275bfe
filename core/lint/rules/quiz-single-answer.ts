import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const quizSingleAnswer: Rule = {
  meta: {
    id: 'quiz-single-answer',
    description:
      'A single-choice question marks exactly one right choice; a multiple-choice one at least one.',
    severity: 'error',
    rationale:
      'A single-choice question with no right answer cannot be passed, and one with two right answers grades a learner wrong for a right pick.',
    reach: 'file',
  },
  examples: [
    {
      title: 'Two right answers in a single-choice question',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=p1 type=single -->

          - [x] Incident
          - [x] Tier 1
          - [ ] Backlog
        `,
      },
      expect: [
        {
          at: 'q.md:10',
          message: 'Expected exactly one right choice in single-choice question "p1"; found 2',
        },
      ],
    },
    {
      title: 'One right answer',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=p1 type=single -->

          - [x] Incident
          - [ ] Tier 1
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions) {
        if (q.type !== 'single' && q.type !== 'multiple') continue;
        if (q.choices.length === 0) continue;
        const right = q.choices.filter((c) => c.checked).length;
        const name = q.id ?? q.prompt;
        if (q.type === 'single' && right !== 1) {
          ctx.report({
            file: item.file,
            span: q.span,
            message: `Expected exactly one right choice in single-choice question "${name}"; found ${right}. Mark one choice [x], or set type=multiple.`,
          });
        } else if (q.type === 'multiple' && right === 0) {
          ctx.report({
            file: item.file,
            span: q.span,
            message: `Expected at least one right choice in multiple-choice question "${name}"; found none. Mark the right choices [x].`,
          });
        }
      }
    }
  },
};
