import type { Question, Quiz } from '../model.js';

/** A small stable hash, so a learner's shuffled order is the same every time. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The items in a shuffled order that is never the right one (for two or more items). */
export function shuffledItems(q: Question, seed: string): string[] {
  const items = q.items.map((i) => i.text);
  let state = hash(`${seed}:${q.id ?? q.prompt}`);
  for (let i = items.length - 1; i > 0; i--) {
    state = Math.imul(state ^ (state >>> 15), 2246822507) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  if (items.length > 1 && items.every((t, i) => t === q.items[i]!.text)) items.push(items.shift()!);
  return items;
}

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
    'Tick your choices with [x], write after "Answer:", and put numbered items in the right order. ' +
    'Then commit this file on a branch and open a pull request.';
  const questions = quiz.questions.map((q) => questionBlock(q, learner)).join('\n');
  return `---\ntype: answer-sheet\ncheckpoint: ${quiz.id}\nlearner: ${learner}\n---\n\n# ${quiz.title}: answers\n\n${instructions}\n\n${questions}`;
}
