import type { Quiz } from '../model.js';
import { askForHint } from '../grading/hint-cost.js';

/**
 * An answer the sealed text still shows, read back from the sealed file as a learner would
 * read it: a tick (written any way the parser takes as one), an accepted answer, an
 * `Answer:` line, an explanation or choice feedback. Sealing rewrites lines by position, so
 * markup it does not expect could slip through; this check does not depend on how the
 * answer was written.
 */
export function sealedLeak(sealed: Quiz): { question: string; message: string } | undefined {
  for (const q of sealed.questions) {
    const name = q.id ?? q.prompt;
    const leak = (what: string) => ({
      question: name,
      message: `Expected no answers left in the sealed quiz; found ${what} of question "${name}" still in it, written in a way sealing does not take out. Write it the usual way ("enablekit lint" on the quiz says how), and seal again.`,
    });
    const ticked = q.choices.find((c) => c.checked);
    if (ticked) return leak(`the tick of choice ${ticked.letter}`);
    const credited = q.choices.find((c) => c.credit !== undefined);
    if (credited) return leak(`the credit of choice ${credited.letter}`);
    const fed = q.choices.find((c) => c.feedback);
    if (fed?.feedback) return leak(`the feedback under choice ${fed.letter}`);
    if (q.accepted[0]) return leak('an accepted answer');
    if (q.answerText) return leak('the "Answer:" line');
    if (q.numbersSpan) return leak('the accepted numbers');
    if (q.otherFeedback) return leak('the feedback for any other answer');
    const paired = q.type === 'matching' ? q.pairs?.find((p) => p.answer !== '') : undefined;
    if (paired) return leak(`the answer of prompt ${paired.letter}`);
    const filled = q.blanks?.find(
      (b) => b.given !== '' || b.accepted.length > 0 || b.choices.some((c) => c.checked),
    );
    if (filled) return leak(`the answer of blank {${filled.n}}`);
    if (q.explanation) return leak('the explanation');
    const told = q.hints?.find((h) => h.cost && h.text !== askForHint(sealed.id, q, h));
    if (told) return leak(`the text of hint ${told.n}, which has a cost,`);
  }
  return undefined;
}
