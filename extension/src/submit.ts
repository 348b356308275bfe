import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SHEET_PATH } from './checkpoints.js';
import { gitApi, type GitRepository } from './git-api.js';
import { githubApiUrl, originOf, repositoryOf } from './github-session.js';
import { SET_TOKEN, type GitHubToken } from './github-token.js';
import { plainGitError, plainGitHubError } from './plain-errors.js';
import type { SubmittedSheets } from './submitted-sheets.js';

export interface Submitted {
  branch: string;
  url: string;
  number: number;
  /** opened: a new pull request; updated: new commits on an open one; unchanged: nothing new to send. */
  outcome: 'opened' | 'updated' | 'unchanged';
}

const fail = (message: string): undefined => {
  void vscode.window.showErrorMessage(`enablekit: ${message}`);
  return undefined;
};

const OPEN_PR = 'Open pull request';

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

/** Whether the sheet on disk is what HEAD holds: committed, with no change since. */
async function committedAsIs(repo: GitRepository, uri: vscode.Uri): Promise<boolean> {
  const same = (c: { uri: vscode.Uri }) => c.uri.fsPath === uri.fsPath;
  const { indexChanges, workingTreeChanges, untrackedChanges = [] } = repo.state;
  if ([...indexChanges, ...workingTreeChanges, ...untrackedChanges].some(same)) return false;
  // Untracked files may be hidden from the lists (git.untrackedChanges: hidden): HEAD must hold it.
  return repo.show('HEAD', uri.fsPath).then(
    () => true,
    () => false,
  );
}

export interface SubmitDeps {
  token: GitHubToken;
  submitted: SubmittedSheets;
}

/**
 * Commit the answer sheet on a new branch, push it and open a pull request, showing each
 * step. The new branch stays checked out: going back would take the now-committed sheet
 * off the disk. Each step is skipped when it is done already, so running Submit again
 * after a failure (or twice) finishes the same attempt: a sheet committed and unchanged on
 * its branch is pushed and its pull request opened, never committed a second time.
 * Whatever fails, the sheet stays on disk and the branch stays, and the message says what
 * to do next.
 */
export async function submitCheckpoint(
  ws: CurriculaWorkspace,
  uri: vscode.Uri | undefined,
  deps: SubmitDeps,
): Promise<Submitted | undefined> {
  if (!uri || !SHEET_PATH.test(uri.path))
    return fail(
      'open your answer sheet (submissions/<login>/<checkpoint>.md) first, then Submit checkpoint.',
    );
  const [, , login = '', checkpoint = ''] = SHEET_PATH.exec(uri.path)!;
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
  const auth = await deps.token.get(true);
  if ('problem' in auth) {
    const pick = await vscode.window.showErrorMessage(
      `enablekit: could not submit: ${auth.problem}. Nothing was committed; your sheet is unchanged on disk.`,
      SET_TOKEN,
    );
    // The learner set a token from the message: carry on with the submit they asked for.
    if (pick && (await vscode.commands.executeCommand<boolean>('enablekit.setGitHubToken')))
      return submitCheckpoint(ws, uri, deps);
    return undefined;
  }
  await repo.status();
  const others = repo.state.indexChanges.filter((c) => c.uri.fsPath !== uri.fsPath);
  if (others.length)
    return fail(
      `other changes are staged (${others.map((c) => vscode.workspace.asRelativePath(c.uri)).join(', ')}). Unstage or commit them first, so the pull request holds only your answer sheet.`,
    );
  const back = repo.state.HEAD?.name;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = new RegExp(`^enablekit/${esc(login)}/${esc(checkpoint)}(-attempt-\\d+)?$`);
  const onOwn = Boolean(back && own.test(back));
  const asIs = await committedAsIs(repo, uri);
  if (!onOwn && asIs)
    return fail(
      `your sheet is committed on ${back ?? 'this commit'} already, unchanged, so there is nothing new to put on a checkpoint branch. Change an answer and submit again, or check out its enablekit/${login}/${checkpoint} branch.`,
    );
  // On this checkpoint's branch already (a retake after feedback, or a retry): commit there, and the open pull request updates.
  const branch = onOwn ? back! : await freeBranch(repo, `enablekit/${login}/${checkpoint}`);
  const earlier = deps.submitted.of(checkpoint);
  const base = onOwn ? (earlier?.branch === branch ? earlier.base : undefined) : back;
  const apiUrl = githubApiUrl();

  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `enablekit: submitting ${checkpoint}`,
    },
    async (progress): Promise<Submitted | string> => {
      const committing = !asIs;
      if (committing) {
        progress.report({ message: `committing your answer sheet on ${branch}…` });
        try {
          if (branch !== back) await repo.createBranch(branch, true);
          await repo.add([uri.fsPath]);
          await repo.commit(`Checkpoint ${checkpoint}: answers of ${login}`);
        } catch (e) {
          if (back && branch !== back) await repo.checkout(back).catch(() => undefined);
          return `could not commit your sheet on ${branch}: ${plainGitError(e)}. Your sheet is unchanged on disk; fix that and submit again.`;
        }
        await deps.submitted.record({
          login,
          checkpoint,
          branch,
          ...(base ? { base } : {}),
          ...(earlier?.branch === branch && earlier.pr ? { pr: earlier.pr } : {}),
        });
      }
      await repo.status();
      const head = repo.state.HEAD;
      const pushing = !head?.upstream || (head.ahead ?? 1) > 0;
      if (pushing) {
        progress.report({ message: `pushing ${branch} to ${origin.name}…` });
        try {
          await repo.push(origin.name, branch, true);
        } catch (e) {
          return `your answers are committed on branch ${branch}, but could not be pushed: ${plainGitError(e, origin.name)}. Nothing is lost: when that is fixed, run Submit checkpoint again; it pushes this commit and opens the pull request, without committing again.`;
        }
      }
      progress.report({ message: 'opening the pull request…' });
      try {
        // The GitHub chunk is loaded on first need: octokit stays out of activation (esbuild leaves this require to run time).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const github = require('./github.js') as typeof import('./github.js');
        const pr = await github.openPullRequest({
          baseUrl: apiUrl,
          token: auth.token,
          repository,
          head: branch,
          ...(base ? { base } : {}),
          title: `Checkpoint ${checkpoint} (${login})`,
          body: `Answer sheet for \`${checkpoint}\`, submitted from VS Code. The enablekit Action grades it and comments here.`,
        });
        await deps.submitted.record({
          login,
          checkpoint,
          branch,
          ...(base ? { base } : {}),
          pr: { number: pr.number, url: pr.url },
        });
        return {
          branch,
          url: pr.url,
          number: pr.number,
          outcome: pr.created ? 'opened' : committing || pushing ? 'updated' : 'unchanged',
        };
      } catch (e) {
        return `your answers are committed and pushed on branch ${branch}, but the pull request could not be opened: ${plainGitHubError(e, apiUrl, repository)}. Nothing is lost: when that is fixed, run Submit checkpoint again; it opens the pull request for this commit.`;
      }
    },
  );
  if (typeof outcome === 'string') return fail(outcome);
  const said = {
    opened: `submitted: pull request #${outcome.number} is open. The enablekit Action grades it and comments there.`,
    updated: `pull request #${outcome.number} is updated with your answers; it is graded again.`,
    unchanged: `your sheet is submitted already, as pull request #${outcome.number}, and unchanged since. To update it, change an answer and submit again.`,
  }[outcome.outcome];
  void vscode.window
    .showInformationMessage(`enablekit: ${said}`, OPEN_PR)
    .then((pick) => pick && vscode.env.openExternal(vscode.Uri.parse(outcome.url)));
  return outcome;
}
