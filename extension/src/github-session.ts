import * as vscode from 'vscode';
import { gitApi, githubRepoOf, type GitRepository } from './git-api.js';

/**
 * A setting from the user's own settings, never from a workspace: a cloned repository's
 * .vscode/settings.json could otherwise point the user's GitHub token at its own server.
 * package.json gives these settings machine scope too; this holds even where that is not honoured.
 */
function userSetting(key: 'githubApiUrl' | 'token', fallback: string): string {
  const v = vscode.workspace.getConfiguration('enablekit').inspect<string>(key);
  return (v?.globalValue ?? v?.defaultValue ?? fallback).trim() || fallback;
}

/** Where the user's GitHub token is sent: enablekit.githubApiUrl from user settings only. */
export const githubApiUrl = (): string => userSetting('githubApiUrl', 'https://api.github.com');

/** The token the user set (enablekit.token), else VS Code's GitHub sign-in: asked for only when the user acted. */
export async function githubToken(interactive: boolean): Promise<string | undefined> {
  const set = userSetting('token', '');
  if (set) return set;
  try {
    return (
      await vscode.authentication.getSession(
        'github',
        ['repo'],
        interactive ? { createIfNone: true } : { silent: true },
      )
    )?.accessToken;
  } catch {
    return undefined;
  }
}

/** The learner's login: the setting, else the GitHub account VS Code is signed in with, else (when the user acted) asked. */
export async function learnerLogin(interactive: boolean): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('enablekit').get<string>('login', '').trim();
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
  const typed = await vscode.window.showInputBox({
    prompt: 'Your GitHub login (your answer sheets go to submissions/<login>/)',
    validateInput: (v) =>
      /^[A-Za-z0-9-]+$/.test(v) ? undefined : 'Letters, digits and dashes, as on GitHub',
  });
  return typed?.trim() || undefined;
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
