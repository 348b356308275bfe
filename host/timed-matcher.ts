import { runInNewContext } from 'node:vm';
import type { PatternMatcher } from '../core/grading/types.js';
import { matchFlags } from '../core/grading/answer-pattern.js';

/** A pattern answer is matched in a fresh context with a time limit, so a bad pattern cannot hang a run. */
export const timedMatcher: PatternMatcher = (pattern, flags, text) => {
  try {
    return runInNewContext(
      'new RegExp(p, f).test(t)',
      { p: pattern, f: matchFlags(flags), t: text },
      { timeout: 50 },
    ) as boolean;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    return false;
  }
};
