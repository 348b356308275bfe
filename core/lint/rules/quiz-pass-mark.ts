import type { Rule } from '../rule.js';
import { answerProblem } from './quiz-answer.js';
import { dedent } from '../../text/dedent.js';

/**
 * The lowest share of the weight a draw of `n` can score, as a percent: for each count of
 * ungradable questions drawn, the heaviest of those with the lightest gradable ones.
 */
function worstDraw(gradable: number[], ungradable: number[], n: number): number {
  const g = [...gradable].sort((a, b) => a - b);
  const u = [...ungradable].sort((a, b) => b - a);
  let worst = 100;
  for (let k = Math.max(0, n - g.length); k <= Math.min(n, u.length); k++) {
    const got = g.slice(0, n - k).reduce((s, w) => s + w, 0);
    const lost = u.slice(0, k).reduce((s, w) => s + w, 0);
    worst = Math.min(worst, got + lost === 0 ? 0 : Math.round((got / (got + lost)) * 1000) / 10);
  }
  return worst;
}

export const quizPassMark: Rule = {
  meta: {
    id: 'quiz-pass-mark',
    description:
      'A quiz can be passed: it has questions, and the gradable ones carry enough weight to reach its pass mark.',
    severity: 'error',
    rationale:
      'A pass mark no learner can reach turns a checkpoint into a wall: every attempt fails and nobody is told why.',
    reach: 'file',
  },
  examples: [
    {
      title: 'An ungradable question puts the pass mark out of reach',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          pass_mark: 80
          ---
          # Q

          ## Pick one
          <!-- question id=one -->

          - [x] Yes
          - [ ] No

          ## Explain
          <!-- question id=two type=text weight=3 -->
        `,
      },
      expect: [
        {
          at: 'q.md:7',
          message: 'Expected pass mark 80% to be reachable; found at most 25% can be scored',
        },
      ],
    },
    {
      title: 'A pool where some draws cannot reach the pass mark',
      files: {
        'q.md': dedent`
          ---
          type: quiz
          id: q
          title: Q
          module: m
          owner: alice
          pass_mark: 60
          draw: 2
          ---
          # Q

          ## Pick one
          <!-- question id=one -->

          - [x] Yes
          - [ ] No

          ## Pick another
          <!-- question id=two -->

          - [x] Yes
          - [ ] No

          ## Explain
          <!-- question id=three type=text -->
        `,
      },
      expect: [
        {
          at: 'q.md:7',
          message:
            'Expected pass mark 60% to be reachable in every draw of 2; found draws where at most 50% can be scored',
        },
      ],
    },
    {
      title: 'A quiz with no questions',
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
      `,
      },
      expect: [
        {
          at: 'q.md:3',
          message: 'Expected quiz "q" to have questions (level-2 headings); found none',
        },
      ],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'quiz') continue;
      if (item.questions.length === 0) {
        ctx.report({
          file: item.file,
          span: item.idSpan,
          message: `Expected quiz "${item.id}" to have questions (level-2 headings); found none. Add a "## question" heading with its choices.`,
        });
        continue;
      }
      if (item.key && !item.keyApplied) continue;
      const passMark = item.passMark ?? ctx.config.policies.passMark;
      // Above 100% is a schema error, reported there; here only answers can put it out of reach.
      if (passMark > 100) continue;
      const total = item.questions.reduce((s, q) => s + q.weight, 0);
      const gradable = item.questions
        .filter((q) => !answerProblem(q))
        .reduce((s, q) => s + q.weight, 0);
      const reachable = total === 0 ? 0 : Math.round((gradable / total) * 1000) / 10;
      const draw = item.draw;
      if (draw !== undefined && draw < item.questions.length) {
        // Each learner is graded on their draw alone: the pass mark must be reachable in the worst of them.
        const worst = worstDraw(
          item.questions.filter((q) => !answerProblem(q)).map((q) => q.weight),
          item.questions.filter((q) => answerProblem(q)).map((q) => q.weight),
          draw,
        );
        if (worst + 1e-9 < passMark)
          ctx.report({
            file: item.file,
            span: item.fieldSpans['/pass_mark'] ?? item.fieldSpans['/draw'] ?? item.idSpan,
            message: `Expected pass mark ${passMark}% to be reachable in every draw of ${draw}; found draws where at most ${worst}% can be scored because some questions have no answer. Add their answers, or lower pass_mark.`,
          });
        continue;
      }
      if (reachable + 1e-9 < passMark) {
        ctx.report({
          file: item.file,
          span: item.fieldSpans['/pass_mark'] ?? item.idSpan,
          message: `Expected pass mark ${passMark}% to be reachable; found at most ${reachable}% can be scored because some questions have no answer. Add their answers or lower pass_mark.`,
        });
      }
    }
  },
};
