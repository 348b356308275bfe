import type { Diagnostic } from '../types.js';
import { compareDiagnostics } from './engine.js';
import { sameFix } from './same-fix.js';

function same(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a === b ||
    (a.line === b.line &&
      a.column === b.column &&
      a.endLine === b.endLine &&
      a.endColumn === b.endColumn &&
      a.severity === b.severity &&
      a.ruleId === b.ruleId &&
      a.message === b.message &&
      a.file === b.file &&
      sameFix(a.fix, b.fix))
  );
}

/**
 * One file's fresh diagnostics, each equal to one of its previous diagnostics given as that
 * previous object, and the previous list itself when nothing changed. An editor then tells
 * by identity what it must hand on again, and the fresh copies die young, which keeps the
 * garbage collector's pauses short on every keystroke. Both lists are in
 * compareDiagnostics order.
 */
export function reuseAlike(previous: Diagnostic[] | undefined, next: Diagnostic[]): Diagnostic[] {
  if (!previous?.length) return next;
  let reused = 0;
  for (let i = 0, j = 0; i < previous.length && j < next.length;) {
    const order = compareDiagnostics(previous[i]!, next[j]!);
    if (order < 0) i++;
    else if (order > 0) j++;
    else if (same(previous[i]!, next[j]!)) {
      next[j++] = previous[i++]!;
      reused++;
    } else j++;
  }
  return reused === previous.length && reused === next.length ? previous : next;
}
