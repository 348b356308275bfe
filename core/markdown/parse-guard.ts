import { deepNestingMessage, findDeepNesting } from './nesting-guard.js';
import { denseParagraphMessage, findDenseParagraph } from './inline-marks-guard.js';
import { costlyInlineHtmlMessage, findCostlyInlineHtml } from './inline-html-guard.js';
import { findLazyParagraph, lazyParagraphMessage } from './lazy-lines-guard.js';

/** Why a Markdown text is refused before parsing, and the line to fix. */
export interface SlowShape {
  line: number;
  message: string;
}

/**
 * Every reader of Markdown (lint, the editor, sheets, the preview) asks this first: the
 * shapes it refuses are those whose parse time grows faster than their size, so what it
 * lets through parses in time linear in its length (bench/slow-shapes-bench.ts holds that).
 * Every scan is linear; `from` skips the front matter. The first shape in the text is named.
 */
export function findSlowShape(text: string, from = 0): SlowShape | undefined {
  const found: SlowShape[] = [];
  const deep = findDeepNesting(text, from);
  if (deep) found.push({ line: deep.line, message: deepNestingMessage(deep) });
  const dense = findDenseParagraph(text, from);
  if (dense) found.push({ line: dense.line, message: denseParagraphMessage(dense) });
  const html = findCostlyInlineHtml(text, from);
  if (html) found.push({ line: html.line, message: costlyInlineHtmlMessage(html) });
  const lazy = findLazyParagraph(text, from);
  if (lazy) found.push({ line: lazy.line, message: lazyParagraphMessage(lazy) });
  // Stable: on a tie the order above (nesting first) wins.
  return found.sort((a, b) => a.line - b.line)[0];
}
