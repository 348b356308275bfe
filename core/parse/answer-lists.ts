import type { List, ListItem, Blockquote, Paragraph } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Question } from '../model.js';
import { choiceLabel } from '../text/choice-label.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';

/**
 * The answer lists under a question, besides choices and ordering items: accepted answers,
 * accepted numbers and matching pairs, each item with its credit and feedback, and the
 * catch-all `Any other answer`. quiz-body.ts decides which list a question has.
 */

export const ACCEPTED_NUMBERS = /^accepted\s+numbers?\s*:?\s*$/i;
/**
 * The key's number: `4`, `4 ± 0.5`, `4 +/- 0.5` or a range `1..5`, with an optional unit after
 * it (`4 h`, `80%`), and in an `Accepted numbers:` list its credit (`(50%)`).
 */
const NUMBER_SPEC =
  /^(-?\d+(?:\.\d+)?)(?:\s*\.\.\s*(-?\d+(?:\.\d+)?)|\s*(?:±|\+\/-|\+-)\s*(\d+(?:\.\d+)?))?\s*([\p{L}%°µ][\p{L}%°µ/²³]*)?(?:\s*\((?:credit\s+)?(-?\d+(?:\.\d+)?)\s*%\))?$/iu;
/**
 * A choice's own credit, written after its text: `- [x] 2 (credit 50%)`, `- [ ] 4 (credit -50%)`.
 * The word "credit" keeps a choice that ends in a percentage (`Most customers (80%)`) as text.
 */
export const CHOICE_CREDIT = /\s*\(credit\s+([-+−]?\d+(?:\.\d+)?)\s*%\)$/i;
/** A matching pair, `Grafana → dashboards` (or `->`); the prompt is empty for a distractor. */
export const PAIR = /^(.*?)\s*(?:→|->)\s*(.*)$/;
export const CHOOSE_FROM = /^choose\s+from\s*:?\s*$/i;

/** A list of matching pairs: each item `prompt → answer`, or `→ answer` for a distractor. */
export function parsePairs(list: List, lines: LineIndex, q: Question): void {
  const pairs = (q.pairs ??= []);
  for (const item of list.children) {
    const text = choiceText(item);
    const span = spanOf(item, lines);
    const m = PAIR.exec(text);
    if (!m) {
      q.markupProblems.push({
        span,
        message: `Expected each item of a matching question to pair a prompt with its answer, "Grafana → dashboards" (or "->"), or to offer an extra answer, "→ billing"; found "${text.length > 60 ? `${text.slice(0, 60)}…` : text}". Add the arrow.`,
      });
      continue;
    }
    if (m[1] === '') (q.distractors ??= []).push({ answer: m[2]!, span });
    else pairs.push({ letter: choiceLabel(pairs.length), prompt: m[1]!, answer: m[2]!, span });
  }
}

/** The answer of a true/false question, as the key writes it. */
export const TRUTH = /^(true|false)$/i;
/** The catch-all item of an `Accepted numbers:` list: its feedback is for any other number. */
const OTHER_ANSWER = /^any other (?:answer|number)\.?$/i;
const OTHER_ANSWER_START = /^any other (?:answer|number)\b/i;
/** Longer items are not numbers: bounds the work the pattern above does on a line. */
const MAX_NUMBER_SPEC = 200;

type ReadSpec =
  | {
      ok: true;
      number: { value: number; tolerance: number; range?: [number, number]; unit?: string };
      credit?: number;
    }
  | { ok: false; message?: string };

/** A number as the key writes it, or why it is not one (undefined: not a number at all). */
export function readNumberSpec(text: string): ReadSpec {
  const m = text.length <= MAX_NUMBER_SPEC ? NUMBER_SPEC.exec(text) : null;
  if (!m) return { ok: false };
  const unit = m[4] ? { unit: m[4] } : {};
  const credit = m[5] !== undefined ? { credit: Number(m[5]) / 100 } : {};
  if (m[2] === undefined)
    return {
      ok: true,
      number: { value: Number(m[1]), tolerance: m[3] ? Number(m[3]) : 0, ...unit },
      ...credit,
    };
  const [min, max] = [Number(m[1]), Number(m[2])];
  if (min > max)
    return {
      ok: false,
      message: `Expected a range written smaller number first; found ${m[1]}..${m[2]}. Write ${m[2]}..${m[1]}.`,
    };
  const range: [number, number] = [min, max];
  return {
    ok: true,
    number: { value: (min + max) / 2, tolerance: (max - min) / 2, range, ...unit },
    ...credit,
  };
}

export const first = (item: ListItem) => item.children.find((c) => c.type === 'paragraph');

export function choiceText(item: ListItem): string {
  const p = first(item);
  return p ? textOf(p) : '';
}

/**
 * The catch-all item of an accepted list, `- Any other answer` with its feedback quoted under
 * it: kept on the question, or a markup problem when it says nothing, comes twice or comes
 * before an answer. Returns whether the item was one.
 */
function readOtherAnswer(
  item: ListItem,
  text: string,
  code: boolean,
  lines: LineIndex,
  q: Question,
): boolean {
  const span = spanOf(item, lines);
  // "Any other answer (credit 50%)" would read as a literal answer, its credit meant for the rest.
  if (!code && !OTHER_ANSWER.test(text) && OTHER_ANSWER_START.test(text)) {
    q.markupProblems.push({
      span,
      message: `Expected "Any other answer" alone, with its feedback quoted under it (it earns nothing: the rest of the answers are wrong); found "${text.length > 60 ? `${text.slice(0, 60)}…` : text}". Remove what follows it, or write the answer in \`code\` if it is an answer.`,
    });
    return true;
  }
  if (code || !OTHER_ANSWER.test(text)) {
    if (q.otherFeedback)
      q.markupProblems.push({
        span,
        message: `Expected "Any other answer" last in the list; found "${text.length > 60 ? `${text.slice(0, 60)}…` : text}" after it. Move "Any other answer" to the end.`,
      });
    return false;
  }
  const quote = item.children.find((c): c is Blockquote => c.type === 'blockquote');
  if (q.otherFeedback || !quote)
    q.markupProblems.push({
      span,
      message: q.otherFeedback
        ? `Expected one "${text}" item in the list of question "${q.id ?? q.prompt}"; found a second one. Keep one.`
        : `Expected feedback quoted under "${text}" (the words a learner reads for any answer not listed); found none. Add it as "  > …" under the item, or remove the item.`,
    });
  else q.otherFeedback = { text: textOf(quote), span: spanOf(quote, lines) };
  return true;
}

/**
 * The `Accepted answers:` list: each an answer in inline code (or plain text), `/re/flags` for a
 * pattern, with its credit after it (`(credit 50%)`) and its feedback quoted under it; and
 * `Any other answer` with the feedback for the rest.
 */
export function parseAccepted(list: List, lines: LineIndex, q: Question): void {
  for (const item of list.children) {
    const first = item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
    const code = first?.children[0]?.type === 'inlineCode' ? first.children[0] : undefined;
    const text = choiceText(item);
    if (readOtherAnswer(item, text, code !== undefined, lines, q)) continue;
    const span = spanOf(item, lines);
    // The credit after the answer: `X-Request-Id` (credit 50%); an answer in code keeps its text whole.
    const credit = CHOICE_CREDIT.exec(text);
    const rest: Paragraph | undefined = first && { ...first, children: first.children.slice(1) };
    const after = code && rest ? textOf(rest) : '';
    const written = credit && (!code || after === credit[0].trim());
    const value = code ? code.value : written ? text.slice(0, credit.index) : text;
    const answer: Question['accepted'][number] = { value, span };
    if (written) {
      const c = Number(credit[1]!.replace('−', '-')) / 100;
      if (c >= 0 && c <= 1) answer.credit = c;
      else
        q.markupProblems.push({
          span,
          message: `Expected an accepted answer's credit from 0% to 100%; found ${credit[1]}%. A text question takes one answer, so a negative credit would only be raised to 0: write (credit 0%) for an answer that earns nothing.`,
        });
    }
    q.accepted.push(answer);
  }
}

/**
 * The `Accepted numbers:` list: each item a number (`4 ± 0.5`, `1..5`) with its credit
 * (`(50%)`, 100% when left out) and a quoted feedback, or `Any other answer` with the feedback
 * for the rest. An item that is not one is a markup problem, never a number read some other way.
 */
export function parseNumbers(list: List, lines: LineIndex, q: Question): void {
  const numbers = (q.numbers ??= []);
  for (const item of list.children) {
    const quote = item.children.find((c): c is Blockquote => c.type === 'blockquote');
    const feedback = quote ? { feedback: { text: textOf(quote), span: spanOf(quote, lines) } } : {};
    const text = choiceText(item);
    const span = spanOf(item, lines);
    if (readOtherAnswer(item, text, false, lines, q)) continue;
    const spec = readNumberSpec(text);
    if (!spec.ok) {
      q.markupProblems.push({
        span,
        message:
          spec.message ??
          `Expected an accepted number such as 4, 4 ± 0.5 or 1..5, optionally with a unit and its credit, such as 5 h (50%); found "${text.length > 60 ? `${text.slice(0, 60)}…` : text}". Write it that way, or "Any other answer" for the feedback for the rest.`,
      });
      continue;
    }
    const { number: n, credit } = spec;
    if (credit !== undefined && (credit < 0 || credit > 1)) {
      q.markupProblems.push({
        span,
        message: `Expected a credit from 0% to 100% on an accepted number; found ${Math.round(credit * 1000) / 10}%. A numeric question takes one answer, so a negative credit would only be raised to 0: write (0%) for a number that earns nothing.`,
      });
      continue;
    }
    numbers.push({ ...n, credit: credit ?? 1, ...feedback, span });
  }
}
