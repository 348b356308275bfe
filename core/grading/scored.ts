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

/**
 * A question graded part by part (matching's prompts, a cloze's blanks): the share of its parts
 * right, or with scoring=all-or-nothing only all of them, and what the grade says when not all
 * are ("2 of 3 blanks are right: 66.7% of the question's credit."), never which.
 */
export function shareOfParts(
  key: { partial: boolean; weight: number },
  part: { all: boolean; share: number; said: string; answer: string; notes?: string[] },
): Scored {
  const fraction = part.all ? 1 : key.partial ? part.share : 0;
  return {
    outcome: part.all ? 'right' : fraction > 0 ? 'partial' : 'wrong',
    points: fraction * key.weight,
    answer: part.answer,
    feedback: part.all
      ? []
      : [
          `${part.said}${key.partial ? `: ${percent(fraction)} of the question's credit` : ''}.`,
          ...(part.notes ?? []),
        ],
  };
}
