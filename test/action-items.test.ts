import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { learnerSheetText } from '../core/grading/learner-sheet.js';
import { readRecords } from '../core/progress/ledger.js';
import { seal } from '../core/sealing/seal.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { MODULE, tempWorkspace } from './helpers/cli.js';
import { answered, poolQuiz } from './helpers/pool-quiz.js';
import { pullRequestEvent, runAction } from './helpers/run-action.js';

const SECRET = 'correct horse battery staple 42';

describe('item analysis in the Action: graded attempts record each question, the scheduled dashboard names the flagged ones (issue #23, item 3; real bundle, local GitHub API)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('records the letters ticked in the quiz’s own letters (sealed, shuffled), and the scheduled run flags a distractor that outdraws the right answer, naming no letter', async () => {
    // Eight questions, every learner asked all of them, each in an order of their own.
    const sealed = seal('curricula/pool.md', poolQuiz('shuffle_choices: true\n'), SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    const shown = parseFile('curricula/pool.md', sealed.sealedText).model.item as Quiz;
    const workspace = tempWorkspace({
      'curricula/enablekit.yml':
        'version: 1\nroles:\n  support:\n    learners: [ana, bo, cy]\npolicies:\n  pass_mark: 50\n  item_min_answers: 3\n',
      'curricula/m.md': MODULE('m'),
      'curricula/pool.md': sealed.sealedText,
      'curricula/pool.key.yml': sealed.keyText,
    });
    const repo = gh.state.repo('acme', 'training');
    let number = 100;
    const grade = async (login: string, sheet: string) => {
      const sha = `sha-${login}`;
      const path = `submissions/${login}/pool.md`;
      repo.setFiles(sha, { [path]: sheet });
      repo.addPull({
        number: (number += 10),
        author: login,
        title: 'Answers',
        head: { ref: `${login}/pool`, sha },
        base: { ref: 'main', sha: 'base' },
        files: [{ filename: path, status: 'added' }],
      });
      const r = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number, author: login, headSha: sha }),
        inputs: { 'answer-key': SECRET },
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    };
    // ana answers all right; bo and cy tick the first distractor of q1 instead, wherever their sheet listed it.
    await grade('ana', answered(learnerSheetText(shown, 'ana', 1)));
    for (const login of ['bo', 'cy'])
      await grade(
        login,
        answered(learnerSheetText(shown, login, 1))
          .replace('- [x] Right 1\n', '- [ ] Right 1\n')
          .replace('- [ ] Wrong 1a\n', '- [x] Wrong 1a\n'),
      );
    const records = repo.comments
      .flatMap((c) => readRecords(c.body))
      .filter((r) => r.kind === 'quiz' && !r.ref);
    assert.deepEqual(
      records.map((r) => [r.learner, r.items?.q1, r.items?.q8]),
      [
        ['ana', [1, 1, 'b'], [1, 1, 'b,d']],
        ['bo', [0, 1, 'a'], [1, 1, 'b,d']],
        ['cy', [0, 1, 'a'], [1, 1, 'b,d']],
      ],
    );

    // The scheduled run reads the sealed quiz without its key: the right answer is known from the records.
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: { schedule: '0 6 * * 1' },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const dashboard = [...repo.issues.values()].find((i) =>
      i.labels.includes('enablekit:dashboard'),
    )!;
    assert.match(
      dashboard.body,
      /### Questions to review\n\n- Pool, `q1` \(33% right · r = – · n = 3\): a distractor outdraws the right answer: ticked by 2 of 3, the right answer by 1\n/,
    );
    assert.match(
      dashboard.body,
      /- Pool, `q2` \(100% right · r = – · n = 3\): too easy: 3 of 3 right/,
    );
    assert.match(dashboard.body, /No question is flagged on fewer than 3 answers/);
    assert.doesNotMatch(dashboard.body, /distractor a\b/);
    // The whole table in the artifact, with each choice's picks.
    const dir = join(workspace, '.enablekit', 'dashboard');
    assert.ok(existsSync(join(dir, 'items.json')));
    assert.match(
      readFileSync(join(dir, 'items.csv'), 'utf8'),
      /\r\npool,q1,single,3,1,0\.33,,a:2 b:1 c:0 d:0,distractor-outdraws-key\r\n/,
    );
  });
});
