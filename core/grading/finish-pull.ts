import { replyBody } from '../review/reply.js';
import { checkRunFor } from './check-run.js';
import { gradeCommentBody, type AttemptRecord, type ReviewSection } from './grade-comment.js';
import type { PullFacts, PullOutcome } from './pull-outcome.js';
import type { GradeResult } from './types.js';
import type { ProgressRecord } from '../progress/records.js';

/** A write to the pull request once it is graded, in the order it is made. */
export type PullWrite =
  | { kind: 'grade-comment'; body: string }
  | { kind: 'label'; add: string; remove: string }
  | { kind: 'check-run'; headSha: string; run: ReturnType<typeof checkRunFor> }
  | { kind: 'comment'; body: string }
  | { kind: 'info'; text: string };

export interface FinishedPull {
  outcome: PullOutcome;
  /** The grade comment's body, also the job's summary. */
  body: string;
  writes: PullWrite[];
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
  dryRun: boolean;
}): FinishedPull {
  const { pull, results, outcomeReviews } = i;
  const graded = results.filter((r) => r.result.ok);
  const quizPassed = graded.filter((r) => r.result.ok && r.result.grade.passed).length;
  const passed = quizPassed + outcomeReviews.filter((r) => r.state === 'passed').length;
  const failed =
    graded.length - quizPassed + outcomeReviews.filter((r) => r.state === 'failed').length;
  const pending = outcomeReviews.filter((r) => r.state === 'pending').length;
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
  const body = gradeCommentBody(results, [...i.refusals], i.records, i.sections, i.reviews);
  const allPassed =
    outcome.refusals.length === 0 &&
    outcome.failed === 0 &&
    outcome.pending === 0 &&
    outcome.graded > 0;
  const waiting = outcome.refusals.length === 0 && outcome.failed === 0 && outcome.pending > 0;
  if (i.dryRun) {
    const text = `Dry run: would comment on #${pull.number}, ${waiting ? 'wait for a reviewer' : `label it checkpoint:${allPassed ? 'passed' : 'failed'}`} and report a ${allPassed ? 'successful' : waiting ? 'neutral' : 'failing'} check.`;
    return { outcome, body, writes: [{ kind: 'info', text }] };
  }
  const writes: PullWrite[] = [{ kind: 'grade-comment', body }];
  if (!waiting)
    writes.push({
      kind: 'label',
      add: allPassed ? 'checkpoint:passed' : 'checkpoint:failed',
      remove: allPassed ? 'checkpoint:failed' : 'checkpoint:passed',
    });
  writes.push({ kind: 'check-run', headSha: pull.headSha, run: checkRunFor(outcome, allPassed) });
  for (const r of i.replies) writes.push({ kind: 'comment', body: replyBody(r.to, r.text) });
  return { outcome, body, writes };
}
