/** What every handler of the local GitHub API server shares: its reply, its signature, the not-found answer, users and repositories. */
import type { GitHubState, Repo } from './github-state.js';

export interface Reply {
  status: number;
  body?: unknown;
  /** Items to page through; the server slices them and writes Link headers like GitHub. */
  list?: unknown[];
  /** For endpoints that page a list inside an object (compare): the page's slice → the body. */
  wrap?: (page: unknown[]) => unknown;
}

export type Params = Record<string, string>;
export type Handler = (
  state: GitHubState,
  p: Params,
  body: any,
  query: URLSearchParams,
  login: string,
) => Reply;

export const notFound: Reply = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
};
// github-actions[bot] has GitHub's own id for it, which the Action checks; other ids are made up.
export const user = (login: string) => ({
  login,
  id: login === 'github-actions[bot]' ? 41898282 : login.length * 7919,
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
});

export function repoOf(s: GitHubState, p: Params): Repo | undefined {
  return s.find(p.owner!, p.repo!);
}

/**
 * GitHub refuses an issue, pull request or comment body over 65,536 characters. Counted here
 * in UTF-16 code units (JavaScript's length), which is never fewer than GitHub's count of
 * characters, so a body the server accepts GitHub accepts too.
 */
const BODY_LIMIT = 65_536;

/** GitHub's answer to a body past the limit (resource: Issue, IssueComment, PullRequest), or undefined when it fits. */
export function bodyTooLong(resource: string, body: unknown): Reply | undefined {
  if (typeof body !== 'string' || body.length <= BODY_LIMIT) return undefined;
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource,
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
        },
      ],
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}
