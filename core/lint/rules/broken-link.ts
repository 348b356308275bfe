import { posix } from 'node:path';
import type { Link } from '../../model.js';
import type { Rule } from '../rule.js';
import { dedent } from '../../text/dedent.js';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** Where a relative link points, from the folder of the file it is in; undefined for external links. */
function resolveLink(dir: string, url: string): string | undefined {
  if (!url || EXTERNAL.test(url)) return undefined;
  let target = url.replace(/[?#].*$/, '');
  try {
    target = decodeURIComponent(target);
  } catch {
    // Keep the raw form: a stray % is still a path to look for.
  }
  return target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join(dir, target);
}

interface Target {
  dir: string;
  resolved: string | undefined;
  message?: string;
}

/**
 * Kept per link: an editor keeps a big lesson's ~1,000 links while they stay put, and this
 * rule runs over them all on every keystroke.
 */
const targets = new WeakMap<Link, Target>();

function targetOf(link: Link, dir: string): Target {
  let target = targets.get(link);
  if (target?.dir !== dir)
    targets.set(link, (target = { dir, resolved: resolveLink(dir, link.url) }));
  return target;
}

function exists(paths: ReadonlySet<string>, resolved: string): boolean {
  return paths.has(resolved) || (resolved.endsWith('/') && paths.has(resolved.slice(0, -1)));
}

export const brokenLink: Rule = {
  meta: {
    id: 'broken-link',
    description: 'Relative links and images point at files that exist.',
    severity: 'error',
    rationale:
      'A lesson that links to a renamed page or a missing screenshot breaks on github.com, in the preview and for every learner.',
    reach: 'file',
  },
  examples: [
    {
      title: 'A link to a missing page and a missing image',
      files: {
        'intro.md': dedent`
          ---
          type: module
          id: intro
          title: Intro
          owner: alice
          ---
          # Intro

          Read [triage](./triage.md) first.

          ![Queue view](img/queues.png)
        `,
      },
      expect: [
        {
          at: 'intro.md:9',
          message: 'Expected the link target "./triage.md" to exist; found no such file',
        },
        {
          at: 'intro.md:11',
          message: 'Expected the image "img/queues.png" to exist; found no such file',
        },
      ],
    },
    {
      title: 'Links that resolve, and external links',
      files: {
        'intro.md': dedent`
          ---
          type: module
          id: intro
          title: Intro
          owner: alice
          ---
          # Intro

          See [triage](triage.md#queues), [the docs](https://example.com) and [below](#intro).
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
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      const dir = posix.dirname(item.file);
      for (const link of item.links) {
        const target = targetOf(link, dir);
        if (target.resolved === undefined || exists(ctx.index.knownPaths, target.resolved))
          continue;
        const what = link.image ? `the image "${link.url}"` : `the link target "${link.url}"`;
        target.message ??= `Expected ${what} to exist; found no such file (looked for ${target.resolved}). Fix the path or add the file.`;
        ctx.report({ file: item.file, span: link.span, message: target.message });
      }
    }
  },
};
