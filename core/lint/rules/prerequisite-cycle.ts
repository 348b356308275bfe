import { prerequisitesOf } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

export const prerequisiteCycle: Rule = {
  meta: {
    id: 'prerequisite-cycle',
    description: 'Prerequisites never form a cycle.',
    severity: 'error',
    rationale:
      'If A needs B and B needs A, neither can ever be started: every learner assigned either is blocked for good.',
    reach: 'prerequisites',
  },
  examples: [
    {
      title: 'Two modules that need each other',
      files: {
        'a.md': dedent`
          ---
          type: module
          id: a
          title: A
          owner: alice
          prerequisites: [b]
          ---
          # A
        `,
        'b.md': dedent`
          ---
          type: module
          id: b
          title: B
          owner: alice
          prerequisites: [a]
          ---
          # B
        `,
      },
      expect: [
        { at: 'a.md:6', message: 'Expected prerequisites without a cycle; found a → b → a' },
        { at: 'b.md:6', message: 'found b → a → b' },
      ],
    },
    {
      title: 'A chain without a cycle',
      files: {
        'a.md': dedent`
          ---
          type: module
          id: a
          title: A
          owner: alice
          prerequisites: [b]
          ---
          # A
        `,
        'b.md': dedent`
          ---
          type: module
          id: b
          title: B
          owner: alice
          ---
          # B
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    // Iterative DFS from each item: report the shortest cycle back to it, once per item.
    for (const item of ctx.items()) {
      const start = item.id;
      const queue: string[][] = prerequisitesOf(item).map((p) => [start, p]);
      const seen = new Set<string>();
      let cycle: string[] | undefined;
      while (queue.length && !cycle) {
        const path = queue.shift()!;
        const last = path.at(-1)!;
        if (last === start) cycle = path;
        else if (!seen.has(last)) {
          seen.add(last);
          // Every item with the id, in file order: with a duplicated id, the order files were
          // read in (an editor's differs from the CLI's) must not change what is found.
          const items = ctx.index.itemsWithId(last);
          for (const next of items.length > 1
            ? [...items].sort((a, b) => (a.file < b.file ? -1 : 1))
            : items)
            for (const p of prerequisitesOf(next)) queue.push([...path, p]);
        }
      }
      if (!cycle) continue;
      ctx.report({
        file: item.file,
        span: item.fieldSpans['/prerequisites'] ?? item.idSpan,
        message: `Expected prerequisites without a cycle; found ${cycle.join(' → ')}. Remove one of these prerequisites.`,
      });
    }
  },
};
