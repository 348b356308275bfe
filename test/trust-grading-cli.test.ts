import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { cli, ROOT, tempWorkspace } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const MODULE = '---\ntype: module\nid: audit\ntitle: Audit\nowner: alice\n---\n# Audit\n';
const question = (i: number) =>
  `## Question ${i}: which header carries the request id in the long-form audit export?\n<!-- question id=q${i} type=text -->\n\nAccepted answers:\n\n- \`X-Request-Id\`\n`;
const BIG_QUIZ = `---\ntype: quiz\nid: big-quiz\ntitle: Big quiz\nmodule: audit\nowner: alice\npass_mark: 50\n---\n# Big quiz\n\n${Array.from({ length: 150 }, (_, i) => question(i + 1)).join('\n')}`;

describe('strict grading through the built CLI and the Action (issue #17)', function () {
  this.timeout(60_000);

  it('grades the sheet "take" wrote for a 150-question quiz, answered at length, instead of refusing it as too big', () => {
    const dir = tempWorkspace({
      'curricula/enablekit.yml': 'version: 1\n',
      'curricula/audit.md': MODULE,
      'curricula/big-quiz.md': BIG_QUIZ,
    });
    const take = cli(['take', 'big-quiz', '--learner', 'ana'], dir);
    assert.equal(take.code, 0, take.stdout + take.stderr);
    const path = join(dir, 'submissions', 'ana', 'big-quiz.md');
    let n = 0;
    // Every other answer right; the rest just under the graded maximum of 500 characters, 2 bytes each.
    const answered = readFileSync(path, 'utf8').replace(/Answer: \n/g, () =>
      n++ % 2 ? `Answer: ${'é'.repeat(499)}\n` : 'Answer: X-Request-Id\n',
    );
    assert.ok(
      Buffer.byteLength(answered) > 64 * 1024,
      `the sheet is ${Buffer.byteLength(answered)} bytes`,
    );
    writeFileSync(path, answered);
    const r = cli(['grade', 'submissions/ana/big-quiz.md', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const g = JSON.parse(r.stdout);
    assert.equal(g.questions.length, 150);
    assert.equal(g.percent, 50);
  });

  it('grade refuses a sheet that gives a question twice, naming the file and line', () => {
    const dir = tempWorkspace({
      'curricula/enablekit.yml': 'version: 1\n',
      'curricula/audit.md': MODULE,
      'curricula/big-quiz.md': BIG_QUIZ,
    });
    assert.equal(cli(['take', 'big-quiz', '--learner', 'ana'], dir).code, 0);
    const path = join(dir, 'submissions', 'ana', 'big-quiz.md');
    const sheet = readFileSync(path, 'utf8').replace(/Answer: \n/g, 'Answer: X-Request-Id\n');
    writeFileSync(
      path,
      `${sheet}\n${question(3).replace(/Accepted answers:\n\n- `X-Request-Id`\n/, 'Answer: a second go\n')}`,
    );
    const r = cli(['grade', 'submissions/ana/big-quiz.md'], dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^Not graded: submissions\/ana\/big-quiz\.md: line \d+: Expected question "q3" once in the sheet; found it again here, after line \d+\./,
    );
  });

  describe('the Action', () => {
    let gh: LocalGitHub;
    const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
    const quiz = parseFile(
      'basics-quiz.md',
      readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'),
    ).model.item as Quiz;
    const RIGHT = (learner: string) =>
      answerSheetText(quiz, learner)
        .replace('- [ ] Incident', '- [x] Incident')
        .replace('Answer: ', 'Answer: X-Request-Id');
    const SHEET = 'submissions/ana/basics-quiz.md';

    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
    });
    afterEach(async () => {
      await gh.stop();
      assert.deepEqual(gh.violations, []);
    });

    async function submit(sheet: string, number: number) {
      const repo = gh.state.repo('acme', 'training');
      const head = `sha-${number}`;
      repo.setFiles(head, { [SHEET]: sheet });
      repo.addPull({
        number,
        author: 'ana',
        title: 'Answers',
        head: { ref: 'ana/answers', sha: head },
        base: { ref: 'main', sha: 'base-sha' },
        files: [{ filename: SHEET, status: 'added' }],
      });
      const r = await runAction({
        apiUrl: gh.url,
        workspace: workspaceWith(CURRICULA),
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number, author: 'ana', headSha: head, labels: [] }),
        inputs: { progress: 'false' },
      });
      assert.equal(r.code, 0, r.stderr);
      return { r, body: repo.comments.filter((c) => c.issue === number)[0]!.body };
    }

    it('refuses a learner field that is not the folder exactly, and a sheet with a question twice, with no grade and no attempt used', async () => {
      const cased = await submit(RIGHT('Ana'), 7);
      assert.match(
        cased.body,
        /Expected learner: ana, the name of the sheet's folder \(submissions\/&#60;login&#62;\/\); found learner: Ana\./,
      );
      assert.equal(cased.r.outputs.graded, '0');

      const twice = await submit(
        `${RIGHT('ana')}\n## Which queue takes P1 tickets?\n<!-- question id=p1 type=single -->\n\n- [x] Tier 1\n- [ ] Incident\n`,
        8,
      );
      assert.match(
        twice.body,
        /submissions\/ana\/basics-quiz\.md: line \d+: Expected question "p1" once in the sheet/,
      );
      assert.doesNotMatch(twice.body, /Passed|%/);
      assert.equal(twice.r.outputs.graded, '0');
      assert.doesNotMatch(twice.body, /"records":\[\{/, 'no attempt recorded');
    });
  });
});
