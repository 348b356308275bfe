import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';
import { ACTIONS_BOT, writtenBy } from '../core/progress/writer.js';
import type { RepoRef } from './repo-ref.js';

export type Client = InstanceType<typeof Octokit>;

/** Where a client's warnings and dry-run lines go: the Action's log, or the CLI's stderr. */
export interface ClientLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

/**
 * octokit with its retry and throttling plugins, pointed at the API URL (GitHub Enterprise
 * Server too). What the GitHub layer says goes through the client's log (`gh.log`), so the
 * layer never depends on the program that runs it.
 */
export function client(o: { token: string; apiUrl: string; log?: ClientLog }): Client {
  return new Octokit({
    auth: o.token,
    baseUrl: o.apiUrl,
    ...(o.log ? { log: o.log } : {}),
    userAgent: 'enablekit-action',
    retry: { retries: 3, retryAfterBaseValue: 500 },
    throttle: {
      write: bucket('enablekit-write', 1000),
      notifications: bucket('enablekit-notifications', 800),
      onRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
      onSecondaryRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2,
    },
  });
}

/**
 * Writes as token buckets: a run's first few go at once (a grading run makes at most five,
 * to five different resources: comment, label, check run, progress record, progress body),
 * and sustained writes settle at one a second, as GitHub asks.
 * octokit's defaults space every write a second after the last, and every request that
 * notifies people (issues, comments) three seconds after the last; GitHub documents at
 * most 80 such requests a minute, so a burst of 5 and then one each 800 ms stays inside it.
 */
export const WRITE_BURST = 5;
const bucket = (id: string, everyMs: number) =>
  new Bottleneck.Group({
    id,
    maxConcurrent: 1,
    reservoir: WRITE_BURST,
    reservoirIncreaseInterval: everyMs,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseMaximum: WRITE_BURST,
  });

export async function changedFiles(gh: Client, ctx: RepoRef, pull: number) {
  const files = await gh.paginate(gh.rest.pulls.listFiles, {
    owner: ctx.owner,
    repo: ctx.repo,
    pull_number: pull,
    per_page: 100,
  });
  return files.map((f) => ({
    filename: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previous: f.previous_filename } : {}),
  }));
}

/** A file's text at a commit, read through the API: nothing from the PR is checked out. */
/** A file at a commit: its text, or what was found instead (for the message to the learner). */
export type FileAt = { text: string } | { found: string };

/**
 * Read a file at a commit. GitHub sends no content for a file over 1 MB (encoding "none"),
 * and a symlink or folder is not a sheet: each is said as what was found, not as nothing.
 */
export async function fileAt(gh: Client, ctx: RepoRef, path: string, ref: string): Promise<FileAt> {
  try {
    const { data } = await gh.rest.repos.getContent({
      owner: ctx.owner,
      repo: ctx.repo,
      path,
      ref,
    });
    if (Array.isArray(data)) return { found: 'a folder' };
    if (data.type !== 'file' || !('content' in data)) return { found: `a ${data.type}` };
    if (data.encoding !== 'base64')
      return { found: `a file of ${data.size} bytes, too large to read through the API` };
    return { text: Buffer.from(data.content, 'base64').toString('utf8') };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { found: 'nothing' };
    throw e;
  }
}

/** The comments enablekit made on a pull request or issue (paginated), to find its own by marker: another bot's are not. */
export async function botComments(gh: Client, ctx: RepoRef, pull: number) {
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: pull,
    per_page: 100,
  });
  return comments.filter((c) => writtenBy(c.user, ctx.writer));
}

/**
 * What GitHub says wrote a comment or issue this run just made. Were it not the configured
 * writer, every record written would be ignored on the next run and attempts would never
 * run out, so the run stops there (writing nothing more: no grade is shown) and says which
 * input to set. A run's first write carries no result (an attempt's claim, or a grade comment
 * still empty), so a wrong writer is caught before any grade is shown.
 */
export function checkWriter(
  ctx: RepoRef,
  user: { login?: string; id?: number } | null | undefined,
): void {
  const writer = ctx.writer ?? ACTIONS_BOT;
  if (!user?.login || writtenBy(user, writer)) return;
  throw new Error(
    `Expected this run to write to GitHub as ${writer.login}; found it writing as ${user.login}${user.id ? ` (id ${user.id})` : ''}, whose records enablekit does not trust. Set the Action's input writer-login: ${user.login} (the login of the GitHub App or account whose token it uses), then re-run.`,
  );
}

/** The comment enablekit made before, found by its marker among the bot's comments. */
export const commentWith = <C extends { body?: string | null }>(
  comments: readonly C[],
  marker: string,
): C | undefined => comments.find((c) => (c.body ?? '').includes(marker));

/** Set one of two labels, touching nothing when it is already right. */
export async function setOutcomeLabel(
  gh: Client,
  ctx: RepoRef,
  pull: number,
  current: string[],
  want: string,
  other: string,
): Promise<void> {
  if (current.includes(other))
    try {
      await gh.rest.issues.removeLabel({
        owner: ctx.owner,
        repo: ctx.repo,
        issue_number: pull,
        name: other,
      });
    } catch (e) {
      // `current` is what the grade comment recorded; a label a person took off since is already as wanted.
      if ((e as { status?: number }).status !== 404) throw e;
    }
  if (!current.includes(want))
    await gh.rest.issues.addLabels({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: pull,
      labels: [want],
    });
}

/**
 * Issues with a label that enablekit itself opened (paginated): only issues its own identity
 * wrote carry records enablekit trusts, so a person or another bot copying a marker into an
 * issue changes nothing.
 */
export async function botIssues(gh: Client, ctx: RepoRef, label: string, state: 'open' | 'all') {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    owner: ctx.owner,
    repo: ctx.repo,
    labels: label,
    state,
    per_page: 100,
  });
  return issues.filter((i) => !i.pull_request && writtenBy(i.user, ctx.writer ?? ACTIONS_BOT));
}
