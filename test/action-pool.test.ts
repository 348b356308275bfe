import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { learnerSheetText } from '../core/grading/learner-sheet.js';
import { drawnIds } from '../core/grading/quiz-draw.js';
import { readRecords } from '../core/progress/ledger.js';
import { seal } from '../core/sealing/seal.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { MODULE, tempWorkspace } from './helpers/cli.js';
import { answered, poolQuiz } from './helpers/pool-quiz.js';
import { pullRequestEvent, runAction } from './helpers/run-action.js';

const SECRET = 'correct horse battery staple 42';
const SHEET = 'submissions/ana/pool.md';

describe('the Action grades a sealed pooled quiz with shuffled choices (issue #21, item 2; real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  let gh: LocalGitHub;
  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('refuses a forged draw and an old attempt’s sheet, recording nothing; passes the draw of the attempt the records say; a re-run gives the same', async () => {
    const sealed = seal('curricula/pool.md', poolQuiz(), SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    // What the learner has: the sealed quiz, from which take writes their sheet.
    const shown = parseFile('curricula/pool.md', sealed.sealedText).model.item as Quiz;
    const workspace = tempWorkspace({
      // No cooldown, so a retry can follow at once.
      'curricula/enablekit.yml':
        'version: 1\nroles:\n  support:\n    learners: [ana]\npolicies:\n  pass_mark: 80\n  attempts: 3\n  retake_cooldown: 0m\n',
      'curricula/m.md': MODULE('m'),
      'curricula/pool.md': sealed.sealedText,
      'curricula/pool.key.yml': sealed.keyText,
    });
    const repo = gh.state.repo('acme', 'training');
    const records = () =>
      repo.comments.flatMap((c) => readRecords(c.body)).filter((r) => r.kind === 'quiz');
    const comment = () =>
      repo.comments.find((c) => c.issue === 5 && c.body.includes('<!-- enablekit:grade -->'))!.body;
    const grade = async (sha: string, sheet: string, action = 'synchronize') => {
      repo.setFiles(sha, { [SHEET]: sheet });
      const pr = repo.pulls.get(5);
      if (pr) pr.head.sha = sha;
      else
        repo.addPull({
          number: 5,
          author: 'ana',
          title: 'Answers',
          head: { ref: 'ana/pool', sha },
          base: { ref: 'main', sha: 'base' },
          files: [{ filename: SHEET, status: 'added' }],
        });
      const r = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent(action, { number: 5, author: 'ana', headSha: sha }),
        inputs: { 'answer-key': SECRET },
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      return JSON.parse(r.outputs.summary!) as {
        sheets: { refused?: string; percent?: number; passed?: boolean }[];
      };
    };
    const first = drawnIds(shown, 'ana', 1);
    const second = drawnIds(shown, 'ana', 2);
    assert.notDeepEqual(second, first, 'the pinned pool draws anew for attempt 2');

    // Bob's sheet under Ana's name: the draw is Ana's, so its questions are not hers.
    const bobs = answered(learnerSheetText(shown, 'bob', 1)).replace(
      'learner: bob',
      'learner: ana',
    );
    let s = await grade('sha-1', bobs, 'opened');
    assert.equal(s.sheets[0]!.refused, 'other-draw');
    assert.match(
      comment(),
      new RegExp(
        `Expected the sheet of ana's attempt 1 at "Pool" \\(questions ${first.join(', ')}\\); found the sheet of attempt 1 \\(questions ${drawnIds(shown, 'bob', 1).join(', ')}\\)`,
      ),
    );
    assert.match(comment(), /run "enablekit take pool --learner ana --attempt 1"/);
    assert.deepEqual(records(), [], 'a refused sheet records nothing, not even a claim');

    // Attempt 1, the drawn sheet left blank: a counted failure.
    s = await grade('sha-2', learnerSheetText(shown, 'ana', 1));
    assert.equal(s.sheets[0]!.passed, false);
    assert.deepEqual(
      records()
        .filter((r) => !r.ref)
        .map((r) => [r.sha, r.passed, r.attempt]),
      [['sha-2', false, 1]],
    );
    assert.match(
      comment(),
      /Your next attempt draws its own questions: move this sheet away, run `enablekit take pool --learner ana --attempt 2`/,
    );

    // The same draw answered right is attempt 1's sheet, and this is attempt 2: refused.
    s = await grade('sha-3', answered(learnerSheetText(shown, 'ana', 1)));
    assert.equal(s.sheets[0]!.refused, 'other-draw');
    assert.match(comment(), /Expected the sheet of ana's attempt 2 at "Pool"/);
    assert.match(comment(), /enablekit take pool --learner ana --attempt 2/);

    // Attempt 2's own draw, its shuffled choices ticked by their text: passes, out of its three questions.
    const right = answered(learnerSheetText(shown, 'ana', 2));
    s = await grade('sha-4', right);
    assert.equal(s.sheets[0]!.percent, 100);
    assert.equal(s.sheets[0]!.passed, true);
    for (const id of second)
      assert.match(comment(), new RegExp(`\\b${id}\\b|Question ${id.slice(1)}\\?`));
    const results = () =>
      records()
        .filter((r) => !r.ref)
        .map((r) => [r.sha, r.passed, r.percent, r.attempt]);
    assert.deepEqual(results(), [
      ['sha-2', false, 0, 1],
      ['sha-4', true, 100, 2],
    ]);

    // The workflow re-run: the same grade, nothing recorded twice.
    s = await grade('sha-4', right);
    assert.equal(s.sheets[0]!.percent, 100);
    assert.deepEqual(results(), [
      ['sha-2', false, 0, 1],
      ['sha-4', true, 100, 2],
    ]);
  });
});
