import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { parseFile } from '../core/parse/parse-file.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');

/** One learner's pull request with a right sheet for basics-quiz, graded by the real bundle against `workspace`. */
async function gradeAgainst(workspace: string, sheet?: string) {
  const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
    .model.item as Quiz;
  const gh = new LocalGitHub();
  await gh.start();
  try {
    const repo = gh.state.repo('acme', 'training');
    repo.setFiles('sha-1', {
      'submissions/ana/basics-quiz.md': sheet ?? answerSheetText(quiz, 'ana'),
    });
    repo.addPull({
      number: 3,
      author: 'ana',
      title: 'Answers',
      head: { ref: 'ana/answers', sha: 'sha-1' },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: 'submissions/ana/basics-quiz.md', status: 'added' as const }],
    });
    const run = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', { number: 3, author: 'ana', headSha: 'sha-1' }),
    });
    const comment =
      repo.comments.find((c) => c.issue === 3 && c.body.includes('<!-- enablekit:grade -->'))
        ?.body ?? '';
    const progressIssues = [...repo.issues.values()].filter((i) => !i.isPull).length;
    assert.deepEqual(gh.violations, []);
    return { run, comment, progressIssues };
  } finally {
    await gh.stop();
  }
}

describe('the Action grades only against curricula it can be sure of (real bundle, local GitHub API)', function () {
  this.timeout(120_000);

  it('with no enablekit.yml on the base branch: the learner is told their answers are kept, no attempt is used, and the run fails naming the file to create', async () => {
    const ws = workspaceWith(CURRICULA);
    rmSync(join(ws, 'curricula', 'enablekit.yml'));
    const { run, comment, progressIssues } = await gradeAgainst(ws);
    assert.notEqual(run.code, 0, 'the maintainers must see a failed run');
    assert.match(
      run.stdout + run.stderr,
      /Expected enablekit\.yml in curricula on the base branch; found none\. Create it at the curricula root/,
    );
    assert.match(
      comment,
      /Expected the curricula's enablekit\.yml on the base branch to grade against; found none\..*your answers are kept/,
    );
    assert.doesNotMatch(comment, /Attempt 1|Score/);
    assert.equal(progressIssues, 0, 'no attempt recorded');
  });

  it('with two checkpoints claiming the id: it grades against neither, names both files for the maintainers, and uses no attempt', async () => {
    const ws = workspaceWith(CURRICULA);
    copyFileSync(
      join(ws, 'curricula', 'basics-quiz.md'),
      join(ws, 'curricula', 'basics-quiz-copy.md'),
    );
    const { run, comment, progressIssues } = await gradeAgainst(ws);
    assert.notEqual(run.code, 0);
    assert.match(
      run.stdout + run.stderr,
      /Expected one checkpoint with id "basics-quiz" on the base branch; found 2: .*basics-quiz(-copy)?\.md, .*basics-quiz(-copy)?\.md/,
    );
    assert.match(
      comment,
      /Expected one checkpoint "basics-quiz" on the base branch to grade against; found 2\./,
    );
    assert.equal(progressIssues, 0);
  });

  it('a sheet over 1 MB, which GitHub sends without content, is refused as too large, not as missing', async () => {
    const { run, comment, progressIssues } = await gradeAgainst(
      workspaceWith(CURRICULA),
      `---\ntype: answer-sheet\n---\n${'x'.repeat(1100 * 1024)}\n`,
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      comment,
      /Expected submissions\/ana\/basics-quiz\.md at the head of the pull request to be an answer sheet of at most \d+ KB; found a file of \d+ bytes, too large to read through the API\. Push the sheet again as a plain file\./,
    );
    assert.equal(progressIssues, 0);
  });

  it('still grades the same sheet when the curricula are whole (the control)', async () => {
    const { run, comment, progressIssues } = await gradeAgainst(workspaceWith(CURRICULA));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(comment, /Attempt 1/);
    assert.equal(progressIssues, 1);
  });
});
