import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const trackDuplicateModule: Rule = {
  meta: {
    id: 'track-duplicate-module',
    description: 'A track lists each module once.',
    severity: 'error',
    rationale:
      'A module listed twice is scheduled twice, with two windows and two reminders, and its place in the order is ambiguous.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A module listed twice, once with a window',
      files: {
        't.md': dedent`
          ---
          type: track
          id: t
          title: T
          owner: alice
          roles: [support]
          modules:
            - intro
            - triage
            - module: intro
              window: {opens: 2027-01-04, due: 2027-01-18}
          ---
          # T
        `,
      },
      expect: [
        {
          at: 't.md:10',
          message:
            'Expected track "t" to list each module once; found "intro" again (first on line 8)',
        },
      ],
    },
    {
      title: 'Each module once',
      files: {
        't.md': dedent`
        ---
        type: track
        id: t
        title: T
        owner: alice
        roles: [support]
        modules: [intro, triage]
        ---
        # T
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'track') continue;
      const first = new Map<string, number>();
      for (const m of item.modules) {
        const line = first.get(m.module);
        if (line === undefined) first.set(m.module, m.span.start.line);
        else
          ctx.report({
            file: item.file,
            span: m.span,
            message: `Expected track "${item.id}" to list each module once; found "${m.module}" again (first on line ${line}). Remove one of them.`,
          });
      }
    }
  },
};
