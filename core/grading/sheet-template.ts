import type { Question, Quiz } from '../model.js';
import { shuffledItems } from './shuffled-order.js';

function questionBlock(q: Question, learner: string): string {
  // A quiz sealed before sealing wrote the type down reads an untyped text or numeric question
  // as single choice with no choices: it still takes an "Answer:" line, and its key says which.
  const answerOnly = q.type === 'single' && q.choices.length === 0 && q.items.length === 0;
  const meta = `<!-- question id=${q.id ?? ''}${answerOnly ? '' : ` type=${q.type}`} -->`;
  const head = `## ${q.prompt}\n${meta}\n\n`;
  if (answerOnly) return `${head}Answer: \n`;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `${head}${q.choices.map((c) => `- [ ] ${c.text}`).join('\n')}\n`;
    case 'text':
    case 'numeric':
      return `${head}Answer: \n`;
    case 'ordering':
      return `${head}${shuffledItems(q, learner)
        .map((t, i) => `${i + 1}. ${t}`)
        .join('\n')}\n`;
  }
}

/**
 * A blank answer sheet for a quiz: the questions and choices, with every box empty,
 * no feedback and no explanation, so it never carries the key.
 */
export function answerSheetText(quiz: Quiz, learner: string): string {
  const instructions =
    'Tick your choices with [x] (one only where a question has a single answer), write after "Answer:", ' +
    'and put numbered items in the right order: they are listed shuffled, so a list left as it is counts as not answered yet. ' +
    'Then commit this file on a branch and open a pull request.';
  const questions = quiz.questions.map((q) => questionBlock(q, learner)).join('\n');
  return `---\ntype: answer-sheet\ncheckpoint: ${quiz.id}\nlearner: ${learner}\n---\n\n# ${quiz.title}: answers\n\n${instructions}\n\n${questions}`;
}
