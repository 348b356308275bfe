import type { FileProblem } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const schema: Rule = {
  meta: {
    id: 'schema',
    description: 'Front matter and enablekit.yml match their JSON Schemas (schemas/).',
    severity: 'error',
    rationale:
      'Every other tool (grading, progress, freshness) trusts these fields; a misspelt key or a wrong value is caught where it is written.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A missing title and a misspelt key',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        owner: alice
        review_evry: 90d
        ---
        # Intro
      `,
      },
      expect: [
        { at: 'intro.md:2', message: 'Expected a module to have "title"' },
        { at: 'intro.md:5', message: 'found "review_evry". Did you mean "review_every"?' },
      ],
      suggested: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        owner: alice
        review_every: 90d
        ---
        # Intro
      `,
      },
    },
    {
      title: 'A bad value in enablekit.yml',
      files: {
        'enablekit.yml': dedent`
        version: 1
        policies:
          pass_mark: lots
      `,
      },
      expect: [
        {
          at: 'enablekit.yml:3',
          message: 'Expected policies.pass_mark to be a number; found "lots"',
        },
      ],
    },
    {
      title: 'A quiz that draws no questions',
      files: {
        'q.md': dedent`
        ---
        type: quiz
        id: q
        title: Q
        module: m
        owner: alice
        draw: 0
        ---
        # Q

        ## Pick one
        <!-- question id=one -->

        - [x] Yes
        - [ ] No
      `,
      },
      expect: [{ at: 'q.md:7', message: 'Expected draw to be at least 1; found 0' }],
    },
    {
      title: 'A valid module',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        owner: alice
        review_every: 90d
        ---
        # Intro
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    const report = (file: string, p: FileProblem) =>
      ctx.report({ file, span: p.span, message: p.message, ...(p.fix ? { fix: p.fix } : {}) });
    for (const model of ctx.index.files.values()) {
      for (const p of model.problems) if (p.code === 'schema') report(model.file, p);
    }
    if (ctx.config.file)
      for (const p of ctx.config.problems) if (p.code === 'schema') report(ctx.config.file, p);
  },
};
