import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { GitIgnoreRules } from '../core/workspace/git-ignore.js';

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The folder holding `.git` at or above `dir`, if any. */
function gitRoot(dir: string): string | undefined {
  for (let cur = dir; ; cur = dirname(cur)) {
    if (existsSync(join(cur, '.git'))) return cur;
    if (dirname(cur) === cur) return undefined;
  }
}

/**
 * What git ignores, as the walk meets it: the `.gitignore` of every folder from the
 * repository's root down (and `.git/info/exclude`), read here and judged by core's
 * GitIgnoreRules (the editor's listing judges with the same). Outside a git repository,
 * the `.gitignore` files from the walk's root down still apply.
 */
export class GitIgnore {
  private readonly rules = new GitIgnoreRules();
  private readonly entered = new Set<string>();
  private readonly excluded = new Set<string>();

  constructor(roots: readonly string[]) {
    for (const root of roots) {
      const top = gitRoot(root);
      if (!top) continue;
      if (!this.excluded.has(top)) {
        this.excluded.add(top);
        const exclude = read(join(top, '.git', 'info', 'exclude'));
        if (exclude) this.rules.add(toPosix(top), exclude);
      }
      // The folders from the repository's root down to the walk's root (which the walk enters itself): their rules reach down.
      const chain: string[] = [];
      const inside = top.endsWith(sep) ? top : `${top}${sep}`;
      for (
        let cur = dirname(root);
        cur !== root && (cur === top || cur.startsWith(inside));
        cur = dirname(cur)
      ) {
        chain.push(cur);
        if (cur === top) break;
      }
      for (const dir of chain.reverse()) this.enter(dir);
    }
    // A folder named on the command line is linted even where git ignores it (a scratch
    // copy, a benchmark corpus): then only the .gitignore files inside it apply.
    for (const root of roots) this.rules.ask(toPosix(root));
  }

  /** Read a folder's own `.gitignore`, when the walk enters it. */
  enter(dir: string): void {
    if (this.entered.has(dir)) return;
    this.entered.add(dir);
    const text = read(join(dir, '.gitignore'));
    if (text !== undefined) this.rules.add(toPosix(dir), text);
  }

  /** Whether git ignores an entry of a folder, for every entry of it: undefined when no rule applies there. */
  in(dir: string): ((name: string, isDir: boolean) => boolean) | undefined {
    return this.rules.in(toPosix(dir));
  }
}
