import type { Question } from '../model.js';
import { DEFAULT_MAX_FILE_SIZE } from '../parse/decode.js';
import { readAnswerSheet } from './read-answer-sheet.js';

export interface SheetProgress {
  checkpoint: string;
  learner: string;
  answered: number;
  total: number;
  unanswered: { prompt: string; line: number }[];
}

/** An ordering question always has an answer (the order on the sheet); the others need a tick or text. */
function isAnswered(q: Question): boolean {
  if (q.type === 'single' || q.type === 'multiple') return q.choices.some((c) => c.checked);
  if (q.type === 'ordering') return true;
  return (q.answerText?.value ?? '').trim() !== '';
}

/**
 * How far a learner is through a quiz answer sheet; undefined for a file that is not one.
 * Only shown, never graded: any sheet the editor lints (up to lint's file size) is read.
 */
export function sheetProgress(
  text: string,
  maxBytes = DEFAULT_MAX_FILE_SIZE,
): SheetProgress | undefined {
  const read = readAnswerSheet(text, maxBytes);
  if (!read.ok || read.sheet.questions.length === 0) return undefined;
  const qs = read.sheet.questions;
  const unanswered = qs
    .filter((q) => !isAnswered(q))
    .map((q) => ({ prompt: q.prompt, line: q.span.start.line }));
  return {
    checkpoint: read.sheet.checkpoint,
    learner: read.sheet.learner,
    answered: qs.length - unanswered.length,
    total: qs.length,
    unanswered,
  };
}
