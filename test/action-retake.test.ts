import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { readAttemptRecords } from '../core/grading/grade-comment.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readRecords } from '../core/progress/ledger.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

// The fixture's policies: pass mark 80, 3 attempts, a 1h retake cooldown, answers revealed after a pass.
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
const SHEET = 'submissions/ana/basics-quiz.md';

describe('retakes after a pass are practice; the cooldown holds for counted attempts (issue #19; real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssue = () =>
    [...repo().issues.values()].find(
      (i) => !i.isPull && i.body.includes('<!-- enablekit:progress learner=ana -->'),
    );
  const recordsOf = () =>
    repo()
      .comments.filter((c) => c.issue === progressIssue()?.number)
      .flatMap((c) => readRecords(c.body));
  const gradeComment = (pr: number) =>
    repo().comments.find((c) => c.issue === pr && c.body.includes('<!-- enablekit:grade -->'))!
      .body;
  const checkOf = (sha: string) =>
    repo()
      .checkRuns.filter((c) => c.head_sha === sha)
      .at(-1)!;
  const push = (number: number, sheet: string, sha: string) => {
    repo().setFiles(sha, { [SHEET]: sheet });
    const existing = repo().pulls.get(number);
    if (existing) {
      existing.head.sha = sha;
      return existing;
    }
    return repo().addPull({
      number,
      author: 'ana',
      title: 'Answers',
      head: { ref: `ana/answers-${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: SHEET, status: 'added' }],
    });
  };
  const grade = async (
    p: { number: number; head: { sha: string } },
    action = 'synchronize',
    inputs: Record<string, string> = {},
  ) => {
    const r = await runAction({
      inputs,
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: p.number,
        author: 'ana',
        headSha: p.head.sha,
        labels: repo().issues.get(p.number)?.labels ?? [],
      }),
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return r;
  };
  /** Every "attempt N of M" shown anywhere a learner or a workflow reads. */
  const attemptsShown = (texts: string[]) =>
    texts.flatMap((t) =>
      [...t.matchAll(/attempt (\d+) of (\d+)/gi)].map((m) => [Number(m[1]), Number(m[2])]),
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

  it('passed at attempt 1, then four more sheets inside the cooldown: each graded as practice, labelled checkpoint:practice, recorded nowhere', async () => {
    const p = push(500, RIGHT('ana'), 'sha-1');
    const first = await grade(p, 'opened');
    assert.match(gradeComment(500), /Attempt 1 of 3/);
    assert.deepEqual(repo().issues.get(500)!.labels, ['checkpoint:passed']);
    const recorded = recordsOf().length;
    const outputs = [first];
    // The issue's learner: two more in the same pull request, two in a new one, all within the hour.
    for (const [n, sheet, sha] of [
      [500, WRONG('ana'), 'sha-2'],
      [500, RIGHT('ana'), 'sha-3'],
      [600, WRONG('ana'), 'sha-4'],
      [600, WRONG('ana'), 'sha-5'],
    ] as const) {
      const r = await grade(
        push(n, sheet, sha),
        n === 600 && sha === 'sha-4' ? 'opened' : undefined,
      );
      outputs.push(r);
      const body = gradeComment(n);
      assert.match(body, /### Practice: (0|100)%/, sha);
      assert.match(
        body,
        /passed this checkpoint on \d{4}-\d\d-\d\d at attempt 1, so this result does not count/,
      );
      assert.doesNotMatch(
        body,
        /Attempt \d+ of|last attempt|talk to your trainer|Expected the retake to wait/,
      );
      assert.deepEqual(repo().issues.get(n)!.labels, ['checkpoint:practice'], sha);
      assert.equal(checkOf(sha).conclusion, 'neutral', sha);
      const summary = JSON.parse(r.outputs.summary!) as {
        passed: number;
        failed: number;
        graded: number;
      };
      assert.deepEqual([summary.graded, summary.passed, summary.failed], [1, 0, 0], sha);
    }
    assert.equal(recordsOf().length, recorded, 'practice adds no record, not even a claim');
    assert.deepEqual(
      recordsOf()
        .filter((r) => r.ref !== 'claim')
        .map((r) => [r.sha, r.passed, r.percent, r.attempt]),
      [['sha-1', true, 100, 1]],
    );
    assert.match(progressIssue()!.body, /\| Basics \| ✅ passed \|/);
    const everything = [
      ...[500, 600].map(gradeComment),
      ...outputs.flatMap((r) => [r.stdout, r.summary, JSON.stringify(r.outputs)]),
      JSON.stringify(repo().checkRuns),
    ];
    for (const [n, m] of attemptsShown(everything)) assert.ok(n! <= m!, `attempt ${n} of ${m}`);
  });

  it('with progress off, the grade comment keeps the pass as its only attempt: practice adds none', async () => {
    const off = { progress: 'false' };
    await grade(push(500, RIGHT('ana'), 'sha-1'), 'opened', off);
    await grade(push(500, WRONG('ana'), 'sha-2'), 'synchronize', off);
    await grade(push(500, WRONG('ana'), 'sha-3'), 'synchronize', off);
    const body = gradeComment(500);
    assert.match(body, /### Practice: 0%/);
    assert.deepEqual(
      readAttemptRecords(body).map((r) => [r.sha, r.passed]),
      [['sha-1', true]],
    );
    assert.deepEqual(repo().issues.get(500)!.labels, ['checkpoint:practice']);
    assert.equal(progressIssue(), undefined);
  });

  it('a failed attempt, then a retry inside the cooldown: refused with the time it opens, no attempt used', async () => {
    await grade(push(500, WRONG('ana'), 'sha-1'), 'opened');
    const failed = recordsOf().find((r) => r.ref !== 'claim')!;
    assert.equal(failed.passed, false);
    const opens = new Date(Date.parse(failed.at) + 3_600_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const r = await grade(push(500, RIGHT('ana'), 'sha-2'));
    assert.equal(JSON.parse(r.outputs.summary!).sheets[0].refused, 'cooldown');
    assert.match(gradeComment(500), new RegExp(`Push again after ${opens}`));
    assert.doesNotMatch(gradeComment(500), /Practice/);
    assert.deepEqual(
      recordsOf()
        .filter((x) => x.ref !== 'claim' && !x.refused)
        .map((x) => [x.sha, x.passed, x.attempt]),
      [['sha-1', false, 1]],
    );
  });
});
