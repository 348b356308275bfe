import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPull } from '../core/grading/classify-pull.js';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

describe('a learner cannot be graded once per spelling of their folder', () => {
  it('grades nothing when one pull request adds the same sheet under ANA, ANa, AnA and ana, and says which folder is theirs', () => {
    const files = ['ANA', 'ANa', 'AnA', 'ana'].map((d) => ({
      filename: `submissions/${d}/quiz.md`,
      status: 'added',
    }));
    const plan = classifyPull(files, 'ana', 'submissions', 'curricula');
    assert.deepEqual(
      plan.sheets,
      [{ path: 'submissions/ana/quiz.md', checkpoint: 'quiz' }],
      'only the exact folder is read as a sheet',
    );
    assert.equal(
      plan.refusals.length,
      3,
      'each other spelling is refused, so the pull request is not graded',
    );
    for (const d of ['ANA', 'ANa', 'AnA'])
      assert.ok(
        plan.refusals.some(
          (r) =>
            r.includes(`found submissions/${d}/quiz.md`) &&
            r.includes('spelled exactly as your login, submissions/ana/'),
        ),
        d,
      );
  });

  it('refuses a folder that differs from the login only in case, alone', () => {
    const plan = classifyPull(
      [{ filename: 'submissions/ANA/quiz.md', status: 'added' }],
      'ana',
      'submissions',
      'curricula',
    );
    assert.deepEqual(plan.sheets, []);
    assert.match(
      plan.refusals.join('\n'),
      /Expected your folder spelled exactly as your login, submissions\/ana\/; found submissions\/ANA\/quiz\.md\. Move the sheet to submissions\/ana\/quiz\.md/,
    );
  });

  it('takes a login spelled with capitals only in a folder spelled the same', () => {
    assert.deepEqual(
      classifyPull(
        [{ filename: 'submissions/Ana/quiz.md', status: 'added' }],
        'Ana',
        'submissions',
        'curricula',
      ).refusals,
      [],
    );
    assert.equal(
      classifyPull(
        [{ filename: 'submissions/ana/quiz.md', status: 'added' }],
        'Ana',
        'submissions',
        'curricula',
      ).sheets.length,
      0,
    );
  });

  it('refuses a rename out of a case-variant folder like any other folder', () => {
    const plan = classifyPull(
      [
        {
          filename: 'submissions/ana/quiz.md',
          status: 'renamed',
          previous: 'submissions/Ana/quiz.md',
        },
      ],
      'ana',
      'submissions',
      'curricula',
    );
    assert.match(plan.refusals.join('\n'), /moved from submissions\/Ana\/quiz\.md/);
  });

  it('keeps one sheet per checkpoint in a run, whatever the listing holds', () => {
    const plan = classifyPull(
      [
        { filename: 'submissions/ana/quiz.md', status: 'added' },
        { filename: 'submissions/ana/quiz.md', status: 'modified' },
      ],
      'ana',
      'submissions',
      'curricula',
    );
    assert.equal(plan.sheets.length, 1);
    assert.match(
      plan.refusals.join('\n'),
      /Expected one answer sheet per checkpoint in a pull request; found submissions\/ana\/quiz\.md a second time for "quiz"/,
    );
  });
});

describe("the Action grades no sheet of a pull request that spells the learner's folder four ways (real bundle, local GitHub API)", function () {
  this.timeout(120_000);

  it('refuses the pull request as a whole: nothing graded, no attempt used, no answer shown', async () => {
    const curricula = join(ROOT, 'test', 'fixtures', 'action-curricula');
    const quiz = parseFile(
      'basics-quiz.md',
      readFileSync(join(curricula, 'basics-quiz.md'), 'utf8'),
    ).model.item as Quiz;
    const gh = new LocalGitHub();
    await gh.start();
    try {
      const repo = gh.state.repo('acme', 'training');
      const folders = ['ANA', 'ANa', 'AnA', 'ana'];
      repo.setFiles(
        'sha-1',
        Object.fromEntries(
          folders.map((d) => [
            `submissions/${d}/basics-quiz.md`,
            answerSheetText(quiz, 'ana').replace('- [ ] Incident', '- [x] Incident'),
          ]),
        ),
      );
      repo.addPull({
        number: 7,
        author: 'ana',
        title: 'Answers',
        head: { ref: 'ana/answers', sha: 'sha-1' },
        base: { ref: 'main', sha: 'base' },
        files: folders.map((d) => ({
          filename: `submissions/${d}/basics-quiz.md`,
          status: 'added' as const,
        })),
      });
      const r = await runAction({
        apiUrl: gh.url,
        workspace: workspaceWith(curricula),
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number: 7, author: 'ana', headSha: 'sha-1' }),
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const summary = JSON.parse(r.outputs.summary!);
      assert.equal(summary.graded, 0);
      assert.deepEqual(summary.sheets, []);
      assert.equal(summary.refusals.length, 3);
      const comment = repo.comments.find(
        (c) => c.issue === 7 && c.body.includes('<!-- enablekit:grade -->'),
      )!.body;
      assert.match(comment, /spelled exactly as your login/);
      assert.doesNotMatch(comment, /X-Request-Id|Attempt 1/);
      assert.equal(
        [...repo.issues.values()].filter((i) => !i.isPull).length,
        0,
        'no progress issue: no attempt recorded',
      );
      assert.deepEqual(gh.violations, []);
    } finally {
      await gh.stop();
    }
  });
});
