import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { gradeQuiz, policyFor } from '../core/grading/grade-quiz.js';
import { readAnswerSheet, type SheetBody } from '../core/grading/read-answer-sheet.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { gradeMarkdown, gradeText, refusalMarkdown } from '../core/grading/render-grade.js';
import type { GradeResult } from '../core/grading/types.js';
import {
  isCheckpoint,
  type Checkpoint,
  type Item,
  type Quiz,
  type Reflection,
  type Survey,
} from '../core/model.js';
import { occasionLabel, surveySheetText } from '../core/grading/survey-sheet.js';
import { checkpointSheetText } from '../core/grading/checkpoint-sheets.js';
import { learnerSheetText } from '../core/grading/learner-sheet.js';
import { askedQuiz } from '../core/grading/quiz-draw.js';
import { answerPattern } from '../core/grading/answer-pattern.js';
import { openQuizKey } from '../host/quiz-keys.js';
import { checkReflection } from '../core/grading/reflection-complete.js';
import type { Config } from '../core/config/config.js';
import { loadIndex } from '../host/analyse.js';
import { timedMatcher } from '../host/timed-matcher.js';
import { UsageError } from '../host/usage-error.js';
import { findCurricula, resolveTargets } from '../host/workspace-files.js';
import { CONFIG_FILE } from '../core/config/config-candidates.js';
import { ProgressBar } from './progress-bar.js';
import { recordsFromSheets } from './sheet-records.js';
import { Gate, reasonsText } from '../core/progress/gate.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { curriculaToday } from '../core/config/clock.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';

export interface CheckpointArgs {
  cwd: string;
  curricula?: string;
  submissions: string;
  version: string;
  cache: boolean;
}

/**
 * The checkpoint to take or grade against, from the curricula of the enablekit.yml found
 * as lint finds it (upward from --curricula, or from here, where a repository's
 * `curricula/` counts too), never from whichever folder the command was run in: a
 * checkpoint id more than one file claims is refused, never picked from.
 */
async function findItem(
  a: CheckpointArgs,
  id: string,
): Promise<{ item: Item; config: Config; index: WorkspaceIndex }> {
  const from = resolve(a.cwd, a.curricula ?? '.');
  if (a.curricula && !existsSync(from))
    throw new UsageError(
      `Expected the curricula folder ${a.curricula}; found nothing there. Check --curricula.`,
    );
  const root = findCurricula(from);
  if (!root)
    throw new UsageError(
      `Expected ${CONFIG_FILE} in ${relative(a.cwd, from) || '.'} or a folder above it (or in a curricula/ folder there); found none, so there are no curricula to take from or grade against. Run this inside your curricula repository, or pass --curricula <folder with ${CONFIG_FILE}>.`,
    );
  const targets = resolveTargets(a.cwd, [root]);
  const dir = relative(a.cwd, root) || '.';
  const { index, config } = await loadIndex({
    cwd: a.cwd,
    cache: a.cache,
    version: a.version,
    targets,
    progress: ProgressBar.onTerminal,
  });
  const claims = index.itemsWithId(id);
  if (claims.length > 1)
    throw new UsageError(
      `Expected one item with id "${id}" in ${dir}; found ${claims.length}: ${claims
        .map((i) => i.file)
        .sort()
        .join(
          ', ',
        )}. Give each its own id ("enablekit lint" reports duplicate-id), then run this again.`,
    );
  const item = claims[0];
  if (!item)
    throw new UsageError(
      `Expected a checkpoint with id "${id}" in ${dir}; found none. Check the id, or pass --curricula <folder>.`,
    );
  return { item, config, index };
}

async function findCheckpoint(
  a: CheckpointArgs,
  id: string,
  what = 'a quiz, scenario or reflection',
): Promise<{ checkpoint: Checkpoint; config: Config; index: WorkspaceIndex }> {
  const { item, config, index } = await findItem(a, id);
  if (item.type === 'survey')
    throw new UsageError(
      `Expected "${id}" to be ${what}; found a survey, which is never graded. Open a pull request with its sheet: the Action records the answers.`,
    );
  if (!isCheckpoint(item))
    throw new UsageError(
      `Expected "${id}" to be ${what}; found a ${item.type}. Name a checkpoint.`,
    );
  return { checkpoint: item, config, index };
}

/** A survey's sheet for one occasion: named, or the survey's only one. */
function takeSurvey(
  a: CheckpointArgs & { learner: string; occasion?: string },
  survey: Survey,
): string {
  const asks = survey.ask.filter((o) => !o.problem);
  const occasion =
    a.occasion === undefined && asks.length === 1 ? asks[0] : asks.find((o) => o.id === a.occasion);
  if (!occasion)
    throw new UsageError(
      `Expected --occasion to name one of survey "${survey.id}"'s occasions (${asks.map((o) => o.id).join(', ')}); found ${a.occasion === undefined ? 'none' : `"${a.occasion}"`}. Pass the one your invitation names.`,
    );
  const path = resolve(a.cwd, a.submissions, a.learner, `${survey.id}.md`);
  if (existsSync(path))
    throw new UsageError(
      `Expected no answer sheet at ${relative(a.cwd, path)}; found one. Once its pull request is closed, delete it and run this again; nothing was overwritten.`,
    );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, surveySheetText(survey, a.learner, occasion), { flag: 'wx' });
  return `Created ${relative(a.cwd, path)} (${occasionLabel(occasion)}). Answer what you like, then open a pull request: it is recorded, not graded.\n`;
}

/** The quiz with its answers: a sealed one is opened with the secret, or refused with what to do. */
function quizWithAnswers(a: CheckpointArgs, checkpoint: Checkpoint, secret?: string): Quiz {
  if (checkpoint.type !== 'quiz')
    throw new UsageError(
      `Expected --answered to name a quiz; found "${checkpoint.id}", a ${checkpoint.type}, which has no key to write. Leave --answered out.`,
    );
  const opened = openQuizKey(a.cwd, checkpoint, secret);
  if (!opened.ok)
    throw new UsageError(
      `${opened.message}${opened.reason === 'no-secret' ? ' Set ENABLEKIT_KEY to the answer-key secret to write its key sheet.' : ''}`,
    );
  return opened.quiz;
}

/**
 * Write a blank answer sheet for a learner, or with --answered the author's key sheet (every
 * right answer written in); an existing sheet is never overwritten.
 */
export async function takeCommand(
  a: CheckpointArgs & {
    id?: string;
    learner?: string;
    attempt?: string;
    answered?: boolean;
    secret?: string;
    occasion?: string;
    now: Date;
    today?: string;
  },
): Promise<string> {
  if (!a.id)
    throw new UsageError(
      'Expected "enablekit take <checkpoint-id> --learner <login>"; found no checkpoint id. Name the quiz to take.',
    );
  if (!a.learner || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(a.learner))
    throw new UsageError(
      `Expected --learner to be your GitHub login; found ${a.learner ? `"${a.learner}"` : 'none'}. Pass --learner <login>.`,
    );
  const attempt = a.attempt === undefined ? 1 : Number(a.attempt);
  if (!/^[1-9][0-9]{0,5}$/.test(a.attempt ?? '1'))
    throw new UsageError(
      `Expected --attempt to be the attempt's number (1, 2, …); found "${a.attempt}". Pass --attempt <n>, as the grade of your last attempt says.`,
    );
  const found = await findItem(a, a.id);
  if (found.item.type === 'survey' && !a.answered)
    return takeSurvey({ ...a, learner: a.learner }, found.item);
  const { checkpoint, config, index } = await findCheckpoint(
    a,
    a.id,
    'a quiz, scenario, reflection or survey',
  );
  const path = resolve(a.cwd, a.submissions, a.learner, `${checkpoint.id}.md`);
  if (existsSync(path))
    throw new UsageError(
      `Expected no answer sheet at ${relative(a.cwd, path)}; found one with your answers. Edit it, or move it away to start over; nothing was overwritten.`,
    );
  if (a.answered) {
    const quiz = quizWithAnswers(a, checkpoint, a.secret);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      learnerSheetText(quiz, a.learner, attempt, { decimalMark: config.policies.decimalMark }),
      {
        flag: 'wx',
      },
    );
    const patternOnly = askedQuiz(quiz, a.learner, attempt).questions.filter(
      (q) => q.type === 'text' && q.accepted.every((x) => answerPattern(x.value)),
    );
    const note = patternOnly.length
      ? `Left blank: ${patternOnly.map((q) => `"${q.prompt}"`).join(', ')}, which accept${patternOnly.length === 1 ? 's' : ''} only patterns; write an answer there, or add a plain accepted answer to the quiz.\n`
      : '';
    return `Created ${relative(a.cwd, path)}, the key sheet: every right answer written in. Run "enablekit grade ${relative(a.cwd, path)}" to see the quiz can be passed.\n${note}`;
  }
  warnIfLocked(a, a.learner, checkpoint, config, index);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, checkpointSheetText(checkpoint, a.learner, attempt), { flag: 'wx' });
  return `Created ${relative(a.cwd, path)}. Answer it, then run "enablekit grade ${relative(a.cwd, path)}" to check locally, or open a pull request.\n`;
}

/**
 * Say on stderr what to finish first when the curricula's gating holds the checkpoint back,
 * judged from the learner's sheets on disk (as `enablekit progress` judges them); the sheet is
 * made anyway: the Action, not the terminal, decides what is graded.
 */
function warnIfLocked(
  a: CheckpointArgs & { now: Date; today?: string },
  learner: string,
  checkpoint: Checkpoint,
  config: Config,
  index: WorkspaceIndex,
): void {
  const now = a.now.toISOString();
  const records = recordsFromSheets({ ...a, now, learner }, index, config).get(
    learner.toLowerCase(),
  );
  const gate = new Gate({
    index,
    config,
    login: learner,
    roles: rolesOf(learner, config),
    records: records ?? [],
    today: curriculaToday(config, a.now, a.today),
  }).checkpoint(checkpoint.id);
  if (gate.open || gate.mode === 'off') return;
  process.stderr.write(
    `Warning: "${checkpoint.id}" is locked for ${learner}. ${reasonsText(gate)} ${gate.mode === 'strict' ? 'The Action will not grade it until then (gating: strict); the sheet is made anyway.' : 'The Action grades it anyway and says it was taken out of order (gating: advisory).'}\n`,
  );
}

function reflectionReport(
  body: SheetBody,
  r: Reflection,
  format: string,
): { stdout: string; exitCode: number } {
  const check = checkReflection(body, r);
  const exitCode = check.complete ? 0 : 1;
  if (format === 'json')
    return { stdout: `${JSON.stringify({ checkpoint: r.id, ...check }, null, 2)}\n`, exitCode };
  const head = check.complete ? `Complete: "${r.title}".` : `Not complete yet: "${r.title}".`;
  return { stdout: `${[head, ...check.missing.map((m) => `  - ${m}`)].join('\n')}\n`, exitCode };
}

/** Grade a sheet against the quiz in the workspace (local practice: no earlier attempts). */
export async function gradeCommand(
  a: CheckpointArgs & { sheet?: string; format: string; now: string },
): Promise<{ stdout: string; exitCode: number }> {
  if (!a.sheet)
    throw new UsageError(
      'Expected "enablekit grade <answer-sheet>"; found no file. Name the sheet, such as submissions/<login>/<quiz-id>.md.',
    );
  if (!['text', 'json', 'markdown'].includes(a.format))
    throw new UsageError(`Expected --format to be text, json or markdown; found "${a.format}".`);
  const path = resolve(a.cwd, a.sheet);
  if (!existsSync(path))
    throw new UsageError(
      `Expected an answer sheet at ${a.sheet}; found nothing. Create one with "enablekit take <checkpoint> --learner <login>".`,
    );
  const folder = basename(dirname(path));
  const file = basename(path, '.md');
  // The sheet's size limit follows from its quiz, found by the file's name before the sheet is read.
  const named = await findCheckpoint(a, file).catch((e: unknown) => {
    if (e instanceof UsageError) return undefined;
    throw e;
  });
  const read = readAnswerSheet(readFileSync(path, 'utf8'), sheetLimit(named?.checkpoint));
  let result: GradeResult;
  if (!read.ok) {
    result = {
      ok: false,
      refusal: {
        checkpoint: '',
        learner: '',
        reason: 'invalid-sheet',
        message: `${a.sheet}:${read.line}: ${read.message}`,
        line: read.line,
      },
    };
  } else {
    const { sheet } = read;
    if (sheet.learner !== folder || sheet.checkpoint !== file) {
      result = {
        ok: false,
        refusal: {
          checkpoint: sheet.checkpoint,
          learner: sheet.learner,
          reason: 'invalid-sheet',
          message: `Expected the sheet at submissions/${sheet.learner}/${sheet.checkpoint}.md to match its front matter; found it at .../${folder}/${file}.md. Move it, or fix learner: and checkpoint:.`,
        },
      };
    } else {
      const { checkpoint, config } = named ?? (await findCheckpoint(a, sheet.checkpoint));
      if (checkpoint.type === 'scenario')
        throw new UsageError(
          `Expected a quiz or reflection to grade; found "${checkpoint.id}", a scenario, which a reviewer grades against its rubric in the pull request. Open the pull request and ask your trainer.`,
        );
      if (checkpoint.type === 'reflection')
        return reflectionReport(sheet.body, checkpoint, a.format);
      result = gradeQuiz({
        sheet,
        quiz: checkpoint,
        policy: policyFor(checkpoint, config),
        prior: [],
        now: a.now,
        match: timedMatcher,
        // No records here: a pooled quiz's sheet is checked against the draw of the attempt it names.
        attemptFromSheet: true,
      });
      if (!result.ok && result.refusal.line)
        result.refusal.message = `${a.sheet}: ${result.refusal.message}`;
    }
  }
  const exitCode = result.ok && result.grade.passed ? 0 : 1;
  if (a.format === 'json')
    return {
      stdout: `${JSON.stringify(result.ok ? result.grade : result.refusal, null, 2)}\n`,
      exitCode,
    };
  if (a.format === 'markdown')
    return {
      stdout: result.ok ? gradeMarkdown(result.grade) : refusalMarkdown(result.refusal),
      exitCode,
    };
  return {
    stdout: result.ok ? gradeText(result.grade) : `Not graded: ${result.refusal.message}\n`,
    exitCode,
  };
}
