import { readHiddenJson } from '../text/hidden-json.js';
import { readAttemptRecords } from './grade-comment.js';
import { OUTCOME_LABELS } from './outcome-label.js';

/** Head commits kept in the record: enough for any pull request's pushes, small beside GitHub's 65,536-character comment. */
const MAX_HEADS = 100;

/**
 * What the pull request shows as of the grade comment, which every run lists anyway: the
 * head commits whose results the comment showed, in the order they were first graded, and
 * the outcome label the Action left on the pull request. A run compares with this rather
 * than with its event's payload, which a re-run replays as it was when the event happened.
 */
export interface ShownState {
  heads: string[];
  /** Undefined when the comment records none (written before it did, or no label set yet). */
  label?: string;
}

const LABELS: readonly string[] = Object.values(OUTCOME_LABELS);

/** The shown state a grade comment records; a comment from before it did falls back to its attempts' commits, in their order. */
export function readShownState(body: string | undefined): ShownState {
  if (body === undefined) return { heads: [] };
  const data = readHiddenJson('attempts', body)[0] as
    { heads?: unknown; label?: unknown } | undefined;
  const heads = Array.isArray(data?.heads)
    ? data.heads.filter((h): h is string => typeof h === 'string')
    : [...new Set(readAttemptRecords(body).map((r) => r.sha))];
  const label =
    typeof data?.label === 'string' && LABELS.includes(data.label) ? data.label : undefined;
  return label ? { heads, label } : { heads };
}

/**
 * The newer head the comment already shows than `head`, or undefined when `head` is the
 * newest shown or not shown yet (a new push). Newer is by the order the comment recorded
 * its heads, not by the clock: a re-run of an older run replays an older head.
 */
export function newerShown(shown: ShownState, head: string): string | undefined {
  const k = shown.heads.indexOf(head);
  return k >= 0 && k < shown.heads.length - 1 ? shown.heads.at(-1) : undefined;
}

/** The state to record once `head`'s result is shown and `label` is (or stays) on the pull request. */
export function nextShown(shown: ShownState, head: string, label: string | undefined): ShownState {
  const heads = shown.heads.includes(head) ? shown.heads : [...shown.heads, head].slice(-MAX_HEADS);
  return label ? { heads, label } : { heads };
}
