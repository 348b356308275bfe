import ignore, { type Ignore } from 'ignore';

/** The folder holding `path` ('/'-separated), or undefined at the top. */
export function parentOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0 || path === '/') return undefined;
  return slash === 0 ? '/' : path.slice(0, slash);
}

function below(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/**
 * What git ignores, from the `.gitignore` files (and `.git/info/exclude`) its adapter has
 * read: each file's rules read relative to its folder with git's own rules (the `ignore`
 * package), a deeper file overriding a shallower one. The CLI's walk and the editor's
 * workspace listing ask the same questions of it, so a build folder or a scratch copy of the
 * curricula is content to neither. Paths are '/'-separated and all of one kind (absolute,
 * or all relative to one folder); reading the files is the adapter's.
 */
export class GitIgnoreRules {
  /** Rules by the folder whose `.gitignore` they came from. */
  private readonly rules = new Map<string, Ignore>();
  /** Roots git ignores, which were asked for all the same. */
  private readonly asked: string[] = [];

  /** The rules of a `.gitignore` in `dir` (or of `.git/info/exclude`, for the repository's root). */
  add(dir: string, text: string): void {
    const existing = this.rules.get(dir);
    this.rules.set(dir, (existing ?? ignore()).add(text));
  }

  /**
   * A folder to list even where git ignores it (a scratch copy, a benchmark corpus named on
   * the command line): then only the `.gitignore` files inside it apply. Call it once the
   * rules above the root are added.
   */
  ask(root: string): void {
    const parent = parentOf(root);
    if (parent !== undefined && this.in(parent)?.(root.slice(root.lastIndexOf('/') + 1), true))
      this.asked.push(root);
  }

  /**
   * Whether git ignores an entry of a folder, for every entry of that folder (a walk reads
   * a folder at a time): undefined when no rule applies there, the common case.
   */
  in(dir: string): ((name: string, isDir: boolean) => boolean) | undefined {
    if (!this.rules.size) return undefined;
    const top = this.asked.find((root) => below(dir, root));
    const levels: { rules: Ignore; prefix: string }[] = [];
    for (let cur: string | undefined = dir; cur !== undefined; cur = parentOf(cur)) {
      if (top !== undefined && cur.length < top.length) break;
      const rules = this.rules.get(cur);
      if (rules) {
        const rel = cur === dir ? '' : dir.slice(cur.length + (cur.endsWith('/') ? 0 : 1));
        levels.unshift({ rules, prefix: rel ? `${rel}/` : '' });
      }
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
