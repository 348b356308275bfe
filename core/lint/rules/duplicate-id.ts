import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    description: 'Every item id is used by one file only.',
    severity: 'error',
    rationale:
      'Ids are how tracks, answer sheets and progress records name an item; two items with one id make every one of those ambiguous.',
    reach: 'ids',
  },
  examples: [
    {
      title: 'Two modules with the same id',
      files: {
        'a.md': dedent`
          ---
          type: module
          id: intro
          title: A
          owner: alice
          ---
          # A
        `,
        'b.md': dedent`
          ---
          type: module
          id: intro
          title: B
          owner: alice
          ---
          # B
        `,
      },
      expect: [
        {
          at: 'a.md:3',
          message: 'Expected id "intro" to be unique; found it in 2 files (a.md, b.md)',
        },
        { at: 'b.md:3', message: 'Expected id "intro" to be unique' },
      ],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (!item.id) continue;
      const same = ctx.index.itemsWithId(item.id);
      if (same.length < 2) continue;
      const files = same.map((i) => i.file).sort();
      ctx.report({
        file: item.file,
        span: item.idSpan,
        message: `Expected id "${item.id}" to be unique; found it in ${files.length} files (${files.join(', ')}). Give each item its own id.`,
      });
    }
  },
};
