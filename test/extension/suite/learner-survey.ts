import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, until } from './helpers.js';
import { LocalGitHub } from '../../github-api/server.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';
import type { ProgressRecord } from '../../../core/progress/records.js';

const TOKEN = `ghp_${'e'.repeat(36)}`;

const SURVEY = `---
type: survey
id: support-feedback
title: How is Support onboarding going?
owner: lena-trainer
track: support-onboarding
ask:
  - when: during
    after_module: triage-and-routing
  - when: after
    weeks: 1
---

# How is Support onboarding going?

Your answers are not graded. The enablement team reads them with your login.

## How useful was the track for your work?

Scale: 1 (not useful) to 5 (very useful)

## Which part helped you most?

- Lessons
- Mock calls

## What would you change?
`;

/**
 * Feedback on the training in VS Code (issue #23, item 4): "Take survey" above a survey
 * writes the learner's sheet for the occasion their invitation names, as `enablekit take
 * --occasion` does, and never replaces a sheet that holds their answers; "Show survey
 * results" reads every progress issue (here the local GitHub API) and shows each question's
 * figures above it, the free text with who wrote it beside.
 */
export function registerLearnerSurveySuite(folder: string): void {
  const path = join(folder, 'curricula', 'support-onboarding', 'support-feedback.md');
  const sheetPath = join(folder, 'submissions', 'ana-support', 'support-feedback.md');
  const settings = () => vscode.workspace.getConfiguration('enablekit');

  describe('learning in VS Code: feedback on the training (a survey)', () => {
    before(async () => {
      await activated();
      await settings().update('login', 'ana-support', vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.writeFile(vscode.Uri.file(path), new TextEncoder().encode(SURVEY));
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(path, { force: true });
      rmSync(sheetPath, { force: true });
    });

    it('Take survey writes the sheet of the occasion named, and never replaces it', async () => {
      const survey = vscode.Uri.file(path);
      await vscode.window.showTextDocument(survey);
      // The lint session indexes the new file on its own time: the lens appears once it has.
      let lens: vscode.CodeLens | undefined;
      await until(
        'a Take survey lens above the survey',
        () => {
          void vscode.commands
            .executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', survey)
            .then(
              (ls) =>
                (lens = ls.find((l) => l.command?.title.startsWith('$(feedback) Take survey'))),
            );
          return lens;
        },
        30_000,
      );
      assert.equal(lens!.command!.command, 'enablekit.takeCheckpoint');
      const sheet = await vscode.commands.executeCommand<vscode.Uri>(
        'enablekit.takeCheckpoint',
        survey,
        'after-1w',
      );
      assert.equal(sheet.fsPath, sheetPath);
      const text = readFileSync(sheetPath, 'utf8');
      assert.match(text, /checkpoint: support-feedback\nlearner: ana-support\noccasion: after-1w/);
      assert.match(text, /# How is Support onboarding going\?: a week after the track/);
      assert.match(
        text,
        /<!-- Write one number from 1 \(not useful\) to 5 \(very useful\) below\. -->/,
      );
      assert.match(text, /- \[ \] Mock calls/);
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.fsPath,
        sheetPath,
        'the sheet is opened',
      );
      await vscode.commands.executeCommand(
        'enablekit.takeCheckpoint',
        survey,
        'during-triage-and-routing',
      );
      assert.equal(readFileSync(sheetPath, 'utf8'), text, "the learner's sheet is kept");
    });

    it('Show survey results reads every progress issue and shows the figures above each question', async () => {
      const settings = () => vscode.workspace.getConfiguration('enablekit');
      const gh = new LocalGitHub();
      await gh.start();
      try {
        gh.tokens.set(TOKEN, 'lena-trainer');
        await settings().update(
          'repository',
          'acme/training',
          vscode.ConfigurationTarget.Workspace,
        );
        await settings().update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
        await settings().update('token', TOKEN, vscode.ConfigurationTarget.Global);
        await until(
          'the token moved',
          () => settings().inspect('token')?.globalValue === undefined,
        );
        const repo = gh.state.repo('acme', 'training');
        for (const [login, answers] of [
          ['sv-one', [5, 'Mock calls', 'More mocks.']],
          ['sv-two', [3, 'Lessons', null]],
        ] as const) {
          const issue = repo.addIssue(
            progressTitle(login),
            `${progressMarker(login)}\nTraining progress`,
            'github-actions[bot]',
            [PROGRESS_LABEL],
          );
          const record: ProgressRecord = {
            learner: login,
            checkpoint: 'support-feedback',
            kind: 'survey',
            pr: issue.number + 100,
            sha: `sha-${login}`,
            at: '2027-01-20T10:00:00Z',
            passed: false,
            occasion: 'after-1w',
            answers: [...answers],
          };
          repo.comments.push({
            id: gh.state.id(),
            issue: issue.number,
            author: 'github-actions[bot]',
            body: recordComment([record]),
            created_at: '2027-01-20T10:00:00Z',
            updated_at: '2027-01-20T10:00:00Z',
          });
        }
        assert.equal(await vscode.commands.executeCommand('enablekit.showSurveyResults'), true);
        const full = vscode.window.activeTextEditor!.document.getText();
        assert.match(full, /\(after-1w\): 2 responses/);
        assert.match(full, /- @sv-one: More mocks\./);
        const lenses = (
          await vscode.commands.executeCommand<vscode.CodeLens[]>(
            'vscode.executeCodeLensProvider',
            vscode.Uri.file(path),
          )
        ).map((l) => l.command?.title ?? '');
        assert.ok(
          lenses.includes('$(feedback) Responses: during-triage-and-routing: 0 · after-1w: 2'),
          lenses.join('\n'),
        );
        assert.ok(
          lenses.includes(
            '$(graph) during-triage-and-routing: no answers · after-1w: mean 4 (n 2)',
          ),
          lenses.join('\n'),
        );
        assert.ok(
          lenses.includes(
            '$(graph) during-triage-and-routing: no answers · after-1w: Lessons 1, Mock calls 1',
          ),
          lenses.join('\n'),
        );
        assert.ok(
          lenses.includes('$(graph) during-triage-and-routing: no answers · after-1w: 1 written'),
        );
      } finally {
        await settings().update('repository', undefined, vscode.ConfigurationTarget.Workspace);
        await settings().update('githubApiUrl', undefined, vscode.ConfigurationTarget.Global);
        await gh.stop();
        assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
      }
    });
  });
}
