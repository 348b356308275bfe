import { resultsOf, type ProgressRecord } from './records.js';
import { checkpointCycles } from './recertification.js';

/** Where a learner stands on one checkpoint, from the grades the Action recorded. */
export interface CheckpointResult {
  checkpoint: string;
  passed: boolean;
  /** The latest graded attempt: its pull request, score and number. */
  latest: {
    pr: number;
    at: string;
    passed: boolean;
    percent?: number;
    attempt: number;
    reviewer?: string;
    notes?: string;
  };
  attempts: number;
  best?: number;
  /** A release called an earlier pass into question: `passed`, attempts and best are of the new cycle. */
  recertify?: { release: string; features: string[] };
}

/**
 * Each checkpoint the learner has a result for: passed once in the current cycle is passed,
 * and the latest attempt is what they see next. A pass a release called into question counts
 * no more: the checkpoint is to recertify, its attempts counted from the release on.
 */
export function checkpointResults(
  records: readonly ProgressRecord[],
  login: string,
): Map<string, CheckpointResult> {
  const out = new Map<string, CheckpointResult>();
  const results = resultsOf(records, login);
  const ids = new Set(results.map((r) => r.checkpoint));
  const cycleOf = checkpointCycles(records, login);
  for (const id of ids) {
    const cycle = cycleOf(id);
    const again = cycle.recertify;
    const latest = results.filter((r) => r.checkpoint === id).at(-1)!;
    const result = cycleResult(cycle.results) ?? {
      checkpoint: id,
      passed: false,
      latest: { pr: latest.pr, at: latest.at, passed: latest.passed, attempt: 0 },
      attempts: 0,
    };
    out.set(
      id,
      again
        ? {
            ...result,
            recertify: { release: again.release ?? again.sha, features: again.features ?? [] },
          }
        : result,
    );
  }
  return out;
}

function cycleResult(results: readonly ProgressRecord[]): CheckpointResult | undefined {
  let out: CheckpointResult | undefined;
  for (const r of results) {
    const before = out;
    const attempts = (before?.attempts ?? 0) + 1;
    const best = r.percent === undefined ? before?.best : Math.max(r.percent, before?.best ?? 0);
    out = {
      checkpoint: r.checkpoint,
      passed: (before?.passed ?? false) || r.passed,
      latest: {
        pr: r.pr,
        at: r.at,
        passed: r.passed,
        ...(r.percent !== undefined ? { percent: r.percent } : {}),
        attempt: r.attempt ?? attempts,
        ...(r.reviewer ? { reviewer: r.reviewer } : {}),
        ...(r.notes ? { notes: r.notes } : {}),
      },
      attempts,
      ...(best !== undefined ? { best } : {}),
    };
  }
  return out;
}

/** One line for the editor: "Passed · best 90% · 2 attempts · pull request #12", or where the latest attempt stands. */
export function resultLine(r: CheckpointResult): string {
  const l = r.latest;
  const reviewer = l.reviewer ? ` · graded by @${l.reviewer}` : '';
  if (r.recertify && !r.passed)
    return `To recertify: release ${r.recertify.release} changed ${r.recertify.features.join(', ')}${r.attempts ? ` · attempt ${l.attempt} not passed` : ' · submit it again'}${r.attempts ? ` · pull request #${l.pr}` : ''}`;
  if (r.passed) {
    const best = r.best !== undefined ? ` · best ${r.best}%` : '';
    return `Passed${best} · ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}${reviewer} · pull request #${l.pr}`;
  }
  const score = l.percent !== undefined ? ` · ${l.percent}%` : '';
  return `Not passed yet${score} · attempt ${l.attempt}${reviewer} · pull request #${l.pr}`;
}
