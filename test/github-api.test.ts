import assert from 'node:assert/strict';
import { Octokit } from 'octokit';
import { LocalGitHub } from './github-api/server.js';

describe('the local GitHub API server, through the real octokit client', function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  let octokit: InstanceType<typeof Octokit>;

  beforeEach(async () => {
    gh = new LocalGitHub();
    const baseUrl = await gh.start();
    octokit = new Octokit({
      auth: 'test-token',
      baseUrl,
      retry: { retryAfterBaseValue: 1 },
      throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => true },
    });
    const repo = gh.state.repo('acme', 'training');
    repo.setFiles('main', { 'curricula/quiz.md': 'quiz' });
    repo.addPull({
      number: 7,
      author: 'ana',
      title: 'My answers',
      head: { ref: 'ana/quiz', sha: 'h1' },
      base: { ref: 'main', sha: 'b1' },
      files: Array.from({ length: 250 }, (_, i) => ({
        filename: `submissions/ana/f${i}.md`,
        status: 'added' as const,
      })),
    });
  });

  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, []);
  });

  it('paginates like GitHub: octokit.paginate follows the Link headers to every item', async () => {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'acme',
      repo: 'training',
      pull_number: 7,
      per_page: 100,
    });
    assert.equal(files.length, 250);
    assert.equal(gh.callsTo('pulls/list-files'), 3);
  });

  it('serves file contents at a ref, and 404 for a missing one', async () => {
    const { data } = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'training',
      path: 'curricula/quiz.md',
      ref: 'main',
    });
    assert.equal(Buffer.from((data as { content: string }).content, 'base64').toString(), 'quiz');
    await assert.rejects(
      octokit.rest.repos.getContent({
        owner: 'acme',
        repo: 'training',
        path: 'curricula/quiz.md',
        ref: 'h1',
      }),
      (e: { status: number }) => e.status === 404,
    );
  });

  it('records requests GitHub would reject, as violations', async () => {
    await assert.rejects(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'acme',
        repo: 'training',
        head_sha: 'h1',
        status: 'bogus',
      } as never),
    );
    assert.equal(gh.violations.length, 1, gh.violations.join('\n'));
    assert.match(gh.violations[0]!, /must have required property 'name'/);
    gh.violations.length = 0;
    await assert.rejects(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', {
        owner: 'acme',
        repo: 'training',
      }),
    );
    assert.match(gh.violations[0]!, /no such operation/);
    gh.violations.length = 0;
  });

  it('comments, labels and check runs round-trip', async () => {
    const { data: c } = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'training',
      issue_number: 7,
      body: 'hello',
    });
    await octokit.rest.issues.updateComment({
      owner: 'acme',
      repo: 'training',
      comment_id: c.id,
      body: 'updated',
    });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'training',
      issue_number: 7,
    });
    assert.deepEqual(
      comments.map((x) => [x.body, x.user?.login]),
      [['updated', 'github-actions[bot]']],
    );
    await octokit.rest.issues.addLabels({
      owner: 'acme',
      repo: 'training',
      issue_number: 7,
      labels: ['checkpoint:passed'],
    });
    assert.deepEqual(gh.state.repo('acme', 'training').issues.get(7)!.labels, [
      'checkpoint:passed',
    ]);
    const { data: run } = await octokit.rest.checks.create({
      owner: 'acme',
      repo: 'training',
      name: 'enablekit',
      head_sha: 'h1',
      status: 'completed',
      conclusion: 'success',
      output: {
        title: 'ok',
        summary: 'ok',
        annotations: [
          { path: 'a.md', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'm' },
        ],
      },
    });
    assert.equal(
      gh.state.repo('acme', 'training').checkRuns.find((r) => r.id === run.id)!.annotations.length,
      1,
    );
  });

  it("refuses an issue or comment body over GitHub's 65,536 characters with GitHub's 422, and takes one at the limit", async () => {
    const where = { owner: 'acme', repo: 'training' };
    const tooLong = 'x'.repeat(65_537);
    // A character outside the Basic Multilingual Plane is two UTF-16 code units: the server counts those, never fewer than GitHub.
    const atLimit = `${'x'.repeat(65_534)}🙂`;
    const refusal = (resource: string) => (e: unknown) => {
      const err = e as { status: number; response: { data: unknown } };
      assert.equal(err.status, 422);
      assert.deepEqual((err.response.data as { errors: unknown }).errors, [
        {
          resource,
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ]);
      return true;
    };
    await assert.rejects(
      octokit.rest.issues.create({ ...where, title: 'Dashboard', body: tooLong }),
      refusal('Issue'),
    );
    const { data: issue } = await octokit.rest.issues.create({
      ...where,
      title: 'Dashboard',
      body: atLimit,
    });
    await assert.rejects(
      octokit.rest.issues.update({ ...where, issue_number: issue.number, body: tooLong }),
      refusal('Issue'),
    );
    assert.equal(gh.state.repo('acme', 'training').issues.get(issue.number)!.body, atLimit);
    await assert.rejects(
      octokit.rest.issues.createComment({ ...where, issue_number: 7, body: tooLong }),
      refusal('IssueComment'),
    );
    const { data: c } = await octokit.rest.issues.createComment({
      ...where,
      issue_number: 7,
      body: 'short',
    });
    await assert.rejects(
      octokit.rest.issues.updateComment({ ...where, comment_id: c.id, body: `${tooLong}🙂` }),
      refusal('IssueComment'),
    );
    assert.equal(
      gh.state.repo('acme', 'training').comments.find((x) => x.id === c.id)!.body,
      'short',
    );
  });

  it('injects 500, 502 and secondary rate limits, which octokit retries', async () => {
    gh.fault({ status: 502, times: 1, match: /^GET .*\/pulls\/7$/ });
    gh.fault({ status: 500, times: 1, match: /^GET .*\/pulls\/7$/ });
    const { data } = await octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'training',
      pull_number: 7,
    });
    assert.equal(data.user?.login, 'ana');
    assert.equal(gh.calls.filter((c) => c.operationId === 'pulls/get').length, 3);
    gh.fault({ status: 403, times: 1, retryAfter: 1 });
    const started = Date.now();
    await octokit.rest.pulls.get({ owner: 'acme', repo: 'training', pull_number: 7 });
    assert.ok(Date.now() - started >= 900, 'waited for retry-after');
  });

  it('serves the API under /api/v3 as GitHub Enterprise Server does', async () => {
    const ghes = new Octokit({ auth: 't', baseUrl: `${gh.url}/api/v3` });
    const { data } = await ghes.rest.pulls.get({ owner: 'acme', repo: 'training', pull_number: 7 });
    assert.equal(data.number, 7);
  });

  it('answers If-None-Match as GitHub does: a 304 not counted against the rate limit, ETags per token', async () => {
    const repo = gh.state.repo('acme', 'training');
    const dashboard = repo.addIssue('Training dashboard', 'body', 'github-actions[bot]', [
      'enablekit:dashboard',
    ]);
    const list = (o: InstanceType<typeof Octokit>, etag?: string) =>
      o.rest.issues.listForRepo({
        owner: 'acme',
        repo: 'training',
        labels: 'enablekit:dashboard',
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
      });
    const first = await list(octokit);
    const etag = first.headers.etag!;
    assert.match(etag, /^W\/"[0-9a-f]{40}"$/);
    const used = Number(first.headers['x-ratelimit-used']);
    await assert.rejects(list(octokit, etag), (e: { status?: number }) => e.status === 304);
    assert.equal(gh.calls.at(-1)!.counted, false, 'a 304 is not counted');
    const again = await list(octokit);
    assert.equal(Number(again.headers['x-ratelimit-used']), used + 1, 'only the 200 was counted');
    // Another token (the workflow's is new each run): its ETag differs, and the first one is not a match.
    const other = new Octokit({ auth: 'another-token', baseUrl: gh.url });
    const theirs = await list(other, etag);
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.headers.etag, etag);
    // A change makes a new ETag: the old one is answered in full.
    dashboard.body = 'changed';
    assert.equal((await list(octokit, etag)).status, 200);
  });

  it("filters issues by GraphQL's filterBy.since, a new comment counting as an update; other filters are not implemented, and said so", async () => {
    const repo = gh.state.repo('acme', 'training');
    const old = repo.addIssue('old', '', 'ana', ['enablekit:progress']);
    const commented = repo.addIssue('commented', '', 'ana', ['enablekit:progress']);
    const edited = repo.addIssue('edited', '', 'ana', ['enablekit:progress']);
    for (const i of [old, commented, edited]) i.updated_at = '2026-01-01T00:00:00Z';
    repo.comments.push({
      id: gh.state.id(),
      issue: commented.number,
      author: 'bo',
      body: 'hello',
      created_at: '2026-03-01T00:00:00Z',
      updated_at: '2026-03-01T00:00:00Z',
    });
    await octokit.rest.issues.update({
      owner: 'acme',
      repo: 'training',
      issue_number: edited.number,
      body: 'new',
    });
    const since = async (at: string) =>
      (
        await octokit.graphql<{
          repository: { issues: { nodes: { number: number; updatedAt: string }[] } };
        }>(
          `query($since: DateTime) { repository(owner: "acme", name: "training") { issues(first: 100, labels: ["enablekit:progress"], filterBy: {since: $since}) { nodes { number updatedAt } } } }`,
          { since: at },
        )
      ).repository.issues.nodes;
    assert.deepEqual(
      (await since('2026-02-01T00:00:00Z')).map((i) => i.number),
      [commented.number, edited.number],
    );
    const [c] = await since('2026-03-01T00:00:00Z');
    assert.deepEqual(
      c,
      { number: commented.number, updatedAt: '2026-03-01T00:00:00Z' },
      'at or after',
    );
    assert.equal((await since('2026-01-01T00:00:00Z')).length, 3);
    await octokit.graphql(
      `{ repository(owner: "acme", name: "training") { issues(first: 1, filterBy: {assignee: "ana"}) { nodes { number } } } }`,
    );
    assert.deepEqual(gh.violations.splice(0), [
      'POST /graphql: Repository.issues(filterBy: {assignee}) is valid but not implemented by the local server',
    ]);
  });
});
