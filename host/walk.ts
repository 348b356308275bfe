import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ignoreGlobs, skippedFolder } from '../core/workspace/listing.js';
import { GitIgnore } from './gitignore.js';

export interface WalkResult {
  /** Markdown files, as paths relative to the current directory with forward slashes. */
  markdown: string[];
  /** Every file found, for checking relative links. */
  all: string[];
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * List files under the roots, skipping dot folders, node_modules, what git ignores
 * (.gitignore) and the config's `lint.ignore` globs (relative to `ignoreBase`, the folder
 * of enablekit.yml). A root itself is listed even when ignored: it was asked for.
 */
export function walk(
  roots: string[],
  cwd: string,
  globs: string[],
  ignoreBase: string,
): WalkResult {
  const isIgnored = ignoreGlobs(globs);
  const git = new GitIgnore(roots);
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
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) git.enter(abs);
    const gitIgnores = git.in(abs);
    for (const e of entries) {
      const child = join(abs, e.name);
      if (e.isDirectory()) {
        if (!skippedFolder(e.name) && !gitIgnores?.(e.name, true)) stack.push(child);
      } else if (e.isFile()) {
        const childRel = rel === '.' ? e.name : `${rel}/${e.name}`;
        if (isIgnored(toPosix(relative(ignoreBase, child))) || gitIgnores?.(e.name, false))
          continue;
        all.push(childRel);
        if (e.name.endsWith('.md')) markdown.push(childRel);
      }
    }
  }
  markdown.sort();
  return { markdown, all };
}
