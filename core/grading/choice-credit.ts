import type { Choice, Question } from '../model.js';

/** Whether a question is graded by the credits written on its choices (`(credit 50%)`). */
export const hasChoiceCredits = (q: Question): boolean =>
  q.choices.some((c) => c.credit !== undefined);

/** A choice's credit: as written, or else a right choice's whole weight and nothing for the rest. */
export const creditOf = (c: Choice): number => c.credit ?? (c.checked ? 1 : 0);

const percent = (f: number) => `${Math.round(f * 1000) / 10}%`;
const signed = (f: number) => `${f > 0 ? '+' : f < 0 ? '−' : ''}${percent(Math.abs(f))}`;

export interface CreditScore {
  /** The share of the weight earned, 0 to 1. */
  fraction: number;
  /** What the ticks earned together: says nothing the points do not. */
  note: string;
  /** What each tick earned: it tells which ticked choices are right, so only shown once answers are revealed. */
  detail?: string;
}

/**
 * Credits as GIFT adds them: a single-choice question earns the credit of its one tick; a
 * multiple-choice question the sum of the credits of every choice ticked, at least 0 and at
 * most the whole weight. So ticking every choice earns the sum of all the credits: a wrong
 * choice's negative credit is what makes ticking everything cost (see docs/format.md).
 */
export function scoreCredits(key: Question, ticked: number[]): CreditScore {
  const credits = ticked.map((i) => creditOf(key.choices[i]!));
  const sum = credits.reduce((a, b) => a + b, 0);
  const fraction = Math.min(1, Math.max(0, sum));
  if (key.type === 'single')
    return { fraction, note: `This choice earns ${percent(fraction)} of the question's credit.` };
  const note =
    sum < 0
      ? `Your ticks add up to ${signed(sum)} of the question's credit; a question earns at least 0%, so it counts as 0%.`
      : sum > 1
        ? `Your ticks add up to ${percent(sum)} of the question's credit, counted as 100%.`
        : `Your ticks add up to ${percent(sum)} of the question's credit.`;
  const detail = `Each tick: ${ticked.map((i, n) => `${key.choices[i]!.letter}) ${signed(credits[n]!)}`).join(', ')}.`;
  return { fraction, note, detail };
}

/** The right answer with its credits: every choice that earns something, with its share when not the whole. */
export function creditAnswer(q: Question): string {
  return q.choices
    .filter((c) => creditOf(c) > 0)
    .map((c) => `${c.letter}) ${c.text}${creditOf(c) === 1 ? '' : ` (${percent(creditOf(c))})`}`)
    .join('; ');
}
