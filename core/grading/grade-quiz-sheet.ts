import type { Config } from '../config/config.js';
import type { Quiz } from '../model.js';
import type { ProgressRecord } from '../progress/records.js';
import type { AttemptRecord } from './grade-comment.js';
import { gradeQuiz, policyFor } from './grade-quiz.js';
import type { GradedPull, QuizKey } from './plan-pull.js';
import type { PullFacts } from './pull-outcome.js';
import type { GradeResult, PatternMatcher } from './types.js';
import type { OpenMark } from './open-marks.js';
import type { HintOpened } from './hint-cost.js';
import { questionMarks } from '../progress/question-marks.js';

/** An answer sheet as read, ready to grade. */
export type Sheet = Parameters<typeof gradeQuiz>[0]['sheet'];

/** One attempt per checkpoint and commit: the progress issue's record wins over this PR's comment. */
export function mergeAttempts(
  fromComment: readonly AttemptRecord[],
  fromLedger: readonly ProgressRecord[],
): AttemptRecord[] {
  const out = new Map<string, AttemptRecord>();
  for (const r of fromLedger)
    if (r.kind === 'quiz')
      out.set(`${r.checkpoint}@${r.sha}`, {
        checkpoint: r.checkpoint,
        learner: r.learner,
        sha: r.sha,
        at: r.at,
        passed: r.passed,
        percent: r.percent ?? 0,
      });
  for (const r of fromComment)
    if (!out.has(`${r.checkpoint}@${r.sha}`)) out.set(`${r.checkpoint}@${r.sha}`, r);
  return [...out.values()];
}

/**
 * A sealed quiz opened with the answer-key secret, from the key file on the base branch.
 * Without the secret, or with a key that does not open, the learner is told their
 * answers are kept, and the maintainers what to fix.
 */
export function withKey(
  quiz: Quiz,
  key: QuizKey | undefined,
): { ok: true; quiz: Quiz } | { ok: false; learner: string; maintainer: string } {
  // An open quiz needs no key file; a sealed one must have been opened by the adapter before planning.
  if (!key && quiz.key)
    throw new Error(
      `Expected the key of "${quiz.id}" opened before grading; found none passed in. Open every quiz whose sheet was read (host/quiz-keys.ts).`,
    );
  const r: QuizKey = key ?? { ok: true, quiz };
  if (r.ok) return r;
  const learner = `Expected the answers of "${quiz.title}" to grade against; found them sealed, and this run could not open them. The maintainers are told; your answers are kept and are graded when the run is repeated.`;
  const maintainer =
    r.reason === 'no-secret'
      ? `${r.message} Add the secret the quiz was sealed with as the repository secret ENABLEKIT_KEY, pass it to the Action (with: answer-key: \${{ secrets.ENABLEKIT_KEY }}), then re-run this job.`
      : r.message;
  return { ok: false, learner, maintainer };
}

/** A quiz sheet graded against the learner's earlier attempts; a re-run of the same commit is graded as of its first run. Only a counted attempt is recorded. */
export function gradeQuizSheet(
  quiz: Quiz,
  sheet: Sheet,
  pull: PullFacts,
  attempts: AttemptRecord[],
  out: Pick<GradedPull, 'records' | 'fresh'>,
  config: Config,
  now: string,
  match: PatternMatcher | undefined,
  hints: readonly HintOpened[] = [],
  marks: readonly OpenMark[] = [],
): GradeResult {
  const mine = attempts.filter(
    (x) => x.checkpoint === quiz.id && x.learner.toLowerCase() === pull.author.toLowerCase(),
  );
  const rerun = mine.find((x) => x.sha === pull.headSha);
  const prior = rerun ? mine.filter((x) => Date.parse(x.at) < Date.parse(rerun.at)) : mine;
  const result = gradeQuiz({
    sheet,
    quiz,
    policy: policyFor(quiz, config),
    prior,
    now: rerun?.at ?? now,
    ...(match ? { match } : {}),
    hints,
    marks,
    // A pooled quiz is drawn for the pull request's author, whatever the sheet says.
    learner: pull.author,
  });
  // Practice (a sheet after a pass) is recorded nowhere: it is no attempt and no result.
  if (result.ok && !result.grade.practice) {
    // Open answers marked since the first run settle the attempt: the comment's record follows.
    const shown =
      rerun && out.records.find((x) => x.checkpoint === quiz.id && x.sha === pull.headSha);
    if (shown) {
      shown.passed = result.grade.passed;
      shown.percent = result.grade.percent;
    }
    if (!rerun)
      out.records.push({
        checkpoint: quiz.id,
        learner: pull.author,
        sha: pull.headSha,
        at: now,
        passed: result.grade.passed,
        percent: result.grade.percent,
      });
    // A re-run offers the record again: the ledger keeps one per key, and a run cut short before recording it is made good.
    out.fresh.push({
      learner: pull.author,
      checkpoint: quiz.id,
      kind: 'quiz',
      pr: pull.number,
      sha: pull.headSha,
      at: rerun?.at ?? now,
      passed: result.grade.passed,
      percent: result.grade.percent,
      attempt: result.grade.attempt,
      ...questionMarks(result.grade.questions),
    });
  }
  return result;
}
