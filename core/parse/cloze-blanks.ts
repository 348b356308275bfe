import type { List, ListItem } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Blank, Question } from '../model.js';
import { spanOf } from '../markdown/mdast-util.js';
import { choiceText, parseAccepted } from './answer-lists.js';

/**
 * Cloze questions: a sentence with blanks written `{1}`, `{2}` …, and under it a list with an
 * item per blank, `- {1}`, holding either choices to pick one from (a task list) or accepted
 * answers to type (as a text question's). On a sheet, a typed answer goes after `{2}:`.
 */

/** A blank in the sentence. Braces stay text on github.com and in every Markdown renderer. */
export const BLANK_MARK = /\{(\d{1,3})\}/g;
const HAS_BLANK = /\{\d{1,3}\}/;
/** A blank's item: `{1}`, then on a sheet `:` and what the learner typed. */
const BLANK_ITEM = /^\{(\d{1,3})\}(?:\s*:\s?|\s+|$)([\s\S]*)$/;

export const hasBlank = (text: string): boolean => HAS_BLANK.test(text);

/** The blank numbers a text writes, in order (a number twice is listed twice). */
export const blanksIn = (text: string): number[] =>
  [...text.matchAll(BLANK_MARK)].map((m) => Number(m[1]));

/** A list whose every item starts with a blank, `- {1}`: the blanks of a cloze question. */
export const isBlankList = (list: List): boolean =>
  !list.ordered &&
  list.children.length > 0 &&
  list.children.every((i) => BLANK_ITEM.test(choiceText(i)));

type ChoiceReader = (list: List, lines: LineIndex, q: Question) => void;

/**
 * The blanks list: each item's number, what is written after it, and the list under it: a task
 * list is the blank's choices, any other list its accepted answers. Feedback, credits on choices
 * and "Any other answer" have no place in a blank yet: each is a markup problem, never dropped
 * unseen.
 */
export function parseBlanks(
  list: List,
  lines: LineIndex,
  q: Question,
  readChoices: ChoiceReader,
  scratch: () => Question,
): void {
  const blanks = (q.blanks ??= []);
  for (const item of list.children) {
    const span = spanOf(item, lines);
    const m = BLANK_ITEM.exec(choiceText(item));
    if (!m) {
      q.markupProblems.push({
        span,
        message: `Expected each item under a cloze question to name its blank, "- {1}", with its choices or accepted answers listed under it; found "${shorten(choiceText(item))}". Start the item with the blank's number in braces.`,
      });
      continue;
    }
    const blank: Blank = { n: Number(m[1]), span, choices: [], accepted: [], given: m[2]!.trim() };
    const inner = item.children.find((c): c is List => c.type === 'list');
    if (inner) {
      blank.listSpan = spanOf(inner, lines);
      const temp = scratch();
      if (inner.children.some((i: ListItem) => typeof i.checked === 'boolean'))
        readChoices(inner, lines, temp);
      else parseAccepted(inner, lines, temp);
      blank.choices = temp.choices;
      blank.accepted = temp.accepted.map(({ value, span: s, credit }) => ({
        value,
        span: s,
        ...(credit !== undefined ? { credit } : {}),
      }));
      q.markupProblems.push(...temp.markupProblems);
      const extra = noPlaceInBlank(inner, temp);
      if (extra)
        q.markupProblems.push({
          span: blank.listSpan,
          message: `Expected blank {${blank.n}} to list only its choices or accepted answers; found ${extra}, which a blank does not show yet. Put it in the question's explanation (a quote under the question, after the list).`,
        });
    }
    blanks.push(blank);
  }
}

/** What the list under a blank holds that a blank has no place for. */
function noPlaceInBlank(inner: List, temp: Question): string | undefined {
  if (temp.otherFeedback) return '"Any other answer"';
  if (temp.choices.some((c) => c.credit !== undefined))
    return 'a credit on a choice (a blank takes one choice: the ticked one is right)';
  if (inner.children.some((i) => i.children.some((c) => c.type === 'blockquote')))
    return 'feedback quoted under an answer';
  return undefined;
}

const shorten = (t: string) => (t.length > 60 ? `${t.slice(0, 60)}…` : t);
