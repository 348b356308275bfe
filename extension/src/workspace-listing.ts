import * as vscode from 'vscode';
import type { Engine } from './engine.js';
import { readBytes } from './read-bytes.js';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await readBytes(uri));
  } catch {
    return undefined;
  }
}

/**
 * Which paths of the curricula (relative to `root`, the folder of enablekit.yml) are content,
 * as the CLI's walk would meet them: core's listingFilter over the `.gitignore` files from
 * the git repository's root (and its `.git/info/exclude`) down, and enablekit.yml's
 * `lint.ignore`. `files`: the workspace's files under `root`, as listed.
 */
export async function contentFilter(
  engine: Pick<Engine, 'GitIgnoreRules' | 'listingFilter'>,
  root: vscode.Uri,
  files: readonly vscode.Uri[],
  globs: readonly string[],
): Promise<(path: string) => boolean> {
  const { GitIgnoreRules, listingFilter } = engine;
  const git = new GitIgnoreRules();
  const exists = (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
  // The folders above the curricula up to the repository's root: their rules reach down.
  // Outside a repository only the curricula's own .gitignore files apply, as for the CLI.
  let top: vscode.Uri | undefined;
  const above: vscode.Uri[] = [];
  for (let cur = root; ;) {
    if (await exists(vscode.Uri.joinPath(cur, '.git'))) {
      top = cur;
      break;
    }
    const up = vscode.Uri.joinPath(cur, '..');
    if (up.path === cur.path) break;
    above.unshift(up);
    cur = up;
  }
  if (!top) above.length = 0;
  const exclude = top && (await readText(vscode.Uri.joinPath(top, '.git', 'info', 'exclude')));
  if (top && exclude) git.add(top.path, exclude);
  for (const dir of above) {
    const rules = await readText(vscode.Uri.joinPath(dir, '.gitignore'));
    if (rules !== undefined) git.add(dir.path, rules);
  }
  const inside = files.filter(
    (u) => u.path.endsWith('/.gitignore') && u.path.startsWith(`${root.path.replace(/\/$/, '')}/`),
  );
  for (const [uri, rules] of await Promise.all(
    inside.map(async (u) => [u, await readText(u)] as const),
  ))
    if (rules !== undefined) git.add(vscode.Uri.joinPath(uri, '..').path, rules);
  return listingFilter(root.path.replace(/\/$/, ''), globs, git);
}
