import { createHash } from 'node:crypto';
import { botComments, botIssues, checkWriter, commentWith, type Client } from './calls.js';
import type { RepoRef } from './repo-ref.js';

/**
 * Creates (POST) that happen exactly once. GitHub under load applies a write and still answers
 * 5xx, or the connection drops after it was applied; a blind retry (octokit's retry plugin does
 * one for every method) then makes a second comment or issue. So every create the Action makes
 * carries a key of what it is for, in its body (a hidden marker or record) or a check run's
 * external_id; octokit's retry is off for it, and after a 5xx or a network error the run reads
 * back whether one with that key is there now: if it is, that one is used; if not, the create
 * is tried again. A secondary rate limit (403 with retry-after) is not applied by GitHub, so
 * octokit's throttling still retries it. Updates, closes and labels are idempotent and keep
 * octokit's own retry.
 */

/** Tries after the first, waiting (n + 1)² × 500 ms before each read-back: octokit's retry, as configured in calls.ts. */
const RETRIES = 3;
const WAIT_MS = 500;
const NO_RETRY = { request: { retries: 0 } };

/** A failure after which GitHub may have applied the write: a 5xx, or no answer at all. */
function mayHaveApplied(e: unknown): boolean {
  const status = (e as { status?: unknown }).status;
  return typeof status !== 'number' || status >= 500;
}

async function once<T>(
  gh: Client,
  what: string,
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (e) {
      if (!mayHaveApplied(e) || attempt >= RETRIES) throw e;
      const status = (e as { status?: number }).status;
      await new Promise((r) => setTimeout(r, (attempt + 1) ** 2 * WAIT_MS));
      const found = await find();
      if (found) {
        gh.log.info(
          `GitHub answered ${status ?? 'nothing'} when asked to ${what}, yet it had done so: using the one it made.`,
        );
        return found;
      }
      gh.log.info(
        `GitHub answered ${status ?? 'nothing'} when asked to ${what}, and did not do so: asking again.`,
      );
    }
  }
}

type Commented = {
  id: number;
  body?: string | null;
  user?: { login?: string; id?: number } | null;
};

/**
 * Comment on an issue or pull request once: `key` is in `body` (a marker, a hidden record, or
 * the body itself) and says what the comment is for. Returns the comment GitHub stored, for its
 * writer to be checked (checkWriter) where a run's records depend on it.
 */
export async function createComment(
  gh: Client,
  ctx: RepoRef,
  issue: number,
  body: string,
  key: string = body,
): Promise<Commented> {
  if (!body.includes(key))
    throw new Error(`Expected the key of a comment to be in its body; found it missing: ${key}`);
  const made = await once(
    gh,
    `comment on #${issue}`,
    async () =>
      (
        await gh.rest.issues.createComment({
          owner: ctx.owner,
          repo: ctx.repo,
          issue_number: issue,
          body,
          ...NO_RETRY,
        })
      ).data as Commented,
    async () => commentWith(await botComments(gh, ctx, issue), key),
  );
  return made;
}

/**
 * Open an issue once: `key` is in its body, and `labels` (all of them) find it again among the
 * open issues (the one just made is open; a closed one with the key is an earlier one).
 */
export async function createIssue(
  gh: Client,
  ctx: RepoRef,
  issue: { title: string; body: string; labels: string[]; assignees?: string[] },
  key: string,
): Promise<{ number: number; body?: string | null; user?: Commented['user'] }> {
  if (!issue.body.includes(key))
    throw new Error(`Expected the key of an issue to be in its body; found it missing: ${key}`);
  const made = await once(
    gh,
    `open "${issue.title}"`,
    async () =>
      (
        await gh.rest.issues.create({
          owner: ctx.owner,
          repo: ctx.repo,
          title: issue.title,
          body: issue.body,
          labels: issue.labels,
          ...(issue.assignees?.length ? { assignees: issue.assignees } : {}),
          ...NO_RETRY,
        })
      ).data as { number: number; body?: string | null; user?: Commented['user'] },
    async () =>
      (await botIssues(gh, ctx, issue.labels.join(','), 'open'))
        .filter((i) => (i.body ?? '').includes(key))
        .sort((a, b) => a.number - b.number)[0],
  );
  return made;
}

type CheckRun = Omit<
  NonNullable<Parameters<Client['rest']['checks']['create']>[0]>,
  'owner' | 'repo' | 'external_id'
> & { name: string; head_sha: string };

/**
 * Create a check run once. Its key (external_id) is what it reports on the commit, so after a 5xx
 * the commit's runs of that name are read back; a re-run grading the same commit the same way
 * adds its own run, as before.
 */
export async function createCheckRun(gh: Client, ctx: RepoRef, run: CheckRun): Promise<void> {
  const external_id = `enablekit:${createHash('sha256')
    .update(JSON.stringify([run.name, run.head_sha, run.conclusion ?? null, run.output ?? null]))
    .digest('hex')
    .slice(0, 32)}`;
  await once(
    gh,
    `report the check run "${run.name}" on ${run.head_sha.slice(0, 7)}`,
    async () =>
      (
        await gh.rest.checks.create({
          ...run,
          owner: ctx.owner,
          repo: ctx.repo,
          external_id,
          ...NO_RETRY,
        })
      ).data,
    async () =>
      (
        await gh.paginate(gh.rest.checks.listForRef, {
          owner: ctx.owner,
          repo: ctx.repo,
          ref: run.head_sha,
          check_name: run.name,
          filter: 'all',
          per_page: 100,
        })
      ).find((c) => c.external_id === external_id),
  );
}

/** The grade comment: updated in place when there is one, else created once (keyed by its marker). */
export async function upsertComment(
  gh: Client,
  ctx: RepoRef,
  pull: number,
  existing: { id: number; body?: string | null } | undefined,
  body: string,
  key: string,
): Promise<void> {
  if (existing) {
    if (existing.body !== body)
      await gh.rest.issues.updateComment({
        owner: ctx.owner,
        repo: ctx.repo,
        comment_id: existing.id,
        body,
      });
  } else checkWriter(ctx, (await createComment(gh, ctx, pull, body, key)).user);
}
