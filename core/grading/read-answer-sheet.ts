import type { Root } from 'mdast';
import type { Question } from '../model.js';
import { findFrontMatter } from '../parse/parse-file.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { blankRange } from '../markdown/lesson-source.js';
import { parseMarkdown } from '../markdown/markdown.js';
import { findSlowShape } from '../markdown/parse-guard.js';
import { deepestLine } from '../markdown/nesting-guard.js';
import { parseQuestions } from '../parse/quiz-body.js';
import { LineIndex } from '../text/line-index.js';
import { toLf } from '../text/line-endings.js';
import { MAX_SHEET_BYTES } from './sheet-limit.js';
import { sheetProblems, type SheetProblem } from './sheet-problems.js';

export { MAX_SHEET_BYTES };

/** The parsed body of a sheet, kept so reflections and scenarios read it without parsing again. */
export interface SheetBody {
  text: string;
  tree: Root;
  lines: LineIndex;
}

export interface AnswerSheet {
  checkpoint: string;
  learner: string;
  /** Quizzes with a pool or shuffled choices: the attempt the sheet was made for, and the questions drawn for it. */
  attempt?: number;
  drawn?: string[];
  /** Surveys: the occasion answered (`after-1w`). */
  occasion?: string;
  questions: Question[];
  /** What the sheet says unclearly on its own (sheetProblems): a quiz sheet with any is not graded. */
  problems: SheetProblem[];
  body: SheetBody;
}

export type SheetResult =
  { ok: true; sheet: AnswerSheet } | { ok: false; line: number; message: string };

/** Size in UTF-8 bytes, without encoding a text that is clearly within or past the limit. */
function overLimit(text: string, maxBytes: number): number | undefined {
  // Each UTF-16 unit is 1 to 3 bytes in UTF-8.
  if (text.length * 3 <= maxBytes) return undefined;
  const size = text.length > maxBytes ? text.length : new TextEncoder().encode(text).length;
  return size > maxBytes ? size : undefined;
}

/**
 * Read a learner's answer sheet: front matter, then the questions with their ticks and text.
 * `maxBytes` is the limit for its checkpoint (sheetLimit), checked before anything is parsed.
 */
export function readAnswerSheet(source: string, maxBytes: number = MAX_SHEET_BYTES): SheetResult {
  const size = overLimit(source, maxBytes);
  if (size !== undefined)
    return {
      ok: false,
      line: 1,
      message: `Expected an answer sheet of at most ${Math.ceil(maxBytes / 1024)} KB for this checkpoint; found ${Math.ceil(size / 1024)} KB. Answer in the sheet only; put long material in a link.`,
    };
  // A sheet saved on Windows (CRLF) or with a BOM is read as the LF sheet `take` wrote.
  const text = toLf(source);
  const lines = new LineIndex(text);
  const fence = findFrontMatter(text);
  if (!fence)
    return {
      ok: false,
      line: 1,
      message:
        'Expected the answer sheet to start with front matter (type: answer-sheet, checkpoint:, learner:); found none. Recreate it with "enablekit take <checkpoint>".',
    };
  const fm = readFrontMatter(text, fence.start, fence.end, lines);
  if (!fm.ok) return { ok: false, line: fm.span.start.line, message: fm.message };
  const problem = schemaProblems('answer-sheet', fm.value, 'an answer sheet')[0];
  if (problem) return { ok: false, line: problem.span.start.line, message: problem.message };
  // Shapes whose parse time grows with their square would tie up the grader, and deep
  // nesting overflows the recursive walks: refused at their line before parsing.
  const slow = findSlowShape(text, fence.end);
  if (slow) return { ok: false, line: slow.line, message: slow.message };
  let tree: Root;
  let questions: Question[];
  try {
    tree = parseMarkdown(blankRange(text, fence.start, fence.end));
    questions = parseQuestions(tree, lines);
  } catch (e) {
    if (e instanceof RangeError) {
      const line = deepestLine(text, fence.end);
      return {
        ok: false,
        line,
        message: `Expected an answer sheet nested at most a few lists or block quotes deep; found it nested too deep to read at line ${line}. Recreate it with "enablekit take <checkpoint>" and copy your answers over.`,
      };
    }
    throw e;
  }
  const data = fm.value.data as {
    checkpoint: string;
    learner: string;
    attempt?: number;
    drawn?: string[];
    occasion?: string;
  };
  return {
    ok: true,
    sheet: {
      checkpoint: data.checkpoint,
      learner: data.learner,
      ...(data.attempt !== undefined ? { attempt: data.attempt } : {}),
      ...(data.drawn !== undefined ? { drawn: data.drawn } : {}),
      ...(data.occasion !== undefined ? { occasion: data.occasion } : {}),
      questions,
      problems: sheetProblems(questions),
      body: { text, tree, lines },
    },
  };
}
