import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated, until } from './helpers.js';
import { answering, watchNotifications } from './notifications.js';
import { poolQuiz } from '../../helpers/pool-quiz.js';
import { parseFile } from '../../../core/parse/parse-file.js';
import { drawnIds } from '../../../core/grading/quiz-draw.js';
import { learnerSheetText } from '../../../core/grading/learner-sheet.js';
import type { Quiz } from '../../../core/model.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';

const LOGIN = 'cara-support';
const TOKEN = `ghp_${'c'.repeat(36)}`;

/**
 * A learner taking a pooled quiz with shuffled choices (issue #21, item 2): "Take checkpoint"
 * writes the sheet of their own draw, and after a failed attempt the next attempt's draw.
 */
export function registerLearnerPoolSuite(folder: string): void {
  const rel = join('curricula', 'support-onboarding', 'pool-quiz.md');
  const source = poolQuiz('draw: 3\nshuffle_choices: true\n', 'pool-quiz').replace(
    'module: m',
    'module: triage-and-routing',
  );
  const quizUri = vscode.Uri.file(join(folder, rel));
  const sheetPath = join(folder, 'submissions', LOGIN, 'pool-quiz.md');
  const settings = () => vscode.workspace.getConfiguration('enablekit');
  const quiz = parseFile(rel, source).model.item as Quiz;
  let gh: LocalGitHub;
  let login: string | undefined;
  let apiUrl: string | undefined;

  describe('a pooled quiz in VS Code (take draws the learner’s questions)', () => {
    before(async () => {
      gh = new LocalGitHub();
      await gh.start();
      gh.state.repo('acme', 'training');
      gh.tokens.set(TOKEN, LOGIN);
      login = settings().get<string>('login');
      apiUrl = settings().inspect<string>('githubApiUrl')?.globalValue;
      await settings().update('login', LOGIN, vscode.ConfigurationTarget.Workspace);
      await settings().update('repository', 'acme/training', vscode.ConfigurationTarget.Workspace);
      await settings().update('githubApiUrl', gh.url, vscode.ConfigurationTarget.Global);
      mkdirSync(join(folder, 'curricula', 'support-onboarding'), { recursive: true });
      writeFileSync(join(folder, rel), source);
    });
    after(async () => {
      rmSync(join(folder, rel), { force: true });
      rmSync(join(folder, 'submissions', LOGIN), { recursive: true, force: true });
      // Closed once deleted: the workspace reads the file again, finds it gone and drops it.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      await vscode.commands.executeCommand('enablekit.forgetGitHubToken');
      await settings().update('login', login || undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('githubApiUrl', apiUrl, vscode.ConfigurationTarget.Global);
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
      // Suites after this one see the sample as it was: the quiz deleted on disk is dropped.
      const api = await activated();
      await until('the pooled quiz dropped', () =>
        api.workspace.lintSession?.index.itemsWithId('pool-quiz').length ? undefined : true,
      );
    });

    const take = async () => {
      const api = await activated();
      // The author has the quiz open, as after writing it.
      await vscode.window.showTextDocument(quizUri);
      await until('the pooled quiz indexed', () =>
        api.workspace.lintSession?.index.itemsWithId('pool-quiz').length ? true : undefined,
      );
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quizUri);
      await until(
        'the sheet in the editor',
        () => vscode.window.activeTextEditor?.document.uri.fsPath === sheetPath,
      );
      return { api, text: readFileSync(sheetPath, 'utf8') };
    };

    it('writes the sheet of the learner’s first draw: three of eight questions, choices shuffled, the draw recorded', async () => {
      const { api, text } = await take();
      const drawn = drawnIds(quiz, LOGIN, 1);
      assert.match(text, new RegExp(`\nattempt: 1\ndrawn: \\[${drawn.join(', ')}\\]\n---\n`));
      assert.deepEqual(
        [...text.matchAll(/question id=(\w+)/g)].map((m) => m[1]),
        drawn,
      );
      // Exactly what the CLI writes: the same core code, the same seed.
      assert.equal(text, learnerSheetText(quiz, LOGIN, 1));
      await until(
        'the count of the drawn questions',
        () => api.sheetStatus.item.text === '$(checklist) 0 of 3 answered',
      );
    });

    it('after a failed attempt the progress records show, the next sheet is attempt 2’s draw', async () => {
      await vscode.env.clipboard.writeText(TOKEN);
      await answering(vscode.commands.executeCommand('enablekit.setGitHubToken'));
      const repo = gh.state.repo('acme', 'training');
      const issue = repo.addIssue(
        progressTitle(LOGIN),
        `${progressMarker(LOGIN)}\nTraining progress`,
        'github-actions[bot]',
        [PROGRESS_LABEL],
      );
      const at = '2026-11-20T10:00:00Z';
      repo.comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: 'github-actions[bot]',
        body: recordComment([
          {
            learner: LOGIN,
            checkpoint: 'pool-quiz',
            kind: 'quiz',
            pr: 1,
            sha: 'a1',
            at,
            passed: false,
            percent: 33.3,
            attempt: 1,
          },
        ]),
        created_at: at,
        updated_at: at,
      });
      assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), true);
      // Taken again with attempt 1's sheet still there: kept, and the learner told why it is not a new draw.
      const kept = readFileSync(sheetPath, 'utf8');
      const seen = watchNotifications();
      try {
        await take();
        const note = await seen.next(/your next/);
        assert.equal(
          note.text,
          'enablekit: Expected your sheet of "Pool" to be for attempt 2, your next; found the one made for attempt 1, kept as it is. Each attempt draws its own questions: move that sheet away, then Take checkpoint again.',
        );
      } finally {
        seen.dispose();
      }
      assert.equal(readFileSync(sheetPath, 'utf8'), kept);
      rmSync(sheetPath);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const { text } = await take();
      const second = drawnIds(quiz, LOGIN, 2);
      assert.notDeepEqual(second, drawnIds(quiz, LOGIN, 1));
      assert.match(text, new RegExp(`\nattempt: 2\ndrawn: \\[${second.join(', ')}\\]\n---\n`));
      assert.equal(text, learnerSheetText(quiz, LOGIN, 2));
    });
  });
}
