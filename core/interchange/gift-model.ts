/**
 * A question bank in Moodle's GIFT format, as read: each question keeps what GIFT says
 * (credit per answer, feedback, text format), whatever enablekit can grade, so an importer
 * can say exactly what it could not carry over.
 */
export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

export interface GiftText {
  text: string;
  format: GiftFormat;
}

export interface GiftAnswer {
  text: GiftText;
  /** GIFT's percentage as a fraction: `=` is 1, `~` is 0, `~%-50%` is -0.5. */
  credit: number;
  feedback?: GiftText;
}

export interface GiftNumber {
  value: number;
  tolerance: number;
  /** Written as `min..max` (value and tolerance are its middle and half-width). */
  range?: [number, number];
  credit: number;
  feedback?: GiftText;
}

export interface GiftPair {
  /** Empty for an extra answer that matches no prompt (a distractor). */
  prompt: GiftText;
  answer: string;
}

export type GiftBody =
  | { kind: 'description' }
  | { kind: 'essay' }
  | { kind: 'truefalse'; answer: boolean; wrongFeedback?: GiftText; rightFeedback?: GiftText }
  /** `multiple`: no `=` answer, so several may be ticked (credit by percentages). */
  | { kind: 'multichoice'; multiple: boolean; answers: GiftAnswer[] }
  | { kind: 'shortanswer'; answers: GiftAnswer[] }
  | { kind: 'numerical'; answers: GiftNumber[]; otherFeedback?: GiftText }
  | { kind: 'match'; pairs: GiftPair[] };

export interface GiftQuestion {
  /** 1-based line of the question's first line in the file. */
  line: number;
  /** The `$CATEGORY:` in force, if any. */
  category?: string;
  name?: string;
  text: GiftText;
  /** The answers stood inside the sentence (`Grant is {…} in the tomb.`): a blank `_____` marks their place. */
  missingWord: boolean;
  generalFeedback?: GiftText;
  body: GiftBody;
}

export interface GiftProblem {
  line: number;
  message: string;
}
