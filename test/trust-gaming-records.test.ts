import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { ledgerComment, readLedger, readRecords, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const WRONG = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Tier 1', '- [x] Tier 1')
    .replace('Answer: ', 'Answer: trace id');
const BOT = { login: 'github-actions[bot]', id: 41898282 };

describe('a record comment edited or deleted gives no attempt back', () => {
  const at = '2026-01-01T00:00:00Z';
  const rec = (sha: string, seq: number, extra: Partial<ProgressRecord> = {}): ProgressRecord => ({
    learner: 'ana',
    checkpoint: 'q',
    kind: 'quiz',
    pr: 1,
    sha,
    at,
    passed: true,
    percent: 100,
    seq,
    ...extra,
  });
  const comment = (id: number, r: ProgressRecord, edited = false) =>
    ledgerComment({
      id,
      body: recordComment([r]),
      user: BOT,
      created_at: at,
      updated_at: edited ? '2026-01-02T00:00:00Z' : at,
    });

  it('an edited record is flagged and no result, yet its attempt stays stored, not as a pass', () => {
    const ledger = readLedger(
      [
        comment(1, rec('a', 1, { ref: 'claim', passed: false, percent: undefined })),
        comment(2, rec('a', 2), true),
      ],
      'ana',
    );
    assert.deepEqual(ledger.records, []);
    assert.deepEqual(
      ledger.flagged.map((f) => f.why),
      ['edited'],
    );
    assert.deepEqual(
      ledger.stored!.map((r) => [r.sha, r.ref ?? 'result', r.passed]),
      [
        ['a', 'claim', false],
        ['a', 'result', false],
      ],
    );
  });

  it('a gap in the sequence numbers names the deleted record comments; claims are no results', () => {
    const ledger = readLedger(
      [comment(1, rec('a', 1, { ref: 'claim', passed: false })), comment(4, rec('b', 4))],
      'ana',
    );
    assert.deepEqual(ledger.missing, [2, 3]);
    assert.equal(ledger.nextSeq, 5);
    assert.deepEqual(
      ledger.records.map((r) => r.sha),
      ['b'],
    );
  });
});

describe('attempt records cannot be gamed through refusals, edits, deletions or the writer (real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  let gh: LocalGitHub;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssue = (login: string) =>
    [...repo().issues.values()].find(
      (i) =>
        !i.isPull &&
        i.state === 'open' &&
        i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  const issueComments = (login: string) =>
    repo().comments.filter((c) => c.issue === progressIssue(login)?.number);
  const pull = (number: number, author: string, sha: string) => {
    repo().setFiles(sha, { [`submissions/${author}/basics-quiz.md`]: WRONG(author) });
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
  const grade = (
    ws: string,
    p: { number: number; author: string; head: { sha: string } },
    inputs?: Record<string, string>,
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace: ws,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
      }),
      ...(inputs ? { inputs } : {}),
    });
  const sheetOf = (r: {
    code: number | null;
    stdout: string;
    stderr: string;
    outputs: Record<string, string>;
  }) => {
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return JSON.parse(r.outputs.summary!).sheets[0] as {
      attempt?: number;
      refused?: string;
      percent?: number;
    };
  };
  /** Time passing: every stored time moves back two hours, keeping their order. */
  const age = () =>
    repo().comments.forEach(
      (c) =>
        (c.body = c.body.replace(
          /"at":"[^"]+"/g,
          (m) => `"at":"${new Date(Date.parse(m.slice(6, -1)) - 2 * 3_600_000).toISOString()}"`,
        )),
    );
  const gradeComment = (n: number) =>
    repo().comments.filter((c) => c.issue === n && c.body.includes('<!-- enablekit:grade -->'));

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('a commit refused at its stored place, offered again in a new pull request once the cooldown is over, is refused again and records no result', async () => {
    const ws = workspace('  pass_mark: 80\n  attempts: 3\n  retake_cooldown: 1h\n');
    assert.equal(sheetOf(await grade(ws, pull(100, 'ana', 'sha-a'))).attempt, 1);
    // What a run racing it left, deterministically: its claim stored after attempt 1's, inside the cooldown, and the refusal it then wrote.
    const issue = progressIssue('ana')!.number;
    const racedAt = readRecords(issueComments('ana')[0]!.body)[0]!.at;
    const raced: ProgressRecord = {
      learner: 'ana',
      checkpoint: 'basics-quiz',
      kind: 'quiz',
      pr: 110,
      sha: 'sha-b',
      ref: 'claim',
      at: racedAt,
      passed: false,
      seq: 3,
    };
    const refusal: ProgressRecord = { ...raced, ref: 'refused', refused: 'cooldown', seq: 4 };
    for (const r of [raced, refusal])
      repo().comments.push({
        id: gh.state.id(),
        issue,
        author: BOT.login,
        body: recordComment([r]),
        created_at: racedAt,
        updated_at: racedAt,
      });
    const [refusedAt, countedAt] = ['sha-b', 'sha-a'];
    age();
    const again = sheetOf(await grade(ws, pull(120, 'ana', refusedAt)));
    assert.equal(
      again.refused,
      'cooldown',
      'one commit is one attempt, refused in every pull request',
    );
    const ledger = readLedger(
      issueComments('ana').map((c) =>
        ledgerComment({ ...c, user: { login: c.author, id: c.author === BOT.login ? BOT.id : 1 } }),
      ),
      'ana',
    );
    assert.deepEqual(
      ledger.records.map((r) => r.sha),
      [countedAt],
      'only the counted attempt is a result',
    );
    const stored = issueComments('ana').flatMap((c) => readRecords(c.body));
    assert.deepEqual(
      stored.filter(
        (r) => r.sha === refusedAt && (r.percent !== undefined || r.missed !== undefined),
      ),
      [],
      'no score recorded for the refused commit',
    );
    assert.equal(
      stored.filter((r) => r.refused && r.pr === 120).length,
      1,
      'the new pull request carries its own refusal',
    );
    assert.match(progressIssue('ana')!.body, /1 attempt\b/);
    // A new commit after the cooldown is attempt 2.
    assert.equal(sheetOf(await grade(ws, pull(130, 'ana', 'sha-c'))).attempt, 2);
  });

  it('editing the record comments does not give attempts back: the attempt still counts and the run warns the maintainers', async () => {
    const ws = workspace('  pass_mark: 80\n  attempts: 2\n  retake_cooldown: 0m\n');
    assert.equal(sheetOf(await grade(ws, pull(200, 'ana', 'sha-a'))).attempt, 1);
    for (const c of issueComments('ana')) {
      c.body = `${c.body} `;
      c.updated_at = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    const second = await grade(ws, pull(210, 'ana', 'sha-b'));
    assert.equal(sheetOf(second).attempt, 2, 'the edited attempt still counts');
    assert.match(
      second.stdout,
      /::warning::Expected the enablekit record comments on the progress issue of ana to be as the Action wrote them; found \d edited since/,
    );
    assert.equal(sheetOf(await grade(ws, pull(220, 'ana', 'sha-c'))).refused, 'no-attempts-left');
  });

  it("deleting a record comment stops grading that learner's quizzes: the run fails naming the gap, no attempt is used and nothing is graded", async () => {
    const ws = workspace('  pass_mark: 80\n  attempts: 2\n  retake_cooldown: 0m\n');
    assert.equal(sheetOf(await grade(ws, pull(300, 'ana', 'sha-a'))).attempt, 1);
    assert.equal(sheetOf(await grade(ws, pull(310, 'ana', 'sha-b'))).attempt, 2);
    const first = issueComments('ana').find((c) =>
      readRecords(c.body).some((r) => r.sha === 'sha-a'),
    )!;
    repo().comments.splice(repo().comments.indexOf(first), 1);
    const before = issueComments('ana').length;
    const r = await grade(ws, pull(320, 'ana', 'sha-c'));
    assert.equal(r.code, 1, 'the run fails for the maintainers');
    assert.match(
      r.stdout,
      /Expected every enablekit record comment on the progress issue of ana \(#\d+\); found record number 1 missing/,
    );
    assert.deepEqual(JSON.parse(r.outputs.summary!).sheets, [
      { path: 'submissions/ana/basics-quiz.md', refused: 'ledger-damaged' },
    ]);
    assert.match(gradeComment(320)[0]!.body, /your answers are kept/);
    assert.equal(issueComments('ana').length, before, 'no record written');
  });

  it('a run writing as the wrong identity stops at its first write, before any grade is shown (with progress and without)', async () => {
    gh.tokens.set('ghs_app', 'enablekit-app[bot]');
    const ws = workspace('  pass_mark: 80\n  attempts: 3\n  retake_cooldown: 0m\n');
    for (const [n, inputs] of [
      [400, { 'github-token': 'ghs_app' }],
      [410, { 'github-token': 'ghs_app', progress: 'false' }],
    ] as const) {
      const p = pull(n, 'kofi', `sha-${n}`);
      const r = await grade(ws, p, inputs);
      assert.equal(r.code, 1);
      assert.match(
        r.stdout,
        /Expected this run to write to GitHub as github-actions\[bot\]; found it writing as enablekit-app\[bot\]/,
      );
      const onPull = repo()
        .comments.filter((c) => c.issue === n)
        .map((c) => c.body)
        .join('\n');
      assert.doesNotMatch(onPull, /%|Attempt|passed/i, 'no grade on the pull request');
      assert.equal(
        repo().checkRuns.filter((c) => c.head_sha === p.head.sha).length,
        0,
        'no check run',
      );
      const records = repo().comments.flatMap((c) => readRecords(c.body));
      assert.deepEqual(
        records.filter((x) => x.percent !== undefined || x.missed !== undefined),
        [],
        'no result recorded',
      );
    }
  });
});
