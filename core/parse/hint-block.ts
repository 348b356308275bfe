import type { Html } from 'mdast';
import type { Hint, Question } from '../model.js';
import type { LineIndex } from '../text/line-index.js';
import { spanOf } from '../markdown/mdast-util.js';

/**
 * Hints under a question: GitHub's own collapsible, so a quiz reads the same on github.com,
 * in the preview and in a sheet.
 *
 *     <details><summary>Hint (cost 10%)</summary>
 *
 *     Look at the SLA table's P2 row.
 *
 *     </details>
 *
 * The summary is `Hint` (or `Hint 2`), then optionally the cost in brackets, as a choice writes
 * its credit. Everything between the summary and `</details>` is the hint, never an answer,
 * choice or explanation of the question (a list in a hint is not a choice list).
 */
const OPEN = /^<details\b[^>]*>\s*<summary>([\s\S]*?)<\/summary>/i;
const CLOSE = /<\/details>\s*$/i;
const SUMMARY = /^hint(?:\s+\d+)?\b\s*([\s\S]*)$/i;
const COST = /^\(cost\s+([-+−]?\d+(?:\.\d+)?)\s*%\)$/i;

/** A hint being read: opened by its `<details>` node, closed by the node ending in `</details>`. */
export interface OpenHint {
  hint: Hint;
  /** Where the hint's text starts in the file: right after `</summary>`. */
  textFrom: number;
}

/** The summary's cost: undefined when free, or what is wrong with it. */
function readCost(rest: string): { cost?: number; problem?: string } {
  const after = rest.trim();
  if (after === '') return {};
  const m = COST.exec(after);
  if (!m)
    return {
      problem: `Expected a hint's summary to be "Hint", or "Hint (cost 10%)" for a hint that costs part of the question's credit; found "Hint ${after}". Write the cost as (cost 10%), or leave it out for a free hint.`,
    };
  const percent = Number(m[1]!.replace('−', '-'));
  if (percent < 0 || percent > 100)
    return {
      problem: `Expected a hint's cost from 0% to 100% of the question's credit; found ${m[1]}%. Write the share of the question's weight the hint costs once opened, such as (cost 10%).`,
    };
  return percent === 0 ? {} : { cost: percent / 100 };
}

/**
 * A `<details>` whose summary is a hint starts one; it may close in the same node
 * (`<details><summary>Hint</summary>Text</details>`). Other `<details>` blocks are not hints.
 */
export function startHint(node: Html, lines: LineIndex, q: Question): OpenHint | undefined {
  const m = OPEN.exec(node.value);
  const summary = m ? SUMMARY.exec(m[1]!.replace(/<[^>]*>/g, '').trim()) : undefined;
  if (!m || !summary) return undefined;
  const span = spanOf(node, lines);
  const { cost, problem } = readCost(summary[1]!);
  const hints = (q.hints ??= []);
  const hint: Hint = {
    n: hints.length + 1,
    text: '',
    span,
    ...(cost !== undefined ? { cost } : {}),
    ...(problem ? { problem } : {}),
  };
  hints.push(hint);
  return { hint, textFrom: span.start.offset + m[0].length };
}

/** Whether `node` closes the hint; if so, the hint gets its text and its whole span. */
export function closesHint(open: OpenHint, node: Html, lines: LineIndex): boolean {
  if (!CLOSE.test(node.value)) return false;
  const span = spanOf(node, lines);
  const end = span.start.offset + node.value.search(CLOSE);
  open.hint.text = lines.text.slice(open.textFrom, Math.max(open.textFrom, end)).trim();
  open.hint.span = { start: open.hint.span.start, end: span.end };
  return true;
}

/** A hint still open at the next question or the end of the quiz: what it swallowed is not read. */
export function unclosedHint(open: OpenHint): void {
  open.hint.problem ??= `Expected </details> to close the hint opened on line ${open.hint.span.start.line}; found none before the next question or the end of the quiz, so what follows it is read as the hint. Add </details> on a line of its own after the hint.`;
}
