import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

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
 * repository's root down (and `.git/info/exclude`), each read relative to its folder with
 * git's own rules (the `ignore` package), a deeper file overriding a shallower one. A
 * build folder or a scratch copy of the curricula is then not content. Outside a git
 * repository, the `.gitignore` files from the walk's root down still apply.
 */
export class GitIgnore {
  /** Rules by the folder whose `.gitignore` they came from. */
  private readonly rules = new Map<string, Ignore>();
  private readonly entered = new Set<string>();
  /** Roots git ignores, which were asked for all the same. */
  private readonly asked: string[] = [];

  constructor(roots: readonly string[]) {
    for (const root of roots) {
      const top = gitRoot(root);
      if (!top) continue;
      if (!this.rules.has(top)) {
        const exclude = read(join(top, '.git', 'info', 'exclude'));
        if (exclude) this.rules.set(top, ignore().add(exclude));
      }
      // The folders from the repository's root down to the walk's root (which the walk enters itself): their rules reach down.
      const chain: string[] = [];
      const inside = top.endsWith(sep) ? top : `${top}${sep}`;
      for (let cur = dirname(root); cur !== root && (cur === top || cur.startsWith(inside)); cur = dirname(cur)) {
        chain.push(cur);
        if (cur === top) break;
      }
      for (const dir of chain.reverse()) this.enter(dir);
    }
    // A folder named on the command line is linted even where git ignores it (a scratch
    // copy, a benchmark corpus): then only the .gitignore files inside it apply.
    for (const root of roots) if (this.in(dirname(root))?.(basename(root), true)) this.asked.push(root);
  }

  /** Read a folder's own `.gitignore`, when the walk enters it. */
  enter(dir: string): void {
    if (this.entered.has(dir)) return;
    this.entered.add(dir);
    const text = read(join(dir, '.gitignore'));
    if (text === undefined) return;
    const existing = this.rules.get(dir);
    this.rules.set(dir, (existing ?? ignore()).add(text));
  }

  /**
   * Whether git ignores an entry of a folder, for every entry of that folder (the walk
   * reads a folder at a time): undefined when no rule applies there, the common case.
   */
  in(dir: string): ((name: string, isDir: boolean) => boolean) | undefined {
    if (!this.rules.size) return undefined;
    const top = this.asked.find((root) => dir === root || dir.startsWith(`${root}${sep}`));
    const levels: { rules: Ignore; prefix: string }[] = [];
    for (let cur = dir; ; cur = dirname(cur)) {
      if (top !== undefined && cur.length < top.length) break;
      const rules = this.rules.get(cur);
      if (rules) {
        const rel = relative(cur, dir).split(sep).join('/');
        levels.unshift({ rules, prefix: rel ? `${rel}/` : '' });
      }
      if (dirname(cur) === cur) break;
    }
    if (!levels.length) return undefined;
    return (name, isDir) => {
      let verdict = false;
      for (const { rules, prefix } of levels) {
        const r = rules.test(`${prefix}${name}${isDir ? '/' : ''}`);
        if (r.ignored) verdict = true;
        else if (r.unignored) verdict = false;
      }
      return verdict;
    };
  }
}
