import * as vscode from 'vscode';

/** The part of the built-in Git extension's API (vscode.git, version 1) that submitting uses. */
export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD:
      | {
          name?: string;
          commit?: string;
          /** Set once the branch was pushed with an upstream; `ahead`: its commits not pushed yet. */
          upstream?: { remote: string; name: string };
          ahead?: number;
        }
      | undefined;
    readonly remotes: readonly { name: string; fetchUrl?: string; pushUrl?: string }[];
    readonly indexChanges: readonly { uri: vscode.Uri }[];
    readonly workingTreeChanges: readonly { uri: vscode.Uri }[];
    /** Untracked files, when git.untrackedChanges is "separate" (else they are working-tree changes). */
    readonly untrackedChanges?: readonly { uri: vscode.Uri }[];
    /** type 0: a local branch, 1: a remote's branch ("origin/name"), 2: a tag. */
    readonly refs?: readonly { name?: string; type: number; commit?: string }[];
  };
  getBranch(name: string): Promise<{ name?: string; commit?: string }>;
  createBranch(name: string, checkout: boolean, ref?: string): Promise<void>;
  checkout(treeish: string): Promise<void>;
  add(paths: string[]): Promise<void>;
  commit(message: string, opts?: { all?: boolean }): Promise<void>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
  status(): Promise<void>;
  /** A file's text at a commit; fails when the file is not in it. */
  show(ref: string, path: string): Promise<string>;
  /** `git config --get` in the repository (local, then global): for the login to offer as an owner. */
  getConfig?(key: string): Promise<string>;
}

export interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

export async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi; enabled: boolean }>(
    'vscode.git',
  );
  if (!ext) return undefined;
  const exports = ext.isActive ? ext.exports : await ext.activate();
  return exports.enabled ? exports.getAPI(1) : undefined;
}

/** owner/name from a GitHub remote URL (https, ssh, or GitHub Enterprise Server); undefined for others. */
export function githubRepoOf(url: string | undefined): string | undefined {
  const m =
    /^(?:https?:\/\/[^/]+\/|git@[^:]+:|ssh:\/\/git@[^/]+\/)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(
      url ?? '',
    );
  return m ? `${m[1]}/${m[2]}` : undefined;
}
