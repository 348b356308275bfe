import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readIssueData } from '../core/freshness/stale-issue.js';
import { progressMarker, readRecords, recordComment } from '../core/progress/ledger.js';
import { recordKey, type ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub, type Fault } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith } from './helpers/run-action.js';

/**
 * Every write the Action makes happens exactly once, whatever GitHub answers: a write applied
 * and then answered 502, a 502 for a write not applied, a secondary rate limit with
 * retry-after, and the documented re-run of a run GitHub made fail. Each case ends with every
 * comment, issue, record and check run present once, and the outcome a run without faults has.
 */

const require = createRequire(import.meta.url);
const BOT = 'github-actions[bot]';

/** The three faults, each injected once on the write a case names. */
const FAULTS: { name: string; fault: Omit<Fault, 'match' | 'body'> }[] = [
  { name: 'applied, then answered 502', fault: { status: 502, times: 1, applied: true } },
  { name: 'answered 502, then fine', fault: { status: 502, times: 1 } },
  {
    name: 'a secondary rate limit (403, retry-after)',
    fault: { status: 403, times: 1, retryAfter: 1 },
  },
];

/** No answer at all after the write was applied: for the creates, where it matters. */
const DROPPED = {
  name: 'applied, then the connection dropped',
  fault: { status: 502 as const, times: 1, applied: true, drop: true },
};

/** Not applied, every time the run asks: octokit's and enablekit's retries run out and the run fails. */
const KEEPS_FAILING: Omit<Fault, 'match' | 'body'> = { status: 502, times: 4 };

const faultedIn = (server: LocalGitHub, f: Omit<Fault, 'match' | 'body'>) =>
  server.calls.some((c) => c.status === (f.drop ? 0 : f.status));

const count = (bodies: readonly string[], pattern: RegExp) =>
  bodies.filter((b) => pattern.test(b)).length;

describe('the Action writes exactly once under faults and re-runs (real bundle, local GitHub API)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issues = () => [...repo().issues.values()].filter((i) => !i.isPull);
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const faulted = (f: Omit<Fault, 'match' | 'body'>) => faultedIn(gh, f);

  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  describe('grading a pull request, with progress', () => {
    const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
    const quiz = parseFile(
      'basics-quiz.md',
      readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'),
    ).model.item as Quiz;
    const RIGHT = answerSheetText(quiz, 'ana')
      .replace('- [ ] Incident', '- [x] Incident')
      .replace('Answer: ', 'Answer: X-Request-Id');

    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
      workspace = workspaceWith(CURRICULA);
      repo().setFiles('sha-1', { 'submissions/ana/basics-quiz.md': RIGHT });
      repo().addPull({
        number: 500,
        author: 'ana',
        title: 'Answers',
        head: { ref: 'ana/answers', sha: 'sha-1' },
        base: { ref: 'main', sha: 'base' },
        files: [{ filename: 'submissions/ana/basics-quiz.md', status: 'added' }],
      });
    });

    const grade = (action = 'opened') =>
      runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent(action, { number: 500, author: 'ana', headSha: 'sha-1' }),
      });
    const progressIssues = () => issues().filter((i) => i.body.includes(progressMarker('ana')));

    /** What one grading of a right first attempt leaves, each thing once. */
    function assertGradedOnce(outputs: Record<string, string>) {
      const onPull = commentsOn(500).map((c) => c.body);
      assert.equal(
        onPull.length,
        1,
        `one comment on the pull request; found:\n${onPull.join('\n---\n')}`,
      );
      assert.match(onPull[0]!, /<!-- enablekit:grade -->[\s\S]*Passed: 100%/);
      assert.deepEqual(repo().issues.get(500)!.labels, ['checkpoint:passed']);
      assert.deepEqual(
        repo().checkRuns.map((c) => c.conclusion),
        ['success'],
        'one check run',
      );
      assert.equal(progressIssues().length, 1, 'one progress issue');
      const [issue] = progressIssues();
      assert.deepEqual(issue!.labels, ['enablekit:progress', 'enablekit:track-complete']);
      const bodies = commentsOn(issue!.number).map((c) => c.body);
      assert.equal(new Set(bodies).size, bodies.length, 'no comment written twice');
      const keys = bodies.flatMap((b) => readRecords(b)).map(recordKey);
      assert.equal(new Set(keys).size, keys.length, `each record once: ${keys.join(', ')}`);
      assert.deepEqual([...new Set(keys)].sort(), [
        'basics-quiz#500@sha-1',
        'basics-quiz#500@sha-1/claim',
      ]);
      assert.equal(count(bodies, /Report card: Support basics/), 1, 'one report card');
      assert.match(issue!.body, /Training progress of @ana/);
      assert.equal(JSON.parse(outputs.summary!).sheets[0].attempt, 1);
      assert.equal(outputs.passed, '1');
    }

    const WRITES: { what: string; match: RegExp; body?: RegExp; drop?: true }[] = [
      {
        what: 'the grade comment',
        match: /^POST \/repos\/acme\/training\/issues\/500\/comments$/,
        drop: true,
      },
      { what: 'the progress issue', match: /^POST \/repos\/acme\/training\/issues$/, drop: true },
      {
        what: "the attempt's claim record",
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record .*claim/,
      },
      {
        what: 'the result record',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record (?!.*claim)/,
        drop: true,
      },
      {
        what: 'the report card',
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /Report card/,
      },
      { what: "the progress issue's body", match: /^PATCH \/repos\/acme\/training\/issues\/\d+$/ },
      { what: 'the label', match: /^POST \/repos\/acme\/training\/issues\/500\/labels$/ },
      { what: 'the check run', match: /^POST \/repos\/acme\/training\/check-runs$/, drop: true },
    ];

    for (const w of WRITES)
      for (const f of [...FAULTS, ...(w.drop ? [DROPPED] : [])])
        it(`${w.what}: ${f.name}`, async () => {
          gh.fault({ ...f.fault, match: w.match, ...(w.body ? { body: w.body } : {}) });
          const r = await grade();
          assert.equal(r.code, 0, r.stdout + r.stderr);
          assert.ok(faulted(f.fault), 'the fault was injected');
          assertGradedOnce(r.outputs);
        });

    it('a run that fails at its check run (GitHub keeps answering 502) is made good by its re-run, each thing once', async () => {
      gh.fault({ ...KEEPS_FAILING, match: /^POST \/repos\/acme\/training\/check-runs$/ });
      const failed = await grade();
      assert.equal(failed.code, 1, 'the run fails');
      assert.equal(repo().checkRuns.length, 0);
      const rerun = await grade();
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      assertGradedOnce(rerun.outputs);
    });

    it('a run that fails at its result record is made good by its re-run, each thing once', async () => {
      gh.fault({
        ...KEEPS_FAILING,
        match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        body: /enablekit:record (?!.*claim)/,
      });
      const failed = await grade();
      assert.equal(failed.code, 1, 'the run fails');
      const rerun = await grade();
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      assertGradedOnce(rerun.outputs);
    });
  });

  describe('flagging stale training and closing it', () => {
    const CURRICULA = join(ROOT, 'test', 'fixtures', 'freshness-curricula');
    const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
      name: string;
      examples: Record<string, any>[];
    }[];
    const example = (name: string, action?: string) =>
      structuredClone(
        examples
          .find((e) => e.name === name)!
          .examples.find((e) => action === undefined || e.action === action)!,
      );
    const release = (tag: string) => {
      const e = example('release', 'published');
      e.release.tag_name = tag;
      e.release.body = 'SLA changes.';
      e.repository.full_name = 'acme/training';
      return e;
    };
    const push = (sha: string) => {
      const e = example('push');
      e.ref = 'refs/heads/main';
      e.after = sha;
      e.repository.default_branch = 'main';
      return e;
    };
    const run = (eventName: string, payload: unknown) =>
      runAction({
        apiUrl: gh.url,
        workspace,
        eventName,
        payload,
        inputs: { 'feature-sources': 'notes' },
      });
    const itemIssues = (id: string) =>
      issues().filter((i) => {
        const d = readIssueData(i.body);
        return d?.kind === 'item' && d.item === id;
      });
    const reviewIssues = (tag: string) =>
      issues().filter((i) => {
        const d = readIssueData(i.body);
        return d?.kind === 'review' && d.release === tag;
      });
    const verify = () => {
      const file = join(workspace, 'curricula', 'sla.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('version: 4.2.0', 'version: 4.3.0'));
    };

    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
      workspace = workspaceWith(CURRICULA);
      gh.state.repo('acme', 'training');
    });

    function assertFlaggedOnce(tag: string) {
      for (const id of ['sla-basics', 'sla-quiz'])
        assert.equal(itemIssues(id).length, 1, `one issue for ${id}`);
      assert.equal(reviewIssues(tag).length, 1, 'one release review');
      assert.equal(issues().length, 3);
      for (const i of issues()) assert.equal(commentsOn(i.number).length, 0);
    }

    for (const f of [...FAULTS, DROPPED]) {
      it(`opening a stale issue: ${f.name}`, async () => {
        gh.fault({
          ...f.fault,
          match: /^POST \/repos\/acme\/training\/issues$/,
          body: /sla-basics/,
        });
        const r = await run('release', release('v4.3.0'));
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.ok(faulted(f.fault), 'the fault was injected');
        assertFlaggedOnce('v4.3.0');
        assert.match(
          reviewIssues('v4.3.0')[0]!.body,
          new RegExp(`#${itemIssues('sla-basics')[0]!.number}\\b`),
          'the review links the issue GitHub kept',
        );
      });

      it(`opening the release review: ${f.name}`, async () => {
        gh.fault({
          ...f.fault,
          match: /^POST \/repos\/acme\/training\/issues$/,
          body: /release-review/,
        });
        const r = await run('release', release('v4.3.0'));
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.ok(faulted(f.fault), 'the fault was injected');
        assertFlaggedOnce('v4.3.0');
      });

      it(`updating a stale issue for a second release: ${f.name}`, async () => {
        assert.equal((await run('release', release('v4.3.0'))).code, 0);
        gh.fault({ ...f.fault, match: /^PATCH \/repos\/acme\/training\/issues\/\d+$/ });
        const r = await run('release', release('v4.4.0'));
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.ok(faulted(f.fault), 'the fault was injected');
        for (const id of ['sla-basics', 'sla-quiz']) {
          assert.equal(itemIssues(id).length, 1, `one issue for ${id}`);
          assert.deepEqual(
            (readIssueData(itemIssues(id)[0]!.body) as { releases: string[] }).releases,
            ['v4.3.0', 'v4.4.0'],
          );
        }
        assert.equal(reviewIssues('v4.4.0').length, 1);
      });

      it(`the "Verified against … Closing." comment: ${f.name}`, async () => {
        assert.equal((await run('release', release('v4.3.0'))).code, 0);
        verify();
        gh.fault({
          ...f.fault,
          match: /^POST \/repos\/acme\/training\/issues\/\d+\/comments$/,
        });
        const r = await run('push', push('def456'));
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.ok(faulted(f.fault), 'the fault was injected');
        const [issue] = itemIssues('sla-basics');
        assert.equal(issue!.state, 'closed');
        assert.equal(
          count(
            commentsOn(issue!.number).map((c) => c.body),
            /Verified against 4\.3\.0/,
          ),
          1,
        );
      });
    }

    it('a close that fails after its comment, then the documented re-run: the comment once, the issue closed', async () => {
      assert.equal((await run('release', release('v4.3.0'))).code, 0);
      verify();
      const [issue] = itemIssues('sla-basics');
      gh.fault({
        ...KEEPS_FAILING,
        match: new RegExp(`^PATCH /repos/acme/training/issues/${issue!.number}$`),
        body: /"state":"closed"/,
      });
      const failed = await run('push', push('def456'));
      assert.equal(failed.code, 1, 'GitHub kept failing the close');
      assert.equal(issue!.state, 'open');
      assert.equal(commentsOn(issue!.number).length, 1, 'the comment was made');
      const rerun = await run('push', push('def456'));
      assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
      assert.equal(issue!.state, 'closed');
      assert.equal(issue!.stateReason, 'completed');
      const bodies = commentsOn(issue!.number).map((c) => c.body);
      assert.equal(bodies.length, 1, `one comment; found:\n${bodies.join('\n---\n')}`);
      assert.match(
        bodies[0]!,
        /Verified against 4\.3\.0 .* in https:\/\/github.com\/acme\/training\/commit\/def456\. Closing\./,
      );
    });

    it('a close that fails after its comment, then the next push: the comment once, the issue closed', async () => {
      assert.equal((await run('release', release('v4.3.0'))).code, 0);
      verify();
      const [issue] = itemIssues('sla-basics');
      gh.fault({
        ...KEEPS_FAILING,
        match: new RegExp(`^PATCH /repos/acme/training/issues/${issue!.number}$`),
        body: /"state":"closed"/,
      });
      assert.equal((await run('push', push('def456'))).code, 1, 'GitHub kept failing the close');
      const next = await run('push', push('fed789'));
      assert.equal(next.code, 0, next.stdout + next.stderr);
      assert.equal(issue!.state, 'closed');
      const bodies = commentsOn(issue!.number).map((c) => c.body);
      assert.equal(bodies.length, 1, `one comment; found:\n${bodies.join('\n---\n')}`);
      assert.match(bodies[0]!, /Verified against 4\.3\.0 .*commit\/def456\. Closing\./);
    });
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
      assert.equal(
        gh.calls.slice(before).filter((c) => c.method !== 'GET').length,
        0,
        'a second run writes nothing',
      );
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
