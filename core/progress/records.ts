/**
 * One result, as the Action appends it to a learner's progress issue. The key makes a
 * re-run add nothing: the same checkpoint, pull request and head commit is one record.
 */
export interface ProgressRecord {
  learner: string;
  checkpoint: string;
  kind: 'quiz' | 'mock' | 'reflection';
  pr: number;
  sha: string;
  /** ISO time the result was produced. */
  at: string;
  passed: boolean;
  percent?: number;
  /** Which attempt this was, as graded. */
  attempt?: number;
  /** Ids of the questions not answered right: the cohort's most-missed questions come from these. */
  missed?: string[];
  /** Mock scenarios: who graded it and what they wrote. */
  reviewer?: string;
  notes?: string;
}

export const recordKey = (r: ProgressRecord) => `${r.checkpoint}#${r.pr}@${r.sha}`;

/** Records as a set: one per key (the first written wins), in time order. */
export function dedupeRecords(records: readonly ProgressRecord[]): ProgressRecord[] {
  const seen = new Map<string, ProgressRecord>();
  for (const r of records) if (!seen.has(recordKey(r))) seen.set(recordKey(r), r);
  return [...seen.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (recordKey(a) < recordKey(b) ? -1 : 1));
}
