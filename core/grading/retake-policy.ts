import type { GradePolicy, PriorAttempt } from './types.js';

/**
 * What a further quiz sheet is, given the attempts counted before it: a counted attempt (never
 * past the limit), practice once the quiz is passed, or refused (no attempt left, or inside
 * the cooldown after the last counted failure, with when it opens).
 */
export type RetakeStanding =
  | { kind: 'attempt'; attempt: number }
  | { kind: 'practice'; passedAt: string; passedAttempt: number }
  | { kind: 'refused'; reason: 'no-attempts-left' }
  | { kind: 'refused'; reason: 'cooldown'; opensAt: string };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The retake policy, in one place for gradeQuiz and attemptPlaces. `counted`: the attempts
 * that count, in the order they were placed; a cycle that starts afresh (recertification)
 * passes only the attempts after its start. Once one of them passed, every further sheet is
 * practice: graded, never counted, no cooldown, so it can lower neither the best result nor
 * the completion. Before a pass, the attempt limit holds, then the cooldown after the last
 * failure (none when the cooldown is 0). `at`: when the sheet was submitted.
 */
export function retakeStanding(
  counted: readonly PriorAttempt[],
  policy: Pick<GradePolicy, 'attempts' | 'retakeCooldownMs'>,
  at: string,
): RetakeStanding {
  const pass = counted.findIndex((p) => p.passed);
  if (pass >= 0) return { kind: 'practice', passedAt: counted[pass]!.at, passedAttempt: pass + 1 };
  if (counted.length >= policy.attempts) return { kind: 'refused', reason: 'no-attempts-left' };
  const lastFail = Math.max(...counted.map((p) => Date.parse(p.at)));
  if (
    counted.length &&
    policy.retakeCooldownMs > 0 &&
    Date.parse(at) < lastFail + policy.retakeCooldownMs
  )
    return {
      kind: 'refused',
      reason: 'cooldown',
      opensAt: iso(lastFail + policy.retakeCooldownMs),
    };
  return { kind: 'attempt', attempt: counted.length + 1 };
}
