import type { Question, Quiz } from '../model.js';
import { hash, seededOrder } from './shuffled-order.js';

/** Whether a quiz's sheets differ by learner and attempt: it draws from a pool, or shuffles choices. */
export const isVaried = (quiz: Pick<Quiz, 'draw' | 'shuffleChoices'>): boolean =>
  quiz.draw !== undefined || quiz.shuffleChoices === true;

/**
 * What one learner's attempt at one quiz is seeded with: the quiz id, the login in lower case
 * (GitHub logins are case-insensitive, so Ana and ana draw alike) and the attempt number.
 */
export const drawSeed = (quizId: string, learner: string, attempt: number): string =>
  `${quizId}\n${learner.toLowerCase()}\n${attempt}`;

/**
 * The attempt a new sheet is for, from the learner's recorded result at the quiz: the one
 * after the attempts counted so far; the first with none, or once passed (a sheet after a
 * pass is practice, graded on the draw of the attempt it names).
 */
export const nextAttempt = (result?: { passed: boolean; attempts: number }): number =>
  result && !result.passed ? result.attempts + 1 : 1;

/** Spreads the hash's bits (murmur3's finaliser), so ids one letter apart rank far apart. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ids of the questions one learner's attempt is asked, in the quiz's order: every question
 * when the quiz draws none (or as many as it has); otherwise each question ranked by the hash
 * of the seed and its id, and the `draw` lowest taken (ties by id). Ranked by id, not by place:
 * moving questions in the file changes no one's draw, and a question added to the pool changes
 * only the draws it ranks into.
 */
export function drawnIds(quiz: Quiz, learner: string, attempt: number): string[] {
  const ids = quiz.questions.map((q) => q.id ?? '');
  if (quiz.draw === undefined || quiz.draw >= ids.length) return ids;
  const seed = drawSeed(quiz.id, learner, attempt);
  const rank = new Map(ids.map((id) => [id, mix(hash(`${seed}\n${id}`))]));
  const chosen = new Set(
    [...ids].sort((a, b) => rank.get(a)! - rank.get(b)! || byText(a, b)).slice(0, quiz.draw),
  );
  return ids.filter((id) => chosen.has(id));
}

const hasChoices = (q: Question) => q.type === 'single' || q.type === 'multiple';

/**
 * Where a shuffled question's choices are listed: the sheet's choice n is the quiz's choice
 * `order[n]`. It depends on the seed, the question's id and how many choices it has, never
 * on their text, so a sealed quiz and the same quiz opened with its key list them alike.
 */
export function choiceOrder(q: Question, seed: string): number[] {
  return seededOrder(q.choices.length, `${seed}\n${q.id ?? q.prompt}\nchoices`);
}

/** The quiz as one learner's attempt asks it: the drawn questions, their choices in that attempt's order. */
export function askedQuiz(quiz: Quiz, learner: string, attempt: number): Quiz {
  if (!isVaried(quiz)) return quiz;
  const seed = drawSeed(quiz.id, learner, attempt);
  const drawn = new Set(drawnIds(quiz, learner, attempt));
  const questions = quiz.questions
    .filter((q) => drawn.has(q.id ?? ''))
    .map((q) =>
      quiz.shuffleChoices && hasChoices(q)
        ? { ...q, choices: choiceOrder(q, seed).map((k) => q.choices[k]!) }
        : q,
    );
  return { ...quiz, questions };
}

/**
 * A learner's answer to a shuffled question with its choices put back in the quiz's order, by
 * the order the grader works out again from the seed (the sheet states none to trust). A sheet
 * whose choices were moved no longer lines up by text, and is graded as changed.
 */
export function unshuffled(key: Question, mine: Question, seed: string): Question {
  if (!hasChoices(key) || mine.choices.length !== key.choices.length) return mine;
  const order = choiceOrder(key, seed);
  const at = new Array<number>(order.length);
  order.forEach((k, n) => (at[k] = n));
  return {
    ...mine,
    choices: key.choices.map((c, k) => ({ ...mine.choices[at[k]!]!, letter: c.letter })),
  };
}
