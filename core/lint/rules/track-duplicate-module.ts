import type { Rule } from '../rule.js';

export const trackDuplicateModule: Rule = {
  meta: {
    id: 'track-duplicate-module',
    description: 'A track lists each module once.',
    severity: 'error',
    rationale: 'A module listed twice is scheduled twice, with two windows and two reminders, and its place in the order is ambiguous.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A module listed twice, once with a window',
      files: {
        't.md': '---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules:\n  - intro\n  - triage\n  - module: intro\n    window: {opens: 2027-01-04, due: 2027-01-18}\n---\n# T\n',
      },
      expect: [{ at: 't.md:10', message: 'Expected track "t" to list each module once; found "intro" again (first on line 8)' }],
    },
    {
      title: 'Each module once',
      files: { 't.md': '---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules: [intro, triage]\n---\n# T\n' },
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
        else ctx.report({ file: item.file, span: m.span, message: `Expected track "${item.id}" to list each module once; found "${m.module}" again (first on line ${line}). Remove one of them.` });
      }
    }
  },
};
