import { replyBody } from '../review/reply.js';
import { checkRunFor } from './check-run.js';
import { gradeCommentBody, type AttemptRecord, type ReviewSection } from './grade-comment.js';
import { OUTCOME_LABELS, outcomeLabelChanges } from './outcome-label.js';
import type { PullFacts, PullOutcome } from './pull-outcome.js';
import type { GradeResult } from './types.js';
import type { ProgressRecord } from '../progress/records.js';
import { newerShown, nextShown, readShownState } from './shown-state.js';

/** A write to the pull request once it is graded, in the order it is made. */
export type PullWrite =
  | { kind: 'grade-comment'; body: string }
  | { kind: 'label'; add: string; remove: string }
  | { kind: 'check-run'; headSha: string; run: ReturnType<typeof checkRunFor> }
  | { kind: 'comment'; body: string }
  /** Close the pull request: it held survey answers only, all recorded, and nothing in it is to merge. */
  | { kind: 'close' }
  | { kind: 'info'; text: string };

export interface FinishedPull {
  outcome: PullOutcome;
  /** The grade comment's body, also the job's summary. */
  body: string;
  writes: PullWrite[];
  /** The outcome labels the label writes change, as the grade comment recorded them (else the event's). */
  labels: string[];
}

/**
 * The result shown: the outcome counted from what was graded, the grade comment, the label
 * (none while a mock waits for a reviewer), the check run and the replies to reviewers. A dry
 * run writes nothing and says what it would have done.
 */
export function finishPull(i: {
  pull: PullFacts;
  refusals: readonly string[];
  results: { path: string; result: GradeResult }[];
  records: AttemptRecord[];
  sections: ReviewSection[];
  reviews: ProgressRecord[];
  outcomeReviews: PullOutcome['reviews'];
  replies: readonly { to: string; text: string }[];
  keyFailures: readonly string[];
  /** Sheets graded though taken out of order (advisory gating): said at the top of the comment. */
  outOfOrder?: readonly string[];
  /** The grade comment as this run listed it: what the pull request shows now. */
  gradeComment?: string;
  dryRun: boolean;
}): FinishedPull {
  const { pull, results, outcomeReviews } = i;
  const graded = results.filter((r) => r.result.ok);
  // Practice (a sheet after a pass) is graded but neither passes nor fails the pull request.
  const practice = graded.filter((r) => r.result.ok && r.result.grade.practice).length;
  const quizPassed = graded.filter(
    (r) => r.result.ok && r.result.grade.passed && !r.result.grade.practice,
  ).length;
  // A quiz whose open answers wait for a reviewer neither passes nor fails yet, as a mock waiting.
  const quizPending = graded.filter(
    (r) => r.result.ok && r.result.grade.pending && !r.result.grade.practice,
  ).length;
  const passed = quizPassed + outcomeReviews.filter((r) => r.state === 'passed').length;
  const failed =
    graded.length -
    practice -
    quizPassed -
    quizPending +
    outcomeReviews.filter((r) => r.state === 'failed').length;
  const pending = quizPending + outcomeReviews.filter((r) => r.state === 'pending').length;
  const outcome: PullOutcome = {
    pull: pull.number,
    graded: graded.length + outcomeReviews.length - pending,
    passed,
    failed,
    pending,
    refusals: [
      ...i.refusals,
      ...results.flatMap((r) => (r.result.ok ? [] : [r.result.refusal.message])),
    ],
    results,
    reviews: outcomeReviews,
    keyFailures: [...new Set(i.keyFailures)],
  };
  const allPassed =
    outcome.refusals.length === 0 &&
    outcome.failed === 0 &&
    outcome.pending === 0 &&
    outcome.graded > 0;
  const waiting = outcome.refusals.length === 0 && outcome.failed === 0 && outcome.pending > 0;
  const label = allPassed && passed === 0 ? 'practice' : allPassed ? 'passed' : 'failed';
  // A re-run replays its event's payload as it was: the labels and the newest head come from the comment instead.
  const shown = readShownState(i.gradeComment);
  const labels = shown.label ? [shown.label] : pull.labels;
  const newer = newerShown(shown, pull.headSha, pull.before);
  const body = gradeCommentBody(
    results,
    [...i.refusals],
    i.records,
    i.sections,
    i.reviews,
    nextShown(shown, pull.headSha, waiting ? shown.label : OUTCOME_LABELS[label], pull.before),
    i.outOfOrder,
  );
  if (i.dryRun) {
    const text = `Dry run: would comment on #${pull.number}, ${waiting ? 'wait for a reviewer' : `label it ${OUTCOME_LABELS[label]}`} and report a ${label === 'practice' || waiting ? 'neutral' : allPassed ? 'successful' : 'failing'} check.`;
    return { outcome, body, writes: [{ kind: 'info', text }], labels };
  }
  const writes: PullWrite[] = [];
  // An older head's result never replaces a newer one: only its own check run (GitHub keeps one per commit) is written.
  if (newer)
    writes.push({
      kind: 'info',
      text: `Expected ${pull.headSha} to be the newest push graded on #${pull.number}; found its comment already showing ${newer}, a later one. Left the comment and label as they are; this commit's result is in its check run.`,
    });
  else {
    writes.push({ kind: 'grade-comment', body });
    if (!waiting)
      for (const c of outcomeLabelChanges(labels, label))
        if (!labels.includes(c.add) || labels.includes(c.remove))
          writes.push({ kind: 'label', ...c });
  }
  writes.push({ kind: 'check-run', headSha: pull.headSha, run: checkRunFor(outcome, allPassed) });
  for (const r of i.replies) writes.push({ kind: 'comment', body: replyBody(r.to, r.text) });
  // Feedback is kept in the progress issue; its sheet would only clutter the repository if merged.
  const onlyFeedback =
    outcome.refusals.length === 0 &&
    results.length === 0 &&
    outcomeReviews.length > 0 &&
    outcomeReviews.every((r) => r.state === 'recorded');
  if (onlyFeedback && !newer) writes.push({ kind: 'close' });
  return { outcome, body, writes, labels };
}
