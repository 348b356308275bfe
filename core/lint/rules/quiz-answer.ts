import type { Question } from '../../model.js';
import type { Rule } from '../rule.js';
import { answerPattern } from '../../grading/answer-pattern.js';
import { dedent } from '../../text/dedent.js';

/** Why a question cannot be graded from its source, or undefined when it can. */
export function answerProblem(q: Question): string | undefined {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.length < 2
        ? `Expected ${q.type}-choice question to offer at least 2 choices as a task list ("- [ ] ..."); found ${q.choices.length}. Add the choices.`
        : undefined;
    case 'text':
      return q.accepted.length === 0
        ? 'Expected a text question to list its accepted answers under "Accepted answers:"; found none. Add at least one.'
        : undefined;
    case 'numeric':
      return q.numeric || q.numbers?.length
        ? undefined
        : 'Expected a numeric question to give its answer as "Answer: 4", "Answer: 4 ± 0.5" or "Answer: 1..5", or its numbers under "Accepted numbers:"; found none. Add the answer line.';
    case 'matching': {
      const pairs = q.pairs ?? [];
      if (pairs.length < 2)
        return `Expected a matching question to pair at least 2 prompts with their answers ("- Grafana → dashboards"); found ${pairs.length}. Add the pairs.`;
      const empty = pairs.find((p) => p.answer.trim() === '');
      if (empty)
        return `Expected every prompt of a matching question to have its answer after the arrow; found none for prompt ${empty.letter}. Write it after the arrow.`;
      const seen = new Set<string>();
      const twice = pairs.find((p) => seen.size === seen.add(p.prompt.toLowerCase()).size);
      return twice
        ? `Expected each prompt of a matching question once; found prompt ${twice.letter} again. Merge them or tell them apart.`
        : undefined;
    }
    case 'truefalse':
      return q.truth
        ? undefined
        : 'Expected a true/false question to give its answer as "Answer: true" or "Answer: false"; found none. Add the answer line.';
    case 'ordering':
      return q.items.length < 2
        ? `Expected an ordering question to list at least 2 items as a numbered list in the right order; found ${q.items.length}. Add the items.`
        : undefined;
  }
}

export const quizAnswer: Rule = {
  meta: {
    id: 'quiz-answer',
    description:
      'Every question has what it needs to be graded: choices, accepted answers (valid patterns), a number, or items to order.',
    severity: 'error',
    rationale:
      'A question without an answer in the source (or the key file) cannot be graded, and an invalid pattern would fail every learner.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A text question with no accepted answers and one with a broken pattern',
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

          ## Which header carries the request id?
          <!-- question id=header type=text -->

          ## Which command restarts the agent?
          <!-- question id=restart type=text -->

          Accepted answers:

          - \`/^agent restart(/\`
        `,
      },
      expect: [
        { at: 'q.md:10', message: 'Expected a text question to list its accepted answers' },
        { at: 'q.md:18', message: 'Expected a valid regular expression in question "restart"' },
      ],
    },
    {
      title: 'Every type with its answer',
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

          ## Header?
          <!-- question id=header type=text -->

          Accepted answers:

          - \`X-Request-Id\`
          - \`/^x-req(uest)?-id$/i\`

          ## P2 response hours?
          <!-- question id=p2 type=numeric -->

          Answer: 4 ± 0.5

          ## Order the steps
          <!-- question id=steps type=ordering -->

          1. Acknowledge
          2. Reproduce

          ## The status page is public.
          <!-- question id=status-public type=truefalse -->

          Answer: true

          ## Match each tool to its job
          <!-- question id=tools type=matching -->

          - Grafana → dashboards
          - PagerDuty → paging
          - → billing
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz' || (item.key && !item.keyApplied)) continue;
      for (const q of item.questions) {
        const problem = answerProblem(q);
        if (problem) ctx.report({ file: item.file, span: q.span, message: problem });
        for (const a of q.accepted) {
          const m = answerPattern(a.value);
          if (!m) continue;
          try {
            new RegExp(m.source, m.flags);
          } catch (e) {
            ctx.report({
              file: item.file,
              span: a.span,
              message: `Expected a valid regular expression in question "${q.id ?? q.prompt}"; found ${a.value} (${(e as Error).message}). Fix the pattern, or drop the slashes to match plain text.`,
            });
          }
        }
      }
    }
  },
};
