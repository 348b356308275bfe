import type { Question, Quiz } from '../model.js';
import type { Fix, Span } from '../types.js';

/** Something in a sheet that makes what the learner meant unclear: it is said, never guessed. */
export interface SheetProblem {
  span: Span;
  message: string;
  /** The one text meant, where the message names it (a tick written another way): the editor offers it. */
  fix?: Fix;
}

/**
 * What a sheet says wrongly on its own, without its quiz: a tick written another way, an
 * answer below its "Answer:" line, a question comment changed, a question given twice.
 * Any of these stops the grade: guessing would grade the learner on what they may not have meant.
 */
export function sheetProblems(questions: readonly Question[]): SheetProblem[] {
  const out: SheetProblem[] = questions.flatMap((q) => q.markupProblems);
  const first = new Map<string, Question>();
  for (const q of questions) {
    if (!q.id) continue;
    const earlier = first.get(q.id);
    if (!earlier) first.set(q.id, q);
    else
      out.push({
        span: q.span,
        message: `Expected question "${q.id}" once in the sheet; found it again here, after line ${earlier.span.start.line}. Keep the copy with your answer and delete the other.`,
      });
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** Two or more ticks where the sheet's comment says type=single, or under a cloze blank: worth saying before the grade does. */
export function doubleTicks(questions: readonly Question[]): SheetProblem[] {
  return questions.flatMap((q) => {
    // A cloze blank takes one choice too: two ticks under it make the blank wrong.
    const blanks = q.type === 'cloze' ? (q.blanks ?? []) : [];
    const blank = blanks.find((b) => b.choices.filter((c) => c.checked).length > 1);
    if (blank)
      return [
        {
          span: blank.span,
          message: `Expected one tick under blank {${blank.n}} of question "${q.id ?? q.prompt}"; found ${blank.choices.filter((c) => c.checked).length}. Untick all but one: two ticks make the blank wrong.`,
        },
      ];
    const ticked = q.choices.filter((c) => c.checked);
    return q.type === 'single' && ticked.length > 1
      ? [
          {
            span: q.span,
            message: `Expected one tick on single-choice question "${q.id ?? q.prompt}"; found ${ticked.length} (${ticked.map((c) => c.letter).join(', ')}). Untick all but one: two ticks are graded wrong.`,
          },
        ]
      : [];
  });
}

/** Questions of the sheet the quiz does not have: an id changed, made up, or a comment removed. */
export function unknownQuestions(questions: readonly Question[], quiz: Quiz): SheetProblem[] {
  const ids = new Set(quiz.questions.flatMap((q) => (q.id ? [q.id] : [])));
  // A quiz with a question without an id cannot be matched by id; lint reports the quiz.
  if (ids.size !== quiz.questions.length) return [];
  return questions.flatMap((q) => {
    if (q.id && ids.has(q.id)) return [];
    const message = q.id
      ? `Expected only the questions of "${quiz.title}"; found question "${q.id}" ("${q.prompt}"), which it does not have. Delete it, or restore the id the sheet was made with.`
      : `Expected every question of the sheet to keep its <!-- question id=… --> comment; found "${q.prompt}" without one. Put the comment back, or make a new sheet with "enablekit take".`;
    return [{ span: q.span, message }];
  });
}

/** The sheet's front matter against where it is: submissions/<learner>/<checkpoint>.md. */
export function placeProblems(path: string, learner: string, checkpoint: string): string[] {
  const parts = path.split(/[\\/]/);
  const file = (parts.at(-1) ?? '').replace(/\.md$/, '');
  const folder = parts.at(-2);
  const out: string[] = [];
  if (folder !== undefined && learner !== folder)
    out.push(
      `Expected learner: ${folder}, the name of the sheet's folder (submissions/<login>/); found learner: ${learner}. Put the sheet in your own folder, or fix learner:.`,
    );
  if (checkpoint !== file)
    out.push(
      `Expected checkpoint: ${file}, the sheet's file name; found checkpoint: ${checkpoint}. Name the file <checkpoint-id>.md, or fix checkpoint:.`,
    );
  return out;
}

/** Shown in full; the rest are counted, so the message stays readable in a pull request comment. */
const SHOWN = 4;

/** Problems as one message: each with its line, then what happens now. */
export function sheetProblemMessage(problems: readonly SheetProblem[]): string {
  const each = problems
    .slice(0, SHOWN)
    .map((p) => `line ${p.span.start.line}: ${p.message}`)
    .join(' ');
  const more =
    problems.length > SHOWN
      ? ` And ${problems.length - SHOWN} more like these (lines ${problems
          .slice(SHOWN)
          .map((p) => p.span.start.line)
          .slice(0, 20)
          .join(
            ', ',
          )}${problems.length - SHOWN > 20 ? ', …' : ''}); "enablekit lint" on the sheet lists them all.`
      : '';
  return `${each}${more} Not graded, and no attempt used: fix the sheet and submit it again.`;
}
