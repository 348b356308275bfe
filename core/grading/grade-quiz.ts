import type { Config } from '../config/config.js';
import type { Quiz } from '../model.js';
import { durationMs } from '../text/duration.js';
import { correctAnswerOf, plainMatcher, scoreQuestion } from './grade-question.js';
import { retakeStanding } from './retake-policy.js';
import { checkDraw } from './draw-check.js';
import { sheetProblemMessage, unknownQuestions } from './sheet-problems.js';
import type { AnswerSheet } from './read-answer-sheet.js';
import { chargeHints, type HintOpened } from './hint-cost.js';
import type { GradePolicy, GradeResult, PatternMatcher, PriorAttempt } from './types.js';

/** The quiz's own settings over the repo's defaults. */
export function policyFor(quiz: Quiz, config: Config): GradePolicy {
  return {
    passMark: quiz.passMark ?? config.policies.passMark,
    attempts: quiz.attempts ?? config.policies.attempts,
    retakeCooldownMs: durationMs(quiz.retakeCooldown ?? config.policies.retakeCooldown) ?? 0,
    revealAnswers: quiz.revealAnswers ?? config.policies.revealAnswers,
    decimalMark: config.policies.decimalMark,
  };
}

export interface GradeInput {
  sheet: AnswerSheet;
  /** The quiz as it is on the base branch, with its answers. */
  quiz: Quiz;
  policy: GradePolicy;
  prior: PriorAttempt[];
  /** ISO time of this grading run. */
  now: string;
  match?: PatternMatcher;
  /** Set by an adapter that merged the quiz's key file into it. */
  keyApplied?: boolean;
  /** Cost hints the learner opened (their progress records): those opened by `now` cost. */
  hints?: readonly HintOpened[];
  /** Whose draw a pooled or shuffled quiz is graded on: the pull request's author in the Action; the sheet's learner when left out. */
  learner?: string;
  /** Grading without records (enablekit grade): the draw of the attempt the sheet names, not the records' count. */
  attemptFromSheet?: boolean;
}

/**
 * Grade an answer sheet: a pure function of the sheet, the quiz and its key, the policy
 * and the earlier attempts, by the retake policy (retakeStanding): attempts past the limit, or
 * inside the cooldown after a failure, get a refusal that says when (or whether) the learner may
 * try again; a sheet after a pass is graded as practice.
 */
export function gradeQuiz(input: GradeInput): GradeResult {
  const { sheet, quiz, policy, prior, now } = input;
  const who = { checkpoint: quiz.id, learner: sheet.learner };
  // Answers kept in a key file are merged into the quiz by the adapter that can read it;
  // grading without them would mark every answer wrong.
  if (quiz.key && !input.keyApplied && !quiz.keyApplied) {
    return {
      ok: false,
      refusal: {
        ...who,
        reason: 'key-unavailable',
        message: `Expected the answers of "${quiz.title}"; found them kept in its key file (${quiz.key}), which this grader cannot read. Ask the quiz owner; your answers are kept.`,
      },
    };
  }
  // Ledger results and this pull request's comment are merged unordered: the retake policy reads them in time order.
  const standing = retakeStanding(
    [...prior].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    policy,
    now,
  );
  if (standing.kind === 'refused' && standing.reason === 'no-attempts-left')
    return {
      ok: false,
      refusal: {
        ...who,
        reason: 'no-attempts-left',
        message: `Expected an attempt left at "${quiz.title}"; found all ${policy.attempts} used. Ask your trainer to reset your attempts.`,
      },
    };
  if (standing.kind === 'refused') {
    const when = standing.opensAt;
    return {
      ok: false,
      refusal: {
        ...who,
        reason: 'cooldown',
        message: `Expected the retake to wait until ${when} after the last failed attempt; found it submitted earlier. Push again after ${when}; your answers are kept.`,
      },
    };
  }
  // A pool or shuffled choices: the sheet must be the one drawn for this learner and attempt.
  const asked = checkDraw(
    quiz,
    sheet,
    input.learner ?? sheet.learner,
    input.attemptFromSheet || standing.kind === 'practice' ? undefined : standing.attempt,
  );
  if (!asked.ok)
    return {
      ok: false,
      refusal: { ...who, reason: 'other-draw', message: asked.message, line: asked.line },
    };
  // A sheet that gives a question twice, one the quiz does not have, or a tick or answer written
  // so that what was meant is unclear is not graded: refusing uses no attempt, so the learner
  // loses nothing by fixing it, and gains nothing: no score and no answer is shown.
  const problems = [...sheet.problems, ...unknownQuestions(sheet.questions, quiz)].sort(
    (a, b) => a.span.start.offset - b.span.start.offset,
  );
  if (problems.length)
    return {
      ok: false,
      refusal: {
        ...who,
        reason: 'invalid-sheet',
        message: sheetProblemMessage(problems),
        line: problems[0]!.span.start.line,
      },
    };
  const mine = new Map(asked.questions.filter((q) => q.id).map((q) => [q.id!, q]));
  // Only the drawn questions are graded, out of their weight.
  const scored = asked.quiz.questions.map((key) => {
    const q = mine.get(key.id ?? '');
    return scoreQuestion(
      key,
      q,
      input.match ?? plainMatcher,
      q?.span.start.line ?? 1,
      policy.decimalMark ?? '.',
      sheet.learner,
    );
  });
  const questions = scored.map((s) => s.result);
  chargeHints(asked.quiz, questions, input.hints ?? [], now);
  const maxScore = questions.reduce((s, q) => s + q.weight, 0);
  const score = Math.round(questions.reduce((s, q) => s + q.points, 0) * 1000) / 1000;
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  const pending = questions.filter((q) => q.outcome === 'pending').map((q) => q.id);
  // The percent so far counts an open answer as nothing: a pass waits for the reviewer's mark.
  const passed = pending.length === 0 && percent + 1e-9 >= policy.passMark;
  const practice = standing.kind === 'practice';
  const attempt = practice ? standing.passedAttempt : standing.attempt;
  // Practice comes after a pass, when the answers were theirs to see already.
  const revealed =
    policy.revealAnswers === 'always' ||
    (policy.revealAnswers === 'after-pass' && (passed || practice)) ||
    (policy.revealAnswers === 'after-last-attempt' &&
      (passed || practice || attempt >= policy.attempts));
  if (revealed) {
    asked.quiz.questions.forEach((key, i) => {
      const r = questions[i]!;
      if (r.outcome !== 'right' && key.type !== 'open') r.correctAnswer = correctAnswerOf(key);
      // Feedback that points at the right choices waits for the reveal (scoreChoices says which).
      r.feedback.push(...scored[i]!.held);
      if (key.explanation) r.feedback.push(key.explanation.text);
    });
  }
  return {
    ok: true,
    grade: {
      ...who,
      attempt,
      attemptsAllowed: policy.attempts,
      ...(practice
        ? { practice: { passedAt: standing.passedAt, passedAttempt: standing.passedAttempt } }
        : {}),
      score,
      maxScore,
      percent,
      passMark: policy.passMark,
      passed,
      ...(pending.length ? { pending } : {}),
      revealed,
      questions,
      ...(asked.attempt !== undefined && !passed && !practice && !pending.length
        ? {
            retake: `enablekit take ${quiz.id} --learner ${input.learner ?? sheet.learner} --attempt ${asked.attempt + 1}`,
          }
        : {}),
    },
  };
}
