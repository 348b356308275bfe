import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated, until } from './helpers.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';
import type { ProgressRecord } from '../../../core/progress/records.js';

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
      gh.tokens.set('ghs_ana', 'ana-support');
      const settings = vscode.workspace.getConfiguration('enablekit');
      await settings.update('login', 'ana-support', vscode.ConfigurationTarget.Workspace);
      await settings.update('token', 'ghs_ana', vscode.ConfigurationTarget.Global);
      await settings.update('repository', 'acme/training', vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
    });

    it('"Take checkpoint" writes a blank answer sheet for the learner and never overwrites one', async () => {
      await activated();
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        quiz,
      );
      assert.ok(
        lenses.some((l) => l.command?.command === 'enablekit.takeCheckpoint'),
        'a Take checkpoint lens',
      );
      const sheet = await vscode.commands.executeCommand<vscode.Uri>(
        'enablekit.takeCheckpoint',
        quiz,
      );
      assert.equal(sheet.fsPath, sheetPath);
      const text = readFileSync(sheetPath, 'utf8');
      assert.match(text, /learner: ana-support/);
      assert.doesNotMatch(text, /^\s*- \[x\]/m, 'every box empty');
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      const kept = readFileSync(sheetPath, 'utf8');
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
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

    it('"Submit" commits the sheet on a new branch, pushes it and opens a pull request; a second submit is a new attempt branch', async () => {
      await vscode.workspace
        .getConfiguration('enablekit')
        .update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      const result = await vscode.commands.executeCommand<{
        branch: string;
        url: string;
        number: number;
      }>('enablekit.submitCheckpoint', vscode.Uri.file(sheetPath));
      assert.ok(result, 'submitted');
      assert.equal(result.branch, 'enablekit/ana-support/triage-quiz');
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
      const retake = await vscode.commands.executeCommand<{ branch: string; number: number }>(
        'enablekit.submitCheckpoint',
        vscode.Uri.file(sheetPath),
      );
      assert.deepEqual([retake?.branch, retake?.number], [result.branch, result.number]);
      assert.equal(git('rev-list', '--count', `main..${result.branch}`), '2');

      // Back on main, a new sheet goes to a new attempt branch: the first one exists.
      git('checkout', '-q', 'main');
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
      const again = await vscode.commands.executeCommand<{ branch: string; number: number }>(
        'enablekit.submitCheckpoint',
        vscode.Uri.file(sheetPath),
      );
      assert.equal(again?.branch, 'enablekit/ana-support/triage-quiz-attempt-2');
      assert.notEqual(again?.number, result.number);
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
      const grade = lenses.find((l) => l.command?.command === 'enablekit.openPullRequest');
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
      assert.match(String(item.description), /passed/);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
      const other = api.tree.getTreeItem(find(api.tree.getChildren(), 'product-foundations-quiz')!);
      assert.doesNotMatch(String(other.description), /passed/, 'a forged record is not read');
    });

    it('a network failure loses nothing: the sheet stays on disk and the branch is kept', async () => {
      git('checkout', '-q', 'main');
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
      await vscode.workspace
        .getConfiguration('enablekit')
        .update('githubApiUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
      const result = await vscode.commands.executeCommand(
        'enablekit.submitCheckpoint',
        vscode.Uri.file(sheetPath),
      );
      assert.equal(result, undefined);
      assert.ok(existsSync(sheetPath));
      assert.match(
        git('branch', '--list', 'enablekit/ana-support/triage-quiz-attempt-3'),
        /attempt-3/,
      );
    });
  });
}
