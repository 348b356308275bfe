import assert from 'node:assert/strict';
import { Octokit } from 'octokit';
import { ISSUE_COMMENTS_QUERY, PROGRESS_ISSUES_QUERY } from '../github/progress-issues.js';
import { isWrite, LocalGitHub } from './github-api/server.js';

type Page = {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    number: number;
    body: string;
    author: { __typename: string; login: string; databaseId: number };
    comments: { pageInfo: { hasNextPage: boolean }; nodes: { databaseId: number; body: string }[] };
  }[];
};

describe("the local GitHub API server answers GraphQL queries, checked against GitHub's published schema", function () {
  this.timeout(60_000);
  let gh: LocalGitHub;
  let octokit: InstanceType<typeof Octokit>;
  const repo = () => gh.state.repo('acme', 'training');

  beforeEach(async () => {
    gh = new LocalGitHub();
    const baseUrl = await gh.start();
    octokit = new Octokit({
      auth: 'test-token',
      baseUrl,
      retry: { retryAfterBaseValue: 1 },
      throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => true },
    });
    // 250 labelled issues by the Action, one by a person, one unlabelled, one pull request.
    for (let k = 0; k < 250; k++) {
      const i = repo().addIssue(`t${k}`, `issue ${k}`, 'github-actions[bot]', [
        'enablekit:progress',
      ]);
      if (k === 3)
        for (let c = 0; c < 130; c++)
          repo().comments.push({
            id: gh.state.id(),
            issue: i.number,
            author: c % 2 ? 'ana' : 'github-actions[bot]',
            body: `comment ${c}`,
            created_at: '2026-03-01T00:00:00Z',
            updated_at: '2026-03-01T00:00:00Z',
          });
    }
    repo().addIssue('by a person', 'copied', 'mallory', ['enablekit:progress']);
    repo().addIssue('unlabelled', 'x', 'github-actions[bot]');
    repo().addPull({
      author: 'ana',
      title: 'a pull request',
      head: { ref: 'a', sha: 'h' },
      base: { ref: 'main', sha: 'b' },
      files: [],
    });
  });

  afterEach(async () => {
    await gh.stop();
  });

  it("pages the Action's progress query 100 issues at a time, with their comments, authors as GraphQL names them", async () => {
    const seen: Page['nodes'] = [];
    let after: string | null = null;
    let requests = 0;
    do {
      const data: { repository: { issues: Page } } = await octokit.graphql(PROGRESS_ISSUES_QUERY, {
        owner: 'acme',
        repo: 'training',
        labels: ['enablekit:progress'],
        after,
      });
      requests++;
      seen.push(...data.repository.issues.nodes);
      after = data.repository.issues.pageInfo.hasNextPage
        ? data.repository.issues.pageInfo.endCursor
        : null;
    } while (after);
    assert.deepEqual(gh.violations, []);
    assert.equal(requests, 3, '251 issues are three pages');
    assert.equal(seen.length, 251, 'every labelled issue, no pull request, nothing unlabelled');
    assert.deepEqual(
      seen.map((i) => i.number),
      [...seen.map((i) => i.number)].sort((a, b) => a - b),
      'oldest first',
    );
    // A bot is a Bot named without REST's [bot] suffix; its id is its databaseId.
    assert.deepEqual(seen[0]!.author, {
      __typename: 'Bot',
      login: 'github-actions',
      databaseId: 41898282,
    });
    assert.deepEqual(seen.at(-1)!.author.__typename, 'User');
    const busy = seen[3]!;
    assert.equal(busy.comments.nodes.length, 100);
    assert.equal(busy.comments.pageInfo.hasNextPage, true);
    assert.ok(
      gh.calls.every((c) => c.graphql === 'query' && !isWrite(c)),
      'queries are reads',
    );

    const rest: { repository: { issue: { comments: Page['nodes'][0]['comments'] } } } =
      await octokit.graphql(ISSUE_COMMENTS_QUERY, {
        owner: 'acme',
        repo: 'training',
        number: busy.number,
        after: (busy.comments.pageInfo as { endCursor?: string }).endCursor ?? null,
      });
    assert.deepEqual(
      rest.repository.issue.comments.nodes.map((c) => c.body),
      Array.from({ length: 30 }, (_, c) => `comment ${c + 100}`),
    );
    assert.deepEqual(gh.violations, []);
  });

  it('records queries GitHub would reject as violations: unknown fields, wrong types, unbounded or oversized pages', async () => {
    const bad = async (query: string, variables: Record<string, unknown>, why: RegExp) => {
      gh.violations.length = 0;
      await assert.rejects(octokit.graphql(query, variables));
      assert.equal(gh.violations.length, 1, gh.violations.join('\n'));
      assert.match(gh.violations[0]!, why);
    };
    await bad(
      `query { repository(owner: "acme", name: "training") { issues(first: 1) { nodes { grade } } } }`,
      {},
      /Cannot query field "grade" on type "Issue"/,
    );
    await bad(
      `query($n: String!) { repository(owner: "acme", name: "training") { issue(number: $n) { title } } }`,
      { n: '1' },
      /Variable "\$n" of type "String!" used in position expecting type "Int!"/,
    );
    await bad(
      `query { repository(owner: "acme", name: "training") { issues(labels: ["x"]) { nodes { number } } } }`,
      {},
      /You must provide a `first` or `last` value to properly paginate the `Repository.issues` connection/,
    );
    await bad(
      `query { repository(owner: "acme", name: "training") { issues(first: 101) { nodes { number } } } }`,
      {},
      /exceeds the `first` limit of 100 records/,
    );
    gh.violations.length = 0;
  });

  it('answers a field of the schema it has no resolver for with null, recorded as not implemented', async () => {
    const data = await octokit.graphql<{
      repository: { issue: { closedAt: null; title: string } };
    }>(
      `query { repository(owner: "acme", name: "training") { issue(number: 1) { title closedAt } } }`,
    );
    assert.equal(data.repository.issue.title, 't0');
    assert.equal(data.repository.issue.closedAt, null);
    assert.match(gh.violations.join('\n'), /Issue\.closedAt is valid but not implemented/);
    gh.violations.length = 0;
  });

  it('answers what is not there as GitHub does: null, and a NOT_FOUND error beside it', async () => {
    await assert.rejects(
      octokit.graphql(
        `query { repository(owner: "acme", name: "training") { issue(number: 999) { title } } }`,
      ),
      (e: { errors: { type: string; message: string }[]; data: unknown }) => {
        assert.deepEqual(e.data, { repository: { issue: null } });
        assert.deepEqual(
          e.errors.map((x) => [x.type, x.message]),
          [['NOT_FOUND', 'Could not resolve to an Issue with the number of 999.']],
        );
        return true;
      },
    );
    assert.deepEqual(gh.violations, [], 'a query for something missing is a valid query');
  });

  it('is retried by octokit through a 502, and served under /api/graphql to a GitHub Enterprise Server client', async () => {
    gh.fault({ status: 502, times: 1, match: /^POST \/graphql$/ });
    const q = `query { repository(owner: "acme", name: "training") { issue(number: 2) { number } } }`;
    const a: { repository: { issue: { number: number } } } = await octokit.graphql(q);
    assert.equal(a.repository.issue.number, 2);
    assert.deepEqual(
      gh.calls.map((c) => c.status),
      [502, 200],
    );
    const ghes = new Octokit({ auth: 't', baseUrl: `${gh.url}/api/v3` });
    const b: { repository: { issue: { number: number } } } = await ghes.graphql(q);
    assert.equal(b.repository.issue.number, 2);
    assert.equal(gh.calls.at(-1)!.path, '/api/graphql');
    assert.deepEqual(gh.violations, []);
  });
});
