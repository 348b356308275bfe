import type { ProgressRecord } from '../progress/records.js';
import { percent } from './scored.js';
import type { QuestionResult } from './types.js';

/** A reviewer's mark on one open answer of an attempt: the share of the question's credit. */
export interface OpenMark {
  question: string;
  share: number;
  reviewer: string;
  notes?: string;
}

/**
 * The marks of the attempt at `sha`, one per question: a later mark of the same question
 * replaces an earlier one (records in time order, as dedupeRecords keeps them; the order they
 * came in breaks a tie).
 */
export function marksOf(
  records: readonly ProgressRecord[],
  checkpoint: string,
  learner: string,
  sha: string,
): OpenMark[] {
  const latest = new Map<string, { at: number; mark: OpenMark }>();
  for (const r of records) {
    if (
      r.kind !== 'mark' ||
      r.checkpoint !== checkpoint ||
      r.sha !== sha ||
      r.learner.toLowerCase() !== learner.toLowerCase() ||
      r.question === undefined ||
      typeof r.percent !== 'number' ||
      !(r.percent >= 0 && r.percent <= 100)
    )
      continue;
    const at = Date.parse(r.at);
    const had = latest.get(r.question);
    if (had && had.at > at) continue;
    latest.set(r.question, {
      at,
      mark: {
        question: r.question,
        share: r.percent / 100,
        reviewer: r.reviewer ?? '',
        ...(r.notes ? { notes: r.notes } : {}),
      },
    });
  }
  return [...latest.values()].map((m) => m.mark);
}

/** An open answer waiting for its mark gets it: points, outcome, and who gave it, with their notes. */
export function applyMarks(results: QuestionResult[], marks: readonly OpenMark[]): void {
  for (const r of results) {
    const m = r.outcome === 'pending' ? marks.find((x) => x.question === r.id) : undefined;
    if (!m) continue;
    r.points = Math.round(m.share * r.weight * 1000) / 1000;
    r.outcome = m.share === 1 ? 'right' : m.share > 0 ? 'partial' : 'wrong';
    r.feedback = [
      `Graded by @${m.reviewer}: ${percent(m.share)} of the question's credit.`,
      ...(m.notes ? [m.notes] : []),
    ];
  }
}
