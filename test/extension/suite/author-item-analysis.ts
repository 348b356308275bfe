import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated, edit, until } from './helpers.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';
import type { ItemMark, ProgressRecord } from '../../../core/progress/records.js';

const TOKEN = `ghp_${'d'.repeat(36)}`;

/**
 * Item analysis as an author meets it in VS Code (issue #23, item 3): "Show item analysis"
 * reads every learner's progress issue from GitHub (here the local GitHub API) and each
 * question of a quiz shows, above its heading, how often it is answered right, its
 * discrimination, each choice's picks and its flags with their counts.
 */
export function registerAuthorItemAnalysisSuite(folder: string): void {
  const config = join(folder, 'curricula', 'enablekit.yml');
  const quiz = vscode.Uri.file(
    join(folder, 'curricula', 'success-onboarding', 'success-plans-quiz.md'),
  );
  const settings = () => vscode.workspace.getConfiguration('enablekit');
  let gh: LocalGitHub;
  let original = '';
  let api!: Awaited<ReturnType<typeof activated>>;

  describe('authoring in VS Code: item analysis above each question', () => {
    before(async () => {
      api = await activated();
      gh = new LocalGitHub();
      await gh.start();
      gh.tokens.set(TOKEN, 'omar-lead');
      original = readFileSync(config, 'utf8');
      await settings().update('repository', 'acme/training', vscode.ConfigurationTarget.Workspace);
      await settings().update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      await settings().update('token', TOKEN, vscode.ConfigurationTarget.Global);
      await until('the token moved', () => settings().inspect('token')?.globalValue === undefined);
    });
    after(async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(config));
      const whole = new vscode.WorkspaceEdit();
      whole.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      await vscode.workspace.applyEdit(whole);
      await doc.save();
      assert.equal(readFileSync(config, 'utf8'), original, 'enablekit.yml as it was');
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
    });

    it('"Show item analysis" reads every progress issue and shows each question\'s figures, picks and flags above it', async () => {
      // Three answers are enough to flag here: typed into enablekit.yml, unsaved.
      await edit(
        vscode.Uri.file(config),
        '  review_every: 180d\n',
        '  review_every: 180d\n  item_min_answers: 3\n',
      );
      await until(
        'enablekit.yml read again',
        () => api.workspace.lintSession?.currentConfig.policies.itemMinAnswers === 3,
      );
      const repo = gh.state.repo('acme', 'training');
      const learner = (login: string, items: Record<string, ItemMark>) => {
        const issue = repo.addIssue(
          progressTitle(login),
          `${progressMarker(login)}\nTraining progress`,
          'github-actions[bot]',
          [PROGRESS_LABEL],
        );
        const record: ProgressRecord = {
          learner: login,
          checkpoint: 'success-plans-quiz',
          kind: 'quiz',
          pr: issue.number + 100,
          sha: `sha-${login}`,
          at: '2027-01-20T10:00:00Z',
          passed: false,
          percent: 50,
          attempt: 1,
          items,
        };
        repo.comments.push({
          id: gh.state.id(),
          issue: issue.number,
          author: 'github-actions[bot]',
          body: recordComment([record]),
          created_at: '2027-01-20T10:00:00Z',
          updated_at: '2027-01-20T10:00:00Z',
        });
      };
      // Two of three tick the CSM's words (b) over the customer's (a, the right answer).
      learner('ia-one', {
        'risk-threshold': [1, 1],
        'plan-words': [1, 1, 'a'],
        'score-drop': [1, 1],
      });
      learner('ia-two', {
        'risk-threshold': [1, 1],
        'plan-words': [0, 1, 'b'],
        'score-drop': [0, 1],
      });
      learner('ia-three', {
        'risk-threshold': [1, 1],
        'plan-words': [0, 1, 'b'],
        'score-drop': [1, 1],
      });

      assert.equal(await vscode.commands.executeCommand('enablekit.showItemAnalysis'), true);
      assert.equal(api.items.analysis?.attempts, 3);
      const doc = await vscode.workspace.openTextDocument(quiz);
      await vscode.window.showTextDocument(doc);
      // The lens provider answers from the analysis just read: its lenses are there at once.
      const lenses = (
        await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          quiz,
        )
      ).filter((l) => l.command?.command === 'enablekit.showItemAnalysis');
      assert.equal(lenses.length, 3, 'one lens above each question');
      const at = (line: number) =>
        lenses.find((l) => l.range.start.line === line)?.command?.title ?? '';
      const heading = (text: string) =>
        doc
          .getText()
          .split('\n')
          .findIndex((l) => l.startsWith(`## ${text}`));
      // plan-words: [1,0,0] against the rest [1, .5, 1]: Σdxdy = 1/6, Σdx² = 2/3, Σdy² = 1/6, so r = 0.5 by hand.
      assert.equal(
        at(heading('Whose words')),
        '$(graph) 33% right · r = 0.50 · n = 3 · a✓ 1 · b 2 · c 0 · ⚑ distractor b outdraws the right answer: ticked by 2 of 3, the right answer by 1',
      );
      assert.match(
        at(heading('Below which')),
        /100% right · r = – · n = 3 · ⚑ too easy: 3 of 3 right/,
      );
      // The hover says what the figures are and the minimum (the command API leaves tooltips out: asked of the provider).
      assert.match(
        api.items.provideCodeLenses(doc)[0]?.command?.tooltip ?? '',
        /No question is flagged on fewer than 3 answers \(policies\.item_min_answers\)/,
      );
    });
  });
}
