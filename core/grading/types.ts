import type { RevealPolicy } from '../config/config.js';
import type { QuestionType } from '../model.js';
import type { DecimalMark } from './read-number.js';

/** How a pattern answer is matched: injected, so an adapter can run it with a time bound. */
export type PatternMatcher = (pattern: string, flags: string, text: string) => boolean | 'timeout';

export interface GradePolicy {
  passMark: number;
  attempts: number;
  retakeCooldownMs: number;
  revealAnswers: RevealPolicy;
  /** How numeric answers are read: `2.5` or `2,5` (policies.decimal_mark); `.` when left out. */
  decimalMark?: DecimalMark;
}

/** An earlier graded attempt of this learner at this checkpoint, wherever it was recorded. */
export interface PriorAttempt {
  at: string;
  passed: boolean;
  percent: number;
}

/**
 * `not-a-number`: a numeric answer that is not one number (graded wrong, with a hint).
 * `pending`: an open answer, which waits for a reviewer's mark (no points until then).
 */
export type Outcome =
  'right' | 'partial' | 'wrong' | 'unanswered' | 'changed' | 'not-a-number' | 'pending';

export interface QuestionResult {
  id: string;
  type: QuestionType;
  prompt: string;
  /** The learner's answer as they gave it (raw; escape before writing it anywhere). */
  answer: string;
  outcome: Outcome;
  points: number;
  weight: number;
  /** Feedback the learner may see: on the choices they picked, and about their answer. */
  feedback: string[];
  /**
   * Single and multiple choice: the letters ticked, as the quiz names its choices (a shuffled
   * sheet's put back), for item analysis. Never shown to the learner: the sheet says as much.
   */
  picked?: string[];
  /** Only when the policy allows revealing it. */
  correctAnswer?: string;
  /** 1-based line of the question in the answer sheet, for annotations. */
  line: number;
}

export interface Grade {
  checkpoint: string;
  learner: string;
  /** The counted attempt this sheet is, never past attemptsAllowed; for practice, the attempt that passed. */
  attempt: number;
  attemptsAllowed: number;
  /**
   * Set when the checkpoint was passed before this sheet: it is graded as practice, counts as
   * no attempt, is recorded nowhere as a result and waits for no cooldown (see retakeStanding).
   */
  practice?: { passedAt: string; passedAttempt: number };
  score: number;
  maxScore: number;
  percent: number;
  passMark: number;
  /** Never true while `pending` names a question: the outcome waits for the reviewer. */
  passed: boolean;
  /**
   * The open questions answered on the sheet, by id, which wait for a reviewer's mark: the
   * score so far leaves them out, and the attempt's outcome is not settled until they have one.
   */
  pending?: string[];
  revealed: boolean;
  questions: QuestionResult[];
  /** A quiz whose every attempt draws anew: the command that writes the next attempt's sheet. */
  retake?: string;
}

/** Why an answer sheet gets no grade: the learner is told this instead. */
export interface Refusal {
  checkpoint: string;
  learner: string;
  reason:
    | 'no-attempts-left'
    | 'cooldown'
    | 'invalid-sheet'
    | 'other-draw'
    | 'unknown-checkpoint'
    | 'ambiguous-checkpoint'
    | 'no-config'
    | 'key-unavailable'
    | 'ledger-damaged'
    | 'locked'
    | 'needs-reviewer';
  message: string;
  line?: number;
}

export type GradeResult = { ok: true; grade: Grade } | { ok: false; refusal: Refusal };
