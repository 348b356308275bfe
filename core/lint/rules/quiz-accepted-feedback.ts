import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';
import { answerPattern } from '../../grading/answer-pattern.js';
import { normalise } from '../../grading/grade-question.js';

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

/**
 * Named for what it checked first (feedback under an accepted answer, which was never shown);
 * that feedback is now shown to a learner whose answer it is, and the id stays so settings
 * that name it keep working.
 */
export const quizAcceptedFeedback: Rule = {
  meta: {
    id: 'quiz-accepted-feedback',
    description:
      'The accepted answers of a text question grade as written: one is worth the whole question, and none is hidden behind an earlier one with the same text.',
    severity: 'error',
    rationale:
      'Grading takes the first accepted answer that matches: a later answer with the same text never grades anything, though its author thinks its credit and feedback apply. A question no answer earns in full caps every learner below its weight.',
    reach: 'file',
  },
  examples: [
    {
      title: 'The same answer twice, and no answer worth the whole question',
      files: {
        'q.md': quiz(dedent`
        - \`Request-Id\` (credit 50%)
          > Close: the header has an X- prefix.
        - \`request-id\` (credit 25%)
      `),
      },
      expect: [
        {
          at: 'q.md:13',
          message:
            'Expected one of the accepted answers of question "header" to be worth the whole',
        },
        { at: 'q.md:17', message: 'found answer 2 matching the same text as answer 1 above it' },
      ],
    },
    {
      title: 'Feedback under each answer, a near miss, and the feedback for any other answer',
      files: {
        'q.md': quiz(dedent`
        - \`X-Request-Id\`
          > Right: support asks for it first.
        - \`Request-Id\` (credit 50%)
          > Close: the header has an X- prefix.
        - Any other answer
          > Look at the headers section of the API guide.

        > Support asks for the request id first.
      `),
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions) {
        if (q.type !== 'text' || q.accepted.length === 0) continue;
        // The answers themselves are never named: a sealed quiz's answers come from its key.
        const name = q.id ?? q.prompt;
        if (!q.accepted.some((a) => (a.credit ?? 1) === 1))
          ctx.report({
            file: item.file,
            span: q.acceptedSpan ?? q.span,
            message: `Expected one of the accepted answers of question "${name}" to be worth the whole question (no credit written, or (credit 100%)); found none, so no answer can earn its full weight. Remove the credit from the right answer.`,
          });
        const seen = new Map<string, number>();
        q.accepted.forEach((a, i) => {
          if (answerPattern(a.value)) return;
          const key = normalise(a.value);
          const earlier = seen.get(key);
          if (earlier === undefined) seen.set(key, i);
          // A plain repeat grades as the first does: only a credit or feedback of its own would be lost.
          else if (a.credit !== undefined || a.feedback)
            ctx.report({
              file: item.file,
              span: a.span,
              message: `Expected every accepted answer of question "${name}" to be reachable; found answer ${i + 1} matching the same text as answer ${earlier + 1} above it, which grades it first. Delete one of them.`,
            });
        });
      }
    }
  },
};
