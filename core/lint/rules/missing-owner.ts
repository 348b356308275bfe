import type { Rule } from '../rule.js';
import { PLACEHOLDER_OWNER } from '../../templates/new-item.js';
import { dedent } from '../../text/dedent.js';

export const missingOwner: Rule = {
  meta: {
    id: 'missing-owner',
    description:
      'Every item names an owner: the login or team who keeps it true, not the placeholder a template writes.',
    severity: 'warning',
    rationale:
      'When a release makes a lesson stale, the stale issue is assigned to its owner; an item without one goes stale unnoticed.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A module without an owner',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        ---
        # Intro
      `,
      },
      expect: [
        { at: 'intro.md:3', message: 'Expected module "intro" to name an owner; found none' },
      ],
    },
    {
      title: 'The placeholder "enablekit new" writes without --owner',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        owner: ${PLACEHOLDER_OWNER}
        ---
        # Intro
      `,
      },
      expect: [
        {
          at: 'intro.md:5',
          message: `Expected module "intro" to name its owner; found the template's placeholder "${PLACEHOLDER_OWNER}"`,
        },
      ],
    },
    {
      title: 'A team as owner',
      files: {
        'intro.md': dedent`
        ---
        type: module
        id: intro
        title: Intro
        owner: acme/support-leads
        ---
        # Intro
      `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      if (item.freshness.owner === PLACEHOLDER_OWNER) {
        ctx.report({
          file: item.file,
          span: item.fieldSpans['/owner'] ?? item.idSpan,
          message: `Expected ${item.type} "${item.id}" to name its owner; found the template's placeholder "${PLACEHOLDER_OWNER}". Replace it with a GitHub login or org/team.`,
        });
        continue;
      }
      if (item.freshness.owner) continue;
      ctx.report({
        file: item.file,
        span: item.idSpan,
        message: `Expected ${item.type} "${item.id}" to name an owner; found none. Add owner: with a GitHub login or org/team.`,
      });
    }
  },
};
