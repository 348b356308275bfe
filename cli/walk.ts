import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.enablekit-cache']);

export interface WalkResult {
  /** Markdown files, as paths relative to the current directory with forward slashes. */
  markdown: string[];
  /** Every file found, for checking relative links. */
  all: string[];
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** List files under the roots, skipping dot folders, node_modules and the config's ignores. */
export function walk(roots: string[], cwd: string, ignoreGlobs: string[], ignoreBase: string): WalkResult {
  const isIgnored = ignoreGlobs.length ? picomatch(ignoreGlobs, { dot: true }) : () => false;
  const markdown: string[] = [];
  const all: string[] = [];
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const abs = stack.pop()!;
    if (seen.has(abs)) continue;
    seen.add(abs);
    const rel = toPosix(relative(cwd, abs)) || '.';
    const fromBase = toPosix(relative(ignoreBase, abs));
    if (rel !== '.' && isIgnored(fromBase)) continue;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      // A file, or something unreadable: record files, leave the rest to the reader to report.
      try {
        if (statSync(abs).isFile()) {
          all.push(rel);
          if (rel.endsWith('.md')) markdown.push(rel);
        }
      } catch {
        /* vanished between listing and reading */
      }
      continue;
    }
    for (const e of entries) {
      const child = join(abs, e.name);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !e.name.startsWith('.')) stack.push(child);
      } else if (e.isFile()) {
        const childRel = rel === '.' ? e.name : `${rel}/${e.name}`;
        if (isIgnored(toPosix(relative(ignoreBase, child)))) continue;
        all.push(childRel);
        if (e.name.endsWith('.md')) markdown.push(childRel);
      }
    }
  }
  markdown.sort();
  return { markdown, all };
}
