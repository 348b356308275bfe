import type { Fix } from '../types.js';

/**
 * Whether two fixes say and do the same. Rules build a fix afresh on every lint (the
 * nearest id, a changed key), so an editor tells an unchanged diagnostic by this, not by
 * the fix object's identity.
 */
export function sameFix(a: Fix | undefined, b: Fix | undefined): boolean {
  if (a === b) return true;
  if (
    !a ||
    !b ||
    a.description !== b.description ||
    a.suggestion !== b.suggestion ||
    a.edits.length !== b.edits.length
  )
    return false;
  return a.edits.every(
    (e, k) =>
      e.start === b.edits[k]!.start && e.end === b.edits[k]!.end && e.text === b.edits[k]!.text,
  );
}
