import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readIssueData } from '../core/freshness/stale-issue.js';
import { isWrite, LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { runAction, workspaceWith, releaseEvent } from './helpers/run-action.js';

const require = createRequire(import.meta.url);
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
const CURRICULA = join(ROOT, 'test', 'fixtures', 'freshness-curricula');
const TODAY = new Date().toISOString().slice(0, 10);

function dispatchEvent(payload: Record<string, unknown>) {
  const e = example('repository_dispatch');
  e.action = 'product-release';
  e.client_payload = payload;
  return e;
}

function pushEvent(sha: string, ref = 'refs/heads/main') {
  const e = example('push');
  e.ref = ref;
  e.after = sha;
  e.repository.default_branch = 'main';
  return e;
}

describe('the GitHub Action flags stale training (real bundle, local GitHub API)', function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issues = () => [...repo().issues.values()].filter((i) => !i.isPull);
  const itemIssue = (id: string) =>
    issues().filter(
      (i) =>
        readIssueData(i.body)?.kind === 'item' &&
        (readIssueData(i.body) as { item: string }).item === id,
    );
  const reviewIssue = (tag: string) =>
    issues().find((i) => {
      const d = readIssueData(i.body);
      return d?.kind === 'review' && d.release === tag;
    });
  const writes = (from: number) => gh.calls.slice(from).filter(isWrite).length;
  const run = (eventName: string, payload: unknown, inputs: Record<string, string> = {}) =>
    runAction({ apiUrl: gh.url, workspace, eventName, payload, inputs });
  const edit = (file: string, from: string | RegExp, to: string) =>
    writeFileSync(
      join(workspace, 'curricula', file),
      readFileSync(join(workspace, 'curricula', file), 'utf8').replace(from, to),
    );

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    gh.state.repo('beacon', 'desk');
    gh.state.repo('acme', 'training');
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('on a published release, opens one issue per item covering a feature named in the notes, assigned to its owner, and a release-review task list; calls <= stale items + 3', async () => {
    const before = gh.calls.length;
    const r = await run('release', releaseEvent('v4.3.0', 'SLA timers now pause on weekends.'), {
      'feature-sources': 'explicit,notes',
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.opened, '2');
    const sla = itemIssue('sla-basics');
    assert.equal(sla.length, 1);
    assert.deepEqual(sla[0]!.assignees, ['lena-trainer']);
    assert.ok(sla[0]!.labels.includes('enablekit:stale'));
    assert.match(sla[0]!.title, /Stale training: module "sla-basics"/);
    assert.match(sla[0]!.body, /sla-policies \(release notes \("sla"\)\)/);
    assert.match(
      sla[0]!.body,
      /\[line 13\]\(https:\/\/github.com\/acme\/training\/blob\/HEAD\/curricula\/sla.md#L13\)/,
      'links the line that mentions the SLA',
    );
    assert.equal(itemIssue('sla-quiz').length, 1);
    assert.equal(itemIssue('routing-basics').length, 0);
    const review = reviewIssue('v4.3.0')!;
    assert.match(review.body, new RegExp(`- \\[ \\] #${sla[0]!.number} module \`sla-basics\``));
    assert.match(review.body, /- \[ \] #\d+ quiz `sla-quiz`/);
    const calls = gh.calls.slice(before).filter((c) => c.path.startsWith('/repos/acme/training'));
    assert.ok(calls.length <= 2 + 3, `${calls.length} calls for 2 stale items`);
    assert.equal(JSON.parse(r.outputs.summary!).features['sla-policies'], 'release notes ("sla")');
  });

  it('reads features from the product repository: labels of the merged pull requests and changed paths, from a repository_dispatch', async () => {
    const desk = gh.state.repo('beacon', 'desk');
    desk.releases.push(
      { tag_name: 'v4.1.0', body: '', draft: false },
      { tag_name: 'v4.2.0', body: '', draft: false },
      { tag_name: 'v4.3.0', body: '', draft: false },
    );
    const commits = Array.from({ length: 130 }, (_, k) => ({
      sha: `c${k}`,
      message:
        k === 120
          ? 'Merge pull request #7 from beacon/new-rules\n\nRouting by language'
          : `Tidy ${k}`,
    }));
    desk.comparisons.set('v4.2.0...v4.3.0', { commits, files: ['src/inbox/list.ts', 'README.md'] });
    const pr = desk.addPull({
      number: 7,
      author: 'dev',
      title: 'New rules',
      head: { ref: 'x', sha: 'x' },
      base: { ref: 'main', sha: 'y' },
      files: [],
    });
    pr.state = 'closed';
    desk.issues.get(7)!.labels.push('area: routing');
    const r = await run(
      'repository_dispatch',
      dispatchEvent({ release: 'v4.3.0', notes: 'Quality release.' }),
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const features = JSON.parse(r.outputs.summary!).features;
    assert.deepEqual(features, {
      'routing-rules': 'pull request #7 labelled "area: routing"',
      'ticket-inbox': 'changed path src/inbox/list.ts',
    });
    assert.equal(
      gh.callsTo('repos/compare-commits-with-basehead'),
      2,
      'the comparison is paginated',
    );
    assert.deepEqual(itemIssue('routing-basics')[0]!.assignees, ['omar-lead']);
    const inbox = itemIssue('inbox-tour')[0]!;
    assert.deepEqual(inbox.assignees, [], 'a team cannot be assigned');
    assert.match(inbox.body, /Owner: @beacon\/docs/);
  });

  it('says so when a release touched nothing, and a re-run of the same release writes nothing', async () => {
    const r = await run('release', releaseEvent('v4.3.0', 'Faster search.'), {
      'feature-sources': 'notes',
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(itemIssue('sla-basics').length, 0);
    assert.match(reviewIssue('v4.3.0')!.body, /changed no feature in the registry/);
    assert.equal(
      reviewIssue('v4.3.0')!.state,
      'closed',
      'nothing to review: the issue records the check and closes',
    );
    await run('release', releaseEvent('v4.3.1', 'SLA fixes.'), { 'feature-sources': 'notes' });
    const before = gh.calls.length;
    const again = await run('release', releaseEvent('v4.3.1', 'SLA fixes.'), {
      'feature-sources': 'notes',
    });
    assert.equal(again.code, 0);
    assert.equal(writes(before), 0, 'nothing flagged twice');
    assert.equal(itemIssue('sla-basics').length, 1);
  });

  it('a second release updates the same issue, and a push that marks the item verified closes it with a link to the commit', async () => {
    await run('release', releaseEvent('v4.3.0', 'SLA changes.'), { 'feature-sources': 'notes' });
    await run('release', releaseEvent('v4.4.0', 'More SLA changes.'), {
      'feature-sources': 'notes',
    });
    const [issue] = itemIssue('sla-basics');
    assert.equal(itemIssue('sla-basics').length, 1, 'updated, not duplicated');
    assert.deepEqual((readIssueData(issue!.body) as { releases: string[] }).releases, [
      'v4.3.0',
      'v4.4.0',
    ]);
    assert.ok(reviewIssue('v4.4.0'));

    edit('sla.md', 'version: 4.2.0', 'version: 4.3.0');
    const early = await run('push', pushEvent('abc123'));
    assert.equal(early.code, 0, early.stdout + early.stderr);
    assert.equal(issue!.state, 'open', 'still older than v4.4.0');

    edit('sla.md', 'version: 4.3.0', 'version: 4.4.0');
    const onBranch = await run('push', pushEvent('def456', 'refs/heads/topic'));
    assert.equal(onBranch.code, 0);
    assert.equal(issue!.state, 'open', 'only the default branch closes issues');
    const r = await run('push', pushEvent('def456'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(issue!.state, 'closed');
    assert.equal(issue!.stateReason, 'completed');
    assert.match(
      repo().comments.at(-1)!.body,
      /Verified against 4\.4\.0 .* in https:\/\/github.com\/acme\/training\/commit\/def456/,
    );
    assert.match(
      reviewIssue('v4.4.0')!.body,
      new RegExp(`- \\[x\\] #${issue!.number} `),
      'the review task is ticked',
    );
    assert.equal(itemIssue('sla-quiz')[0]!.state, 'open');
    assert.equal(reviewIssue('v4.4.0')!.state, 'open', 'one task left');

    edit('sla-quiz.md', 'version: 4.2.0', 'version: 4.4.0');
    await run('push', pushEvent('fed789'));
    assert.equal(itemIssue('sla-quiz')[0]!.state, 'closed');
    assert.equal(reviewIssue('v4.4.0')!.state, 'closed', 'every task ticked: the review is over');
    assert.equal(reviewIssue('v4.3.0')!.state, 'closed');
  });

  it('keeps every reason that still holds: a release, then a schedule, then another release; each reason once, in order, with the lines', async () => {
    await run('release', releaseEvent('v4.3.0', 'SLA changes.'), { 'feature-sources': 'notes' });
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    edit('sla.md', 'date: 2026-10-05}', `date: ${old}}\nreview_every: 30d`);
    const why = () => {
      const [issue] = itemIssue('sla-basics');
      return issue!.body.split('### Why\n\n')[1]!.split('\n\n')[0]!.split('\n');
    };
    const lines = /### Lines that mention what changed\n\n- \[line \d+\]/;

    const s = await run('schedule', { schedule: '0 6 * * 1' });
    assert.equal(s.code, 0, s.stdout + s.stderr);
    assert.equal(itemIssue('sla-basics').length, 1);
    let reasons = why();
    assert.equal(reasons.length, 2, reasons.join('\n'));
    assert.match(reasons[0]!, /verified against 4\.3\.0, which changed sla-policies/);
    assert.match(reasons[1]!, /to be reviewed by .* \(every 30d\)/);
    assert.match(itemIssue('sla-basics')[0]!.body, lines);

    const r = await run('release', releaseEvent('v4.4.0', 'More SLA changes.'), {
      'feature-sources': 'notes',
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    reasons = why();
    assert.equal(reasons.length, 3, reasons.join('\n'));
    assert.match(reasons[0]!, /verified against 4\.3\.0, which changed sla-policies/);
    assert.match(reasons[1]!, /verified against 4\.4\.0, which changed sla-policies/);
    assert.match(reasons[2]!, /to be reviewed by .* \(every 30d\)/);
    assert.match(itemIssue('sla-basics')[0]!.body, lines);

    const before = gh.calls.length;
    await run('schedule', { schedule: '0 6 * * 1' });
    assert.equal(
      gh.calls
        .slice(before)
        .filter(
          (c) => isWrite(c) && c.path.includes(`/issues/${itemIssue('sla-basics')[0]!.number}`),
        ).length,
      0,
      'the next schedule finds nothing new to say',
    );
  });

  it('stops at the operations budget and the next scheduled run resumes the release', async () => {
    const r = await run(
      'release',
      releaseEvent('v4.3.0', 'SLA, routing and the inbox all changed.'),
      { 'feature-sources': 'notes', 'operations-per-run': '3' },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const first = JSON.parse(r.outputs.summary!);
    assert.equal(first.opened, 1);
    assert.equal(first.deferred, 3);
    assert.match(reviewIssue('v4.3.0')!.body, /issue not opened yet/);
    const s = await run('schedule', { schedule: '0 6 * * 1' });
    assert.equal(s.code, 0, s.stdout + s.stderr);
    for (const id of ['sla-basics', 'sla-quiz', 'routing-basics', 'inbox-tour'])
      assert.equal(itemIssue(id).length, 1, id);
    assert.doesNotMatch(reviewIssue('v4.3.0')!.body, /not opened yet/);
    assert.equal(issues().length, 5);
  });

  it('on schedule, flags items whose review interval ran out, once', async () => {
    for (const f of readdirSync(join(workspace, 'curricula')).filter((f) => f.endsWith('.md')))
      edit(f, /date: \d{4}-\d{2}-\d{2}/, `date: ${TODAY}`);
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    edit('welcome.md', `date: ${TODAY}}`, `date: ${old}}\nreview_every: 30d`);
    const r = await run('schedule', { schedule: '0 6 * * 1' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(issues().length, 1);
    assert.match(itemIssue('welcome')[0]!.body, /days overdue/);
    const before = gh.calls.length;
    await run('schedule', { schedule: '0 6 * * 1' });
    assert.equal(writes(before), 0);
  });

  it('survives faults: a 502 and a secondary rate limit are retried; an unreadable product repository leaves the notes', async () => {
    gh.fault({ status: 502, times: 1, match: /^POST \/repos\/acme\/training\/issues$/ });
    gh.fault({
      status: 403,
      times: 1,
      retryAfter: 1,
      match: /^GET \/repos\/acme\/training\/issues$/,
    });
    gh.fault({ status: 404, times: 1, match: /releases/ });
    const r = await run('release', releaseEvent('v4.3.0', 'SLA changes.'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Expected to read beacon\/desk .* GitHub answered 404/);
    assert.equal(itemIssue('sla-basics').length, 1);
    assert.equal(itemIssue('sla-quiz').length, 1);
  });

  it('dry-run writes nothing and says what it would do; a tag that is not a version fails plainly', async () => {
    const before = gh.calls.length;
    const r = await run('release', releaseEvent('v4.3.0', 'SLA changes.'), {
      'dry-run': 'true',
      'feature-sources': 'notes',
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(writes(before), 0);
    assert.match(r.stdout, /Dry run: would open "Stale training: module "sla-basics""/);
    const bad = await run('release', releaseEvent('latest', 'SLA changes.'));
    assert.equal(bad.code, 1);
    assert.match(
      bad.stdout,
      /Expected the release tag to be a version such as v4.3.0; found "latest"/,
    );
    assert.doesNotMatch(bad.stdout + bad.stderr, /at .*\.js:\d+/, 'no stack trace');
    const empty = await run('repository_dispatch', dispatchEvent({}));
    assert.equal(
      empty.code,
      1,
      'a dispatch that names no release is a broken sender, not a quiet success',
    );
    assert.match(
      empty.stdout,
      /Expected the repository_dispatch payload to name the release \(client_payload\.release/,
    );
  });
});
