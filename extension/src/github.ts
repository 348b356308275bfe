import { Octokit } from 'octokit';
import type { LedgerComment } from '../../core/progress/ledger.js';
import type { Engine } from './engine.js';

/**
 * The pull request for a submitted branch: the open one (`created` false), or a new one. In its own bundle,
 * so octokit loads only when a learner submits.
 */
export async function openPullRequest(o: {
  baseUrl: string;
  token: string;
  repository: string;
  head: string;
  base?: string;
  title: string;
  body: string;
}): Promise<{ url: string; number: number; created: boolean }> {
  const [owner = '', repo = ''] = o.repository.split('/');
  // One retry: a learner waiting on a dead network wants the message soon; the sheet is safe either way.
  const gh = new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl,
    userAgent: 'enablekit-vscode',
    retry: { retries: 1 },
  });
  // A retake pushes to the branch of an open pull request: that one is the answer.
  const [open] = (
    await gh.rest.pulls.list({
      owner,
      repo,
      head: `${owner}:${o.head}`,
      state: 'open',
      per_page: 1,
    })
  ).data;
  if (open) return { url: open.html_url, number: open.number, created: false };
  const base = o.base ?? (await gh.rest.repos.get({ owner, repo })).data.default_branch;
  const { data } = await gh.rest.pulls.create({
    owner,
    repo,
    head: o.head,
    base,
    title: o.title,
    body: o.body,
  });
  return { url: data.html_url, number: data.number, created: true };
}

type LedgerHelpers = Pick<Engine, 'PROGRESS_LABEL' | 'progressIssuesOf' | 'ledgerComment'>;

/** The repository's progress issues, and a reader of the ledger comments of one learner's. */
async function progressIssues(
  o: { baseUrl: string; token: string; repository: string },
  ledger: LedgerHelpers,
) {
  const [owner = '', repo = ''] = o.repository.split('/');
  const gh = new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl,
    userAgent: 'enablekit-vscode',
    retry: { retries: 1 },
  });
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    owner,
    repo,
    labels: ledger.PROGRESS_LABEL,
    state: 'all',
    per_page: 100,
  });
  const commentsOf = async (login: string): Promise<LedgerComment[]> => {
    const comments: LedgerComment[] = [];
    for (const issue of ledger.progressIssuesOf(issues, login)) {
      const list = await gh.paginate(gh.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue.number,
        per_page: 100,
      });
      comments.push(...list.map((c) => ledger.ledgerComment(c)));
    }
    return comments;
  };
  return { issues, commentsOf };
}

/**
 * The comments of the learner's progress issues, picked and read by core's ledger helpers
 * (the Action reads them with the same ones, and the engine bundle brings them).
 */
export async function progressComments(
  o: { baseUrl: string; token: string; repository: string; login: string },
  ledger: LedgerHelpers,
): Promise<LedgerComment[]> {
  return (await progressIssues(o, ledger)).commentsOf(o.login);
}

/** Every learner's progress comments, by login: what item analysis reads, as `enablekit progress --repo` does. */
export async function cohortComments(
  o: { baseUrl: string; token: string; repository: string },
  ledger: LedgerHelpers & Pick<Engine, 'markedLearner'>,
): Promise<Map<string, LedgerComment[]>> {
  const { issues, commentsOf } = await progressIssues(o, ledger);
  const out = new Map<string, LedgerComment[]>();
  for (const login of new Set(issues.flatMap((i) => ledger.markedLearner(i.body) ?? [])))
    out.set(login, await commentsOf(login));
  return out;
}
