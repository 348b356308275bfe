import type { Hint, Question, Quiz } from '../model.js';
import type { ProgressRecord } from '../progress/records.js';
import type { QuestionResult } from './types.js';

/** A cost hint a learner opened, as their progress issue records it. */
export interface HintOpened {
  question: string;
  hint: number;
  /** ISO time it was opened (the `/hint` comment's). */
  at: string;
}

const percentText = (f: number) => `${Math.round(f * 1000) / 10}%`;

/**
 * What a sealed quiz and an answer sheet show in place of a cost hint's text: how to ask for
 * it. The text itself is only in the sealed key, and the Action replies with it.
 */
export function askForHint(quizId: string, q: Question, hint: Hint): string {
  const id = q.id ?? '';
  const which = hint.n > 1 ? ` ${hint.n}` : '';
  return `This hint costs ${percentText(hint.cost ?? 0)} of this question's credit, in this attempt and every later one. To open it, comment \`/hint ${id}${which}\` on your checkpoint pull request (\`/hint ${quizId}/${id}${which}\` when it holds several answer sheets): the reply gives the hint, and your progress issue records it.`;
}

/** The cost hints opened by `learner` at quiz `checkpoint`, from their progress records. */
export function hintsOpened(
  records: readonly ProgressRecord[],
  checkpoint: string,
  learner: string,
): HintOpened[] {
  return records.flatMap((r) =>
    r.kind === 'hint' &&
    r.checkpoint === checkpoint &&
    r.learner.toLowerCase() === learner.toLowerCase() &&
    r.question !== undefined &&
    r.hint !== undefined
      ? [{ question: r.question, hint: r.hint, at: r.at }]
      : [],
  );
}

/**
 * A question whose cost hints were opened before this grading (`asOf`) earns its credit minus
 * their costs times its weight, never below 0: a hint read cannot be unread, so it costs in
 * the attempt it was opened for and in every later one. Each hint costs once, however often it
 * was asked for; its cost is the quiz's as graded. The grade says so under the question.
 */
export function chargeHints(
  quiz: Quiz,
  results: QuestionResult[],
  opened: readonly HintOpened[],
  asOf: string,
): void {
  const before = opened.filter((o) => Date.parse(o.at) <= Date.parse(asOf));
  if (!before.length) return;
  quiz.questions.forEach((q, i) => {
    const r = results[i];
    const ns = new Set(before.filter((o) => o.question === q.id).map((o) => o.hint));
    const charged = (q.hints ?? []).filter((h) => h.cost && ns.has(h.n));
    if (!r || !charged.length) return;
    const cost = Math.min(
      1,
      charged.reduce((s, h) => s + h.cost!, 0),
    );
    r.points = Math.max(0, Math.round((r.points - cost * r.weight) * 1000) / 1000);
    r.feedback.push(
      `${charged.length > 1 ? `${charged.length} hints opened` : 'Hint opened'}: −${percentText(cost)} of the question's credit.`,
    );
  });
}
