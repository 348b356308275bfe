import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const SITUATION = /^situation\b/i;

export const scenarioSituation: Rule = {
  meta: {
    id: 'scenario-situation',
    description: 'A scenario has a "## Situation" section: what the learner walks into.',
    severity: 'error',
    rationale:
      'The situation is the part of a mock a learner is given to act on; without it, learners are graded against a rubric for a scene nobody described.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A scenario with no situation',
      files: {
        's.md': dedent`
        ---
        type: scenario
        id: s
        title: S
        module: m
        level: beginner
        owner: alice
        ---
        # S

        ## Your task

        Calm the customer.

        ## Rubric

        - [ ] Confirms the account (required)
      `,
      },
      expect: [
        {
          at: 's.md:3',
          message:
            'Expected scenario "s" to have a "## Situation" section; found none (sections: Your task, Rubric)',
        },
      ],
    },
    {
      title: 'A scenario with its situation',
      files: {
        's.md': dedent`
        ---
        type: scenario
        id: s
        title: S
        module: m
        level: beginner
        owner: alice
        ---
        # S

        ## Situation

        A customer cannot log in.

        ## Rubric

        - [ ] Confirms the account (required)
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'scenario' || item.sections.some((s) => SITUATION.test(s))) continue;
      const found = item.sections.length
        ? `none (sections: ${item.sections.join(', ')})`
        : 'no sections';
      ctx.report({
        file: item.file,
        span: item.idSpan,
        message: `Expected scenario "${item.id}" to have a "## Situation" section; found ${found}. Add "## Situation" with what the learner walks into.`,
      });
    }
  },
};
