import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const track = dedent`
  ---
  type: track
  id: t
  title: T
  owner: alice
  roles: [support]
  phase: foundation
  modules: [m1, m2]
  ---
  # T
`;

const module = (id: string) => `---\ntype: module\nid: ${id}\ntitle: M\nowner: alice\n---\n# M\n`;

const survey = (ask: string) =>
  `---\ntype: survey\nid: s\ntitle: S\nowner: alice\ntrack: t\nask:\n${ask}---\n# S\n\n## How did it go?\n`;

export const surveyAsk: Rule = {
  meta: {
    id: 'survey-ask',
    description:
      "Each of a survey's occasions says when it asks: during the track after one of its modules, or a number of weeks after the track; no occasion twice.",
    severity: 'error',
    rationale:
      "An occasion that names a module outside the track, or no module or weeks, would never ask anyone, and the author would wait for answers that never come. An unknown timing (when: later) is the schema rule's to report.",
    reach: 'ids',
  },
  examples: [
    {
      title: 'after_module names a module outside the track',
      files: {
        't.md': track,
        'm1.md': module('m1'),
        'm2.md': module('m2'),
        's.md': survey('  - when: during\n    after_module: m3\n'),
      },
      expect: [
        {
          at: 's.md:8',
          message: 'Expected after_module to name a module of track "t" (m1, m2); found "m3"',
        },
      ],
    },
    {
      title: 'An occasion without its weeks',
      files: { 't.md': track, 's.md': survey('  - when: after\n') },
      expect: [{ at: 's.md:8', message: 'Expected weeks: <how many weeks after the track>' }],
    },
    {
      title: 'The same occasion twice',
      files: {
        't.md': track,
        's.md': survey('  - when: after\n    weeks: 1\n  - when: after\n    weeks: 1\n'),
      },
      expect: [{ at: 's.md:10', message: 'Expected each occasion once; found after-1w again' }],
    },
    {
      title: 'During, soon after and long after',
      files: {
        't.md': track,
        'm1.md': module('m1'),
        'm2.md': module('m2'),
        's.md': survey(
          '  - when: during\n    after_module: m1\n  - when: after\n    weeks: 1\n  - when: after\n    weeks: 12\n',
        ),
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.type !== 'survey') continue;
      const t = ctx.index.item(item.track);
      const modules = t?.type === 'track' ? t.modules.map((m) => m.module) : undefined;
      const seen = new Set<string>();
      for (const o of item.ask) {
        if (o.problem) {
          ctx.report({
            file: item.file,
            span: o.span,
            message: `Expected ${o.problem} with when: ${o.when}; found none. Add it, or remove this occasion.`,
          });
          continue;
        }
        if (seen.has(o.id))
          ctx.report({
            file: item.file,
            span: o.span,
            message: `Expected each occasion once; found ${o.id} again. Remove this one.`,
          });
        seen.add(o.id);
        // An unknown track is unknown-reference's to report.
        if (o.afterModule && modules && !modules.includes(o.afterModule))
          ctx.report({
            file: item.file,
            span: o.span,
            message: `Expected after_module to name a module of track "${item.track}" (${modules.join(', ')}); found "${o.afterModule}". Name one of them, or ask after the track instead (when: after, weeks: 1).`,
          });
      }
    }
  },
};
