import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const quizDuplicateChoice: Rule = {
  meta: {
    id: 'quiz-duplicate-choice',
    description: 'No question offers the same choice twice.',
    severity: 'error',
    rationale:
      'Two identical choices, one right and one wrong, make a question a coin toss; two identical wrong ones are a copy-paste slip.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A choice written twice',
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
          <!-- question id=p1 -->

          - [x] Incident
          - [ ] Tier 1
          - [ ] Tier 1
        `,
      },
      expect: [
        {
          at: 'q.md:15',
          message:
            'Expected each choice of question "p1" once; found "Tier 1" again (choice c repeats b)',
        },
      ],
      fixed: {
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
          <!-- question id=p1 -->

          - [x] Incident
          - [ ] Tier 1
        `,
      },
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      for (const q of item.questions) {
        const first = new Map<string, string>();
        for (const c of q.choices) {
          const key = c.text.toLowerCase();
          const earlier = first.get(key);
          if (earlier === undefined) {
            first.set(key, c.letter);
            continue;
          }
          // Only a wrong duplicate is safe to delete: deleting a right one changes the key.
          const fix = c.checked
            ? undefined
            : {
                description: `Remove the repeated choice "${c.text}"`,
                edits: [
                  {
                    start: c.span.start.offset - (c.span.start.column - 1),
                    end: c.span.end.offset + 1,
                    text: '',
                  },
                ],
              };
          ctx.report({
            file: item.file,
            span: c.span,
            message: `Expected each choice of question "${q.id ?? q.prompt}" once; found "${c.text}" again (choice ${c.letter} repeats ${earlier}). Remove or reword it.`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
};
