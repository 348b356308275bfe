import type { Diagnostic } from '../types.js';
import { lintInMemory } from './lint-in-memory.js';
import { answerSheet } from './rules/answer-sheet.js';

/**
 * What lint says about one answer sheet on its own (the answer-sheet rule): for a sheet the
 * editor holds outside the curricula (submissions/ beside them), which the workspace's lint
 * session does not read. `path` is the sheet's place, submissions/<login>/<checkpoint>.md.
 */
export function lintSheet(path: string, text: string): Diagnostic[] {
  // No rule here reads the date.
  return lintInMemory({ [path]: text }, '1970-01-01', [answerSheet]).diagnostics;
}
