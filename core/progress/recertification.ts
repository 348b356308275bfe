import { resultsOf, type ProgressRecord } from './records.js';

/** The ref of a recertify record: with the release as its sha, the key is one per checkpoint and release. */
export const RECERTIFY_REF = 'recertify';

/**
 * The record that calls a learner's completion of a checkpoint into question after a release.
 * Keyed by checkpoint and release (pr 0, the release as sha), so a re-run adds nothing and a
 * later release adds its own.
 */
export function recertifyRecord(
  learner: string,
  checkpoint: string,
  release: string,
  features: readonly string[],
  at: string,
): ProgressRecord {
  return {
    learner,
    checkpoint,
    kind: 'recertify',
    pr: 0,
    sha: release,
    ref: RECERTIFY_REF,
    at,
    passed: false,
    release,
    features: [...features],
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Where the learner's current cycle on a checkpoint begins, as of `asOf` (ms): the last
 * recertify record written at or before then; undefined while the first cycle runs.
 */
export function cycleStart(
  records: readonly ProgressRecord[],
  login: string,
  checkpoint: string,
  asOf = Number.POSITIVE_INFINITY,
): ProgressRecord | undefined {
  let start: ProgressRecord | undefined;
  for (const r of records)
    if (
      r.kind === 'recertify' &&
      r.checkpoint === checkpoint &&
      same(r.learner, login) &&
      Date.parse(r.at) <= asOf &&
      (!start || Date.parse(r.at) >= Date.parse(start.at))
    )
      start = r;
  return start;
}

const inCycle = (r: { at: string }, start: ProgressRecord | undefined) =>
  !start || Date.parse(r.at) > Date.parse(start.at);

export interface CheckpointCycle {
  /** The learner's results of the current cycle, in time order. */
  results: ProgressRecord[];
  /** Passed in the current cycle. */
  passed: boolean;
  /** The recertify record a pass of an earlier cycle is waiting on: set while no pass has followed it. */
  recertify?: ProgressRecord;
}

/**
 * A learner's current cycle on each checkpoint: the results after the last recertify record. A
 * pass from before it is no longer current; the checkpoint is to recertify until a new pass.
 * The records are read once, whatever the number of checkpoints asked about after.
 */
export function checkpointCycles(
  records: readonly ProgressRecord[],
  login: string,
): (checkpoint: string) => CheckpointCycle {
  const results = new Map<string, ProgressRecord[]>();
  for (const r of resultsOf(records, login)) {
    const list = results.get(r.checkpoint);
    if (list) list.push(r);
    else results.set(r.checkpoint, [r]);
  }
  const starts = new Map<string, ProgressRecord>();
  for (const r of records) {
    if (r.kind !== 'recertify' || !same(r.learner, login) || Number.isNaN(Date.parse(r.at)))
      continue;
    const start = starts.get(r.checkpoint);
    if (!start || Date.parse(r.at) >= Date.parse(start.at)) starts.set(r.checkpoint, r);
  }
  return (checkpoint) => {
    const all = results.get(checkpoint) ?? [];
    const start = starts.get(checkpoint);
    const current = all.filter((r) => inCycle(r, start));
    const passed = current.some((r) => r.passed);
    const earlier = all.some((r) => r.passed && !inCycle(r, start));
    return {
      results: current,
      passed,
      ...(start && !passed && earlier ? { recertify: start } : {}),
    };
  };
}

/**
 * The attempts a quiz is graded against: those of the cycle it is graded in. A commit graded
 * before (a re-run) keeps the cycle of its first grading; a new one is in the current cycle,
 * so attempts from before a recertify record neither count nor impose a cooldown.
 */
export function attemptsOfCycle<
  T extends { checkpoint: string; learner: string; sha: string; at: string },
>(attempts: readonly T[], records: readonly ProgressRecord[], headSha: string, now: string): T[] {
  return attempts.filter((a) => {
    const own = attempts.find(
      (x) => x.checkpoint === a.checkpoint && same(x.learner, a.learner) && x.sha === headSha,
    );
    return inCycle(a, cycleStart(records, a.learner, a.checkpoint, Date.parse(own?.at ?? now)));
  });
}
