/** The label a graded pull request carries: one of these at a time. */
export const OUTCOME_LABELS = {
  passed: 'checkpoint:passed',
  failed: 'checkpoint:failed',
  /** Every sheet graded was practice, after the checkpoint was passed (see retakeStanding). */
  practice: 'checkpoint:practice',
} as const;

/**
 * The label changes that leave `want` as the only outcome label: one per other outcome label
 * the pull request carries, or, carrying none, the one change the grader always made (add
 * `want`, remove the opposite of passed and failed), which removes nothing absent.
 */
export function outcomeLabelChanges(
  current: readonly string[],
  want: keyof typeof OUTCOME_LABELS,
): { add: string; remove: string }[] {
  const add = OUTCOME_LABELS[want];
  const others = Object.values(OUTCOME_LABELS).filter((l) => l !== add);
  const present = others.filter((l) => current.includes(l));
  return (present.length ? present : others.slice(0, 1)).map((remove) => ({ add, remove }));
}
