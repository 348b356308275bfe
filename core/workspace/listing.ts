import picomatch from 'picomatch';
import { type GitIgnoreRules, parentOf } from './git-ignore.js';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.enablekit-cache']);

/** Folders never walked into: dependencies, git's own, the lint cache, and dot folders (an editor's or a tool's). */
export function skippedFolder(name: string): boolean {
  return ALWAYS_SKIPPED.has(name) || name.startsWith('.');
}

/** enablekit.yml's `lint.ignore` globs, matched against paths relative to its folder. */
export function ignoreGlobs(globs: readonly string[]): (path: string) => boolean {
  return globs.length ? picomatch([...globs], { dot: true }) : () => false;
}

/**
 * Which files under the curricula's folder are content, for an adapter that lists them all
 * at once (the editor): what the CLI's walk would meet. A file is left out when a folder on
 * its way is skipped, ignored by `lint.ignore` or by git, or when the file itself is ignored
 * by either. `root` is the curricula's folder in the paths `git` knows (absolute, '/');
 * `path` is relative to it. The curricula's folder itself is listed even where git ignores it.
 */
export function listingFilter(
  root: string,
  globs: readonly string[],
  git: GitIgnoreRules,
): (path: string) => boolean {
  const ignored = ignoreGlobs(globs);
  git.ask(root);
  const abs = (rel: string) => (rel ? `${root.replace(/\/$/, '')}/${rel}` : root);
  const folders = new Map<string, boolean>();
  // The rules for a folder's entries, worked out once per folder: a folder holds many files.
  const gitIn = new Map<string, ReturnType<GitIgnoreRules['in']>>();
  const gitIgnores = (parent: string, name: string, isDir: boolean) => {
    if (!gitIn.has(parent)) gitIn.set(parent, git.in(abs(parent)));
    return gitIn.get(parent)?.(name, isDir) ?? false;
  };
  const folderListed = (rel: string): boolean => {
    if (rel === '') return true;
    const known = folders.get(rel);
    if (known !== undefined) return known;
    const parent = rel.includes('/') ? parentOf(rel)! : '';
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const listed =
      folderListed(parent) &&
      !skippedFolder(name) &&
      !ignored(rel) &&
      !gitIgnores(parent, name, true);
    folders.set(rel, listed);
    return listed;
  };
  return (path) => {
    const parent = path.includes('/') ? parentOf(path)! : '';
    const name = path.slice(path.lastIndexOf('/') + 1);
    return folderListed(parent) && !ignored(path) && !gitIgnores(parent, name, false);
  };
}
