import type { Root } from 'mdast';
import type { Question } from '../model.js';
import { findFrontMatter } from '../parse/parse-file.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { blankRange } from '../parse/lesson-source.js';
import { parseMarkdown } from '../parse/markdown.js';
import { parseQuestions } from '../parse/quiz-body.js';
import { LineIndex } from '../text/line-index.js';

/** Answer sheets are small; anything bigger is not a sheet a person filled in. */
export const MAX_SHEET_BYTES = 64 * 1024;

/** The parsed body of a sheet, kept so reflections and scenarios read it without parsing again. */
export interface SheetBody {
  text: string;
  tree: Root;
  lines: LineIndex;
}

export interface AnswerSheet {
  checkpoint: string;
  learner: string;
  questions: Question[];
  body: SheetBody;
}

export type SheetResult = { ok: true; sheet: AnswerSheet } | { ok: false; line: number; message: string };

/** Read a learner's answer sheet: front matter, then the questions with their ticks and text. */
export function readAnswerSheet(text: string): SheetResult {
  if (text.length > MAX_SHEET_BYTES) return { ok: false, line: 1, message: `Expected an answer sheet of at most ${MAX_SHEET_BYTES / 1024} KB; found ${Math.round(text.length / 1024)} KB. Answer in the sheet only; put long material in a link.` };
  const lines = new LineIndex(text);
  const fence = findFrontMatter(text);
  if (!fence) return { ok: false, line: 1, message: 'Expected the answer sheet to start with front matter (type: answer-sheet, checkpoint:, learner:); found none. Recreate it with "enablekit take <checkpoint>".' };
  const fm = readFrontMatter(text, fence.start, fence.end, lines);
  if (!fm.ok) return { ok: false, line: fm.span.start.line, message: fm.message };
  const problem = schemaProblems('answer-sheet', fm.value, 'an answer sheet')[0];
  if (problem) return { ok: false, line: problem.span.start.line, message: problem.message };
  const tree = parseMarkdown(blankRange(text, fence.start, fence.end));
  const data = fm.value.data as { checkpoint: string; learner: string };
  return { ok: true, sheet: { checkpoint: data.checkpoint, learner: data.learner, questions: parseQuestions(tree, lines), body: { text, tree, lines } } };
}
