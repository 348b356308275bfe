import type { Question, Quiz } from '../model.js';
import { DEFAULT_MAX_FILE_SIZE } from '../parse/decode.js';
import { readAnswerSheet } from './read-answer-sheet.js';
import { shuffledItems } from './shuffled-order.js';

export interface SheetProgress {
  checkpoint: string;
  learner: string;
  answered: number;
  total: number;
  /** The questions still to answer, with why when the sheet holds something that does not count. */
  unanswered: { prompt: string; line: number; why?: string }[];
}

type Answered = true | false | string;

/**
 * Whether a question of the sheet is answered: false, or a string saying why what is there
 * does not count.
 * - Single choice: exactly one tick. Two ticks are graded wrong (grade-question.ts) and lint
 *   says so on the sheet (doubleTicks), so they are not an answer here either.
 * - Ordering: the items in an order other than the one `take` listed them in. The sheet lists
 *   them shuffled, so an order left as it was is one the learner never chose. It needs the
 *   quiz (the listed order is the quiz's items shuffled by the learner's login); without
 *   it any complete order counts. For a sealed quiz the listed order may be right by
 *   chance: it still does not count (nothing on the sheet says the learner chose it), and
 *   the reason says it may be left.
 */
function answered(q: Question, learner: string, quiz: Quiz | undefined): Answered {
  if (q.type === 'single' || q.type === 'multiple') {
    const ticks = q.choices.filter((c) => c.checked).length;
    if (q.type === 'single' && ticks > 1)
      return `${ticks} ticks; a single-choice question takes one`;
    return ticks > 0;
  }
  if (q.type === 'ordering') {
    if (q.items.length === 0) return false;
    const asked = quiz?.questions.find((k) => k.id !== undefined && k.id === q.id);
    if (!asked || asked.items.length < 2) return true;
    const listed = shuffledItems(asked, learner);
    const unmoved =
      listed.length === q.items.length && listed.every((t, i) => t === q.items[i]!.text);
    if (!unmoved) return true;
    // A sealed quiz's file lists its items in a random order, which the sheet shuffles again:
    // the listed order may be the right one, and the editor cannot know it.
    return quiz!.key !== undefined && !quiz!.keyApplied
      ? 'items still in the order the sheet listed them; move them, or leave them if that is your order'
      : 'items still in the order the sheet listed them; move them into yours';
  }
  if (q.type === 'matching') return (q.pairs ?? []).some((p) => p.answer.trim() !== '');
  if (q.type === 'cloze') {
    const doubled = (q.blanks ?? []).find((b) => b.choices.filter((c) => c.checked).length > 1);
    if (doubled) return `2 or more ticks under blank {${doubled.n}}; a blank takes one`;
    return (q.blanks ?? []).some((b) => b.given !== '' || b.choices.some((c) => c.checked));
  }
  return (q.answerText?.value ?? '').trim() !== '';
}

/**
 * How far a learner is through a quiz answer sheet; undefined for a file that is not one.
 * `quizOf` finds the quiz the sheet answers, when the caller has it: it tells an ordering
 * question left as listed. Only shown, never graded: any sheet the editor lints (up to lint's file
 * size) is read.
 */
export function sheetProgress(
  text: string,
  options: { quizOf?: (checkpoint: string) => Quiz | undefined; maxBytes?: number } = {},
): SheetProgress | undefined {
  const read = readAnswerSheet(text, options.maxBytes ?? DEFAULT_MAX_FILE_SIZE);
  if (!read.ok || read.sheet.questions.length === 0) return undefined;
  const { learner, checkpoint } = read.sheet;
  const found = options.quizOf?.(checkpoint);
  const quiz = found?.id === checkpoint ? found : undefined;
  const unanswered = read.sheet.questions.flatMap((q) => {
    const a = answered(q, learner, quiz);
    if (a === true) return [];
    return [{ prompt: q.prompt, line: q.span.start.line, ...(a ? { why: a } : {}) }];
  });
  return {
    checkpoint,
    learner,
    answered: read.sheet.questions.length - unanswered.length,
    total: read.sheet.questions.length,
    unanswered,
  };
}
