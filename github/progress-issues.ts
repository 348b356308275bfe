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

/** Every issue with the progress label (open and closed, oldest first), 100 a request, each with its first 100 comments. */
export const PROGRESS_ISSUES_QUERY = `query ProgressIssues($owner: String!, $repo: String!, $labels: [String!], $after: String) {
  repository(owner: $owner, name: $repo) {
    issues(first: 100, after: $after, labels: $labels, orderBy: {field: CREATED_AT, direction: ASC}) {
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
  const out: ProgressIssue[] = [];
  let after: string | null = null;
  do {
    const data: { repository: { issues: Page<IssueNode> } } = await query(
      gh,
      PROGRESS_ISSUES_QUERY,
      { owner: ctx.owner, repo: ctx.repo, labels: [PROGRESS_LABEL], after },
      `the progress issues of ${ctx.owner}/${ctx.repo}`,
    );
    const page = data.repository.issues;
    for (const node of page.nodes) {
      const user = restUser(node.author);
      if (!writtenBy(user, ctx.writer ?? ACTIONS_BOT)) continue;
      const comments = node.comments.nodes.map(restComment);
      let more = node.comments.pageInfo;
      while (more.hasNextPage) {
        const next: Page<CommentNode> = await issueComments(gh, ctx, node.number, more.endCursor);
        comments.push(...next.nodes.map(restComment));
        more = next.pageInfo;
      }
      out.push({ number: node.number, body: node.body, user, thread: comments });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

async function issueComments(
  gh: Client,
  ctx: RepoRef,
  number: number,
  after: string | null,
): Promise<Page<CommentNode>> {
  const data: { repository: { issue: { comments: Page<CommentNode> } } } = await query(
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
): Promise<T> {
  try {
    return await gh.graphql<T>(text, variables);
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
