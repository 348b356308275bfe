import assert from 'node:assert/strict';
import { parseFile } from '../../core/parse/parse-file.js';
import { readAnswerSheet } from '../../core/grading/read-answer-sheet.js';
import { gradeQuiz } from '../../core/grading/grade-quiz.js';
import { sheetLimit } from '../../core/grading/sheet-limit.js';
import type { Grade, GradePolicy, GradeResult, QuestionResult } from '../../core/grading/types.js';
import type { Quiz } from '../../core/model.js';

/** Quizzes written inline under one front matter, each sheet read and graded in one step. */
export const FRONT = '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n';
const NOW = '2027-01-10T12:00:00Z';
export const policy = (over: Partial<GradePolicy> = {}): GradePolicy => ({
  passMark: 80,
  attempts: 3,
  retakeCooldownMs: 0,
  revealAnswers: 'never',
  ...over,
});
export const quizOf = (body: string): Quiz => parseFile('q.md', FRONT + body).model.item as Quiz;

export function gradeSheet(quiz: Quiz, sheet: string, p = policy()): GradeResult {
  const read = readAnswerSheet(sheet, sheetLimit(quiz));
  assert.ok(read.ok, read.ok ? '' : read.message);
  return gradeQuiz({ sheet: read.sheet, quiz, policy: p, prior: [], now: NOW });
}
export function graded(quiz: Quiz, sheet: string, p = policy()): Grade {
  const r = gradeSheet(quiz, sheet, p);
  assert.ok(r.ok, r.ok ? '' : r.refusal.message);
  return r.grade;
}
export const only = (g: Grade): QuestionResult => g.questions[0]!;
