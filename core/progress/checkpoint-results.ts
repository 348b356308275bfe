import { resultsOf, type ProgressRecord } from './records.js';

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
}

/** Each checkpoint the learner has a result for: passed once is passed, and the latest attempt is what they see next. */
export function checkpointResults(
  records: readonly ProgressRecord[],
  login: string,
): Map<string, CheckpointResult> {
  const out = new Map<string, CheckpointResult>();
  for (const r of resultsOf(records, login)) {
    const before = out.get(r.checkpoint);
    const attempts = (before?.attempts ?? 0) + 1;
    const best = r.percent === undefined ? before?.best : Math.max(r.percent, before?.best ?? 0);
    out.set(r.checkpoint, {
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
    });
  }
  return out;
}

/** One line for the editor: "Passed · best 90% · 2 attempts · pull request #12", or where the latest attempt stands. */
export function resultLine(r: CheckpointResult): string {
  const l = r.latest;
  const reviewer = l.reviewer ? ` · graded by @${l.reviewer}` : '';
  if (r.passed) {
    const best = r.best !== undefined ? ` · best ${r.best}%` : '';
    return `Passed${best} · ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}${reviewer} · pull request #${l.pr}`;
  }
  const score = l.percent !== undefined ? ` · ${l.percent}%` : '';
  return `Not passed yet${score} · attempt ${l.attempt}${reviewer} · pull request #${l.pr}`;
}
