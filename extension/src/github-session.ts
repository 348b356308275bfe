import * as vscode from 'vscode';
import { gitApi, githubRepoOf } from './git-api.js';

/** The token the user set (enablekit.token), else VS Code's GitHub sign-in: asked for only when the user acted. */
export async function githubToken(interactive: boolean): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('enablekit').get<string>('token', '').trim();
  if (set) return set;
  try {
    return (await vscode.authentication.getSession('github', ['repo'], interactive ? { createIfNone: true } : { silent: true }))?.accessToken;
  } catch {
    return undefined;
  }
}

/** owner/name of the curricula repository: the setting, else the folder's GitHub remote. */
export async function githubRepository(folder: vscode.Uri | undefined): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('enablekit').get<string>('repository', '').trim();
  if (set || !folder) return set || undefined;
  const git = await gitApi().catch(() => undefined);
  const repo = git?.getRepository(folder);
  const origin = repo?.state.remotes.find((r) => r.name === 'origin') ?? repo?.state.remotes[0];
  return githubRepoOf(origin?.pushUrl ?? origin?.fetchUrl);
}
