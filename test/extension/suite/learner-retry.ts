import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LocalGitHub } from '../../github-api/server.js';
import { activated } from './helpers.js';
import { lensTitles } from './learner.js';
import { watchNotifications } from './notifications.js';
import {
  PROGRESS_LABEL,
  progressMarker,
  progressTitle,
  recordComment,
} from '../../../core/progress/ledger.js';

/** A port nothing listens on: the connection is refused, as when a proxy or the network is down. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * What a learner does when something fails half-way: the network drops during a submit,
 * they run Submit again (still offline, then online); and what becomes of their GitHub
 * token (an old plain-text setting, forgetting it). Runs after the learner suite, on the
 * sheet and branches it left.
 */
export function registerLearnerRetrySuite(folder: string): void {
  const quiz = vscode.Uri.file(join(folder, 'curricula', 'support-onboarding', 'triage-quiz.md'));
  const sheetPath = join(folder, 'submissions', 'ana-support', 'triage-quiz.md');
  const sheet = vscode.Uri.file(sheetPath);
  const remote = join(folder, '..', 'remote.git');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  const settings = () => vscode.workspace.getConfiguration('enablekit');
  const apiAt = (url: string) =>
    settings().update('githubApiUrl', url, vscode.ConfigurationTarget.Global);
  const submit = () =>
    vscode.commands.executeCommand<{ branch: string; number: number; outcome: string } | undefined>(
      'enablekit.submitCheckpoint',
      sheet,
    );
  const OLD_TOKEN = `ghp_${'b'.repeat(36)}`;
  let api!: Awaited<ReturnType<typeof activated>>;
  /** The triage quiz's row in the Curricula view, as it is drawn now. */
  const quizInTree = (): vscode.TreeItem => {
    type Node = ReturnType<typeof api.tree.getChildren>[number];
    const walk = (nodes: Node[]): Node | undefined => {
      for (const n of nodes) {
        if (n.kind === 'item' && n.item.id === 'triage-quiz') return n;
        const inner = walk(api.tree.getChildren(n));
        if (inner) return inner;
      }
      return undefined;
    };
    return api.tree.getTreeItem(walk(api.tree.getChildren())!);
  };
  let gh: LocalGitHub;
  let seen: ReturnType<typeof watchNotifications>;

  describe('learning in VS Code: retries and the GitHub token', () => {
    before(async () => {
      api = await activated();
      gh = new LocalGitHub();
      await gh.start();
      const repo = gh.state.repo('acme', 'training');
      // The learner suite's pull requests (#1, #2) were on another server: numbers here
      // start after them, as they would on one repository.
      for (let n = 1; n < 10; n++) repo.addIssue(`Earlier issue ${n}`, '', 'someone', []);
      gh.tokens.set(OLD_TOKEN, 'ana-support');
      seen = watchNotifications();
    });
    after(async () => {
      seen.dispose();
      // A failed test may have left the unreachable push address behind.
      try {
        git('config', '--unset-all', 'remote.origin.pushurl');
      } catch {
        /* not set: the test restored it */
      }
      await gh.stop();
      assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
    });

    it('a token in the old plain-text setting enablekit.token moves into secret storage once, and is used', async () => {
      const from = seen.shown.length;
      // An old guide said to put the token in the settings.
      await settings().update('token', OLD_TOKEN, vscode.ConfigurationTarget.Global);
      assert.match(
        (await seen.next(/enablekit\.token/, from)).text,
        /your GitHub token moved from the setting enablekit\.token \(plain text in settings\.json\) into VS Code's secret storage/,
      );
      assert.equal(settings().inspect('token')?.globalValue, undefined, 'gone from the settings');
      // This server knows only the moved token: the pull request below is opened with it.
    });

    it('a failed submit is retried: offline, it keeps the commit and says so in plain words; run again offline, it does not commit again; online, it pushes and opens the pull request for the sheet committed first', async () => {
      git('checkout', '-q', 'main');
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
      const branch = 'enablekit/ana-support/triage-quiz-attempt-3';
      const commits = () => git('rev-list', '--count', `main..${branch}`);
      const failed = async (what: RegExp) => {
        const from = seen.shown.length;
        assert.equal(await submit(), undefined);
        const said = await seen.next(what, from);
        assert.equal(said.kind, 'error');
        assert.doesNotMatch(
          said.text,
          /bad port|ECONNREFUSED|Failed to execute git|fatal:|could not commit/i,
          said.text,
        );
        assert.ok(existsSync(sheetPath), 'the sheet stays on disk');
        return said.text;
      };

      // Offline: neither the git remote nor GitHub answers (port 9 is one fetch refuses: "bad port").
      git('remote', 'set-url', '--push', 'origin', 'http://127.0.0.1:9/remote.git');
      await apiAt('http://127.0.0.1:9');
      const first = await failed(/could not be pushed/);
      assert.match(
        first,
        new RegExp(
          `your answers are committed on branch ${branch}, but could not be pushed: the remote "origin" could not be reached: .+\\. Nothing is lost: when that is fixed, run Submit checkpoint again; it pushes this commit and opens the pull request, without committing again\\.`,
        ),
      );
      assert.equal(commits(), '1');
      assert.deepEqual(seen.progress.at(-1)?.steps, [
        `committing your answer sheet on ${branch}…`,
        `pushing ${branch} to origin…`,
      ]);
      assert.ok(
        (await lensTitles(sheet)).includes(
          `$(warning) Committed on ${branch}, not submitted yet: Submit checkpoint again`,
        ),
      );

      // Run again, still offline: the same message, not "could not commit", and no second commit.
      assert.equal(await failed(/could not be pushed/), first);
      assert.equal(commits(), '1');
      assert.deepEqual(seen.progress.at(-1)?.steps, [`pushing ${branch} to origin…`]);

      // The remote answers again, GitHub does not yet.
      git('config', '--unset-all', 'remote.origin.pushurl');
      const noPr = await failed(/pull request could not be opened/);
      assert.match(
        noPr,
        new RegExp(
          `committed and pushed on branch ${branch}, but the pull request could not be opened: GitHub \\(127\\.0\\.0\\.1:9\\) could not be reached: its address uses a port that web requests may not use \\(check enablekit\\.githubApiUrl\\)\\. Nothing is lost`,
        ),
      );
      assert.equal(
        git('--git-dir', remote, 'show', `${branch}:submissions/ana-support/triage-quiz.md`),
        readFileSync(sheetPath, 'utf8').trim(),
        'pushed',
      );
      const port = await closedPort();
      await apiAt(`http://127.0.0.1:${port}`);
      assert.match(
        await failed(/pull request could not be opened/),
        new RegExp(
          `GitHub \\(127\\.0\\.0\\.1:${port}\\) could not be reached: the connection was refused`,
        ),
      );
      assert.deepEqual(
        seen.progress.at(-1)?.steps,
        ['opening the pull request…'],
        'nothing to push',
      );
      assert.equal(commits(), '1');

      // Online: the same commit's pull request opens, into the branch the learner started from.
      await apiAt(gh.url);
      const from = seen.shown.length;
      const done = await submit();
      assert.deepEqual([done?.branch, done?.outcome], [branch, 'opened']);
      assert.equal(commits(), '1', 'committed once');
      const pull = gh.state.repo('acme', 'training').pulls.get(done!.number)!;
      assert.deepEqual(
        [pull.head.ref, pull.base.ref, pull.author],
        [branch, 'main', 'ana-support'],
      );
      assert.match(
        (await seen.next(/pull request #/, from)).text,
        /submitted: pull request #\d+ is open/,
      );
      const waiting = `$(git-pull-request) Submitted · pull request #${done!.number} · waiting for its grade`;
      assert.ok((await lensTitles(sheet)).includes(waiting));
      assert.match(
        String(quizInTree().description),
        new RegExp(`^quiz · submitted · pull request #${done!.number}\\b`),
        'the Curricula view says so too',
      );

      // Once more: it is submitted already, and says so.
      const again = seen.shown.length;
      assert.deepEqual([(await submit())?.outcome, commits()], ['unchanged', '1']);
      assert.match((await seen.next(/pull request #/, again)).text, /submitted already/);

      // Graded: the grade replaces "Submitted".
      const repo = gh.state.repo('acme', 'training');
      const issue = repo.addIssue(
        progressTitle('ana-support'),
        `${progressMarker('ana-support')}\nTraining progress`,
        'github-actions[bot]',
        [PROGRESS_LABEL],
      );
      const at = '2026-11-22T10:00:00Z';
      repo.comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: 'github-actions[bot]',
        body: recordComment([
          {
            learner: 'ana-support',
            checkpoint: 'triage-quiz',
            kind: 'quiz',
            pr: done!.number,
            sha: 'd4',
            at,
            passed: true,
            percent: 100,
            attempt: 1,
          },
        ]),
        created_at: at,
        updated_at: at,
      });
      assert.equal(await vscode.commands.executeCommand('enablekit.refreshProgress'), true);
      const titles = await lensTitles(sheet);
      assert.ok(!titles.includes(waiting), titles.join(' | '));
      assert.ok(
        titles.some((t) => t.includes(`pull request #${done!.number}`)),
        titles.join(' | '),
      );
      assert.match(String(quizInTree().description), /^quiz · passed\b/);
      assert.equal((quizInTree().iconPath as vscode.ThemeIcon).id, 'pass-filled');
    });

    it('"Forget GitHub token" removes it: the next submit asks again and commits nothing', async () => {
      const from = seen.shown.length;
      assert.equal(await vscode.commands.executeCommand('enablekit.forgetGitHubToken'), true);
      assert.match((await seen.next(/forgotten/, from)).text, /removed from secret storage/);
      const editor = await vscode.window.showTextDocument(sheet);
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      const head = git('rev-parse', 'HEAD');
      const asked = seen.shown.length;
      const submitting = submit();
      assert.match((await seen.next(/could not submit/, asked)).text, /no GitHub token is set/);
      // The learner closes the message.
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.equal(await submitting, undefined);
      assert.equal(git('rev-parse', 'HEAD'), head, 'nothing committed');
    });
  });
}
