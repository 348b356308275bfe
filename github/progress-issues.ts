import { PROGRESS_LABEL } from '../core/progress/ledger.js';
import { ACTIONS_BOT, writtenBy } from '../core/progress/writer.js';
import type { RepoRef } from './repo-ref.js';
import type { Client } from './calls.js';

/** An author as the REST API gives it, which the ledger reads. */
type RestUser = { login: string; id?: number } | null;

/** A comment in the REST API's shape, so the ledger reads it as it reads a listed one. */
export interface ProgressComment {
  id: number;
  body: string;
  user: RestUser;
  created_at: string;
  updated_at: string;
  html_url: string;
}

/** A progress issue with every comment on it, read in pages of 100 issues. */
export interface ProgressIssue {
  number: number;
  body: string;
  user: RestUser;
  /** Every comment on it, oldest first (REST's `comments` is their count, hence the name). */
  thread: ProgressComment[];
}

const AUTHOR = `author { __typename login ... on Bot { databaseId } ... on User { databaseId } }`;
const COMMENTS = `pageInfo { hasNextPage endCursor }
      nodes { databaseId body url createdAt updatedAt ${AUTHOR} }`;

/**
 * Every issue with the progress label (open and closed, oldest first), 100 a request, each with
 * its first 100 comments; with `$since`, only those updated at or after it (a new comment
 * updates its issue), as GitHub's IssueFilters define `since`.
 */
export const PROGRESS_ISSUES_QUERY = `query ProgressIssues($owner: String!, $repo: String!, $labels: [String!], $after: String, $since: DateTime) {
  repository(owner: $owner, name: $repo) {
    issues(first: 100, after: $after, labels: $labels, filterBy: {since: $since}, orderBy: {field: CREATED_AT, direction: ASC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        body
        ${AUTHOR}
        comments(first: 100) {
      ${COMMENTS}
        }
      }
    }
  }
}`;

/** The rest of one issue's comments, past its first 100. */
export const ISSUE_COMMENTS_QUERY = `query IssueComments($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      comments(first: 100, after: $after) {
      ${COMMENTS}
      }
    }
  }
}`;

type Actor = { __typename: string; login: string; databaseId?: number | null } | null;
type CommentNode = {
  databaseId: number;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  author: Actor;
};
type Page<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };
type IssueNode = { number: number; body: string; author: Actor; comments: Page<CommentNode> };

/**
 * An author as REST names it: GraphQL calls a bot by its app's slug (`github-actions`), REST
 * by its account's login (`github-actions[bot]`), which is what the writer is configured as.
 */
function restUser(a: Actor): RestUser {
  if (!a) return null;
  const login = a.__typename === 'Bot' ? `${a.login}[bot]` : a.login;
  return { login, ...(typeof a.databaseId === 'number' ? { id: a.databaseId } : {}) };
}

const restComment = (c: CommentNode): ProgressComment => ({
  id: c.databaseId,
  body: c.body,
  user: restUser(c.author),
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  html_url: c.url,
});

/**
 * Every progress issue enablekit opened, each with all its comments: one GraphQL request per
 * 100 issues (plus one per further 100 comments on an issue that has more), where listing
 * each learner's comments over REST took a request per learner. Issues another identity
 * opened are left out, as `botIssues` leaves them out.
 */
export async function readProgressIssues(gh: Client, ctx: RepoRef): Promise<ProgressIssue[]> {
  return (await readIssues(gh, ctx)).issues;
}

/**
 * The progress issues, read through GraphQL; with `since`, only those updated at or after it.
 * `at` is GitHub's time (its Date header) when it answered the first page: every change after
 * that read has an updatedAt at or after `at` less a second (the header's precision).
 */
async function readIssues(
  gh: Client,
  ctx: RepoRef,
  since?: string,
): Promise<{ issues: ProgressIssue[]; at?: string; requests: number }> {
  const out: ProgressIssue[] = [];
  let after: string | null = null;
  let at: string | undefined;
  let requests = 0;
  do {
    const answered: { data: { repository: { issues: Page<IssueNode> } }; date?: string } =
      await query<{ repository: { issues: Page<IssueNode> } }>(
        gh,
        PROGRESS_ISSUES_QUERY,
        {
          owner: ctx.owner,
          repo: ctx.repo,
          labels: [PROGRESS_LABEL],
          after,
          ...(since ? { since } : {}),
        },
        `the progress issues of ${ctx.owner}/${ctx.repo}`,
      );
    requests++;
    at ??= answered.date;
    const page: Page<IssueNode> = answered.data.repository.issues;
    for (const node of page.nodes) {
      const user = restUser(node.author);
      if (!writtenBy(user, ctx.writer ?? ACTIONS_BOT)) continue;
      const comments = node.comments.nodes.map(restComment);
      let more = node.comments.pageInfo;
      while (more.hasNextPage) {
        const next: Page<CommentNode> = await issueComments(gh, ctx, node.number, more.endCursor);
        requests++;
        comments.push(...next.nodes.map(restComment));
        more = next.pageInfo;
      }
      out.push({ number: node.number, body: node.body, user, thread: comments });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { issues: out, ...(at ? { at } : {}), requests };
}

/** The progress issues as a run read them, kept for the next run to read only what changed since. */
export interface ProgressSnapshot {
  /** Issues updated at or after this (GitHub's clock) were not yet read: the next run reads them. */
  since: string;
  /** When every issue was last read in full (GitHub's clock). */
  fullAt: string;
  issues: ProgressIssue[];
}

/**
 * How far back of GitHub's Date header the next run's `since` goes. The header is GitHub's
 * time when it answered, to the second; the page it answered was read a moment before, and an
 * issue's updatedAt is stamped by another of GitHub's hosts, whose clock may differ a little.
 * Ten minutes covers that many times over; it costs re-reading the issues changed in those
 * ten minutes, a page.
 */
export const SINCE_OVERLAP_MS = 10 * 60_000;
/** A full read at least this often: what `since` cannot see (a label taken off, a comment deleted) is caught then. */
export const FULL_READ_EVERY_MS = 7 * 24 * 3_600_000;

/**
 * The progress issues, reading only what changed since the last run's snapshot: the issues
 * updated since its mark replace the ones kept, the rest are kept as they were. Without a
 * snapshot (a first run, a cache gone) or a week after the last full read, everything is read.
 * The new snapshot's mark is GitHub's own time (never the runner's clock) when this read began,
 * less the overlap, so a change landing while this run reads or writes is read again by the next.
 */
export async function readProgressIssuesSince(
  gh: Client,
  ctx: RepoRef,
  last: ProgressSnapshot | undefined,
  now: string,
): Promise<{ issues: ProgressIssue[]; snapshot?: ProgressSnapshot; full: boolean; read: number }> {
  const full = !last || !(Date.parse(now) - Date.parse(last.fullAt) < FULL_READ_EVERY_MS);
  const r = await readIssues(gh, ctx, full ? undefined : last.since);
  let issues = r.issues;
  if (!full) {
    const byNumber = new Map(last.issues.map((i) => [i.number, i]));
    for (const i of r.issues) byNumber.set(i.number, i);
    issues = [...byNumber.values()].sort((a, b) => a.number - b.number);
  }
  if (!r.at || Number.isNaN(Date.parse(r.at))) return { issues, full, read: r.issues.length };
  const since = new Date(Date.parse(r.at) - SINCE_OVERLAP_MS).toISOString();
  return {
    issues,
    snapshot: { since, fullAt: full ? since : last.fullAt, issues },
    full,
    read: r.issues.length,
  };
}

async function issueComments(
  gh: Client,
  ctx: RepoRef,
  number: number,
  after: string | null,
): Promise<Page<CommentNode>> {
  const { data } = await query<{ repository: { issue: { comments: Page<CommentNode> } } }>(
    gh,
    ISSUE_COMMENTS_QUERY,
    { owner: ctx.owner, repo: ctx.repo, number, after },
    `the comments of progress issue #${number} in ${ctx.owner}/${ctx.repo}`,
  );
  return data.repository.issue.comments;
}

/**
 * A query, with GitHub's NOT_FOUND (a repository or issue this token cannot see: an answer
 * of 200 with an error beside null data) said as REST would say it, a 404, so callers treat
 * both APIs' answers alike.
 */
async function query<T>(
  gh: Client,
  text: string,
  variables: Record<string, unknown>,
  what: string,
): Promise<{ data: T; date?: string }> {
  let date: string | undefined;
  try {
    const data = await gh.graphql<T>(text, {
      ...variables,
      // GitHub's clock, from the answer's Date header: what a later run's `since` is measured by.
      request: {
        hook: async (
          request: (o: unknown) => Promise<{ headers: Record<string, unknown> }>,
          options: unknown,
        ) => {
          const answer = await request(options);
          if (typeof answer.headers.date === 'string')
            date = new Date(answer.headers.date).toISOString();
          return answer;
        },
      },
    });
    return { data, ...(date ? { date } : {}) };
  } catch (e) {
    const errors = (e as { errors?: { type?: string; message?: string }[] }).errors;
    const missing = errors?.find((x) => x.type === 'NOT_FOUND');
    if (!missing) throw e;
    throw Object.assign(
      new Error(
        `Expected to read ${what}; GitHub answered: ${missing.message ?? 'not found'} Check the repository's name and that the token can read its issues.`,
      ),
      { status: 404 },
    );
  }
}
