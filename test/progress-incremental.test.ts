import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { isWrite, LocalGitHub, type Call } from './github-api/server.js';
import { tempWorkspace } from './helpers/cli.js';
import { runAction } from './helpers/run-action.js';
import { KEEPS_FAILING } from './helpers/write-faults.js';

/**
 * Issue #22: a scheduled run reads again only what changed since the last run (GraphQL's
 * `since`, from a mark on GitHub's clock with an overlap), its REST reads are conditional
 * (ETags kept from the last run: a 304 is not counted against the rate limit), and its writes
 * stay within operations-per-run, the next runs finishing the rest exactly once. The state
 * goes from run to run in the workspace's .enablekit/state, as actions/cache carries it.
 */

const BOT = 'github-actions[bot]';
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const passed = (learner: string): ProgressRecord => ({
  learner,
  checkpoint: 'q1',
  kind: 'quiz',
  pr: 1,
  sha: `${learner}-q1`,
  at: '2026-03-02T10:00:00Z',
  passed: true,
  percent: 100,
  attempt: 1,
  missed: [],
});

describe('the scheduled run reads only what changed, conditionally, and resumes its writes (issue #22)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  const repo = () => gh.state.repo('acme', 'training');
  const login = (k: number) => `l-${String(k).padStart(3, '0')}`;
  const issueOf = new Map<string, number>();

  /** A track with one module and its quiz, due in `due`; `learners` in one role, each with a progress issue. */
  function setUp(learners: number, due: string, withoutIssue = 0) {
    const names = Array.from({ length: learners }, (_, k) => login(k));
    for (const l of names.slice(withoutIssue)) {
      const issue = repo().addIssue(`Training progress: @${l}`, `${progressMarker(l)}\nbody`, BOT, [
        'enablekit:progress',
      ]);
      // Opened an hour ago: older than the overlap a run reads again.
      issue.updated_at = iso(Date.now() - 3_600_000);
      issueOf.set(l, issue.number);
    }
    return tempWorkspace({
      'curricula/enablekit.yml': `version: 1\nroles:\n  support:\n    learners: [${names.join(', ')}]\n`,
      'curricula/track.md': `---\ntype: track\nid: onboarding\ntitle: Onboarding\nroles: [support]\nphase: foundation\nowner: lead\nmodules:\n  - module: m1\n    window: {opens: 2026-01-01, due: ${due}}\n---\n# Onboarding\n`,
      'curricula/m1.md': `---\ntype: module\nid: m1\ntitle: Module 1\nowner: lead\n---\n# Module 1\n`,
      'curricula/q1.md': `---\ntype: quiz\nid: q1\ntitle: Quiz 1\nmodule: m1\nowner: lead\n---\n# Quiz 1\n\n## First?\n<!-- question id=a type=single -->\n\n- [x] Yes\n- [ ] No\n`,
    });
  }

  /** A grading run's record, landing on GitHub now (the issue's updatedAt is its comment's time). */
  const record = (l: string) =>
    repo().comments.push({
      id: gh.state.id(),
      issue: issueOf.get(l)!,
      author: BOT,
      body: recordComment([passed(l)]),
      created_at: iso(Date.now()),
      updated_at: iso(Date.now()),
    });

  async function schedule(
    workspace: string,
    o: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
  ) {
    const before = gh.calls.length;
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      ...(o.inputs ? { inputs: o.inputs } : {}),
      ...(o.env ? { env: o.env } : {}),
    });
    const calls = gh.calls.slice(before);
    const reads = calls.filter((c) => !isWrite(c));
    return {
      r,
      calls,
      graphql: reads.filter((c) => c.graphql).length,
      rest: reads.filter((c) => !c.graphql).length,
      counted: reads.filter((c) => c.counted).length,
      notModified: reads.filter((c) => c.status === 304).length,
      writes: calls.filter(isWrite),
      progress: r.outputs.progress
        ? (JSON.parse(r.outputs.progress) as {
            deferred: number;
            reminded: number;
            fullRead: boolean;
            issuesRead: number;
            notModified: number;
          })
        : undefined,
      complete: () => {
        const json = JSON.parse(readFileSync(r.outputs['dashboard-json']!, 'utf8')) as {
          tracks: { learners: { login: string; complete: boolean }[] }[];
        };
        return json.tracks.flatMap((t) => t.learners.filter((l) => l.complete).map((l) => l.login));
      },
    };
  }

  beforeEach(async () => {
    gh = new LocalGitHub();
    issueOf.clear();
    await gh.start();
  });
  afterEach(async () => {
    gh.afterCall = undefined;
    await gh.stop();
    assert.deepEqual(gh.violations, [], 'every request matched GitHub’s descriptions');
  });

  it('a run with nothing changed reads one GraphQL request, its REST reads answered 304 (not counted); after 10 learners changed it reads those 10', async () => {
    const ws = setUp(250, '2099-01-01');
    const first = await schedule(ws);
    assert.equal(first.r.code, 0, first.r.stdout + first.r.stderr);
    assert.equal(first.progress!.fullRead, true, 'no state yet: everything is read');
    assert.equal(first.graphql, 3, '250 issues: three pages');
    // The second run sees the dashboard the first one opened (a new answer to that listing); the third, nothing new.
    const second = await schedule(ws);
    assert.equal(second.r.code, 0, second.r.stdout + second.r.stderr);
    const third = await schedule(ws);
    assert.equal(third.r.code, 0, third.r.stdout + third.r.stderr);
    assert.deepEqual(
      [third.progress!.fullRead, third.progress!.issuesRead, third.graphql],
      [false, 0, 1],
      'one GraphQL request, answering that no progress issue changed',
    );
    assert.equal(third.rest, 2, 'the stale issues and the dashboard, by REST');
    assert.equal(third.notModified, 2, 'both answered 304: nothing changed since the ETag kept');
    assert.equal(third.progress!.notModified, 2);
    assert.equal(
      third.counted,
      1,
      'one read counted against the rate limit, where the first run made 5',
    );
    assert.equal(first.counted, 5);
    assert.equal(third.writes.length, 0);

    for (let k = 0; k < 10; k++) record(login(k * 20));
    const fourth = await schedule(ws);
    assert.equal(fourth.r.code, 0, fourth.r.stdout + fourth.r.stderr);
    assert.deepEqual(
      [fourth.progress!.fullRead, fourth.progress!.issuesRead, fourth.graphql],
      [false, 10, 1],
      'the ten changed issues, in one request',
    );
    assert.deepEqual(
      fourth.complete().sort(),
      Array.from({ length: 10 }, (_, k) => login(k * 20)),
      'their new results count; the 240 kept from the last run are as they were',
    );

    // The workflow's token is new each run, and GitHub's ETags are per token: no 304 then, the same answers.
    const newToken = await schedule(ws, { inputs: { 'github-token': 'ghs_another_run' } });
    assert.equal(newToken.r.code, 0, newToken.r.stdout + newToken.r.stderr);
    assert.equal(newToken.notModified, 0, 'another token: 200s');
    assert.equal(newToken.graphql, 1);
    assert.equal(newToken.complete().length, 10);
  });

  it('a result landing while a run reads is read by the next run, whatever the runner’s clock says', async () => {
    const ws = setUp(150, '2099-01-01');
    // The runner's clock six hours ahead of GitHub's: a mark taken from it would pass over the change.
    const skewed = { env: { ENABLEKIT_NOW: iso(Date.now() + 6 * 3_600_000) } };
    // While the first run reads the progress issues, two results come in: one on an issue of the
    // page it has read, one on an issue of the page it has not read yet.
    let landed = false;
    gh.afterCall = (c: Call) => {
      if (landed || !c.graphql) return;
      landed = true;
      record(login(1));
      record(login(140));
    };
    const first = await schedule(ws, skewed);
    assert.equal(first.r.code, 0, first.r.stdout + first.r.stderr);
    assert.ok(landed);
    assert.deepEqual(first.complete(), [login(140)], 'the first run read only the later page’s');
    const third = await schedule(ws, skewed);
    assert.equal(third.r.code, 0, third.r.stdout + third.r.stderr);
    assert.equal(third.progress!.fullRead, false);
    assert.deepEqual(
      third.complete().sort(),
      [login(1), login(140)],
      'both results are read, neither missed',
    );
  });

  it('with operations-per-run N and 3N writes due, three runs write them all, each once; one stopped by failures mid-way leaves nothing doubled', async () => {
    const ws = setUp(15, '2026-02-01');
    const reminders = () =>
      repo()
        .comments.filter((c) => c.body.includes('"kind":"reminder"'))
        .map((c) => c.issue);
    // Five reminders and the dashboard a run (one write is kept back for the dashboard).
    const budget = { inputs: { 'operations-per-run': '6' } };
    const first = await schedule(ws, budget);
    assert.equal(first.r.code, 0, first.r.stdout + first.r.stderr);
    assert.deepEqual([first.progress!.reminded, first.progress!.deferred], [5, 10]);
    assert.ok(first.writes.length <= 6);
    // The second run fails on its third reminder: GitHub answers 502 to every try.
    gh.fault({
      ...KEEPS_FAILING,
      match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
      body: new RegExp(login(7)),
    });
    const stopped = await schedule(ws, budget);
    assert.notEqual(stopped.r.code, 0, 'the run stops');
    assert.equal(reminders().length, 7, 'the two it made before the failure are kept');
    const third = await schedule(ws, budget);
    assert.equal(third.r.code, 0, third.r.stdout + third.r.stderr);
    const fourth = await schedule(ws, budget);
    assert.equal(fourth.r.code, 0, fourth.r.stdout + fourth.r.stderr);
    for (const r of [third, fourth]) assert.ok(r.writes.length <= 6, 'within operations-per-run');
    assert.equal(fourth.progress!.deferred, 0, 'nothing left');
    const each = reminders().sort((a, b) => a - b);
    assert.deepEqual(
      each,
      [...issueOf.values()].sort((a, b) => a - b),
      'every learner reminded exactly once',
    );
    const fifth = await schedule(ws, budget);
    assert.equal(fifth.writes.length, 0, 'a run after writes nothing');
    assert.equal(repo().comments.filter((c) => c.body.includes('"kind":"reminder"')).length, 15);
  });

  it('with operations-per-run N and 3N writes due (issues to open, reminders), three runs write them all, each once', async () => {
    // Five learners have their issue, five have none: 5 reminders + 5 issues + 5 reminders.
    const ws = setUp(10, '2026-02-01', 5);
    const budget = { inputs: { 'operations-per-run': '6' } };
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const r = await schedule(ws, budget);
      assert.equal(r.r.code, 0, r.r.stdout + r.r.stderr);
      assert.ok(r.writes.length <= 6, `run ${k + 1}: ${r.writes.length} writes`);
      runs.push(r.progress!);
    }
    // deferred counts the writes a run saw it could not make (a learner whose issue waits has their reminder counted later).
    assert.deepEqual(
      runs.map((p) => p.deferred > 0),
      [true, true, false],
      'work left after the first and second runs, none after the third',
    );
    const issues = [...repo().issues.values()].filter((i) =>
      i.labels.includes('enablekit:progress'),
    );
    for (let k = 0; k < 10; k++) {
      const mine = issues.filter((i) => i.body.includes(progressMarker(login(k))));
      assert.equal(mine.length, 1, `one issue for ${login(k)}`);
      assert.equal(
        repo().comments.filter(
          (c) => c.issue === mine[0]!.number && c.body.includes('"kind":"reminder"'),
        ).length,
        1,
        `one reminder for ${login(k)}`,
      );
    }
    const fourth = await schedule(ws, budget);
    assert.equal(fourth.writes.length, 0, 'a fourth run finds nothing left');
  });

  it('reads everything again a week after the last full read, and when the state kept is unreadable or another writer’s', async () => {
    const ws = setUp(30, '2099-01-01');
    const full = async (o: Parameters<typeof schedule>[1] = {}) => {
      const r = await schedule(ws, o);
      assert.equal(r.r.code, 0, r.r.stdout + r.r.stderr);
      return [r.progress!.fullRead, r.progress!.issuesRead];
    };
    assert.deepEqual(await full(), [true, 30]);
    assert.deepEqual(await full(), [false, 0]);
    // Eight days on (the runner's clock: it only decides when to read everything).
    assert.deepEqual(await full({ env: { ENABLEKIT_NOW: iso(Date.now() + 8 * 86_400_000) } }), [
      true,
      30,
    ]);
    assert.deepEqual(await full(), [false, 0]);
    // Kept for another writer: its issues are not this writer's, so none is used.
    gh.tokens.set('ghs_app', 'my-app[bot]');
    assert.deepEqual(
      await full({
        inputs: { 'writer-login': 'my-app[bot]', 'github-token': 'ghs_app', 'dry-run': 'true' },
      }),
      [true, 0],
    );
    const state = join(ws, '.enablekit', 'state', 'run-state.json.gz');
    writeFileSync(state, 'not gzip');
    const broken = await schedule(ws);
    assert.equal(broken.r.code, 0, broken.r.stdout + broken.r.stderr);
    assert.deepEqual([broken.progress!.fullRead, broken.progress!.issuesRead], [true, 30]);
    assert.match(
      broken.r.stdout,
      /Expected .*run-state\.json\.gz to be the state a scheduled run kept; found it unreadable .*Reading every progress issue instead/,
    );
  });
});
