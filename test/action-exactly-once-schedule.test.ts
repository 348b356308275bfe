import assert from 'node:assert/strict';
import { join } from 'node:path';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { isWrite, LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { runAction, workspaceWith } from './helpers/run-action.js';
import {
  DROPPED,
  faultedIn,
  FAULTS,
  KEEPS_FAILING,
  type WriteFault,
} from './helpers/write-faults.js';

/**
 * The scheduled progress run writes exactly once, whatever GitHub answers: a new learner's
 * progress issue, reminders, follow-ups, report cards and the dashboard.
 */

const BOT = 'github-actions[bot]';

describe('the scheduled progress run writes exactly once under faults and re-runs (real bundle, local GitHub API)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issues = () => [...repo().issues.values()].filter((i) => !i.isPull);
  const faulted = (f: WriteFault) => faultedIn(gh, f);

  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  describe('the scheduled progress run', () => {
    const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');
    const rec = (checkpoint: string, at: string, passed: boolean): ProgressRecord => ({
      learner: 'ana',
      checkpoint,
      kind: checkpoint.endsWith('quiz') ? 'quiz' : 'reflection',
      pr: 1,
      sha: `ana-${checkpoint}`,
      at,
      passed,
      ...(checkpoint.endsWith('quiz') ? { percent: passed ? 100 : 0, missed: [] } : {}),
    });
    const schedule = () =>
      runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'schedule',
        payload: { schedule: '0 6 * * 1' },
      });
    const issueOf = (login: string) =>
      issues().filter((i) => i.body.includes(progressMarker(login)));
    const dashboards = () => issues().filter((i) => i.labels.includes('enablekit:dashboard'));
    /** Notices by what they are for: each kind, item and learner once. */
    const notices = () =>
      repo()
        .comments.flatMap((c) => [...c.body.matchAll(/<!-- enablekit:notice (\{.*\}) -->/g)])
        .map((m) => JSON.parse(m[1]!) as { kind: string; item: string; learner: string })
        .map((n) => `${n.kind} ${n.item} @${n.learner}`);

    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
      workspace = workspaceWith(CURRICULA);
      gh.state.teams.set('acme/support', ['dee', 'ana']);
      const issue = repo().addIssue(
        'Training progress: @ana',
        `${progressMarker('ana')}\nold body`,
        BOT,
        ['enablekit:progress'],
      );
      repo().comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: BOT,
        body: recordComment([
          rec('basics-quiz', '2026-01-06T10:00:00Z', true),
          rec('basics-reflection', '2026-01-07T10:00:00Z', true),
          rec('tools-quiz', '2026-01-08T10:00:00Z', true),
        ]),
        created_at: '2026-01-09T00:00:00Z',
        updated_at: '2026-01-09T00:00:00Z',
      });
    });

    /** One issue per learner, one dashboard, each notice once; and a second run finds nothing left to write. */
    async function assertScheduledOnce() {
      for (const l of ['ana', 'bo', 'cy', 'dee'])
        assert.equal(issueOf(l).length, 1, `one issue for ${l}`);
      assert.equal(dashboards().length, 1, 'one dashboard');
      assert.deepEqual(notices().sort(), expected);
      const before = gh.calls.length;
      const again = await schedule();
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.equal(gh.calls.slice(before).filter(isWrite).length, 0, 'a second run writes nothing');
    }

    /** What a run without faults posts, each once: the end every faulty run must reach too. */
    const expected = [
      'follow-up basics-reflection @ana',
      'follow-up support-basics @ana',
      'reminder basics @bo',
      'reminder basics @dee',
      'report-card support-basics @ana',
    ];

    const WRITES: { what: string; match: RegExp; body?: RegExp; drop?: true }[] = [
      {
        what: "a new learner's progress issue",
        match: /^POST \/repos\/acme\/training\/issues$/,
        body: /enablekit:progress learner=dee/,
      },
      {
        what: 'a reminder',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /kind\\":\\"reminder/,
        drop: true,
      },
      {
        what: 'a follow-up',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /kind\\":\\"follow-up/,
      },
      {
        what: 'a report card',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /kind\\":\\"report-card/,
      },
      {
        what: 'the dashboard',
        match: /^POST \/repos\/acme\/training\/issues$/,
        body: /enablekit:dashboard/,
        drop: true,
      },
    ];

    it('without faults: the baseline', async () => {
      const r = await schedule();
      assert.equal(r.code, 0, r.stdout + r.stderr);
      await assertScheduledOnce();
    });

    for (const w of WRITES)
      for (const f of [...FAULTS, ...(w.drop ? [DROPPED] : [])])
        it(`${w.what}: ${f.name}`, async () => {
          gh.fault({ ...f.fault, match: w.match, ...(w.body ? { body: w.body } : {}) });
          const r = await schedule();
          assert.equal(r.code, 0, r.stdout + r.stderr);
          assert.ok(faulted(f.fault), 'the fault was injected');
          await assertScheduledOnce();
        });

    it('a run that fails at a reminder (GitHub keeps answering 502) is made good by its re-run, each notice once', async () => {
      gh.fault({
        ...KEEPS_FAILING,
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /kind\\":\\"reminder/,
      });
      const failed = await schedule();
      assert.equal(failed.code, 1, 'the run fails');
      const rerun = await schedule();
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      await assertScheduledOnce();
    });
  });
});
