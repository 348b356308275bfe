import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SHEET_PATH } from './checkpoints.js';
import { gitApi, type GitRepository } from './git-api.js';
import { githubApiUrl, githubToken, originOf, repositoryOf } from './github-session.js';

export interface Submitted {
  branch: string;
  url: string;
  number: number;
}

const fail = (message: string): undefined => {
  void vscode.window.showErrorMessage(`enablekit: ${message}`);
  return undefined;
};

/** A branch name not taken yet: a second attempt gets `-attempt-2`, and so on. */
async function freeBranch(repo: GitRepository, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-attempt-${n}`;
    try {
      await repo.getBranch(name);
    } catch {
      return name;
    }
  }
}

/**
 * Commit the answer sheet on a new branch, push it and open a pull request. The new branch
 * stays checked out: going back would take the now-committed sheet off the disk. Whatever
 * fails, the sheet stays on disk and the branch stays, and the message says what to do next.
 */
export async function submitCheckpoint(
  ws: CurriculaWorkspace,
  uri: vscode.Uri | undefined,
): Promise<Submitted | undefined> {
  if (!uri || !SHEET_PATH.test(uri.path))
    return fail(
      'open your answer sheet (submissions/<login>/<checkpoint>.md) first, then Submit checkpoint.',
    );
  const [, , login, checkpoint] = SHEET_PATH.exec(uri.path)!;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
  const git = await gitApi();
  if (!git)
    return fail(
      'the built-in Git extension is not available, so the sheet cannot be committed. Enable Git (git.enabled) and try again.',
    );
  const repo =
    git.getRepository(uri) ??
    (git.openRepository
      ? await git.openRepository(vscode.Uri.joinPath(ws.root ?? uri, '..'))
      : null);
  if (!repo)
    return fail(
      'this folder is not a git repository. Clone the curricula repository from GitHub and take the checkpoint there.',
    );
  const origin = originOf(repo);
  const repository = repositoryOf(origin);
  if (!origin)
    return fail(
      'this repository has no remote. Add the GitHub repository as "origin" (git remote add origin …) and submit again.',
    );
  if (!repository)
    return fail(
      `the remote "${origin.name}" (${origin.fetchUrl ?? ''}) is not on GitHub. Set enablekit.repository to owner/name, or add the GitHub remote.`,
    );
  const token = await githubToken(true);
  if (!token)
    return fail(
      'not signed in to GitHub. Sign in from the Accounts menu, or set enablekit.token, and submit again.',
    );
  await repo.status();
  const others = repo.state.indexChanges.filter((c) => c.uri.toString() !== uri.toString());
  if (others.length)
    return fail(
      `other changes are staged (${others.map((c) => vscode.workspace.asRelativePath(c.uri)).join(', ')}). Unstage or commit them first, so the pull request holds only your answer sheet.`,
    );
  const back = repo.state.HEAD?.name;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = new RegExp(`^enablekit/${esc(login!)}/${esc(checkpoint!)}(-attempt-\\d+)?$`);
  // On this checkpoint's branch already (a retake after feedback): commit there, and the open pull request updates.
  const branch =
    back && own.test(back) ? back : await freeBranch(repo, `enablekit/${login}/${checkpoint}`);
  try {
    if (branch !== back) await repo.createBranch(branch, true);
    await repo.add([uri.fsPath]);
    await repo.commit(`Checkpoint ${checkpoint}: answers of ${login}`);
  } catch (e) {
    if (back && branch !== back) await repo.checkout(back).catch(() => undefined);
    return fail(
      `could not commit the sheet on ${branch}: ${(e as Error).message}. Your sheet is unchanged on disk.`,
    );
  }
  try {
    await repo.push(origin.name, branch, true);
    // The GitHub chunk is loaded on first need: octokit stays out of activation (esbuild leaves this require to run time).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pr = await (require('./github.js') as typeof import('./github.js')).openPullRequest({
      baseUrl: githubApiUrl(),
      token,
      repository,
      head: branch,
      ...(back && branch !== back ? { base: back } : {}),
      title: `Checkpoint ${checkpoint} (${login})`,
      body: `Answer sheet for \`${checkpoint}\`, submitted from VS Code. The enablekit Action grades it and comments here.`,
    });
    void vscode.window
      .showInformationMessage(
        `enablekit: submitted as pull request #${pr.number}.`,
        'Open pull request',
      )
      .then((pick) => pick && vscode.env.openExternal(vscode.Uri.parse(pr.url)));
    return { branch, ...pr };
  } catch (e) {
    return fail(
      `the sheet is committed on branch ${branch}, but ${(e as Error).message.replace(/\.$/, '')}. Nothing is lost: check your connection and run Submit checkpoint again, or push ${branch} and open the pull request on GitHub.`,
    );
  }
}
