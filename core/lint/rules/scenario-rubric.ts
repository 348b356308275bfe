import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const scenarioRubric: Rule = {
  meta: {
    id: 'scenario-rubric',
    description:
      'A scenario has a rubric (a task list under "## Rubric") with at least one required criterion, each criterion once.',
    severity: 'error',
    rationale:
      'Reviewers grade mocks against the rubric; without one, or without a required criterion, pass and fail are a matter of mood.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A rubric with no required criterion',
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

          - [ ] Greets the customer
          - [ ] Confirms the account
        `,
      },
      expect: [
        {
          at: 's.md:15',
          message:
            'Expected at least one required criterion in the rubric of scenario "s"; found none',
        },
      ],
    },
    {
      title: 'No rubric at all',
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
      `,
      },
      expect: [
        {
          at: 's.md:3',
          message:
            'Expected scenario "s" to have a "## Rubric" section with criteria as a task list; found none',
        },
      ],
    },
    {
      title: 'A rubric with a required criterion',
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

          ## Rubric

          - [ ] Confirms the account (required)
          - [ ] Offers a workaround
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'scenario') continue;
      if (!item.rubricSpan || item.rubric.length === 0) {
        ctx.report({
          file: item.file,
          span: item.rubricSpan ?? item.idSpan,
          message: `Expected scenario "${item.id}" to have a "## Rubric" section with criteria as a task list; found none. Add "## Rubric" and "- [ ] criterion (required)" lines.`,
        });
        continue;
      }
      if (!item.rubric.some((c) => c.required)) {
        ctx.report({
          file: item.file,
          span: item.rubricSpan,
          message: `Expected at least one required criterion in the rubric of scenario "${item.id}"; found none. Add "(required)" to the criteria a learner must meet.`,
        });
      }
      const seen = new Set<string>();
      for (const c of item.rubric) {
        if (seen.has(c.id))
          ctx.report({
            file: item.file,
            span: c.span,
            message: `Expected each rubric criterion once; found "${c.id}" again. Reword it or give it <!-- criterion id=... -->.`,
          });
        seen.add(c.id);
      }
    }
  },
};
