import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readIssueData } from '../core/freshness/stale-issue.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { runAction, workspaceWith } from './helpers/run-action.js';
import {
  count,
  DROPPED,
  faultedIn,
  FAULTS,
  KEEPS_FAILING,
  type WriteFault,
} from './helpers/write-faults.js';

/**
 * Freshness writes exactly once, whatever GitHub answers: a stale issue and the release review
 * opened, an issue updated, and the "Verified against … Closing." comment before its close; a
 * close that failed after its comment is made good by the re-run (or the next push) without a
 * second comment.
 */

const require = createRequire(import.meta.url);

describe('the Action flags and closes stale training exactly once under faults and re-runs (real bundle, local GitHub API)', function () {
  this.timeout(300_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issues = () => [...repo().issues.values()].filter((i) => !i.isPull);
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const faulted = (f: WriteFault) => faultedIn(gh, f);

  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
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
});
