import type { Item } from '../model.js';
import { checkpointSheetText } from './checkpoint-sheets.js';

/** The limit for a sheet whose checkpoint is not known (yet): it is refused further on anyway. */
export const MAX_SHEET_BYTES = 64 * 1024;
/** Room for one question's answer: the longest graded text answer (500 characters) at 4 bytes each. */
export const ANSWER_ALLOWANCE = 2 * 1024;
/** Room for an open answer: a few paragraphs, which no pattern reads (a reviewer does). */
export const OPEN_ANSWER_ALLOWANCE = 16 * 1024;
/** Room for the whole sheet beyond its answers: notes, a longer login, spaces. */
export const SHEET_ALLOWANCE = 32 * 1024;
/** GitHub logins are at most 39 characters: the blank sheet is measured with the longest. */
const LONGEST_LOGIN = 'x'.repeat(39);

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * The largest sheet accepted for a checkpoint, known before the sheet is read: the blank
 * sheet `take` writes for it, plus room for every answer. So a sheet enablekit wrote is
 * never refused, whatever the size of the quiz. A scenario's transcript or a reflection's
 * answers get the room a sheet of unknown checkpoint has.
 */
export function sheetLimit(item: Item | undefined): number {
  if (!item || (item.type !== 'quiz' && item.type !== 'scenario' && item.type !== 'reflection'))
    return MAX_SHEET_BYTES;
  const blank = bytes(checkpointSheetText(item, LONGEST_LOGIN));
  if (item.type !== 'quiz') return blank + MAX_SHEET_BYTES;
  // A cloze takes an answer in each blank: room for each, as for a question.
  const places = item.questions.reduce(
    (n, q) => n + (q.type === 'cloze' ? Math.max(1, q.blanks?.length ?? 0) : 1),
    0,
  );
  const open = item.questions.filter((q) => q.type === 'open').length;
  return blank + places * ANSWER_ALLOWANCE + open * OPEN_ANSWER_ALLOWANCE + SHEET_ALLOWANCE;
}
