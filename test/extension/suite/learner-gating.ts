import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated, edit, until } from './helpers.js';
import { watchNotifications } from './notifications.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';
import type { ProgressRecord } from '../../../core/progress/records.js';

const TOKEN = `ghp_${'c'.repeat(36)}`;

/**
 * Gating as a learner meets it in VS Code (issue #23, item 1): with policies.gating strict, a
 * mock of the advanced support track is locked while the foundations track is not finished;
 * the Curricula view says so with the reason, "Take checkpoint" warns and still makes the
 * sheet, and once the foundation quiz is passed the lock is gone.
 */
export function registerLearnerGatingSuite(folder: string): void {
  const config = join(folder, 'curricula', 'enablekit.yml');
  const mock = vscode.Uri.file(
    join(folder, 'curricula', 'support-onboarding', 'support-mock-beginner.md'),
  );
  const sheetPath = join(folder, 'submissions', 'ana-support', 'support-mock-beginner.md');
  const settings = () => vscode.workspace.getConfiguration('enablekit');
  let gh: LocalGitHub;
  let original = '';
  let api!: Awaited<ReturnType<typeof activated>>;
  const record = (checkpoint: string, sha: string): ProgressRecord => ({
    learner: 'ana-support',
    checkpoint,
    kind: 'quiz',
    pr: 40,
    sha,
    at: '2027-01-20T10:00:00Z',
    passed: true,
    percent: 100,
    attempt: 1,
  });
  const postRecords = (issue: number, records: ProgressRecord[]) =>
    gh.state.repo('acme', 'training').comments.push({
      id: gh.state.id(),
      issue,
      author: 'github-actions[bot]',
      body: recordComment(records),
      created_at: '2027-01-20T10:00:00Z',
      updated_at: '2027-01-20T10:00:00Z',
    });
  const node = (id: string) => {
    type Node = ReturnType<typeof api.tree.getChildren>[number];
    const walk = (nodes: Node[]): Node | undefined => {
      for (const n of nodes) {
        if (n.kind === 'item' && n.item.id === id) return n;
        const inner = walk(api.tree.getChildren(n));
        if (inner) return inner;
      }
      return undefined;
    };
    return api.tree.getTreeItem(walk(api.tree.getChildren())!);
  };

  describe('learning in VS Code: checkpoints locked by gating', () => {
    before(async () => {
      api = await activated();
      gh = new LocalGitHub();
      await gh.start();
      gh.tokens.set(TOKEN, 'ana-support');
      original = readFileSync(config, 'utf8');
      await settings().update('login', 'ana-support', vscode.ConfigurationTarget.Global);
      await settings().update('repository', 'acme/training', vscode.ConfigurationTarget.Workspace);
      await settings().update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      await settings().update('today', '2027-02-16', vscode.ConfigurationTarget.Workspace);
      // A token as an old guide had it: it moves into secret storage and is used.
      await settings().update('token', TOKEN, vscode.ConfigurationTarget.Global);
      await until('the token moved', () => settings().inspect('token')?.globalValue === undefined);
    });
    after(async () => {
      // Back as it was, saved (the workbench may have saved the typed line meanwhile).
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(config));
      const whole = new vscode.WorkspaceEdit();
      whole.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(whole);
      await doc.save();
      assert.equal(readFileSync(config, 'utf8'), original, 'enablekit.yml as it was');
      if (existsSync(sheetPath)) rmSync(sheetPath);
      await settings().update('today', undefined, vscode.ConfigurationTarget.Workspace);
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
    });

    it('shows a checkpoint and its module locked with what to finish first, warns on Take and still makes the sheet; passing the prerequisite opens it', async () => {
      // Typed into enablekit.yml, unsaved: the editor lints what is typed.
      await edit(
        vscode.Uri.file(config),
        '  review_every: 180d\n',
        '  review_every: 180d\n  gating: strict\n',
      );
      await until(
        'enablekit.yml read again',
        () => api.workspace.lintSession?.currentConfig.policies.gating === 'strict',
      );
      // The learner passed the triage quiz (the module before), not the foundations quiz.
      const repo = gh.state.repo('acme', 'training');
      const issue = repo.addIssue(
        progressTitle('ana-support'),
        `${progressMarker('ana-support')}\nTraining progress`,
        'github-actions[bot]',
        [PROGRESS_LABEL],
      );
      postRecords(issue.number, [record('triage-quiz', 't1')]);
      assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), true);

      const item = node('support-mock-beginner');
      assert.match(String(item.description), /locked/);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'lock');
      assert.match(
        item.tooltip as string,
        /Locked: Finish the foundation track "Beacon Desk foundations" \(product-foundations\) first|Locked: Finish the track "Beacon Desk foundations" \(product-foundations\) first/,
      );
      assert.match(item.tooltip as string, /Until then the Action does not grade it\./);
      const module = node('escalations');
      assert.match(String(module.description), /locked/);
      assert.match(module.tooltip as string, /Locked: Finish the .*"Beacon Desk foundations"/);

      const seen = watchNotifications();
      try {
        const sheet = await vscode.commands.executeCommand<vscode.Uri>(
          'enablekit.takeCheckpoint',
          mock,
        );
        const said = await seen.next(/is locked/);
        assert.equal(said.kind, 'warning');
        assert.match(
          said.text,
          /is locked\. Finish the .*"Beacon Desk foundations" \(product-foundations\) first: .* The Action will not grade it until then; your answer sheet is made anyway\./,
        );
        assert.equal(sheet?.fsPath, sheetPath);
        assert.ok(existsSync(sheetPath), 'the sheet is made anyway');
      } finally {
        seen.dispose();
      }

      // The foundations quiz passed: read again, nothing is locked.
      postRecords(issue.number, [record('product-foundations-quiz', 'f1')]);
      assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), true);
      assert.doesNotMatch(String(node('support-mock-beginner').description), /locked/);
      assert.doesNotMatch(String(node('escalations').description), /locked/);
    });
  });
}
