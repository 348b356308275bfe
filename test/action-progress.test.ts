import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readRecords } from '../core/progress/ledger.js';
import { recordKey } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const RIGHT = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('Answer: ', 'Answer: X-Request-Id');
const WRONG = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Tier 1', '- [x] Tier 1')
    .replace('Answer: ', 'Answer: trace id');

describe("the GitHub Action records progress in each learner's issue (real bundle, local GitHub API)", function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssues = (login: string) =>
    [...repo().issues.values()].filter(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  /** Results (and refusals) recorded: an attempt's claim, stored before its result, is left out. */
  const recordsOf = (login: string) =>
    repo()
      .comments.filter((c) => progressIssues(login).some((i) => i.number === c.issue))
      .flatMap((c) => readRecords(c.body))
      .filter((r) => r.ref !== 'claim');
  const pull = (number: number, author: string, sheet: string, sha: string) => {
    repo().setFiles(sha, { [`submissions/${author}/basics-quiz.md`]: sheet });
    const existing = repo().pulls.get(number);
    if (existing) {
      existing.head.sha = sha;
      return existing;
    }
    return repo().addPull({
      number,
      author,
      title: 'Answers',
      head: { ref: `${author}/answers-${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/basics-quiz.md`, status: 'added' }],
    });
  };
  const grade = (p: { number: number; author: string; head: { sha: string } }, action = 'opened') =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
      }),
    });
  /**
   * Pretend two hours (past the retake cooldown) passed since every earlier attempt. Each
   * ageing moves all records back, so they stay as far apart as runs that waited: attempts
   * are counted from the stored records, and two failures at one instant would be one inside the other's cooldown.
   */
  const ageRecords = () =>
    repo().comments.forEach(
      (c) =>
        (c.body = c.body.replace(
          /"at":"([^"]+)"/g,
          (_, at: string) =>
            `"at":"${new Date(Date.parse(at) - 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`,
        )),
    );

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it("opens the learner's progress issue on their first result, appends the record as its own comment, and shows it in the body", async () => {
    const r = await grade(pull(500, 'ana', RIGHT('ana'), 'sha-1'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const [issue] = progressIssues('ana');
    assert.ok(issue, 'a progress issue');
    assert.equal(issue.title, 'Training progress: @ana');
    assert.deepEqual(
      issue.labels,
      ['enablekit:progress', 'enablekit:track-complete'],
      'the pass completed the track',
    );
    assert.match(
      repo()
        .comments.filter((c) => c.issue === issue.number)
        .at(-1)!.body,
      /## 🎓 Report card: Support basics[\s\S]*\| Basics \| Basics quiz \(quiz\) \| passed \| 100% \| 1 \|/,
    );
    assert.match(issue.body, /Training progress of @ana \(support\)/);
    assert.match(issue.body, /\| Basics \| ✅ passed \|/);
    assert.deepEqual(
      recordsOf('ana').map((x) => [x.checkpoint, x.pr, x.sha, x.passed, x.percent, x.attempt]),
      [['basics-quiz', 500, 'sha-1', true, 100, 1]],
    );
  });

  it('counts attempts across pull requests: a new pull request does not reset them', async () => {
    assert.equal((await grade(pull(500, 'ana', WRONG('ana'), 'sha-1'))).code, 0);
    ageRecords();
    const second = await grade(pull(600, 'ana', WRONG('ana'), 'sha-2'));
    assert.equal(JSON.parse(second.outputs.summary!).sheets[0].attempt, 2);
    ageRecords();
    assert.equal(
      JSON.parse((await grade(pull(700, 'ana', WRONG('ana'), 'sha-3'))).outputs.summary!).sheets[0]
        .attempt,
      3,
    );
    ageRecords();
    const fourth = await grade(pull(800, 'ana', RIGHT('ana'), 'sha-4'));
    assert.equal(JSON.parse(fourth.outputs.summary!).sheets[0].refused, 'no-attempts-left');
    assert.equal(recordsOf('ana').length, 3);
    assert.match(progressIssues('ana')[0]!.body, /🔁 not passed yet .*3 attempts/);
  });

  it('a re-run adds no record; records written by anyone else are ignored, and edited ones flagged, their attempt counted as not passed', async () => {
    const p = pull(500, 'ana', WRONG('ana'), 'sha-1');
    await grade(p);
    const comments = repo().comments.length;
    await grade(p, 'synchronize');
    assert.equal(repo().comments.length, comments, 're-run adds nothing');

    const issue = progressIssues('ana')[0]!;
    const forged = {
      learner: 'ana',
      checkpoint: 'basics-quiz',
      kind: 'quiz',
      pr: 99,
      sha: 'forged',
      at: '2020-01-01T00:00:00Z',
      passed: true,
      percent: 100,
    };
    repo().comments.push({
      id: 77,
      issue: issue.number,
      author: 'ana',
      body: `<!-- enablekit:record ${JSON.stringify(forged)} -->`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    });
    const own = repo().comments.find(
      (c) =>
        c.issue === issue.number &&
        readRecords(c.body)[0]?.sha === 'sha-1' &&
        !readRecords(c.body)[0]?.ref,
    )!;
    own.body = own.body.replace('"passed":false', '"passed":true');
    own.updated_at = '2030-01-01T00:00:00Z';
    ageRecords();
    const r = await grade(pull(600, 'ana', WRONG('ana'), 'sha-2'));
    assert.equal(
      JSON.parse(r.outputs.summary!).sheets[0].attempt,
      2,
      'the forged record is no attempt; the edited one is still an attempt',
    );
    assert.doesNotMatch(
      progressIssues('ana')[0]!.body,
      /✅ passed/,
      'the pass written into the edited record is not trusted',
    );
    assert.match(progressIssues('ana')[0]!.body, /2 records were ignored/);
    assert.match(progressIssues('ana')[0]!.body, /not written by enablekit/);
    assert.match(progressIssues('ana')[0]!.body, /: edited/);
  });

  it('a run that failed before recording is made good by its re-run, with the attempt it graded', async () => {
    const p = pull(500, 'ana', WRONG('ana'), 'sha-1');
    gh.fault({ status: 500, times: 4, match: /^POST \/repos\/acme\/training\/issues$/ });
    const failed = await grade(p);
    assert.equal(failed.code, 1, 'GitHub kept failing while opening the progress issue');
    assert.equal(recordsOf('ana').length, 0);
    const rerun = await grade(p, 'synchronize');
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.deepEqual(
      recordsOf('ana').map((x) => [x.sha, x.attempt]),
      [['sha-1', 1]],
    );
  });

  it('20 concurrent grading runs with 5xx and rate-limit faults end with every record present exactly once; a rebuild then equals the bodies', async () => {
    // No cooldown, and two sheets that do not pass: both of a learner's racing attempts count in
    // either stored order (after a pass a further sheet is practice, not an attempt: issue #19),
    // so each must be there exactly once.
    writeFileSync(
      join(workspace, 'curricula', 'enablekit.yml'),
      readFileSync(join(workspace, 'curricula', 'enablekit.yml'), 'utf8').replace(
        'retake_cooldown: 1h',
        'retake_cooldown: 0m',
      ),
    );
    const learners = Array.from({ length: 10 }, (_, k) => `learner-${k}`);
    const pulls = learners.flatMap((l, k) => [
      pull(100 + 2 * k, l, WRONG(l), `sha-${l}-a`),
      pull(101 + 2 * k, l, WRONG(l), `sha-${l}-b`),
    ]);
    gh.fault({
      status: 502,
      times: 3,
      match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
    });
    gh.fault({ status: 500, times: 2, match: /^GET \/repos\/acme\/training\/issues$/ });
    gh.fault({
      status: 403,
      times: 2,
      retryAfter: 1,
      match: /^POST \/repos\/acme\/training\/issues$/,
    });
    const runs = await Promise.all(pulls.map((p) => grade(p)));
    runs.forEach((r, k) => assert.equal(r.code, 0, `run ${k}: ${r.stdout}${r.stderr}`));
    for (const l of learners) {
      const keys = recordsOf(l).map(recordKey).sort();
      assert.deepEqual(
        keys,
        [
          `basics-quiz#${pulls[learners.indexOf(l) * 2]!.number}@sha-${l}-a`,
          `basics-quiz#${pulls[learners.indexOf(l) * 2 + 1]!.number}@sha-${l}-b`,
        ].sort(),
        l,
      );
    }

    const rebuild = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'workflow_dispatch',
      payload: { inputs: { progress: 'rebuild' } },
    });
    assert.equal(rebuild.code, 0, rebuild.stdout + rebuild.stderr);
    const bodies = () =>
      learners.map((l) => progressIssues(l).sort((a, b) => a.number - b.number)[0]!.body);
    const rebuilt = bodies();
    const again = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'workflow_dispatch',
      payload: { inputs: { progress: 'rebuild' } },
    });
    assert.deepEqual(
      JSON.parse(again.outputs.summary!),
      { learners: 10, rewritten: 0 },
      'a rebuild of rebuilt bodies writes nothing',
    );
    assert.deepEqual(bodies(), rebuilt);
    for (const b of rebuilt) assert.match(b, /<sub>2 records\.<\/sub>/);
  });

  it('a rebuild after sequential runs rewrites nothing: the incremental bodies are what the records say', async () => {
    await grade(pull(500, 'ana', WRONG('ana'), 'sha-1'));
    ageRecords();
    await grade(pull(600, 'ana', RIGHT('ana'), 'sha-2'));
    const before = progressIssues('ana')[0]!.body.replace(/"at":"[^"]+"/g, '');
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'workflow_dispatch',
      payload: { inputs: { progress: 'rebuild' } },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(JSON.parse(r.outputs.summary!), { learners: 1, rewritten: 0 });
    assert.equal(progressIssues('ana')[0]!.body.replace(/"at":"[^"]+"/g, ''), before);
  });
});
