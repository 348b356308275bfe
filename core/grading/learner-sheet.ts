import type { Quiz } from '../model.js';
import { askedQuiz, drawnIds, isVaried, nextAttempt } from './quiz-draw.js';
import { readAnswerSheet } from './read-answer-sheet.js';
import { answerSheetText, type KeyFill } from './sheet-template.js';

/**
 * A learner's sheet for one attempt: for a quiz with a pool or shuffled choices, only the
 * questions drawn for that learner and attempt, their choices in that attempt's order, with
 * the attempt and the drawn ids in the front matter for the grader to check; for any other
 * quiz, the sheet every learner gets. With `fill`, that learner's key sheet.
 */
export function learnerSheetText(
  quiz: Quiz,
  learner: string,
  attempt: number = 1,
  fill?: KeyFill,
): string {
  if (!isVaried(quiz)) return answerSheetText(quiz, learner, fill);
  const asked = askedQuiz(quiz, learner, attempt);
  const drawn =
    quiz.draw !== undefined ? `drawn: [${drawnIds(quiz, learner, attempt).join(', ')}]\n` : '';
  const what =
    quiz.draw !== undefined && asked.questions.length < quiz.questions.length
      ? `the ${asked.questions.length} questions of ${quiz.questions.length} drawn for you for attempt ${attempt}`
      : `the questions of attempt ${attempt}`;
  const choices = quiz.shuffleChoices ? ', their choices in an order of your own' : '';
  const note = `This sheet holds ${what}${choices}. Keep its front matter as it is: the grader draws again from your login and the attempt, and checks it.\n\n`;
  return answerSheetText(asked, learner, fill)
    .replace(
      `\nlearner: ${learner}\n---\n`,
      `\nlearner: ${learner}\nattempt: ${attempt}\n${drawn}---\n`,
    )
    .replace(`# ${quiz.title}: answers\n\n`, (head) => `${head}${note}`);
}

/**
 * What to tell a learner who takes a pooled or shuffled quiz again while a sheet of an earlier
 * attempt is still in place (it is never overwritten): after a failed attempt, the next one
 * draws anew. `result` is the learner's recorded result at the quiz; none, or a pass (any
 * sheet is practice then), leaves nothing to say.
 */
export function otherAttemptNote(
  quiz: Quiz,
  sheetText: string,
  result: { passed: boolean; attempts: number } | undefined,
): string | undefined {
  if (!isVaried(quiz) || !result || result.passed) return undefined;
  const read = readAnswerSheet(sheetText);
  const next = nextAttempt(result);
  if (!read.ok || read.sheet.attempt === next) return undefined;
  const made =
    read.sheet.attempt === undefined ? 'naming no attempt' : `for attempt ${read.sheet.attempt}`;
  return `Expected your sheet of "${quiz.title}" to be for attempt ${next}, your next; found the one made ${made}, kept as it is. Each attempt draws its own questions: move that sheet away, then Take checkpoint again.`;
}
