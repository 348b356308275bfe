import { slug } from '../../markdown/mdast-util.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const quizQuestionId: Rule = {
  meta: {
    id: 'quiz-question-id',
    description: 'Every quiz question has an id, unique within its quiz.',
    severity: 'error',
    rationale:
      'Answer sheets, key files and grade records name questions by id; without one, rewording a question would orphan every answer to it.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A question without an id',
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

          - [x] Incident
          - [ ] Tier 1
        `,
      },
      expect: [
        {
          at: 'q.md:10',
          message: 'Expected question "Which queue takes P1 tickets?" to have an id; found none',
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
          <!-- question id=which-queue-takes-p1-tickets -->

          - [x] Incident
          - [ ] Tier 1
        `,
      },
    },
    {
      title: 'A question without an id in a pooled quiz',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          draw: 1
          ---
          # Q

          ## Which queue takes P1 tickets?

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
          at: 'q.md:11',
          message:
            'found none. Add <!-- question id=which-queue-takes-p1-tickets --> under its heading. A pooled quiz cannot draw it without one',
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
          draw: 1
          ---
          # Q

          ## Which queue takes P1 tickets?
          <!-- question id=which-queue-takes-p1-tickets -->

          - [x] Incident
          - [ ] Tier 1

          ## Who owns the status page?
          <!-- question id=status -->

          - [x] The incident lead
          - [ ] Marketing
        `,
      },
    },
    {
      title: 'Two questions with one id',
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

          ## First?
          <!-- question id=one -->

          - [x] Yes
          - [ ] No

          ## Second?
          <!-- question id=one -->

          - [x] Yes
          - [ ] No
        `,
      },
      expect: [
        {
          at: 'q.md:17',
          message: 'Expected question ids to be unique in quiz "q"; found "one" again',
        },
      ],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      const seen = new Set<string>();
      for (const q of item.questions) {
        if (q.id) {
          if (seen.has(q.id))
            ctx.report({
              file: item.file,
              span: q.metaSpan ?? q.span,
              message: `Expected question ids to be unique in quiz "${item.id}"; found "${q.id}" again. Give this question its own id.`,
            });
          seen.add(q.id);
          continue;
        }
        let id = slug(q.prompt) || 'question';
        for (let n = 2; seen.has(id); n++) id = `${slug(q.prompt)}-${n}`;
        seen.add(id);
        const fix = q.metaSpan
          ? {
              description: `Add id=${id} to the question comment`,
              edits: [
                {
                  start: q.metaSpan.start.offset + '<!-- question'.length,
                  end: q.metaSpan.start.offset + '<!-- question'.length,
                  text: ` id=${id}`,
                },
              ],
            }
          : {
              description: `Add <!-- question id=${id} --> under the heading`,
              edits: [
                {
                  start: q.span.end.offset,
                  end: q.span.end.offset,
                  text: `\n<!-- question id=${id} -->`,
                },
              ],
            };
        ctx.report({
          file: item.file,
          span: q.span,
          message: `Expected question "${q.prompt}" to have an id; found none. Add <!-- question id=${id} --> under its heading.${item.draw !== undefined ? ' A pooled quiz cannot draw it without one: the sheet names the questions drawn by their ids.' : ''}`,
          fix,
        });
      }
    }
  },
};
