import { retakeStanding } from './retake-policy.js';
import type { GradePolicy, PriorAttempt } from './types.js';
import { isClaim, type ProgressRecord } from '../progress/records.js';

/** A quiz attempt as recorded, in the order GitHub stored the records. */
export interface StoredAttempt extends PriorAttempt {
  checkpoint: string;
  learner: string;
  sha: string;
}

export type AttemptPlace =
  | { attempt: number; prior: PriorAttempt[] }
  | { practice: true; prior: PriorAttempt[] }
  | { refused: 'no-attempts-left' | 'cooldown'; prior: PriorAttempt[] };

/**
 * Each recorded attempt's place, decided from the records in the order they were stored,
 * never from what a run saw before it wrote: runs racing each other all append first and
 * then read the same sequence back, so each finds the same answer and no race grants an
 * attempt more than the policy allows. The rules are gradeQuiz's (retakeStanding): past the
 * limit, or inside the cooldown after the last counted failure, an attempt does not count; after
 * a counted pass, a sheet is practice and does not count either. The same commit
 * recorded twice (a re-run, another pull request) is one attempt, at its first record.
 */
export function attemptPlaces(
  stored: readonly StoredAttempt[],
  checkpoint: string,
  learner: string,
  policy: Pick<GradePolicy, 'attempts' | 'retakeCooldownMs'>,
): Map<string, AttemptPlace> {
  const places = new Map<string, AttemptPlace>();
  const counted: PriorAttempt[] = [];
  for (const r of stored) {
    if (
      r.checkpoint !== checkpoint ||
      r.learner.toLowerCase() !== learner.toLowerCase() ||
      places.has(r.sha)
    )
      continue;
    const prior = [...counted];
    // Racing runs can store records out of time order: one stored later with an earlier time is no sooner than the failure before it.
    const standing = retakeStanding(prior, policy, r.at);
    if (standing.kind === 'refused') places.set(r.sha, { refused: standing.reason, prior });
    else if (standing.kind === 'practice') places.set(r.sha, { practice: true, prior });
    else {
      counted.push({ at: r.at, passed: r.passed, percent: r.percent });
      places.set(r.sha, { attempt: counted.length, prior });
    }
  }
  return places;
}

/**
 * The quiz attempts among stored records, in stored order, for attemptPlaces: each takes its
 * place at its first record (a claim, which carries no result), and its result from the result
 * record of the same checkpoint and commit, once one is stored. An attempt whose result is not
 * stored yet (its run still grading, or cut short) counts as not passed: that only ever refuses more.
 */
export function storedAttempts(
  stored: readonly ProgressRecord[],
): (StoredAttempt & { pr: number })[] {
  const quiz = stored.filter((r) => r.kind === 'quiz' && !r.refused);
  const result = new Map<string, ProgressRecord>();
  for (const r of quiz)
    if (!isClaim(r) && !result.has(`${r.checkpoint}@${r.sha}`))
      result.set(`${r.checkpoint}@${r.sha}`, r);
  return quiz.map((r) => {
    const got = result.get(`${r.checkpoint}@${r.sha}`);
    return {
      checkpoint: r.checkpoint,
      learner: r.learner,
      sha: r.sha,
      at: r.at,
      passed: got?.passed ?? false,
      percent: got?.percent ?? 0,
      pr: r.pr,
    };
  });
}
