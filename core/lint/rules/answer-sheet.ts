import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const front = (learner: string, checkpoint = 'triage-quiz') => dedent`
  ---
  type: answer-sheet
  checkpoint: ${checkpoint}
  learner: ${learner}
  ---

  # Triage quiz: answers

`;

export const answerSheet: Rule = {
  meta: {
    id: 'answer-sheet',
    description:
      'An answer sheet sits in its learner\'s folder under its checkpoint\'s name, and says plainly what the learner meant: [x] ticks, answers on the "Answer:" line, each question once, one tick on a single-choice question.',
    severity: 'error',
    rationale:
      'A sheet that names another learner, or whose ticks and answers can be read two ways, is not graded (or is graded wrong); saying so before the pull request costs the learner nothing.',
    reach: 'file',
  },
  examples: [
    {
      title:
        'Another learner\'s name, a tick written [✓], an answer below "Answer:" and two ticks on a single-choice question',
      files: {
        'submissions/ana/triage-quiz.md':
          front('bob') +
          dedent`
            ## Which priority?
            <!-- question id=priority type=single -->

            - [✓] P1
            - [ ] P2

            ## Within how many hours?
            <!-- question id=hours type=numeric -->

            Answer:

            4

            ## Which queue?
            <!-- question id=queue type=single -->

            - [x] Incident
            - [x] Tier 1
          `,
      },
      expect: [
        {
          at: 'submissions/ana/triage-quiz.md:4',
          message: "Expected learner: ana, the name of the sheet's folder",
        },
        {
          at: 'submissions/ana/triage-quiz.md:12',
          message: 'Expected [x] to tick a choice; found [✓]. Write [x].',
        },
        {
          at: 'submissions/ana/triage-quiz.md:20',
          message:
            'Expected the answer on the "Answer:" line; found "Answer:" empty and "4" below it',
        },
        {
          at: 'submissions/ana/triage-quiz.md:22',
          message: 'Expected one tick on single-choice question "queue"; found 2 (a, b)',
        },
      ],
    },
    {
      title: 'A question given twice',
      files: {
        'submissions/ana/triage-quiz.md':
          front('ana') +
          dedent`
          ## Which priority?
          <!-- question id=priority type=single -->

          - [ ] P1
          - [x] P2

          ## Which priority?
          <!-- question id=priority type=single -->

          - [x] P1
          - [ ] P2
        `,
      },
      expect: [
        {
          at: 'submissions/ana/triage-quiz.md:15',
          message:
            'Expected question "priority" once in the sheet; found it again here, after line 9',
        },
      ],
    },
    {
      title: 'A sheet as "enablekit take" writes it, answered',
      files: {
        'submissions/ana/triage-quiz.md':
          front('ana') +
          dedent`
          ## Which priority?
          <!-- question id=priority type=single -->

          - [x] P1
          - [ ] P2

          ## Within how many hours?
          <!-- question id=hours type=numeric -->

          Answer: 4
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems)
        if (p.code === 'answer-sheet')
          ctx.report({
            file: model.file,
            span: p.span,
            message: p.message,
            ...(p.fix ? { fix: p.fix } : {}),
          });
    }
  },
};
