import type { Config } from '../config/config.js';
import type { ProgressRecord } from '../progress/records.js';
import { attemptPlaces, storedAttempts } from './attempt-order.js';
import type { AttemptRecord } from './grade-comment.js';
import { gradeQuiz, policyFor } from './grade-quiz.js';
import type { QuizSheet } from './plan-pull.js';
import type { PullFacts } from './pull-outcome.js';
import type { GradeResult, PatternMatcher } from './types.js';
import { questionMarks } from '../progress/question-marks.js';

export interface Settled {
  /** The results, each quiz graded again as the attempt it turned out to be. */
  results: { path: string; result: GradeResult }[];
  /** The grade comment's attempts, without those refused at their place. */
  records: AttemptRecord[];
  /** Results and voiding records, appended after the claims they settle. */
  settle: ProgressRecord[];
}

/**
 * The second step of grading with progress on: after the claims are appended, the records are
 * read back and each quiz attempt is settled at its place in the order GitHub stored them (see
 * attemptPlaces). A run that raced others is graded as the attempt it turned out to be, or
 * refused, with a record voiding it. `stored`: the learner's records as read back.
 */
export function settleAttempts(i: {
  quizSheets: readonly QuizSheet[];
  results: readonly { path: string; result: GradeResult }[];
  records: readonly AttemptRecord[];
  stored: readonly ProgressRecord[];
  config: Config;
  pull: PullFacts;
  now: string;
  match?: PatternMatcher;
}): Settled {
  const login = i.pull.author;
  const results = [...i.results];
  const records = [...i.records];
  const settle: ProgressRecord[] = [];
  for (const q of i.quizSheets) {
    const mine = storedAttempts([...i.stored]);
    const place = attemptPlaces(mine, q.quiz.id, login, policyFor(q.quiz, i.config)).get(
      i.pull.headSha,
    );
    const ours = mine.find((r) => r.checkpoint === q.quiz.id && r.sha === i.pull.headSha);
    // The claim was just stored: not finding it means the records cannot be trusted, and nothing graded is shown.
    if (!place || !ours)
      throw new Error(
        `Expected the claim of ${q.quiz.id} at ${i.pull.headSha.slice(0, 7)} among the records of ${login} read back; found none. Re-run this job.`,
      );
    // Graded as of its first record, and no earlier than the attempts placed before it (see attemptPlaces).
    const asOf = new Date(
      Math.max(Date.parse(ours.at), ...place.prior.map((p) => Date.parse(p.at))),
    )
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const result = gradeQuiz({
      sheet: q.sheet,
      quiz: q.quiz,
      policy: policyFor(q.quiz, i.config),
      prior: place.prior,
      now: asOf,
      ...(i.match ? { match: i.match } : {}),
      hints: q.hints,
      marks: q.marks ?? [],
      learner: login,
    });
    const k = results.findIndex((r) => r.path === q.path);
    if (k >= 0) results[k] = { path: q.path, result };
    // Placed after a pass stored before it (a race): practice, so no result is recorded and its claim counts for nothing.
    if (result.ok && result.grade.practice) dropRecord(records, q.quiz.id, i.pull.headSha);
    // Open answers waiting for a reviewer: the claim holds the attempt's place; its result waits for the marks.
    else if (result.ok && result.grade.pending) continue;
    else if (result.ok) {
      settle.push({
        ...q.record,
        at: ours.at,
        passed: result.grade.passed,
        percent: result.grade.percent,
        attempt: result.grade.attempt,
        ...questionMarks(result.grade.questions),
      });
    } else if (
      result.refusal.reason === 'no-attempts-left' ||
      result.refusal.reason === 'cooldown' ||
      // Placed as another attempt than the plan graded it as (a race): its pooled sheet is another draw's.
      result.refusal.reason === 'other-draw'
    ) {
      dropRecord(records, q.quiz.id, i.pull.headSha);
      // Keyed by this pull request, so its re-run adds nothing; it voids the commit's attempt in every pull request.
      settle.push({
        learner: login,
        checkpoint: q.quiz.id,
        kind: 'quiz',
        pr: i.pull.number,
        sha: i.pull.headSha,
        ref: 'refused',
        at: i.now,
        passed: false,
        refused: result.refusal.reason,
      });
    }
  }
  return { results, records, settle };
}

/** The grade comment keeps counted attempts only. */
function dropRecord(records: AttemptRecord[], checkpoint: string, sha: string): void {
  const at = records.findIndex((r) => r.checkpoint === checkpoint && r.sha === sha);
  if (at >= 0) records.splice(at, 1);
}
