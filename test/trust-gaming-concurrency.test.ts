import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { attemptPlaces } from '../core/grading/attempt-order.js';
import { readRecords } from '../core/progress/ledger.js';
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
const HOUR = 3_600_000;

describe('attempts are placed in the order their records were stored', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min)).toISOString();
  const rec = (sha: string, min: number, passed = false) => ({
    checkpoint: 'q',
    learner: 'ana',
    sha,
    at: at(min),
    passed,
    percent: passed ? 100 : 0,
  });

  it('counts at most the attempts allowed, in stored order, whatever times the records carry', () => {
    const places = attemptPlaces(
      [rec('e', 4), rec('a', 0), rec('b', 1), rec('c', 2), rec('d', 3)],
      'q',
      'ANA',
      { attempts: 3, retakeCooldownMs: 0 },
    );
    assert.deepEqual(
      [...places].map(([sha, p]) => [
        sha,
        'attempt' in p ? p.attempt : 'practice' in p ? 'practice' : p.refused,
      ]),
      [
        ['e', 1],
        ['a', 2],
        ['b', 3],
        ['c', 'no-attempts-left'],
        ['d', 'no-attempts-left'],
      ],
    );
  });

  it('refuses one inside the cooldown after the last counted failure; after a pass a sheet is practice, not an attempt; a commit recorded twice is one attempt', () => {
    const places = attemptPlaces(
      [rec('a', 0), rec('b', 5), rec('a', 6), rec('c', 61, true), rec('d', 62)],
      'q',
      'ana',
      { attempts: 2, retakeCooldownMs: HOUR },
    );
    assert.deepEqual(
      [...places].map(([sha, p]) => [
        sha,
        'attempt' in p ? p.attempt : 'practice' in p ? 'practice' : p.refused,
      ]),
      [
        ['a', 1],
        ['b', 'cooldown'],
        ['c', 2],
        // Issue #19: was ['d', 3], an attempt 3 of 2 after the pass; now practice, counted as no attempt.
        ['d', 'practice'],
      ],
    );
  });
});

describe('concurrent pull requests of one learner are graded no more often than allowed (real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  let gh: LocalGitHub;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssues = (login: string) =>
    [...repo().issues.values()].filter(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  const pull = (number: number, author: string, sheet: string) => {
    const sha = `sha-${number}`;
    repo().setFiles(sha, { [`submissions/${author}/basics-quiz.md`]: sheet });
    return repo().addPull({
      number,
      author,
      title: 'Answers',
      head: { ref: `${author}/${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/basics-quiz.md`, status: 'added' }],
    });
  };
  const workspace = (policies: string) => {
    const dir = workspaceWith(CURRICULA);
    const yml = join(dir, 'curricula', 'enablekit.yml');
    writeFileSync(
      yml,
      readFileSync(yml, 'utf8').replace(/policies:[\s\S]*$/, `policies:\n${policies}`),
    );
    return dir;
  };
  const gradeAll = (
    ws: string,
    pulls: { number: number; author: string; head: { sha: string } }[],
  ) =>
    Promise.all(
      pulls.map((p) =>
        runAction({
          apiUrl: gh.url,
          workspace: ws,
          eventName: 'pull_request_target',
          payload: pullRequestEvent('opened', {
            number: p.number,
            author: p.author,
            headSha: p.head.sha,
          }),
        }),
      ),
    );
  const sheetsOf = (
    runs: {
      code: number | null;
      stdout: string;
      stderr: string;
      outputs: Record<string, string>;
    }[],
  ) =>
    runs.map((r) => {
      assert.equal(r.code, 0, r.stdout + r.stderr);
      return JSON.parse(r.outputs.summary!).sheets[0] as {
        attempt?: number;
        refused?: string;
        passed?: boolean;
      };
    });

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('five pull requests opened at once against 3 attempts and a 1 h cooldown: one is graded, four wait for the cooldown, one progress issue', async () => {
    const ws = workspace(
      '  pass_mark: 80\n  attempts: 3\n  retake_cooldown: 1h\n  reveal_answers: after-last-attempt\n',
    );
    const pulls = [1, 2, 3, 4, 5].map((k) => pull(100 + k, 'ana', WRONG('ana')));
    const sheets = sheetsOf(await gradeAll(ws, pulls));
    assert.deepEqual(
      sheets.filter((s) => s.attempt).map((s) => s.attempt),
      [1],
      'exactly one attempt graded',
    );
    assert.deepEqual(
      sheets.filter((s) => s.refused).map((s) => s.refused),
      ['cooldown', 'cooldown', 'cooldown', 'cooldown'],
    );
    assert.equal(
      progressIssues('ana').filter((i) => i.state === 'open').length,
      1,
      'one open progress issue',
    );
    for (const dup of progressIssues('ana').filter((i) => i.state === 'closed')) {
      const on = repo().comments.filter((c) => c.issue === dup.number);
      assert.deepEqual(
        on.flatMap((c) => readRecords(c.body)),
        [],
        'a duplicate closed by a racing run holds no records',
      );
      assert.match(on[0]!.body, /^Duplicate of #\d+/);
    }
    const graded = pulls.filter((_, k) => sheets[k]!.attempt).map((p) => p.number);
    for (const p of pulls) {
      const comment = repo().comments.find(
        (c) => c.issue === p.number && c.body.includes('<!-- enablekit:grade -->'),
      )!.body;
      if (graded.includes(p.number)) assert.match(comment, /Attempt 1 of 3/);
      else assert.match(comment, /Expected the retake to wait until/);
    }
    const records = repo()
      .comments.filter((c) => progressIssues('ana').some((i) => i.number === c.issue))
      .flatMap((c) => readRecords(c.body));
    assert.equal(
      records.filter((r) => r.refused === 'cooldown').length,
      4,
      'each refused attempt is marked by a record',
    );
    // A refused attempt's score and wrong questions are nowhere on the issue the learner reads: only its claim and its refusal.
    const refusedShas = pulls.filter((_, k) => sheets[k]!.refused).map((p) => p.head.sha);
    const issueText = repo()
      .comments.filter((c) => progressIssues('ana').some((i) => i.number === c.issue))
      .map((c) => c.body)
      .join('\n');
    for (const sha of refusedShas) {
      assert.deepEqual(
        records.filter(
          (r) =>
            r.sha === sha &&
            (r.percent !== undefined ||
              r.missed !== undefined ||
              r.attempt !== undefined ||
              r.passed),
        ),
        [],
        `no result recorded for the refused ${sha}`,
      );
      assert.doesNotMatch(
        issueText,
        new RegExp(`(Not passed yet|Passed)[^\\n]*at ${sha.slice(0, 7)}`),
        `no score shown for the refused ${sha}`,
      );
    }
    assert.equal(
      records.filter((r) => r.percent !== undefined).length,
      1,
      'one result recorded: the attempt that counts',
    );
    for (const p of pulls.filter((_, k) => sheets[k]!.refused)) {
      const check = repo().checkRuns.find((c) => c.head_sha === p.head.sha)!;
      assert.doesNotMatch(
        JSON.stringify(check.output),
        /\d+%|attempt \d/i,
        'the check run of a refused attempt shows no score',
      );
    }
    assert.match(
      progressIssues('ana').find((i) => i.state === 'open')!.body,
      /not passed, best 0%, 1 attempt\b/,
      'the body counts the one attempt',
    );

    const refused = pulls.find((_, k) => sheets[k]!.refused)!;
    const comments = repo().comments.length;
    const rerun = await runAction({
      apiUrl: gh.url,
      workspace: ws,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('synchronize', {
        number: refused.number,
        author: 'ana',
        headSha: refused.head.sha,
      }),
    });
    assert.equal(
      JSON.parse(rerun.outputs.summary!).sheets[0].refused,
      'cooldown',
      'a re-run of a refused attempt is refused again',
    );
    assert.equal(repo().comments.length, comments, 'and records nothing new');
  });

  it('five at once with no cooldown: at most 3 graded, as attempts 1, 2 and 3, and no answers shown to a refused one', async () => {
    const ws = workspace(
      '  pass_mark: 80\n  attempts: 3\n  retake_cooldown: 0m\n  reveal_answers: after-last-attempt\n',
    );
    const pulls = [1, 2, 3, 4, 5].map((k) => pull(200 + k, 'kofi', WRONG('kofi')));
    const sheets = sheetsOf(await gradeAll(ws, pulls));
    assert.deepEqual(sheets.flatMap((s) => (s.attempt ? [s.attempt] : [])).sort(), [1, 2, 3]);
    assert.deepEqual(
      sheets.filter((s) => s.refused).map((s) => s.refused),
      ['no-attempts-left', 'no-attempts-left'],
    );
    assert.equal(progressIssues('kofi').filter((i) => i.state === 'open').length, 1);
    pulls.forEach((p, k) => {
      const comment = repo().comments.find(
        (c) => c.issue === p.number && c.body.includes('<!-- enablekit:grade -->'),
      )!.body;
      if (sheets[k]!.refused)
        assert.doesNotMatch(
          comment,
          /X-Request-Id|Correct answer|Right answer/i,
          'a refused attempt reveals nothing',
        );
    });
    const issues = progressIssues('kofi').map((i) => i.number);
    const records = repo()
      .comments.filter((c) => issues.includes(c.issue))
      .flatMap((c) => readRecords(c.body));
    const refusedShas = pulls.filter((_, k) => sheets[k]!.refused).map((p) => p.head.sha);
    assert.deepEqual(
      records.filter(
        (r) => refusedShas.includes(r.sha) && (r.percent !== undefined || r.missed !== undefined),
      ),
      [],
      "a refused attempt's score and missed questions are not recorded",
    );
  });

  it('a pass among racing runs is never followed by more failed attempts than allowed', async () => {
    const ws = workspace('  pass_mark: 80\n  attempts: 1\n  retake_cooldown: 0m\n');
    const pulls = [
      pull(301, 'lee', RIGHT('lee')),
      pull(302, 'lee', WRONG('lee')),
      pull(303, 'lee', WRONG('lee')),
    ];
    const sheets = sheetsOf(await gradeAll(ws, pulls));
    const first = sheets.find((s) => s.attempt === 1)!;
    assert.ok(first, 'one run is attempt 1');
    if (!first.passed)
      assert.equal(
        sheets.filter((s) => s.attempt).length,
        1,
        'a failed first attempt uses the only attempt',
      );
  });
});
