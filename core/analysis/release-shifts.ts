import type { ProgressRecord } from '../progress/records.js';
import type { CountedAttempt } from './item-analysis.js';

/** How far apart two miss rates must be to flag (|z| of a two-proportion test): about 95% confidence. */
export const SHIFT_Z = 1.96;

export interface ReleaseShift {
  release: string;
  /** When the Action recorded the release (its first recertify record). */
  at: string;
  checkpoint: string;
  question: string;
  /** First attempts since the release before (or from the start) up to this one, and how many missed. */
  before: { n: number; missed: number };
  /** First attempts from this release up to the next one. */
  after: { n: number; missed: number };
  /** The two-proportion z statistic: positive when the question is missed more after the release. */
  z: number;
}

/**
 * The releases the records know: each release the Action recorded against a learner's pass
 * (a recertify record), at the first time it was recorded, in time order.
 */
function releasesOf(records: readonly ProgressRecord[]): { release: string; at: number }[] {
  const first = new Map<string, number>();
  for (const r of records) {
    if (r.kind !== 'recertify' || !r.release) continue;
    const at = Date.parse(r.at);
    if (!Number.isNaN(at) && at < (first.get(r.release) ?? Infinity)) first.set(r.release, at);
  }
  return [...first].map(([release, at]) => ({ release, at })).sort((a, b) => a.at - b.at);
}

/** The pooled two-proportion z statistic of b/nb against a/na; 0 when the pooled rate is 0 or 1. */
export function twoProportionZ(a: number, na: number, b: number, nb: number): number {
  const pooled = (a + b) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  return se === 0 ? 0 : (b / nb - a / na) / se;
}

/**
 * Per release, the questions whose miss rate moved after it: the first attempts between the
 * release before it and this one against those between this one and the next, flagged when
 * both sides hold at least `minAnswers` and a two-proportion test puts the change beyond
 * chance (|z| ≥ 1.96). A threshold on the difference alone would flag noise on small cohorts
 * and miss real changes on large ones.
 */
export function releaseShifts(
  records: readonly ProgressRecord[],
  attempts: readonly CountedAttempt[],
  questions: ReadonlySet<string>,
  minAnswers: number,
): ReleaseShift[] {
  const releases = releasesOf(records);
  const out: ReleaseShift[] = [];
  releases.forEach((rel, k) => {
    const from = k > 0 ? releases[k - 1]!.at : -Infinity;
    const to = releases[k + 1]?.at ?? Infinity;
    const tally = new Map<
      string,
      { before: ReleaseShift['before']; after: ReleaseShift['after'] }
    >();
    for (const a of attempts) {
      const at = Date.parse(a.at);
      const side =
        at >= from && at < rel.at ? 'before' : at >= rel.at && at < to ? 'after' : undefined;
      if (!side) continue;
      for (const [q, m] of Object.entries(a.items)) {
        const key = `${a.checkpoint}#${q}`;
        if (!questions.has(key)) continue;
        const t = tally.get(key) ?? { before: { n: 0, missed: 0 }, after: { n: 0, missed: 0 } };
        t[side].n++;
        if (m[0] < m[1]) t[side].missed++;
        tally.set(key, t);
      }
    }
    for (const [key, t] of [...tally].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (t.before.n < minAnswers || t.after.n < minAnswers) continue;
      const z = twoProportionZ(t.before.missed, t.before.n, t.after.missed, t.after.n);
      if (Math.abs(z) < SHIFT_Z) continue;
      const [checkpoint = '', question = ''] = key.split('#');
      out.push({
        release: rel.release,
        at: new Date(rel.at).toISOString(),
        checkpoint,
        question,
        ...t,
        z: Math.round(z * 100) / 100,
      });
    }
  });
  return out;
}
