import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { gradeQuiz, policyFor } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeMarkdown, gradeText, refusalMarkdown } from '../core/grading/render-grade.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { GradeResult } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';
import type { Config } from '../core/config/config.js';
import { loadIndex } from './analyse.js';
import { timedMatcher } from './timed-matcher.js';
import { UsageError } from './usage-error.js';
import { resolveTargets } from './workspace-files.js';

export interface CheckpointArgs {
  cwd: string;
  curricula?: string;
  submissions: string;
  version: string;
  cache: boolean;
}

async function findQuiz(a: CheckpointArgs, id: string): Promise<{ quiz: Quiz; config: Config }> {
  const dir = a.curricula ?? (existsSync(resolve(a.cwd, 'curricula')) ? 'curricula' : '.');
  const { index, config } = await loadIndex({ cwd: a.cwd, cache: a.cache, version: a.version, targets: resolveTargets(a.cwd, [dir]) });
  const item = index.item(id);
  if (!item) throw new UsageError(`Expected a checkpoint with id "${id}" in ${dir}; found none. Check the id, or pass --curricula <folder>.`);
  if (item.type !== 'quiz') throw new UsageError(`Expected "${id}" to be a quiz; found a ${item.type}. Only quizzes can be taken and graded from the CLI so far.`);
  return { quiz: item, config };
}

/** Write a blank answer sheet for a learner; an existing sheet is never overwritten. */
export async function takeCommand(a: CheckpointArgs & { id?: string; learner?: string }): Promise<string> {
  if (!a.id) throw new UsageError('Expected "enablekit take <checkpoint-id> --learner <login>"; found no checkpoint id. Name the quiz to take.');
  if (!a.learner || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(a.learner)) throw new UsageError(`Expected --learner to be your GitHub login; found ${a.learner ? `"${a.learner}"` : 'none'}. Pass --learner <login>.`);
  const { quiz } = await findQuiz(a, a.id);
  const path = resolve(a.cwd, a.submissions, a.learner, `${quiz.id}.md`);
  if (existsSync(path)) throw new UsageError(`Expected no answer sheet at ${relative(a.cwd, path)}; found one with your answers. Edit it, or move it away to start over; nothing was overwritten.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, answerSheetText(quiz, a.learner), { flag: 'wx' });
  return `Created ${relative(a.cwd, path)}. Answer it, then run "enablekit grade ${relative(a.cwd, path)}" to check locally, or open a pull request.\n`;
}

/** Grade a sheet against the quiz in the workspace (local practice: no earlier attempts). */
export async function gradeCommand(a: CheckpointArgs & { sheet?: string; format: string; now: string }): Promise<{ stdout: string; exitCode: number }> {
  if (!a.sheet) throw new UsageError('Expected "enablekit grade <answer-sheet>"; found no file. Name the sheet, such as submissions/<login>/<quiz-id>.md.');
  if (!['text', 'json', 'markdown'].includes(a.format)) throw new UsageError(`Expected --format to be text, json or markdown; found "${a.format}".`);
  const path = resolve(a.cwd, a.sheet);
  if (!existsSync(path)) throw new UsageError(`Expected an answer sheet at ${a.sheet}; found nothing. Create one with "enablekit take <checkpoint> --learner <login>".`);
  const read = readAnswerSheet(readFileSync(path, 'utf8'));
  let result: GradeResult;
  if (!read.ok) {
    result = { ok: false, refusal: { checkpoint: '', learner: '', reason: 'invalid-sheet', message: `${a.sheet}:${read.line}: ${read.message}`, line: read.line } };
  } else {
    const { sheet } = read;
    const folder = basename(dirname(path));
    const file = basename(path, '.md');
    if (sheet.learner !== folder || sheet.checkpoint !== file) {
      result = { ok: false, refusal: { checkpoint: sheet.checkpoint, learner: sheet.learner, reason: 'invalid-sheet', message: `Expected the sheet at submissions/${sheet.learner}/${sheet.checkpoint}.md to match its front matter; found it at .../${folder}/${file}.md. Move it, or fix learner: and checkpoint:.` } };
    } else {
      const { quiz, config } = await findQuiz(a, sheet.checkpoint);
      result = gradeQuiz({ sheet, quiz, policy: policyFor(quiz, config), prior: [], now: a.now, match: timedMatcher });
    }
  }
  const exitCode = result.ok && result.grade.passed ? 0 : 1;
  if (a.format === 'json') return { stdout: `${JSON.stringify(result.ok ? result.grade : result.refusal, null, 2)}\n`, exitCode };
  if (a.format === 'markdown') return { stdout: result.ok ? gradeMarkdown(result.grade) : refusalMarkdown(result.refusal), exitCode };
  return { stdout: result.ok ? gradeText(result.grade) : `Not graded: ${result.refusal.message}\n`, exitCode };
}
