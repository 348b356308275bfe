import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const reflectionPrompts: Rule = {
  meta: {
    id: 'reflection-prompts',
    description:
      'A reflection has a read check ("- [ ] I have read ...") and at least one prompt under "## Prompts".',
    severity: 'error',
    rationale:
      'A reflection is the learner confirming they read the lesson and then sharing a strategy; without prompts there is nothing to answer.',
    reach: 'file',
  },
  examples: [
    {
      title: 'No prompts',
      files: {
        'r.md': dedent`
        ---
        type: reflection
        id: r
        title: R
        module: m
        owner: alice
        ---
        # R

        - [ ] I have read the lesson
      `,
      },
      expect: [
        {
          at: 'r.md:3',
          message:
            'Expected reflection "r" to list prompts under a "## Prompts" heading; found none',
        },
      ],
    },
    {
      title: 'No read check',
      files: {
        'r.md': dedent`
        ---
        type: reflection
        id: r
        title: R
        module: m
        owner: alice
        ---
        # R

        ## Prompts

        1. Share a strategy.
      `,
      },
      expect: [{ at: 'r.md:3', message: 'Expected reflection "r" to start with a read check' }],
    },
    {
      title: 'A complete reflection',
      files: {
        'r.md': dedent`
        ---
        type: reflection
        id: r
        title: R
        module: m
        owner: alice
        ---
        # R

        - [ ] I have read the lesson

        ## Prompts

        1. Share a strategy of your own, or one you will adopt, and why.
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'reflection') continue;
      if (!item.readCheck)
        ctx.report({
          file: item.file,
          span: item.idSpan,
          message: `Expected reflection "${item.id}" to start with a read check such as "- [ ] I have read the lesson"; found none. Add it above the prompts.`,
        });
      if (item.prompts.length === 0)
        ctx.report({
          file: item.file,
          span: item.idSpan,
          message: `Expected reflection "${item.id}" to list prompts under a "## Prompts" heading; found none. Add the heading and a numbered list of prompts.`,
        });
    }
  },
};
