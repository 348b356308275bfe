import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const RIGHT = answerSheetText(quiz, 'ana')
  .replace('- [ ] Incident', '- [x] Incident')
  .replace('Answer: ', 'Answer: X-Request-Id');
const WRONG = answerSheetText(quiz, 'ana')
  .replace('- [ ] Tier 1', '- [x] Tier 1')
  .replace('Answer: ', 'Answer: trace id');
const SHEET = 'submissions/ana/basics-quiz.md';
const WRITES = [
  'issues/add-labels',
  'issues/remove-label',
  'issues/update-comment',
  'issues/create-comment',
];

describe('what a re-run writes: state from GitHub as it is now, never an older result over a newer one (real bundle, local GitHub API)', function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  /** Push `sheet` as the pull request's head `sha`; returns the event GitHub sent for it, frozen as a re-run replays it. */
  function push(sha: string, sheet: string, action: string) {
    repo().setFiles(sha, { [SHEET]: sheet });
    const files = [{ filename: SHEET, status: 'added' as const }];
    const existing = repo().pulls.get(5);
    if (existing) {
      existing.head.sha = sha;
      existing.files = files;
    } else
      repo().addPull({
        number: 5,
        author: 'ana',
        title: 'Answers',
        head: { ref: 'ana/answers', sha },
        base: { ref: 'main', sha: 'base-sha' },
        files,
      });
    return pullRequestEvent(action, {
      number: 5,
      author: 'ana',
      headSha: sha,
      labels: repo().issues.get(5)?.labels ?? [],
    });
  }
  const run = (payload: unknown) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload,
      inputs: { progress: 'false' },
    });
  const writesSince = (from: number) =>
    gh.calls
      .slice(from)
      .map((c) => c.operationId)
      .filter((op) => op !== undefined && WRITES.includes(op));

  it('the same event re-run twice writes no label and no comment, though its payload has no label', async () => {
    const opened = push('sha-1', WRONG, 'opened');
    const first = await run(opened);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:failed']);
    const body = repo().comments[0]!.body;
    for (const attempt of [2, 3]) {
      const before = gh.calls.length;
      const r = await run(opened);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual(writesSince(before), [], `re-run ${attempt}`);
      assert.equal(repo().comments.length, 1);
      assert.equal(repo().comments[0]!.body, body);
      assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:failed']);
    }
  });

  it('push A graded, push B graded, re-run A: the comment still shows B and the label is B’s; A gets its own check run', async () => {
    const a = push('sha-1', WRONG, 'opened');
    assert.equal((await run(a)).code, 0);
    // The first attempt two hours ago, past the 1h cooldown.
    const c = repo().comments[0]!;
    c.body = c.body.replace(/"at":"[^"]+"/, '"at":"2020-01-01T00:00:00Z"');
    const b = push('sha-2', RIGHT, 'synchronize');
    const second = await run(b);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const shown = repo().comments[0]!.body;
    assert.match(shown, /Attempt 2 of 3/);
    assert.match(shown, /Passed: 100%/);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);

    const before = gh.calls.length;
    const rerun = await run(a);
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.deepEqual(writesSince(before), [], 'neither the comment nor the label is touched');
    assert.equal(repo().comments.length, 1);
    assert.equal(repo().comments[0]!.body, shown);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);
    assert.match(
      rerun.stdout,
      /Expected sha-1 to be the newest push graded on #5; found its comment already showing sha-2, a later one/,
    );
    const forA = repo().checkRuns.filter((r) => r.head_sha === 'sha-1');
    assert.ok(forA.length >= 1);
    assert.equal(forA.at(-1)!.conclusion, 'failure', "A's check run keeps A's result");
    assert.equal(
      repo()
        .checkRuns.filter((r) => r.head_sha === 'sha-2')
        .at(-1)!.conclusion,
      'success',
    );
  });
  it('a label a person took off is no failure when the next push changes it', async () => {
    assert.equal((await run(push('sha-1', WRONG, 'opened'))).code, 0);
    repo().issues.get(5)!.labels = [];
    const c = repo().comments[0]!;
    c.body = c.body.replace(/"at":"[^"]+"/, '"at":"2020-01-01T00:00:00Z"');
    const r = await run(push('sha-2', RIGHT, 'synchronize'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);
  });
  it("runs finishing out of order: B's push replaced A, so A's run finishing after B's leaves B shown", async () => {
    const a = push('sha-1', WRONG, 'opened');
    const b = push('sha-2', RIGHT, 'synchronize');
    b.before = 'sha-1';
    assert.equal((await run(b)).code, 0);
    const shown = repo().comments[0]!.body;
    assert.match(shown, /Passed: 100%/);
    const before = gh.calls.length;
    const late = await run(a);
    assert.equal(late.code, 0, late.stdout + late.stderr);
    assert.deepEqual(writesSince(before), []);
    assert.equal(repo().comments[0]!.body, shown);
    assert.deepEqual(repo().issues.get(5)!.labels, ['checkpoint:passed']);
  });
});
