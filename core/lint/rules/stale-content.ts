import { overdueMessage, reviewOverdue } from '../../freshness/verdict.js';
import { compareVersions, parseVersion } from '../../freshness/semver.js';
import type { Item } from '../../model.js';
import type { Fix } from '../../types.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

/** The fix authors apply after checking an item: verified: set to a version and today, as a text edit. */
export function markVerifiedFix(item: Item, version: string, today: string, text?: string): Fix {
  const value = `{version: ${version}, date: ${today}}`;
  const span = item.fieldSpans['/verified'];
  // A block mapping's span runs to the start of the next line; keep that line break.
  if (span)
    return {
      description: `Mark verified against ${version} today`,
      suggestion: true,
      edits: [
        {
          start: span.start.offset,
          end: span.end.offset,
          text: span.end.column === 1 && span.end.line > span.start.line ? `${value}\n` : value,
        },
      ],
    };
  // No verified: yet: add it as the last front-matter line, before the closing ---.
  const close = item.frontMatterSpan.end.offset - 3;
  const eol = text && text[close - 2] === '\r' ? '\r\n' : '\n';
  return {
    description: `Mark verified against ${version} today`,
    suggestion: true,
    edits: [{ start: close, end: close, text: `verified: ${value}${eol}` }],
  };
}

export const staleContent: Rule = {
  meta: {
    id: 'stale-content',
    description:
      'Items are verified against the current product version (product.version in enablekit.yml) and within their review interval.',
    severity: 'warning',
    rationale:
      'Product training goes stale the moment the product ships. An item checked against an older release, or not reviewed for longer than its interval, may teach what is no longer true.',
    reach: 'file',
  },
  examples: [
    {
      title: 'Verified against an older version',
      files: {
        'enablekit.yml': dedent`
          version: 1
          product:
            version: 4.3.0
        `,
        'm.md': dedent`
          ---
          type: module
          id: m
          title: M
          owner: alice
          verified: {version: 4.2.0, date: 2026-10-01}
          ---
          # M
        `,
      },
      expect: [
        {
          at: 'm.md:6',
          message:
            'Expected module "m" to be verified against 4.3.0 (product.version); found 4.2.0',
        },
      ],
      suggested: {
        'm.md': dedent`
        ---
        type: module
        id: m
        title: M
        owner: alice
        verified: {version: 4.3.0, date: 2026-11-22}
        ---
        # M
      `,
      },
    },
    {
      title: 'A review interval that has run out',
      files: {
        'm.md': dedent`
        ---
        type: module
        id: m
        title: M
        owner: alice
        verified:
          version: 4.2.0
          date: 2026-01-05
        review_every: 90d
        ---
        # M
      `,
      },
      expect: [
        {
          at: 'm.md:7',
          message:
            'Expected module "m" to be reviewed by 2026-04-05 (every 90d); found it 231 days overdue',
        },
      ],
      suggested: {
        'm.md': dedent`
        ---
        type: module
        id: m
        title: M
        owner: alice
        verified:
          {version: 4.2.0, date: 2026-11-22}
        review_every: 90d
        ---
        # M
      `,
      },
    },
    {
      title: 'Verified against the current version, within its interval',
      files: {
        'enablekit.yml': dedent`
          version: 1
          product:
            version: 4.3.0
        `,
        'm.md': dedent`
          ---
          type: module
          id: m
          title: M
          owner: alice
          verified: {version: 4.3.0, date: 2026-11-01}
          ---
          # M
        `,
      },
      expect: [],
    },
  ],
  check(ctx) {
    const product = ctx.config.productVersion ? parseVersion(ctx.config.productVersion) : undefined;
    for (const item of ctx.items()) {
      const v = item.freshness.verified;
      if (!v) continue;
      const span = item.fieldSpans['/verified'] ?? item.idSpan;
      const ver = parseVersion(v.version);
      if (product && ver && compareVersions(ver, product) < 0) {
        ctx.report({
          file: item.file,
          span,
          message: `Expected ${item.type} "${item.id}" to be verified against ${ctx.config.productVersion} (product.version); found ${v.version}. Check it against ${ctx.config.productVersion}, then mark it verified.`,
          fix: markVerifiedFix(item, ctx.config.productVersion!, ctx.today),
        });
        continue;
      }
      const late = reviewOverdue(item, ctx.config, ctx.today);
      if (late)
        ctx.report({
          file: item.file,
          span,
          message: overdueMessage(item, late),
          fix: markVerifiedFix(item, v.version, ctx.today),
        });
    }
  },
};
