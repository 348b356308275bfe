import type { Quiz } from '../model.js';
import { askedQuiz, drawnIds, isVaried } from './quiz-draw.js';
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
