import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { gitApi, githubRepoOf, type GitRepository } from './git-api.js';

/**
 * Where the user's GitHub token is sent: enablekit.githubApiUrl from the user's own settings
 * only, never a workspace's: a cloned repository's .vscode/settings.json could otherwise
 * point the token at its own server. package.json gives the setting machine scope too; this
 * holds even where that is not honoured.
 */
export function githubApiUrl(): string {
  const v = vscode.workspace.getConfiguration('enablekit').inspect<string>('githubApiUrl');
  return (v?.globalValue ?? v?.defaultValue ?? '').trim() || 'https://api.github.com';
}

/**
 * The learner's login: the setting, else the GitHub account VS Code is signed in with,
 * else (when the user acted) asked, offering the login git's settings give away. A typed
 * login is remembered in the user's settings (enablekit.login), so Refresh my progress
 * and the next checkpoint know it without asking again.
 */
export async function learnerLogin(
  interactive: boolean,
  ws?: CurriculaWorkspace,
): Promise<string | undefined> {
  const settings = vscode.workspace.getConfiguration('enablekit');
  const set = settings.get<string>('login', '').trim();
  if (set) return set;
  try {
    const session = await vscode.authentication.getSession('github', ['read:user'], {
      silent: true,
    });
    if (session) return session.account.label;
  } catch {
    /* no GitHub authentication provider here */
  }
  if (!interactive) return undefined;
  const offered = ws?.root ? await gitLogin(ws, ws.root) : undefined;
  const typed = (
    await vscode.window.showInputBox({
      title: 'enablekit: your GitHub login',
      prompt:
        'Your answer sheets go to submissions/<login>/, and your grades are read for this login. Remembered in your settings (enablekit.login).',
      value: offered ?? '',
      ignoreFocusOut: true,
      validateInput: (v) =>
        /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(v.trim())
          ? undefined
          : 'Letters, digits and dashes, as on GitHub',
    })
  )?.trim();
  if (!typed) return undefined;
  await settings.update('login', typed, vscode.ConfigurationTarget.Global);
  return typed;
}

/** The login git's settings give away for the repository holding the curricula (core's loginFromGit reads them). */
export async function gitLogin(
  ws: CurriculaWorkspace,
  folder: vscode.Uri,
): Promise<string | undefined> {
  try {
    const repo = (await gitApi())?.getRepository(folder);
    if (!repo?.getConfig) return undefined;
    const get = (key: string) =>
      repo.getConfig!(key).then(
        (v) => v || undefined,
        () => undefined,
      );
    const [githubUser, email, name] = await Promise.all([
      get('github.user'),
      get('user.email'),
      get('user.name'),
    ]);
    return ws.engine().loginFromGit({
      ...(githubUser ? { githubUser } : {}),
      ...(email ? { email } : {}),
      ...(name ? { name } : {}),
    });
  } catch {
    return undefined;
  }
}

/** The remote a checkpoint is pushed to: "origin", else the first. */
export function originOf(
  repo: GitRepository | null | undefined,
): GitRepository['state']['remotes'][number] | undefined {
  return repo?.state.remotes.find((r) => r.name === 'origin') ?? repo?.state.remotes[0];
}

/** owner/name of the curricula repository: the setting, else the remote's, when it is on GitHub. */
export function repositoryOf(origin: ReturnType<typeof originOf>): string | undefined {
  return (
    vscode.workspace.getConfiguration('enablekit').get<string>('repository', '').trim() ||
    githubRepoOf(origin?.pushUrl ?? origin?.fetchUrl)
  );
}

/** owner/name of the repository holding `folder`, as Submit would push to it. */
export async function githubRepository(
  folder: vscode.Uri | undefined,
): Promise<string | undefined> {
  const git = folder ? await gitApi().catch(() => undefined) : undefined;
  return repositoryOf(originOf(folder ? git?.getRepository(folder) : undefined));
}
