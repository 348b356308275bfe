import type { QuestionResult } from '../grading/types.js';
import type { ItemMark, ProgressRecord } from './records.js';

/**
 * What a quiz result records of its questions: the ids not answered right (the cohort's
 * most-missed questions) and, per question asked, its points, weight and the choices ticked
 * (item analysis). Nothing a pull request does not already show: its sheet holds the ticks and
 * its grade comment which questions were missed.
 */
export function questionMarks(
  questions: readonly QuestionResult[],
): Required<Pick<ProgressRecord, 'missed' | 'items'>> {
  const items: Record<string, ItemMark> = {};
  for (const q of questions) {
    if (!q.id) continue;
    items[q.id] = q.picked?.length
      ? [q.points, q.weight, q.picked.join(',')]
      : [q.points, q.weight];
  }
  return {
    missed: questions.filter((q) => q.outcome !== 'right').flatMap((q) => (q.id ? [q.id] : [])),
    items,
  };
}
