import {
  ledgerComment,
  PROGRESS_LABEL,
  progressIssuesOf,
  progressMarker,
  progressTitle,
  readLedger,
  recordComment,
  type Ledger,
  type LedgerComment,
} from '../core/progress/ledger.js';
import { isClaim, recordKey, type ProgressRecord } from '../core/progress/records.js';
import { noticeComment, readNotices, type Notice } from '../core/progress/notices.js';
import { hiddenJson } from '../core/text/hidden-json.js';
import { TRACK_COMPLETE_LABEL } from '../core/progress/report-card.js';
import type { ScheduledNotice } from '../core/progress/schedule-plan.js';
import type { RepoRef } from './repo-ref.js';
import { botIssues, checkWriter, type Client } from './calls.js';
import { ACTIONS_BOT, writtenBy } from '../core/progress/writer.js';
import { createComment, createIssue } from './keyed-create.js';
import type { ProgressComment } from './progress-issues.js';

export interface LearnerLedger extends Ledger {
  login: string;
  /** Reminders and follow-ups already posted. */
  notices: Notice[];
  /** The learner's progress issue: the lowest-numbered one enablekit opened, should two ever exist. */
  issue?: { number: number; body: string };
}

type Issue = {
  number: number;
  body?: string | null;
  pull_request?: unknown;
  user?: { login?: string; id?: number } | null;
  /** Every comment on the issue, when they were read with it (`readProgressIssues`). */
  thread?: readonly ProgressComment[];
};

/**
 * Every learner's progress issue, in one paginated listing (by label), each with its records.
 * Records are read from every issue carrying the learner's marker, so a record written to a
 * duplicate (two runs racing to open the issue) is still counted.
 */
export async function listProgressIssues(gh: Client, ctx: RepoRef): Promise<Issue[]> {
  return botIssues(gh, ctx, PROGRESS_LABEL, 'all');
}

export async function loadLedger(
  gh: Client,
  ctx: RepoRef,
  login: string,
  issues?: Issue[],
): Promise<LearnerLedger> {
  const mine = progressIssuesOf(issues ?? (await listProgressIssues(gh, ctx)), login, ctx.writer);
  const comments: LedgerComment[] = [];
  for (const i of mine) {
    const list =
      i.thread ??
      (await gh.paginate(gh.rest.issues.listComments, {
        owner: ctx.owner,
        repo: ctx.repo,
        issue_number: i.number,
        per_page: 100,
      }));
    comments.push(...list.map((c) => ledgerComment(c, ctx.writer)));
  }
  const first = mine[0];
  return {
    login,
    ...readLedger(comments, login),
    notices: readNotices(comments, login),
    ...(first ? { issue: { number: first.number, body: first.body ?? '' } } : {}),
  };
}

/**
 * Append this run's new records as one comment (a record whose key is there already adds
 * nothing), opening the learner's issue on first need, then rewrite the body from all
 * records. Concurrent runs each append their own comment, so no record is lost; the
 * body converges on the next run or a rebuild.
 */
export async function appendRecords(
  gh: Client,
  ctx: RepoRef,
  ledger: LearnerLedger,
  fresh: ProgressRecord[],
  body: (l: Ledger) => string,
): Promise<void> {
  // A voided attempt and its voiding record are stored too: a re-run adds neither again.
  const known = new Set([...ledger.records, ...(ledger.stored ?? [])].map(recordKey));
  const seq = ledger.nextSeq ?? 1;
  const add = fresh.filter((r) => !known.has(recordKey(r))).map((r) => ({ ...r, seq }));
  if (!add.length) return;
  const after: Ledger = {
    records: [...ledger.records, ...add.filter((r) => !isClaim(r) && !r.refused)],
    flagged: ledger.flagged,
  };
  const text = body(after);
  if (ctx.dryRun) {
    gh.log.info(
      `Dry run: would record ${add.map(recordKey).join(', ')} in the progress issue of @${ledger.login}.`,
    );
    return;
  }
  let issue = ledger.issue;
  if (!issue) issue = await openProgressIssue(gh, ctx, ledger.login, text);
  // A record comment is its records: its body is its key.
  const written = await createComment(gh, ctx, issue.number, recordComment(add));
  checkWriter(ctx, written.user);
  if (issue.body !== text)
    await gh.rest.issues.update({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: issue.number,
      body: text,
    });
  ledger.records = after.records;
  ledger.nextSeq = seq + 1;
  ledger.issue = { number: issue.number, body: text };
}

/**
 * Open the learner's progress issue, converging when runs race to open it: after opening,
 * list again and write to the oldest; a newer one this run opened is closed as its duplicate.
 * Every run that opened one lists after its own was stored, so all of them pick the same.
 *
 * `readUpTo`, the highest number among the progress issues the run read (oldest first, to
 * the end) without finding this learner's: any issue racing this one was opened after that
 * read, so has a higher number, and the listing (newest first) stops at the first page that
 * reaches back to it: one request, where listing every progress issue took one per 100.
 */
export async function openProgressIssue(
  gh: Client,
  ctx: RepoRef,
  login: string,
  text: string,
  readUpTo?: number,
): Promise<{ number: number; body: string }> {
  const data = await createIssue(
    gh,
    ctx,
    { title: progressTitle(login), body: text, labels: [PROGRESS_LABEL] },
    progressMarker(login),
  );
  checkWriter(ctx, data.user);
  const listed =
    readUpTo === undefined
      ? await listProgressIssues(gh, ctx)
      : await progressIssuesAfter(gh, ctx, readUpTo);
  const oldest = progressIssuesOf(listed, login, ctx.writer)[0];
  if (!oldest || oldest.number >= data.number) return { number: data.number, body: text };
  await createComment(
    gh,
    ctx,
    data.number,
    `Duplicate of #${oldest.number}, opened by a run that raced another: the progress of ${login} is kept there. This issue holds no records.`,
  );
  await gh.rest.issues.update({
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: data.number,
    state: 'closed',
    state_reason: 'not_planned',
  });
  return { number: oldest.number, body: oldest.body ?? '' };
}

/** The progress issues enablekit opened, newest first, down to the first page that reaches `upTo`. */
async function progressIssuesAfter(gh: Client, ctx: RepoRef, upTo: number): Promise<Issue[]> {
  const issues = await gh.paginate(
    gh.rest.issues.listForRepo,
    {
      owner: ctx.owner,
      repo: ctx.repo,
      labels: PROGRESS_LABEL,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 100,
    },
    (response, done) => {
      if (response.data.some((i) => i.number <= upTo)) done();
      return response.data;
    },
  );
  return issues.filter((i) => !i.pull_request && writtenBy(i.user, ctx.writer ?? ACTIONS_BOT));
}

/** Rewrite a progress issue's body from its records, when it differs. */
export async function rewriteBody(
  gh: Client,
  ctx: RepoRef,
  issue: { number: number; body: string },
  text: string,
): Promise<void> {
  if (!ctx.dryRun && issue.body !== text)
    await gh.rest.issues.update({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: issue.number,
      body: text,
    });
}

/** Post a reminder, follow-up or report card on the learner's issue; a report card also labels the issue. */
export async function postNotice(
  gh: Client,
  ctx: RepoRef,
  issue: number,
  due: ScheduledNotice,
  /** A report card's certificate, when the Action issues them: posted in the same comment, so once with it. */
  certify?: (due: ScheduledNotice) => Promise<string | undefined>,
): Promise<void> {
  const certificate = due.notice.kind === 'report-card' && certify ? await certify(due) : undefined;
  await createComment(
    gh,
    ctx,
    issue,
    noticeComment(due.notice, certificate ? `${due.text}\n\n${certificate}` : due.text),
    hiddenJson('notice', due.notice),
  );
  if (due.notice.kind === 'report-card')
    await gh.rest.issues.addLabels({
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: issue,
      labels: [TRACK_COMPLETE_LABEL],
    });
}
