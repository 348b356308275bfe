import type { Rule } from '../rule.js';

export const missingOwner: Rule = {
  meta: {
    id: 'missing-owner',
    description: 'Every item names an owner: the login or team who keeps it true.',
    severity: 'warning',
    rationale: 'When a release makes a lesson stale, the stale issue is assigned to its owner; an item without one goes stale unnoticed.',
  },
  examples: [
    {
      title: 'A module without an owner',
      files: { 'intro.md': '---\ntype: module\nid: intro\ntitle: Intro\n---\n# Intro\n' },
      expect: [{ at: 'intro.md:3', message: 'Expected module "intro" to name an owner; found none' }],
    },
    {
      title: 'A team as owner',
      files: { 'intro.md': '---\ntype: module\nid: intro\ntitle: Intro\nowner: acme/support-leads\n---\n# Intro\n' },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.freshness.owner) continue;
      ctx.report({ file: item.file, span: item.idSpan, message: `Expected ${item.type} "${item.id}" to name an owner; found none. Add owner: with a GitHub login or org/team.` });
    }
  },
};
