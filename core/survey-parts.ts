import type { Span } from './types.js';

/**
 * One time a survey asks: `during` the track, once the learner finishes a module of it, or
 * `after` it, a number of weeks after they finish it. Each occasion is answered on its own.
 */
export interface SurveyOccasion {
  /** What names it on a sheet and in results: `during-<module>` or `after-<weeks>w`. */
  id: string;
  when: 'during' | 'after';
  afterModule?: string;
  weeks?: number;
  span: Span;
  /** What the entry is missing (after_module, weeks): reported by survey-ask; such an entry never asks. */
  problem?: string;
}

/** A survey question: a rating on a scale, one choice of a list, or free text. */
export interface SurveyQuestion {
  prompt: string;
  kind: 'rating' | 'choice' | 'text';
  /** Rating: the scale's bounds, and the words written beside them (`Scale: 1 (not useful) to 5 (very useful)`). */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string; span: Span };
  /** Choice: the options, as listed. */
  options: string[];
  /** What is wrong with how it is written (its scale): reported by survey-questions. */
  problem?: { span: Span; message: string };
  span: Span;
}
