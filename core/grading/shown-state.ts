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
 * The heads in the order they were pushed, as far as the comment and this run know: the
 * comment's order, with this run's head after the head its push replaced (`before`, from a
 * synchronize event: a fact of the event, true however late it runs). So a push's run that
 * finishes before the run of the push it replaced still orders them, and a push back to a
 * commit graded earlier comes after the one it replaced.
 */
function ordered(shown: ShownState, head: string, before?: string): string[] {
  const heads = shown.heads;
  if (heads.includes(head))
    return before && before !== head && heads.at(-1) === before
      ? [...heads.filter((h) => h !== head), head]
      : heads;
  return [...heads, ...(before && !heads.includes(before) ? [before] : []), head];
}

/**
 * The newer head the comment already shows than `head`, or undefined when `head` is the
 * newest (a new push, or the newest shown). Newer is by the order of the pushes as the
 * comment recorded them, not by the clock: a re-run of an older run replays an older head.
 */
export function newerShown(shown: ShownState, head: string, before?: string): string | undefined {
  const heads = ordered(shown, head, before);
  return heads.at(-1) !== head ? heads.at(-1) : undefined;
}

/** The state to record once `head`'s result is shown and `label` is (or stays) on the pull request. */
export function nextShown(
  shown: ShownState,
  head: string,
  label: string | undefined,
  before?: string,
): ShownState {
  const heads = ordered(shown, head, before).slice(-MAX_HEADS);
  return label ? { heads, label } : { heads };
}
