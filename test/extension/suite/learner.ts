import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated, until } from './helpers.js';
import { answering, watchNotifications } from './notifications.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';
import type { ProgressRecord } from '../../../core/progress/records.js';

/** A token as GitHub shapes them: the learner copies it from GitHub's page before setting it. */
const TOKEN = `ghp_${'a'.repeat(36)}`;

/** The lenses VS Code shows above a file, by title. */
export const lensTitles = async (u: vscode.Uri): Promise<string[]> =>
  (
    await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', u)
  ).map((l) => l.command?.title ?? '');

/** What a learner does: take a checkpoint, answer it with the status bar counting, submit it as a pull request. */
export function registerLearnerSuite(folder: string): void {
  const quiz = vscode.Uri.file(join(folder, 'curricula', 'support-onboarding', 'triage-quiz.md'));
  const sheetPath = join(folder, 'submissions', 'ana-support', 'triage-quiz.md');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  let gh: LocalGitHub;

  describe('learning in VS Code (take, answer, submit)', () => {
    before(async () => {
      gh = new LocalGitHub();
      await gh.start();
      gh.state.repo('acme', 'training');
      gh.tokens.set(TOKEN, 'ana-support');
      // No login and no token: the learner gives them when asked.
      const settings = vscode.workspace.getConfiguration('enablekit');
      await settings.update('repository', 'acme/training', vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
    });

    it('"Take checkpoint" asks the login once (offering git\'s), remembers it, writes a blank answer sheet and never overwrites one', async () => {
      await activated();
      const settings = () => vscode.workspace.getConfiguration('enablekit');
      assert.equal(settings().get('login'), '', 'no login known yet');
      git('config', 'github.user', 'ana-support');
      let sheet: vscode.Uri;
      try {
        // The box offers the login git's settings give; the learner presses Enter.
        sheet = await answering(
          vscode.commands.executeCommand<vscode.Uri>('enablekit.takeCheckpoint', quiz),
        );
      } finally {
        git('config', '--unset', 'github.user');
      }
      assert.equal(
        settings().inspect('login')?.globalValue,
        'ana-support',
        'remembered in the user settings',
      );
      // Refresh my progress knows the login now: what it lacks is a way to GitHub, and it says so.
      const seen = watchNotifications();
      try {
        assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), false);
        const said = await seen.next(/could not read your progress/);
        assert.doesNotMatch(said.text, /login/);
        assert.match(
          said.text,
          /no GitHub token is set, and VS Code's GitHub sign-in did not complete/,
        );
        assert.deepEqual(said.buttons, ['Set GitHub token']);
        await vscode.commands.executeCommand('notifications.clearAll');
      } finally {
        seen.dispose();
      }
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        quiz,
      );
      assert.ok(
        lenses.some((l) => l.command?.command === 'enablekit.takeCheckpoint'),
        'a Take checkpoint lens',
      );
      assert.equal(sheet.fsPath, sheetPath);
      const text = readFileSync(sheetPath, 'utf8');
      assert.match(text, /learner: ana-support/);
      assert.doesNotMatch(text, /^\s*- \[x\]/m, 'every box empty');
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      const kept = readFileSync(sheetPath, 'utf8');
      // Taken again, nothing is asked: the login is remembered (a prompt would leave this waiting).
      const again = vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
      await Promise.race([
        again,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('Take checkpoint asked for the login again.')), 10_000),
        ),
      ]);
      assert.equal(readFileSync(sheetPath, 'utf8'), kept, "the learner's sheet is kept");
      // Its preview is titled by where it is in the workspace, not by an absolute path.
      await vscode.commands.executeCommand('enablekit.openPreview', sheet);
      const previewTab = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find(
            (t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Preview: '),
          );
      const tab = await until(
        'the sheet preview',
        () => previewTab()?.label.includes('triage-quiz') && previewTab(),
      );
      assert.equal(tab.label, 'Preview: submissions/ana-support/triage-quiz.md');
      await vscode.window.tabGroups.close(tab);
    });

    it('counts answered questions in the status bar as the learner answers', async () => {
      const api = await activated();
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(sheetPath));
      const status = () => api.sheetStatus.item.text;
      const total = Number(
        /of (\d+) answered/.exec(
          await until('the status bar', () => /of \d+ answered/.test(status()) && status()),
        )![1],
      );
      const before = Number(/(\d+) of/.exec(status())![1]);
      const text = editor.document.getText();
      const box = text.indexOf('- [ ] ');
      await editor.edit((b) =>
        b.replace(
          new vscode.Range(
            editor.document.positionAt(box + 3),
            editor.document.positionAt(box + 4),
          ),
          'x',
        ),
      );
      await until(
        'one more answered',
        () => status() === `$(checklist) ${before + 1} of ${total} answered`,
      );
      await editor.document.save();
    });

    it('"Submit" without a GitHub sign-in asks for a token, keeps it in secret storage, then commits on a new branch, pushes and opens a pull request, showing each step and "Submitted" after; submitting again updates or says it is submitted already', async () => {
      await vscode.workspace
        .getConfiguration('enablekit')
        .update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      const seen = watchNotifications();
      try {
        // The learner copied a token from GitHub's settings page.
        await vscode.env.clipboard.writeText(TOKEN);
        await vscode.commands.executeCommand('notifications.clearAll');
        const submitting = vscode.commands.executeCommand<{
          branch: string;
          url: string;
          number: number;
          outcome: string;
        }>('enablekit.submitCheckpoint', vscode.Uri.file(sheetPath));
        // code-server has no GitHub sign-in: the message says so and offers to set a token.
        const asked = await seen.next(/could not submit/);
        assert.equal(asked.kind, 'error');
        assert.match(
          asked.text,
          /no GitHub token is set, and VS Code.s GitHub Enterprise Server sign-in did not complete \(VS Code said: ".+"\)\. Sign in when VS Code asks, or run "enablekit: Set GitHub token" with a token that may open pull requests \(classic: the repo scope\)\./,
        );
        assert.match(asked.text, /Nothing was committed/);
        assert.deepEqual(asked.buttons, ['Set GitHub token']);
        assert.equal(git('branch', '--list', 'enablekit/*'), '', 'no branch made yet');
        // The learner presses the button, then Enter in the token box (the copied token is offered, masked).
        await vscode.commands.executeCommand('notification.acceptPrimaryAction');
        const result = await answering(submitting);
        assert.match((await seen.next(/GitHub token saved/)).text, /secret storage/);
        assert.equal(
          vscode.workspace.getConfiguration('enablekit').inspect('token')?.globalValue,
          undefined,
          'no token in the settings',
        );
        assert.ok(result, 'submitted');
        assert.equal(result.branch, 'enablekit/ana-support/triage-quiz');
        assert.equal(result.outcome, 'opened');
        assert.deepEqual(seen.progress.at(-1), {
          title: 'enablekit: submitting triage-quiz',
          steps: [
            'committing your answer sheet on enablekit/ana-support/triage-quiz…',
            'pushing enablekit/ana-support/triage-quiz to origin…',
            'opening the pull request…',
          ],
        });
        const done = await seen.next(/submitted: pull request/);
        assert.equal(
          done.text,
          `enablekit: submitted: pull request #${result.number} is open. The enablekit Action grades it and comments there.`,
        );
        assert.deepEqual(done.buttons, ['Open pull request']);
        const submittedLens = `$(git-pull-request) Submitted · pull request #${result.number} · waiting for its grade`;
        assert.ok((await lensTitles(vscode.Uri.file(sheetPath))).includes(submittedLens));
        assert.ok((await lensTitles(quiz)).includes(submittedLens), 'on the quiz too');
        const pull = gh.state.repo('acme', 'training').pulls.get(result.number)!;
        assert.equal(pull.head.ref, result.branch);
        assert.equal(pull.base.ref, 'main');
        assert.equal(pull.author, 'ana-support');
        assert.equal(
          git(
            '--git-dir',
            join(folder, '..', 'remote.git'),
            'show',
            `${result.branch}:submissions/ana-support/triage-quiz.md`,
          ),
          readFileSync(sheetPath, 'utf8').trim(),
          'the remote branch holds the sheet',
        );
        assert.ok(existsSync(sheetPath), 'the sheet stays on disk');

        // A retake on the same branch: the same pull request updates.
        const editor = await vscode.window.showTextDocument(vscode.Uri.file(sheetPath));
        await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
        await editor.document.save();
        type Result = { branch: string; number: number; outcome: string };
        const from = seen.shown.length;
        const retake = await vscode.commands.executeCommand<Result>(
          'enablekit.submitCheckpoint',
          vscode.Uri.file(sheetPath),
        );
        assert.deepEqual(
          [retake?.branch, retake?.number, retake?.outcome],
          [result.branch, result.number, 'updated'],
        );
        assert.equal(git('rev-list', '--count', `main..${result.branch}`), '2');
        assert.match(
          (await seen.next(/pull request #/, from)).text,
          new RegExp(`pull request #${result.number} is updated with your answers`),
        );
        // Submitted again with nothing changed: nothing is committed, and the message says so.
        const twice = seen.shown.length;
        const same = await vscode.commands.executeCommand<Result>(
          'enablekit.submitCheckpoint',
          vscode.Uri.file(sheetPath),
        );
        assert.deepEqual([same?.number, same?.outcome], [result.number, 'unchanged']);
        assert.equal(git('rev-list', '--count', `main..${result.branch}`), '2');
        assert.equal(
          (await seen.next(/pull request #/, twice)).text,
          `enablekit: your sheet is submitted already, as pull request #${result.number}, and unchanged since. To update it, change an answer and submit again.`,
        );
        assert.deepEqual(seen.progress.at(-1)?.steps, ['opening the pull request…']);

        // Back on main, a new sheet goes to a new attempt branch: the first one exists.
        git('checkout', '-q', 'main');
        await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
        const again = await vscode.commands.executeCommand<Result>(
          'enablekit.submitCheckpoint',
          vscode.Uri.file(sheetPath),
        );
        assert.equal(again?.branch, 'enablekit/ana-support/triage-quiz-attempt-2');
        assert.notEqual(again?.number, result.number);
      } finally {
        seen.dispose();
      }
    });

    it("shows the learner's grade from the pull request, on the checkpoint and in the Curricula view", async () => {
      const api = await activated();
      await vscode.workspace
        .getConfiguration('enablekit')
        .update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      // What the Action writes when it grades the pull request: a progress issue with the learner's records.
      const repo = gh.state.repo('acme', 'training');
      const issue = repo.addIssue(
        progressTitle('ana-support'),
        `${progressMarker('ana-support')}\nTraining progress`,
        'github-actions[bot]',
        [PROGRESS_LABEL],
      );
      const at = '2026-11-20T10:00:00Z';
      const records: ProgressRecord[] = [
        {
          learner: 'ana-support',
          checkpoint: 'triage-quiz',
          kind: 'quiz',
          pr: 1,
          sha: 'a1',
          at,
          passed: false,
          percent: 50,
          attempt: 1,
        },
        {
          learner: 'ana-support',
          checkpoint: 'triage-quiz',
          kind: 'quiz',
          pr: 1,
          sha: 'b2',
          at: '2026-11-21T10:00:00Z',
          passed: true,
          percent: 90,
          attempt: 2,
        },
      ];
      repo.comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: 'github-actions[bot]',
        body: recordComment(records),
        created_at: at,
        updated_at: at,
      });
      // Someone else's comment with a record of a pass counts for nothing.
      const forged: ProgressRecord = {
        learner: 'ana-support',
        checkpoint: 'product-foundations-quiz',
        kind: 'quiz',
        pr: 9,
        sha: 'c3',
        at,
        passed: true,
        percent: 100,
      };
      repo.comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: 'ana-support',
        body: recordComment([forged]),
        created_at: at,
        updated_at: at,
      });

      assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), true);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        quiz,
      );
      // The grade's lens names its pull request by number (a submit's lens, by its address).
      const grade = lenses.find(
        (l) =>
          l.command?.command === 'enablekit.openPullRequest' &&
          typeof l.command.arguments?.[0] === 'number',
      );
      assert.equal(
        grade?.command?.title,
        '$(pass-filled) Passed · best 90% · 2 attempts · pull request #1',
      );
      const sheetLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        vscode.Uri.file(sheetPath),
      );
      assert.ok(
        sheetLenses.some((l) => l.command?.title === grade?.command?.title),
        'on the answer sheet too',
      );
      // The second attempt's pull request is not graded yet: it still says so.
      const waiting = sheetLenses
        .map((l) => l.command?.title)
        .find((t) => t?.startsWith('$(git-pull-request) Submitted'));
      assert.match(
        String(waiting),
        /^\$\(git-pull-request\) Submitted · pull request #(\d+) · waiting for its grade$/,
      );
      assert.notEqual(/#(\d+)/.exec(String(waiting))?.[1], '1', 'the graded one no longer waits');

      const find = (
        nodes: ReturnType<typeof api.tree.getChildren>,
        id: string,
      ): (typeof nodes)[number] | undefined => {
        for (const n of nodes) {
          if (n.kind === 'item' && n.item.id === id) return n;
          const inner = find(api.tree.getChildren(n), id);
          if (inner) return inner;
        }
        return undefined;
      };
      const quizNode = find(api.tree.getChildren(), 'triage-quiz')!;
      const item = api.tree.getTreeItem(quizNode);
      // The second attempt's pull request waits for its grade: the view says so first, and
      // the grade so far in its tooltip (the retry suite sees "passed" once it is graded).
      assert.match(String(item.description), /submitted · pull request #\d+/);
      assert.match(
        item.tooltip as string,
        /Before: Passed · best 90% · 2 attempts · pull request #1/,
      );
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'git-pull-request');
      const other = api.tree.getTreeItem(find(api.tree.getChildren(), 'product-foundations-quiz')!);
      assert.doesNotMatch(String(other.description), /passed/, 'a forged record is not read');
    });
  });
}
