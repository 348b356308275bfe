import type { Question, Quiz } from '../model.js';
import { askedQuiz, drawSeed, drawnIds, isVaried, unshuffled } from './quiz-draw.js';
import type { AnswerSheet } from './read-answer-sheet.js';

export type DrawCheck =
  | { ok: true; quiz: Quiz; questions: Question[]; attempt?: number }
  | { ok: false; message: string; line: number };

/** A list for a message, kept short: a pool may hold hundreds of questions. */
function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown} and ${ids.length - 12} more` : shown || 'none';
}

/**
 * What a sheet of a quiz with a pool or shuffled choices is graded on. The grader draws again
 * from the learner (in the Action the pull request's author, never the sheet's word) and the
 * attempt (the records' count; `attempt` undefined: the sheet's own, for grading without
 * records), and refuses a sheet made for another attempt or listing another draw: the learner
 * picks neither their questions nor their attempt. Otherwise, the quiz cut to the drawn
 * questions, and the sheet's answers with their choices put back in the quiz's order.
 */
export function checkDraw(
  quiz: Quiz,
  sheet: AnswerSheet,
  learner: string,
  attempt: number | undefined,
): DrawCheck {
  if (!isVaried(quiz)) return { ok: true, quiz, questions: sheet.questions };
  const n = attempt ?? sheet.attempt ?? 1;
  const expected = drawnIds(quiz, learner, n);
  const found = sheet.drawn ?? (quiz.draw === undefined ? expected : undefined);
  const want = new Set(expected);
  const same =
    sheet.attempt === n &&
    found !== undefined &&
    found.length === want.size &&
    found.every((id) => want.has(id));
  const take = `move this sheet away, run "enablekit take ${quiz.id} --learner ${learner} --attempt ${n}" (or Take checkpoint in VS Code) and answer the new sheet. Nothing was recorded`;
  if (!same) {
    const drew = quiz.draw === undefined ? '' : ` (questions ${listed(expected)})`;
    const had =
      sheet.attempt === undefined
        ? 'a sheet naming no attempt'
        : `the sheet of attempt ${sheet.attempt}`;
    const hadDrawn =
      quiz.draw === undefined
        ? ''
        : found
          ? ` (questions ${listed(found)})`
          : ' listing no questions drawn';
    return {
      ok: false,
      line: 1,
      message: `Expected the sheet of ${learner}'s attempt ${n} at "${quiz.title}"${drew}; found ${had}${hadDrawn}. Each attempt draws its own questions and orders its choices, from your login and the attempt's number: ${take}.`,
    };
  }
  // Questions the quiz does not have at all are unknownQuestions' to report.
  const pool = new Set(quiz.questions.map((k) => k.id));
  const stray = sheet.questions.find((q) => q.id && !want.has(q.id) && pool.has(q.id));
  if (stray)
    return {
      ok: false,
      line: stray.span.start.line,
      message: `Expected only the questions drawn for attempt ${n} (${listed(expected)}); found "${stray.id}" ("${stray.prompt}") at line ${stray.span.start.line}, which was not drawn for you. Delete it, or ${take}.`,
    };
  const asked = askedQuiz({ ...quiz, shuffleChoices: false }, learner, n);
  const keys = new Map(quiz.questions.map((q) => [q.id, q]));
  const seed = drawSeed(quiz.id, learner, n);
  const questions = quiz.shuffleChoices
    ? sheet.questions.map((q) => {
        const key = keys.get(q.id);
        return key ? unshuffled(key, q, seed) : q;
      })
    : sheet.questions;
  return { ok: true, quiz: asked, questions, attempt: n };
}
