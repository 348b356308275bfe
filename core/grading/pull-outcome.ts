import type { GradeCommand } from '../review/grade-command.js';
import type { GradeResult } from './types.js';

/** What grading needs to know of a pull request, as the adapter read it. */
export interface PullFacts {
  number: number;
  author: string;
  headSha: string;
  labels: string[];
  /** A push's event (synchronize): the head it replaced, which is older than `headSha` whatever order runs finish in. */
  before?: string;
}

/** A reviewer's `/grade` command, from a comment or a review on the pull request. */
export interface ReviewEvent {
  login: string;
  command: GradeCommand;
  /** `comment-<id>` or `review-<id>`. */
  ref: string;
  at: string;
}

export interface PullOutcome {
  pull: number;
  graded: number;
  passed: number;
  failed: number;
  /** Mocks waiting for a reviewer's verdict on the head commit. */
  pending: number;
  refusals: string[];
  results: { path: string; result: GradeResult }[];
  /** Mocks and reflections: their state on the head commit. */
  reviews: {
    path: string;
    checkpoint: string;
    /** `recorded`: a survey's answers, taken as they are; neither passed nor failed. */
    state: 'pending' | 'passed' | 'failed' | 'recorded';
  }[];
  /** Sealed quizzes that could not be opened: what the maintainers must do. The run fails with these. */
  keyFailures: string[];
}
