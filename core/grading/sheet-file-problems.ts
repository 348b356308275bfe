import type { FileProblem } from '../model.js';
import type { FrontMatter } from '../parse/front-matter.js';
import { blankRange } from '../markdown/lesson-source.js';
import { parseMarkdown } from '../markdown/markdown.js';
import { parseQuestions } from '../parse/quiz-body.js';
import type { LineIndex } from '../text/line-index.js';
import { doubleTicks, placeProblems, sheetProblems } from './sheet-problems.js';

/**
 * What lint says about an answer sheet on its own: a learner or checkpoint that does not
 * match where the sheet is, and, in a quiz's sheet, what would stop or cost its grade
 * (ticks written another way, answers below "Answer:", a question twice, two ticks on a
 * single-choice question). Checks that need the quiz are grading's.
 */
export function sheetFileProblems(
  file: string,
  text: string,
  fm: FrontMatter,
  frontMatterEnd: number,
  lines: LineIndex,
): FileProblem[] {
  const out: FileProblem[] = [];
  const { learner, checkpoint } = fm.data as { learner?: unknown; checkpoint?: unknown };
  if (typeof learner === 'string' && typeof checkpoint === 'string') {
    const at = (field: string) => fm.spans[`/${field}`] ?? fm.span;
    for (const message of placeProblems(file, learner, checkpoint))
      out.push({
        code: 'answer-sheet',
        span: at(message.startsWith('Expected learner') ? 'learner' : 'checkpoint'),
        message,
      });
  }
  let questions;
  try {
    questions = parseQuestions(parseMarkdown(blankRange(text, 0, frontMatterEnd)), lines);
  } catch (e) {
    // Nesting deeper than the parser's stack is reported by grading; lint keeps going.
    if (e instanceof RangeError) return out;
    throw e;
  }
  // Reflection and mock sheets have headings too, but no question comments.
  if (!questions.some((q) => q.metaSpan)) return out;
  for (const p of [...sheetProblems(questions), ...doubleTicks(questions)])
    out.push({
      code: 'answer-sheet',
      span: p.span,
      message: p.message,
      ...(p.fix ? { fix: p.fix } : {}),
    });
  return out;
}
