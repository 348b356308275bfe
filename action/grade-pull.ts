import * as core from '@actions/core';
import { classifyPull } from '../core/grading/classify-pull.js';
import { COMMENT_MARKER } from '../core/grading/grade-comment.js';
import { finishPull } from '../core/grading/finish-pull.js';
import {
  gradableCheckpoint,
  answerableSurvey,
  opensGradeComment,
  planPull,
  type GradedPull,
  type QuizKey,
} from '../core/grading/plan-pull.js';
import type { PullOutcome, ReviewEvent } from '../core/grading/pull-outcome.js';
import { reviewGate, reviewTeams } from '../core/grading/review-gate.js';
import { settleAttempts } from '../core/grading/settle-attempts.js';
import { sheetGate } from '../core/grading/sheet-gate.js';
import { replyBody } from '../core/review/reply.js';
import type { Ledger } from '../core/progress/ledger.js';
import { noticesDue } from '../core/progress/schedule-plan.js';
import { progressBody } from '../core/progress/progress-body.js';
import { rolesOf } from '../core/progress/learner-status.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { Config } from '../core/config/config.js';
import { curriculaToday } from '../core/config/clock.js';
import { loadIndex } from '../host/analyse.js';
import { timedMatcher } from '../host/timed-matcher.js';
import { resolveTargets } from '../host/workspace-files.js';
import { openQuizKey } from '../host/quiz-keys.js';
import { pullInfo, type PullInfo, type RunContext } from './context.js';
import {
  botComments,
  changedFiles,
  checkWriter,
  commentWith,
  fileAt,
  setOutcomeLabel,
  type Client,
  type FileAt,
} from '../github/calls.js';
import { createCheckRun, createComment, upsertComment } from '../github/keyed-create.js';
import {
  appendRecords,
  loadLedger,
  postNotice,
  rewriteBody,
  type LearnerLedger,
} from '../github/progress-ledger.js';
import { teamsOf } from '../github/team-members.js';
import { attemptsOfCycle } from '../core/progress/recertification.js';
import { certificateIssuer } from './certificate-issuer.js';

export type { PullOutcome, ReviewEvent } from '../core/grading/pull-outcome.js';

/**
 * Grade a checkpoint pull request. The answer sheets are read through the API at the
 * PR's head; the quizzes come from the workspace, which the workflow checks out at the
 * base branch (and which the PR cannot change: a PR touching the curricula is refused).
 * This is the executor: it reads, asks the planners in core/grading what to write
 * (planPull, then settleAttempts once the claims are read back, then finishPull), and writes.
 * A reviewer's `/grade` command (`review`) is checked (reviewGate) before any sheet is read.
 */
export async function gradePull(
  ctx: RunContext,
  gh: Client,
  now: string,
  review?: ReviewEvent,
): Promise<PullOutcome> {
  let pull: PullInfo | undefined = ctx.pull;
  if (!pull && ctx.pullNumber)
    pull = pullInfo(
      (await gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullNumber }))
        .data,
    );
  if (!pull)
    throw new Error(
      'Expected a pull request to grade; found none in the event. Run on pull_request or pull_request_target, or pass the pull-number input to workflow_dispatch.',
    );
  const classified = classifyPull(
    await changedFiles(gh, ctx, pull.number),
    pull.author,
    ctx.submissions,
    ctx.curricula,
  );
  // One listing serves the grade comment and every rubric checklist.
  const ours = await botComments(gh, ctx, pull.number);
  let existing: { id: number; body?: string | null } | undefined = commentWith(
    ours,
    COMMENT_MARKER,
  );
  if (
    opensGradeComment({
      hasGradeComment: !!existing,
      progress: ctx.progress,
      dryRun: ctx.dryRun,
      classified,
    })
  ) {
    const data = await createComment(
      gh,
      ctx,
      pull.number,
      `${COMMENT_MARKER}\nGrading…`,
      COMMENT_MARKER,
    );
    checkWriter(ctx, data.user);
    existing = data;
  }
  const ledger =
    ctx.progress && classified.refusals.length === 0 && classified.sheets.length
      ? await loadLedger(gh, ctx, pull.author)
      : undefined;
  const edited = ledger?.flagged.filter((f) => f.why === 'edited') ?? [];
  if (edited.length)
    core.warning(
      `Expected the enablekit record comments on the progress issue of ${pull.author} to be as the Action wrote them; found ${edited.length} edited since: ${edited.map((f) => f.url ?? `comment ${f.comment}`).join(', ')}. Their attempts still count, none of them as a pass. See who edited them in each comment's history.`,
    );
  let roster: { index: WorkspaceIndex; config: Config } | undefined;
  let reviewer: { login: string; teams: string[] } | undefined;
  const texts: (FileAt | undefined)[] = [];
  const keys = new Map<string, QuizKey>();
  if (classified.refusals.length === 0) {
    const { index, config } = await loadIndex({
      cwd: ctx.workspace,
      cache: false,
      version: 'action',
      targets: resolveTargets(ctx.workspace, [ctx.curricula]),
    });
    roster = { index, config };
    if (review) {
      const asked = reviewTeams(classified.sheets, index, config, pull.author, review.command);
      const teams = asked
        ? await teamsOf(gh, review.login, asked.teams, `reviewers of ${asked.id}`)
        : undefined;
      const gate = reviewGate(pull, classified.sheets, index, config, review, teams);
      if (gate.refused !== undefined)
        return refuseCommand(ctx, gh, pull.number, review.login, gate.refused);
      reviewer = gate.reviewer;
    }
    // Only sheets of checkpoints the base branch knows, and that gating does not refuse, are fetched;
    // read every one at once: octokit's throttling keeps it to GitHub's concurrency.
    const headSha = pull.headSha;
    const read = (checkpoint: string, path: string) =>
      (gradableCheckpoint(index, config, checkpoint) ??
        answerableSurvey(index, config, checkpoint)) &&
      sheetGate({
        index,
        config,
        learner: pull.author,
        checkpoint,
        path,
        records: ledger?.records,
        now,
      }).kind !== 'refuse';
    texts.push(
      ...(await Promise.all(
        classified.sheets.map((s) =>
          read(s.checkpoint, s.path)
            ? fileAt(gh, ctx, s.path, headSha)
            : Promise.resolve(undefined),
        ),
      )),
    );
    for (const [k, s] of classified.sheets.entries()) {
      const item = gradableCheckpoint(index, config, s.checkpoint);
      const text = texts[k];
      if (item?.type === 'quiz' && text && 'text' in text && !keys.has(item.id))
        keys.set(item.id, openQuizKey(ctx.workspace, item, ctx.answerKey));
    }
  }
  const graded = planPull({
    pull,
    curricula: ctx.curricula,
    classified,
    comments: ours,
    ...(existing ? { gradeComment: existing.body ?? '' } : {}),
    ...(roster ? { roster } : {}),
    ...(ledger ? { ledger } : {}),
    ...(review && reviewer ? { review: { event: review, reviewer } } : {}),
    texts,
    keys,
    dryRun: ctx.dryRun,
    now,
    match: timedMatcher,
  });
  for (const c of graded.checklists) await createComment(gh, ctx, pull.number, c.body);
  // Recorded before anything is shown: a quiz attempt counts only at its place among the stored records.
  const shown =
    ledger && roster && graded.fresh.length && !ctx.dryRun
      ? await recordProgress(ctx, gh, ledger, roster, pull, graded, now)
      : graded;
  const finished = finishPull({
    pull,
    refusals: classified.refusals,
    results: shown.results,
    records: shown.records,
    sections: graded.sections,
    reviews: graded.reviews,
    outcomeReviews: graded.outcomeReviews,
    replies: graded.replies,
    keyFailures: graded.keyFailures,
    outOfOrder: graded.outOfOrder,
    ...(existing?.body ? { gradeComment: existing.body } : {}),
    dryRun: ctx.dryRun,
  });
  for (const w of finished.writes) {
    if (w.kind === 'info') core.info(w.text);
    else if (w.kind === 'grade-comment')
      await upsertComment(gh, ctx, pull.number, existing, w.body, COMMENT_MARKER);
    else if (w.kind === 'label')
      await setOutcomeLabel(gh, ctx, pull.number, finished.labels, w.add, w.remove);
    else if (w.kind === 'check-run')
      await createCheckRun(gh, ctx, { head_sha: w.headSha, ...w.run });
    else if (w.kind === 'close')
      await gh.rest.pulls.update({
        owner: ctx.owner,
        repo: ctx.repo,
        pull_number: pull.number,
        state: 'closed',
      });
    else await createComment(gh, ctx, pull.number, w.body);
  }
  if (ledger && roster && graded.fresh.length && ctx.dryRun)
    await appendRecords(gh, ctx, ledger, graded.fresh, () => '');
  await core.summary.addRaw(finished.body.replace(COMMENT_MARKER, '')).write();
  return finished.outcome;
}

/** A `/grade` command not taken: its writer is told why, and nothing of the pull request is read or changed. */
async function refuseCommand(
  ctx: RunContext,
  gh: Client,
  pull: number,
  to: string,
  text: string,
): Promise<PullOutcome> {
  if (ctx.dryRun) core.info(`Dry run: would reply to @${to} on #${pull}: ${text}`);
  else await createComment(gh, ctx, pull, replyBody(to, text));
  return {
    pull,
    graded: 0,
    passed: 0,
    failed: 0,
    pending: 0,
    refusals: [],
    results: [],
    reviews: [],
    keyFailures: [],
  };
}

/**
 * Append this run's records to the learner's progress issue, then read them back and have each
 * quiz attempt settled at its place in the order GitHub stored them (settleAttempts), append what
 * settles them and rewrite the body from what is stored. A track completed by the learner gets its
 * report card now. Returns the results and attempts as settled.
 */
async function recordProgress(
  ctx: RunContext,
  gh: Client,
  ledger: LearnerLedger,
  roster: { index: WorkspaceIndex; config: Config },
  pull: PullInfo,
  graded: GradedPull,
  now: string,
): Promise<Pick<GradedPull, 'results' | 'records'>> {
  const { index, config } = roster;
  const login = pull.author;
  const roles = rolesOf(login, config);
  const body = (l: Ledger) =>
    progressBody(login, roles, index, l, curriculaToday(config, new Date(now)), true, config);
  await appendRecords(gh, ctx, ledger, graded.fresh, body);
  let settled = ledger;
  let shown: Pick<GradedPull, 'results' | 'records'> = graded;
  if (graded.quizSheets.length) {
    const stored = await loadLedger(gh, ctx, login);
    const s = settleAttempts({
      quizSheets: graded.quizSheets,
      results: graded.results,
      records: graded.records,
      // Attempts before a recertification are of an earlier cycle: they neither count nor hold a cooldown.
      stored: attemptsOfCycle(stored.stored ?? [], stored.records, pull.headSha, now),
      config,
      pull,
      now,
      match: timedMatcher,
    });
    shown = s;
    // Results and voiding records are appended after the claims they settle, and the body is rewritten from what is stored.
    if (s.settle.length) await appendRecords(gh, ctx, stored, s.settle, body);
    settled = s.settle.length ? await loadLedger(gh, ctx, login) : stored;
    if (settled.issue) await rewriteBody(gh, ctx, settled.issue, body(settled));
  }
  const cards = noticesDue(
    index,
    config,
    { login, roles, records: settled.records, notices: settled.notices },
    now,
  ).filter((d) => d.notice.kind === 'report-card');
  const issue = settled.issue ?? ledger.issue;
  const certify = cards.length ? certificateIssuer(ctx, config, index, pull.baseSha) : undefined;
  if (issue && !ctx.dryRun)
    for (const card of cards) await postNotice(gh, ctx, issue.number, card, certify);
  return shown;
}
