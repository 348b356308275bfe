import type { Track } from '../../model.js';
import type { WorkspaceIndex } from '../../workspace/workspace-index.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

/** Every module that must be done before this one, each with the chain that makes it so. */
function prerequisiteChains(index: WorkspaceIndex, moduleId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const queue: string[][] = [[moduleId]];
  // Breadth first, so each module's chain is its shortest; a cycle is prerequisite-cycle's to report.
  while (queue.length) {
    const path = queue.shift()!;
    // Every module with the id, sorted by file: with a duplicated id, following the first one
    // found would make the answer depend on the order files were read (the editor's is not the CLI's).
    const needs = [...index.itemsWithId(path.at(-1)!)]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .flatMap((m) => (m.type === 'module' ? m.prerequisites : []));
    for (const p of needs) {
      if (p === moduleId || out.has(p)) continue;
      const chain = [...path, p];
      out.set(p, chain);
      queue.push(chain);
    }
  }
  return out;
}

/** Tracks this one lists as prerequisites, directly or through others. */
function tracksBefore(index: WorkspaceIndex, track: Track): Set<string> {
  const seen = new Set<string>();
  const stack = [...track.prerequisites];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of index.itemsWithId(id)) if (t.type === 'track') stack.push(...t.prerequisites);
  }
  return seen;
}

/** Why learners take `later` after `track`, or undefined when they may not. */
function takenAfter(index: WorkspaceIndex, later: Track, track: Track): string | undefined {
  if (tracksBefore(index, later).has(track.id))
    return `track "${later.id}" lists "${track.id}" as a prerequisite`;
  if (
    later.phase === 'advanced' &&
    track.phase === 'foundation' &&
    later.roles.some((r) => track.roles.includes(r))
  ) {
    return `advanced track "${later.id}" comes after foundation track "${track.id}" for the same role`;
  }
  return undefined;
}

const track = (id: string, extra: string, modules: string) => dedent`
  ---
  type: track
  id: ${id}
  title: T
  owner: alice
  roles: [support]
  ${extra}modules: [${modules}]
  ---
  # T
`;
const module = (id: string, prerequisites: string) => dedent`
  ---
  type: module
  id: ${id}
  title: M
  owner: alice
  prerequisites: [${prerequisites}]
  ---
  # M
`;

export const trackOrder: Rule = {
  meta: {
    id: 'track-order',
    description:
      'A track puts every module after the modules it needs, within the track and across phases.',
    severity: 'error',
    rationale:
      'Learners take a track in its order, and foundation tracks before advanced ones: a module placed before its prerequisite is either blocked or taken without what it builds on.',
    reach: 'tracks',
  },
  examples: [
    {
      title: 'A module listed before its prerequisite',
      files: {
        't.md': track('t', '', 'escalations, triage'),
        'escalations.md': module('escalations', 'triage'),
        'triage.md': module('triage', ''),
      },
      expect: [
        {
          at: 't.md:7',
          message:
            'Expected module "triage" before "escalations" in track "t", since escalations needs triage; found it after. Move "escalations" below "triage"',
        },
      ],
    },
    {
      title: 'A prerequisite only in a later phase',
      files: {
        'basics.md': track('basics', 'phase: foundation\n', 'escalations'),
        'deep.md': track('deep', 'phase: advanced\nprerequisites: [basics]\n', 'triage'),
        'escalations.md': module('escalations', 'triage'),
        'triage.md': module('triage', ''),
      },
      expect: [
        {
          at: 'basics.md:8',
          message:
            'Expected module "triage", which "escalations" needs (escalations → triage), to be taken before it; found it only in track "deep", and track "deep" lists "basics" as a prerequisite',
        },
      ],
    },
    {
      title: 'Prerequisites first',
      files: {
        't.md': track('t', '', 'triage, escalations'),
        'escalations.md': module('escalations', 'triage'),
        'triage.md': module('triage', ''),
      },
      expect: [],
    },
  ],
  check(ctx) {
    const mine: Track[] = [];
    for (const i of ctx.items()) if (i.type === 'track') mine.push(i);
    // An editor's keystroke in a lesson re-lints no track: the workspace is not walked then.
    if (!mine.length) return;
    const tracksWith = new Map<string, Track[]>();
    for (const t of ctx.index.items()) {
      if (t.type !== 'track') continue;
      for (const m of t.modules) {
        const list = tracksWith.get(m.module);
        if (!list) tracksWith.set(m.module, [t]);
        else if (list.at(-1) !== t) list.push(t);
      }
    }
    for (const item of mine) {
      const place = new Map<string, number>();
      item.modules.forEach((m, i) => void (place.has(m.module) || place.set(m.module, i)));
      item.modules.forEach((entry, j) => {
        for (const [needed, chain] of prerequisiteChains(ctx.index, entry.module)) {
          // Modules that need each other have no order to fix: that is prerequisite-cycle's report.
          if (prerequisiteChains(ctx.index, needed).has(entry.module)) continue;
          const via = chain.join(' → ');
          const i = place.get(needed);
          if (i !== undefined) {
            if (i > j)
              ctx.report({
                file: item.file,
                span: entry.span,
                message: `Expected module "${needed}" before "${entry.module}" in track "${item.id}", since ${chain.length > 2 ? `${via} needs it` : `${entry.module} needs ${needed}`}; found it after. Move "${entry.module}" below "${needed}", or drop the prerequisite.`,
              });
            continue;
          }
          const holders = (tracksWith.get(needed) ?? []).filter((t) => t !== item);
          const reasons = holders.map((h) => takenAfter(ctx.index, h, item));
          if (!holders.length || reasons.some((r) => r === undefined)) continue;
          ctx.report({
            file: item.file,
            span: entry.span,
            message: `Expected module "${needed}", which "${entry.module}" needs (${via}), to be taken before it; found it only in ${holders.map((h) => `track "${h.id}"`).join(', ')}, and ${reasons.join('; ')}. Add "${needed}" to track "${item.id}" before "${entry.module}", or drop the prerequisite.`,
          });
        }
      });
    }
  },
};
