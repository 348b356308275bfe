import { deepNestingMessage, findDeepNesting } from './nesting-guard.js';
import { denseParagraphMessage, findDenseParagraph } from './inline-marks-guard.js';

/** Why a Markdown text is refused before parsing, and the line to fix. */
export interface SlowShape {
  line: number;
  message: string;
}

/**
 * Every reader of Markdown (lint, the editor, sheets, the preview) asks this first: the
 * shapes it refuses are those whose parse time grows faster than their size, so what it
 * lets through parses in time linear in its length (bench/slow-shapes-bench.ts holds that).
 * Both scans are linear; `from` skips the front matter.
 */
export function findSlowShape(text: string, from = 0): SlowShape | undefined {
  const deep = findDeepNesting(text, from);
  const dense = findDenseParagraph(text, from);
  const first = deep && (!dense || deep.line <= dense.line) ? { line: deep.line, message: deepNestingMessage(deep) } : dense ? { line: dense.line, message: denseParagraphMessage(dense) } : undefined;
  return first;
}
