import { isCheckpoint, type Item, type Reference } from '../../model.js';
import { didYouMean } from '../../text/did-you-mean.js';
import type { Rule, RuleContext } from '../rule.js';
import { changeTo } from '../change-to.js';
import { dedent } from '../../text/dedent.js';

function known(
  ctx: RuleContext,
  ref: Reference,
): { ok: boolean; names: () => Iterable<string>; what: string } {
  switch (ref.kind) {
    case 'role':
      return {
        ok: ctx.config.roles.has(ref.id),
        names: () => ctx.config.roles.keys(),
        what: 'a role defined under roles: in enablekit.yml',
      };
    case 'feature':
      return {
        ok: ctx.config.features.has(ref.id),
        names: () => ctx.config.features.keys(),
        what: 'a feature id from features: in enablekit.yml',
      };
    default: {
      const kind = ref.kind;
      const matches = (i: Item) => (kind === 'checkpoint' ? isCheckpoint(i) : i.type === kind);
      return {
        ok: ctx.index.itemsWithId(ref.id).some(matches),
        names: function* () {
          for (const i of ctx.index.items()) if (matches(i)) yield i.id;
        },
        what: `the id of a ${kind}`,
      };
    }
  }
}

export const unknownReference: Rule = {
  meta: {
    id: 'unknown-reference',
    description:
      'Every id an item refers to (modules, prerequisites, roles, covered features) exists.',
    severity: 'error',
    rationale:
      'A track that lists a module nobody wrote, or a lesson that covers a feature the registry does not know, silently drops out of schedules and freshness checks.',
    reach: 'known-ids',
  },
  examples: [
    {
      title: 'A track with a misspelt module and an unknown role',
      files: {
        'enablekit.yml': dedent`
          version: 1
          roles:
            support: {}
        `,
        'track.md': dedent`
          ---
          type: track
          id: onboarding
          title: Onboarding
          owner: alice
          roles: [suport]
          modules:
            - intro
            - triag
          ---
          # Onboarding
        `,
        'intro.md': dedent`
          ---
          type: module
          id: intro
          title: Intro
          owner: alice
          ---
          # Intro
        `,
        'triage.md': dedent`
          ---
          type: module
          id: triage
          title: Triage
          owner: alice
          ---
          # Triage
        `,
      },
      expect: [
        {
          at: 'track.md:6',
          message:
            'Expected roles to name a role defined under roles: in enablekit.yml; found "suport". Did you mean "support"?',
        },
        {
          at: 'track.md:9',
          message:
            'Expected modules to name the id of a module; found "triag". Did you mean "triage"?',
        },
      ],
      suggested: {
        'track.md': dedent`
          ---
          type: track
          id: onboarding
          title: Onboarding
          owner: alice
          roles: [support]
          modules:
            - intro
            - triage
          ---
          # Onboarding
        `,
      },
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      for (const ref of item.references) {
        // Without an enablekit.yml there is no registry to check against: the CLI says so once instead.
        if ((ref.kind === 'role' || ref.kind === 'feature') && ctx.config.file === undefined)
          continue;
        const k = known(ctx, ref);
        if (k.ok) continue;
        const guess = didYouMean(ref.id, k.names());
        // The nearest id is a guess: a suggestion, never written by lint --fix.
        const fix = guess ? changeTo(ref.span, ref.id, guess) : undefined;
        ctx.report({
          file: item.file,
          span: ref.span,
          message: `Expected ${ref.field} to name ${k.what}; found "${ref.id}".${guess ? ` Did you mean "${guess}"?` : ' Fix the id or add what it names.'}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
