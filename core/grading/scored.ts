import type { Outcome } from './types.js';

/** One question's score before it becomes a result: what it earned, and the feedback it may show. */
export interface Scored {
  outcome: Outcome;
  points: number;
  answer: string;
  /** Shown whatever the policy: they say nothing about the right answer the grade does not. */
  feedback: string[];
  /** Feedback under the choices the learner ticked that would tell which choices are right: shown only once answers are revealed. */
  held?: string[];
  changed?: string;
}

/** A share of the credit as the grade writes it: `50%`, `66.7%`. */
export const percent = (credit: number) => `${Math.round(credit * 1000) / 10}%`;
