import type { Question } from '../model.js';
import { numberHint, readNumber, type DecimalMark } from './read-number.js';
import { percent, type Scored } from './scored.js';

/** A number as the key writes it: `4`, `4 ± 0.5`, `1..5`, with the unit. */
export function numberText(n: {
  value: number;
  tolerance: number;
  range?: [number, number];
  unit?: string;
}): string {
  const unit = n.unit ? ` ${n.unit}` : '';
  if (n.range) return `${n.range[0]}..${n.range[1]}${unit}`;
  return `${n.value}${n.tolerance ? ` ± ${n.tolerance}` : ''}${unit}`;
}

/** Whether a number is within an answer: its range, or its value ± tolerance (both ends included). */
const holds = (n: { value: number; tolerance: number; range?: [number, number] }, x: number) =>
  n.range
    ? x >= n.range[0] - 1e-9 && x <= n.range[1] + 1e-9
    : Math.abs(x - n.value) <= n.tolerance + 1e-9;

/** The unit a learner may write after the number: the one the key writes (lint keeps one per question). */
const unitOf = (key: Question) => key.numeric?.unit ?? key.numbers?.find((n) => n.unit)?.unit;

export function scoreNumeric(key: Question, mine: Question, mark: DecimalMark): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const unit = unitOf(key);
  const value = readNumber(answer, mark, unit);
  if (value === undefined)
    return {
      outcome: 'not-a-number',
      points: 0,
      answer,
      feedback: [numberHint(mark, unit, answer)],
    };
  if (key.numbers) return scoreNumbers(key, key.numbers, value, answer);
  const ok = key.numeric !== undefined && holds(key.numeric, value);
  return { outcome: ok ? 'right' : 'wrong', points: ok ? key.weight : 0, answer, feedback: [] };
}

/**
 * Several accepted numbers: the first, top to bottom, that holds the answer grades it, with its
 * credit and its feedback (as Moodle reads GIFT's numeric answers), so an author can list a
 * narrow case before a wider range. The grade says what credit the number earned; the feedback
 * under the number the learner gave is shown whatever the policy, as the feedback under a
 * single choice is: it answers what they wrote.
 */
function scoreNumbers(
  key: Question,
  numbers: NonNullable<Question['numbers']>,
  value: number,
  answer: string,
): Scored {
  const hit = numbers.find((n) => holds(n, value));
  if (!hit)
    return {
      outcome: 'wrong',
      points: 0,
      answer,
      feedback: key.otherFeedback ? [key.otherFeedback.text] : [],
    };
  const credit = Math.min(1, Math.max(0, hit.credit));
  const note =
    credit === 1 ? [] : [`This number earns ${percent(credit)} of the question's credit.`];
  return {
    outcome: credit === 1 ? 'right' : credit > 0 ? 'partial' : 'wrong',
    points: credit * key.weight,
    answer,
    feedback: [...note, ...(hit.feedback ? [hit.feedback.text] : [])],
  };
}
