import { posix } from 'node:path';
import type { Rule } from '../rule.js';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * Where a relative link points, from the folder of the file it is in. Remembered: an editor
 * lints a big lesson's ~1,000 links on every keystroke, and they rarely change.
 */
const resolvedLinks = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

function resolveLink(dir: string, url: string): string {
  const key = `${dir}\0${url}`;
  let resolved = resolvedLinks.get(key);
  if (resolved !== undefined) return resolved;
  let target = url.replace(/[?#].*$/, '');
  try {
    target = decodeURIComponent(target);
  } catch {
    // Keep the raw form: a stray % is still a path to look for.
  }
  resolved = target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join(dir, target);
  if (resolvedLinks.size >= MAX_REMEMBERED) resolvedLinks.clear();
  resolvedLinks.set(key, resolved);
  return resolved;
}

export const brokenLink: Rule = {
  meta: {
    id: 'broken-link',
    description: 'Relative links and images point at files that exist.',
    severity: 'error',
    rationale: 'A lesson that links to a renamed page or a missing screenshot breaks on github.com, in the preview and for every learner.',
  },
  examples: [
    {
      title: 'A link to a missing page and a missing image',
      files: {
        'intro.md': '---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n\nRead [triage](./triage.md) first.\n\n![Queue view](img/queues.png)\n',
      },
      expect: [
        { at: 'intro.md:9', message: 'Expected the link target "./triage.md" to exist; found no such file' },
        { at: 'intro.md:11', message: 'Expected the image "img/queues.png" to exist; found no such file' },
      ],
    },
    {
      title: 'Links that resolve, and external links',
      files: {
        'intro.md': '---\ntype: module\nid: intro\ntitle: Intro\nowner: alice\n---\n# Intro\n\nSee [triage](triage.md#queues), [the docs](https://example.com) and [below](#intro).\n',
        'triage.md': '---\ntype: module\nid: triage\ntitle: Triage\nowner: alice\n---\n# Triage\n',
      },
      expect: [],
    },
  ],
  check(ctx) {
    for (const item of ctx.items()) {
      const dir = posix.dirname(item.file);
      for (const link of item.links) {
        if (!link.url || EXTERNAL.test(link.url)) continue;
        const resolved = resolveLink(dir, link.url);
        if (ctx.index.knownPaths.has(resolved) || ctx.index.knownPaths.has(resolved.replace(/\/$/, ''))) continue;
        const what = link.image ? `the image "${link.url}"` : `the link target "${link.url}"`;
        ctx.report({ file: item.file, span: link.span, message: `Expected ${what} to exist; found no such file (looked for ${resolved}). Fix the path or add the file.` });
      }
    }
  },
};
