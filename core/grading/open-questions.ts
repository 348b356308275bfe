import type { Quiz } from '../model.js';

/**
 * Why the Action refuses a sheet of a quiz with open questions, or undefined for a quiz without
 * them. An attempt a reviewer has yet to mark cannot be settled, and recording an outcome before
 * the mark would pass or fail the learner on part of the quiz: so nothing is recorded and no
 * attempt is used.
 */
export function openQuestionsRefusal(quiz: Quiz): string | undefined {
  const open = quiz.questions.filter((q) => q.type === 'open').map((q) => q.id ?? q.prompt);
  if (open.length === 0) return undefined;
  return `Expected a quiz the Action can grade on its own; found "${quiz.id}" with open question${open.length > 1 ? 's' : ''} (${open.join(', ')}), which a reviewer grades and the Action does not take yet. Nothing was recorded and no attempt was used: ask your trainer, who can grade the sheet with "enablekit grade".`;
}
