import type { QuestionResult } from '../grading/types.js';
import type { ItemMark, ProgressRecord } from './records.js';

/**
 * The most a record's `items` may take, in characters of JSON: a run's record comment must stay
 * within GitHub's 65,536-character body with room for the other records beside it. A quiz of a
 * few hundred questions asked at once goes past it; its results then carry no items (item
 * analysis counts them as recorded without, and says how many).
 */
export const ITEMS_BUDGET = 12_000;

/**
 * What a quiz result records of its questions: the ids not answered right (the cohort's
 * most-missed questions) and, per question asked, its points, weight and the choices ticked
 * (item analysis). Nothing a pull request does not already show: its sheet holds the ticks and
 * its grade comment which questions were missed.
 */
export function questionMarks(
  questions: readonly QuestionResult[],
): Pick<ProgressRecord, 'missed' | 'items'> & { missed: string[] } {
  const items: Record<string, ItemMark> = {};
  for (const q of questions) {
    if (!q.id) continue;
    items[q.id] = q.picked?.length
      ? [q.points, q.weight, q.picked.join(',')]
      : [q.points, q.weight];
  }
  const kept = JSON.stringify(items).length <= ITEMS_BUDGET;
  return {
    ...(kept ? { items } : {}),
    missed: questions.filter((q) => q.outcome !== 'right').flatMap((q) => (q.id ? [q.id] : [])),
  };
}
