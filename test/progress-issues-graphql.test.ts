import assert from 'node:assert/strict';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import { noticeComment } from '../core/progress/notices.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { client } from '../github/calls.js';
import { listProgressIssues, loadLedger, openProgressIssue } from '../github/progress-ledger.js';
import { readProgressIssues } from '../github/progress-issues.js';
import { isWrite, LocalGitHub } from './github-api/server.js';
import { tempWorkspace } from './helpers/cli.js';
import { runAction } from './helpers/run-action.js';

const BOT = 'github-actions[bot]';
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const rec = (learner: string, checkpoint: string, attempt: number): ProgressRecord => ({
  learner,
  checkpoint,
  kind: 'quiz',
  pr: attempt,
  sha: `${learner}-${checkpoint}-${attempt}`,
  at: `2026-03-0${attempt}T10:00:00Z`,
  passed: attempt > 1,
  percent: attempt > 1 ? 100 : 50,
  attempt,
  missed: attempt > 1 ? [] : ['b'],
});

describe('the progress issues read through GraphQL, 100 at a time with their comments', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  const repo = () => gh.state.repo('acme', 'training');
  const comment = (issue: number, author: string, body: string, edited = false) =>
    repo().comments.push({
      id: gh.state.id(),
      issue,
      author,
      body,
      created_at: '2026-03-05T10:00:00Z',
      updated_at: edited ? '2026-03-06T10:00:00Z' : '2026-03-05T10:00:00Z',
    });
  const progressIssue = (login: string, author = BOT) =>
    repo().addIssue(`Training progress: @${login}`, `${progressMarker(login)}\nbody`, author, [
      'enablekit:progress',
    ]).number;

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], 'every request matched GitHub’s descriptions');
  });

  it('gives every learner the ledger the per-learner REST reads gave: duplicates, copies, forgeries, edits, notices, over 100 comments', async () => {
    const numbers: number[] = [];
    for (let k = 0; k < 140; k++) {
      const login = `learner-${k}`;
      const n = progressIssue(login);
      numbers.push(n);
      comment(n, BOT, recordComment([rec(login, 'q1', 1)]));
      if (k % 7 === 0) comment(n, BOT, recordComment([rec(login, 'q2', 2)]), true);
      if (k % 5 === 0) comment(n, 'mallory', recordComment([rec(login, 'q3', 2)]));
      if (k % 3 === 0)
        comment(
          n,
          BOT,
          noticeComment(
            { learner: login, kind: 'reminder', item: 'm1', at: '2026-03-04T00:00:00Z' },
            `@${login}, a reminder`,
          ),
        );
    }
    // learner-1 has a duplicate issue (a race), holding a record of its own; a person copied learner-2's marker.
    comment(progressIssue('learner-1'), BOT, recordComment([rec('learner-1', 'q4', 2)]));
    comment(
      progressIssue('learner-2', 'mallory'),
      'mallory',
      recordComment([rec('learner-2', 'q4', 2)]),
    );
    // learner-9 has 230 comments: records past the first 100 are still read.
    for (let c = 0; c < 229; c++)
      comment(numbers[9]!, BOT, recordComment([rec('learner-9', `x${c}`, 2)]));

    const gh2 = client({ token: 't', apiUrl: gh.url, log: quiet });
    const ctx = { owner: 'acme', repo: 'training', dryRun: false };
    const viaRest = await listProgressIssues(gh2, ctx);
    const viaGraphQL = await readProgressIssues(gh2, ctx);
    assert.deepEqual(
      viaGraphQL.map((i) => i.number).sort((a, b) => a - b),
      viaRest.map((i) => i.number).sort((a, b) => a - b),
      'the same issues: the ones the Action opened',
    );
    for (let k = 0; k < 140; k++) {
      const login = `learner-${k}`;
      const rest = await loadLedger(gh2, ctx, login, viaRest);
      const before = gh.calls.length;
      const graphql = await loadLedger(gh2, ctx, login, viaGraphQL);
      assert.equal(gh.calls.length, before, 'a ledger from the GraphQL read makes no request');
      assert.deepEqual(graphql, rest, login);
    }
    const nine = await loadLedger(gh2, ctx, 'learner-9', viaGraphQL);
    assert.equal(nine.records.length, 230);
    assert.ok(gh.calls.every((c) => !isWrite(c)));
  });

  it('says a repository the token cannot see as REST would, a 404 with what to check', async () => {
    const gh2 = client({ token: 't', apiUrl: gh.url, log: quiet });
    await assert.rejects(readProgressIssues(gh2, { owner: 'acme', repo: 'nope', dryRun: false }), {
      status: 404,
      message:
        "Expected to read the progress issues of acme/nope; GitHub answered: Could not resolve to a Repository with the name 'acme/nope'. Check the repository's name and that the token can read its issues.",
    });
  });

  it('a learner’s issue opened after the read converges on a racing run’s older one, listing one page back', async () => {
    for (let k = 0; k < 250; k++) progressIssue(`learner-${k}`);
    const readUpTo = 250;
    // Another run opened dee's issue after this run read (and found none).
    const racing = progressIssue('dee');
    const gh2 = client({ token: 't', apiUrl: gh.url, log: quiet });
    const before = gh.calls.length;
    const got = await openProgressIssue(
      gh2,
      { owner: 'acme', repo: 'training', dryRun: false },
      'dee',
      `${progressMarker('dee')}\nbody`,
      readUpTo,
    );
    assert.equal(got.number, racing, 'the older issue is kept');
    const mine = repo().issues.get(racing + 1)!;
    assert.equal(mine.state, 'closed', 'the one this run opened is closed as its duplicate');
    assert.equal(mine.stateReason, 'not_planned');
    assert.equal(
      gh.calls.slice(before).filter((c) => c.operationId === 'issues/list-for-repo').length,
      1,
      'one page of the newest issues, not every progress issue',
    );
  });

  it('a scheduled run’s reads grow by pages of 100 learners, not by learner', async () => {
    /** A track whose module is due in 2099: nothing is owed, so a run reads and writes only the dashboard. */
    const workspace = (learners: string[]) =>
      tempWorkspace({
        'curricula/enablekit.yml': `version: 1\nroles:\n  support:\n    learners: [${learners.join(', ')}]\n`,
        'curricula/track.md': `---\ntype: track\nid: onboarding\ntitle: Onboarding\nroles: [support]\nphase: foundation\nowner: lead\nmodules:\n  - module: m1\n    window: {opens: 2026-01-01, due: 2099-01-01}\n---\n# Onboarding\n`,
        'curricula/m1.md': `---\ntype: module\nid: m1\ntitle: Module 1\nowner: lead\n---\n# Module 1\n`,
      });
    let total = 0;
    const readsFor = async (count: number, fresh = 0) => {
      const learners = Array.from({ length: count + fresh }, (_, k) => `l-${total}-${k}`);
      total += count + fresh;
      for (const l of learners.slice(fresh))
        comment(progressIssue(l), BOT, recordComment([rec(l, 'q1', 2)]));
      const before = gh.calls.length;
      const r = await runAction({
        apiUrl: gh.url,
        workspace: workspace(learners),
        eventName: 'schedule',
        payload: { schedule: '0 6 * * 1' },
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const p = JSON.parse(r.outputs.progress!) as { learners: number; opened: number };
      assert.deepEqual(
        [p.learners, p.opened],
        [total, fresh],
        'every learner, the new ones opened',
      );
      const calls = gh.calls.slice(before);
      assert.equal(
        calls.filter((c) => c.operationId === 'issues/list-comments').length,
        0,
        'no learner’s comments are listed one by one',
      );
      return calls.filter((c) => !isWrite(c)).length;
    };
    // Each run also reads the issues of the runs before it (all carry the label): 30, then 280, then 530 issues.
    // Besides the pages, a scheduled run reads twice: freshness's stale issues, and the dashboard.
    assert.equal(await readsFor(30), 1 + 2, 'one page of issues');
    assert.equal(await readsFor(250), 3 + 2, '280 issues: three pages');
    assert.equal(await readsFor(250), 6 + 2, '530 issues: six pages');
    // Three learners new to the run: each issue opened reads one page back, for a racing duplicate.
    assert.equal(await readsFor(250, 3), 8 + 2 + 3, '783 issues, three of them opened');
  });
});
