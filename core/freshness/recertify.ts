import type { Config, RecertifyPolicy } from '../config/config.js';
import type { Checkpoint } from '../model.js';
import { isCheckpoint } from '../model.js';
import { recertifyRecord } from '../progress/recertification.js';
import { recordKey, resultsOf, type ProgressRecord } from '../progress/records.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';

/**
 * Checkpoints whose completions a release calls into question: those covering a touched
 * feature, or closing a module that does. Progress tracking marks these for recertification.
 */
export function checkpointsToRecertify(
  index: WorkspaceIndex,
  touched: ReadonlySet<string>,
): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const item of index.items()) {
    if (!isCheckpoint(item)) continue;
    const module = index.item(item.module);
    const covers = [...item.freshness.covers, ...(module?.freshness.covers ?? [])];
    if (covers.some((f) => touched.has(f))) out.push(item);
  }
  return out;
}

/** The policy that applies to a checkpoint: its own recertify:, else its module's, else enablekit.yml's. */
export function recertifyPolicy(
  index: WorkspaceIndex,
  config: Config,
  checkpoint: Checkpoint,
): RecertifyPolicy {
  return (
    checkpoint.freshness.recertify ??
    index.item(checkpoint.module)?.freshness.recertify ??
    config.policies.recertify
  );
}

/**
 * The checkpoints a release asks learners to pass again: those it calls into question whose
 * policy is on-release. None while enablekit.yml has no roles: then nobody is a learner, and
 * the Action need not read a progress issue.
 */
export function recertifyTargets(
  index: WorkspaceIndex,
  config: Config,
  touched: ReadonlySet<string>,
): Checkpoint[] {
  if (!config.roles.size) return [];
  return checkpointsToRecertify(index, touched).filter(
    (c) => recertifyPolicy(index, config, c) === 'on-release',
  );
}

export interface RecertifyMark {
  /** The learner as their records name them. */
  login: string;
  /**
   * Recertify records to append, one per checkpoint passed, none already on record: one
   * comment, which mentions the learner once (see recordComment).
   */
  records: ProgressRecord[];
}

/**
 * What a release asks of each learner: a recertify record for every checkpoint they passed
 * that covers a touched feature (directly or through its module) and whose policy is
 * on-release. A checkpoint already marked for this release is skipped, so a re-run marks
 * nobody twice, nor a pass made after the release's first marking; a later release marks
 * again, for itself.
 */
export function planRecertification(i: {
  index: WorkspaceIndex;
  config: Config;
  release: { tag: string; features: ReadonlySet<string> };
  learners: readonly { login: string; records: readonly ProgressRecord[] }[];
  now: string;
}): RecertifyMark[] {
  const { index, config, release } = i;
  const checkpoints = recertifyTargets(index, config, release.features);
  if (!checkpoints.length) return [];
  // A re-run after some learners were marked: a pass made since the first marking was on the changed training, and stands.
  const marked = i.learners
    .flatMap((l) => l.records)
    .filter((r) => r.kind === 'recertify' && r.release === release.tag)
    .map((r) => Date.parse(r.at));
  const cutoff = marked.length ? Math.min(...marked) : Number.POSITIVE_INFINITY;
  const out: RecertifyMark[] = [];
  for (const l of i.learners) {
    const results = resultsOf(l.records, l.login);
    const known = new Set(l.records.map(recordKey));
    const records: ProgressRecord[] = [];
    for (const c of checkpoints) {
      const passed = results.find(
        (r) => r.checkpoint === c.id && r.passed && Date.parse(r.at) <= cutoff,
      );
      if (!passed) continue;
      const covers = new Set([
        ...c.freshness.covers,
        ...(index.item(c.module)?.freshness.covers ?? []),
      ]);
      const features = [...release.features].filter((f) => covers.has(f)).sort();
      const r = recertifyRecord(passed.learner, c.id, release.tag, features, i.now);
      if (!known.has(recordKey(r))) records.push(r);
    }
    if (records.length) out.push({ login: records[0]!.learner, records });
  }
  return out;
}
