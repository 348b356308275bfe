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

  ## Which header carries the request id?
  <!-- question id=header type=text -->

  Accepted answers:

  ${body}`;

export const quizAcceptedFeedback: Rule = {
  meta: {
    id: 'quiz-accepted-feedback',
    description:
      'No feedback is quoted under an accepted answer of a text question, where it is never shown.',
    severity: 'error',
    rationale:
      'A text question shows no feedback per accepted answer: a quote written there reaches no learner, though its author thinks it does. An explanation under the question is shown as reveal_answers allows.',
    reach: 'file',
  },
  examples: [
    {
      title: 'Feedback under an accepted answer',
      files: {
        'q.md': quiz(dedent`
        - \`X-Request-Id\`
          > Right: support asks for it first.
        - \`Request-Id\`
      `),
      },
      expect: [
        {
          at: 'q.md:16',
          message:
            'Expected no feedback under accepted answer 1 of question "header"; found a quote that is never shown to a learner',
        },
      ],
    },
    {
      title: 'An explanation under the question',
      files: {
        'q.md': quiz(dedent`
        - \`X-Request-Id\`

        > Support asks for the request id first.
      `),
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      for (const q of item.questions) {
        // The answer itself is never named: a sealed quiz's answers come from its key.
        q.accepted.forEach((a, i) => {
          if (!a.feedback) return;
          ctx.report({
            file: item.file,
            span: a.feedback.span,
            message: `Expected no feedback under accepted answer ${i + 1} of question "${q.id ?? q.prompt}"; found a quote that is never shown to a learner. Move it under the question as its explanation ("> ..." after the list), or delete it.`,
          });
        });
      }
    }
  },
};
