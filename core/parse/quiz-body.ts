import type { Root, RootContent, List, ListItem, Html, Paragraph, Blockquote } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Choice, Question, QuestionType } from '../model.js';
import { QUESTION_TYPES } from '../model.js';
import { choiceLabel } from '../text/choice-label.js';
import { didYouMean } from '../text/did-you-mean.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';
import { tickVariant } from './tick-variant.js';
import type { Fix } from '../types.js';

const ANSWER = /^answer\s*:\s*/i;
const ACCEPTED = /^accepted(\s+answers?)?\s*:?\s*$/i;
const ACCEPTED_NUMBERS = /^accepted\s+numbers?\s*:?\s*$/i;
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
const CHOICE_CREDIT = /\s*\(credit\s+([-+−]?\d+(?:\.\d+)?)\s*%\)$/i;
/** A matching pair, `Grafana → dashboards` (or `->`); the prompt is empty for a distractor. */
const PAIR = /^(.*?)\s*(?:→|->)\s*(.*)$/;
const CHOOSE_FROM = /^choose\s+from\s*:?\s*$/i;

/** A list of matching pairs: each item `prompt → answer`, or `→ answer` for a distractor. */
function parsePairs(list: List, lines: LineIndex, q: Question): void {
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
const TRUTH = /^(true|false)$/i;
/** The catch-all item of an `Accepted numbers:` list: its feedback is for any other number. */
export const OTHER_ANSWER = /^any other (?:answer|number)\.?$/i;
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
const QUESTION_COMMENT = /^<!--\s*question\b([\s\S]*?)-->\s*$/;

/** The attributes a `<!-- question … -->` comment may carry, and the values `scoring=` takes. */
export const QUESTION_ATTRIBUTES = ['id', 'type', 'weight', 'scoring'] as const;
export const SCORING_VALUES = ['partial', 'all-or-nothing'] as const;

const first = (item: ListItem) => item.children.find((c) => c.type === 'paragraph');

function choiceText(item: ListItem): string {
  const p = first(item);
  return p ? textOf(p) : '';
}

/**
 * The checkbox a tick variant meant, written in place of the variant: safe, since only
 * `[ ]` and `[x]` are read as a choice. None when the source does not start with the mark
 * as read (an escaped bracket, markup around it).
 */
function tickFix(
  p: Paragraph | undefined,
  lines: LineIndex,
  v: NonNullable<ReturnType<typeof tickVariant>>,
): Fix | undefined {
  const at = p?.position?.start;
  // From line and column: a sheet is parsed with its front matter blanked shorter.
  const start = at ? lines.offsetAt(at.line, at.column) : undefined;
  if (start === undefined || !lines.text.startsWith(v.written, start)) return undefined;
  const box = v.ticked ? '[x] ' : '[ ] ';
  return {
    description: `Write ${box.trimEnd()}`,
    edits: [{ start, end: start + v.written.length, text: box }],
  };
}

function parseChoices(list: List, lines: LineIndex, q: Question): void {
  for (const item of list.children) {
    const quote = item.children.find((c): c is Blockquote => c.type === 'blockquote');
    let checked = item.checked;
    let text = choiceText(item);
    if (checked === null || checked === undefined) {
      // `[✓]`, `(x)`, `[]`: the learner (or author) meant a choice; keep it in its place and say how to write it.
      const variant = tickVariant(text);
      if (!variant) {
        q.markupProblems.push({
          span: spanOf(item, lines),
          message: quote
            ? 'Expected feedback to sit under a choice (a "- [ ]" item); found it under a list item without a checkbox. Add the checkbox or move the feedback.'
            : 'Expected every item of a choice list to be a choice ("- [ ]" or "- [x]"); found one without a checkbox. Add "[ ] " after the dash.',
        });
        continue;
      }
      const fix = tickFix(first(item), lines, variant);
      q.markupProblems.push({
        span: spanOf(item, lines),
        message: variant.message,
        ...(fix ? { fix } : {}),
      });
      checked = variant.ticked;
      text = variant.text;
    }
    const credit = CHOICE_CREDIT.exec(text);
    if (credit) text = text.slice(0, credit.index);
    const choice: Choice = {
      letter: choiceLabel(q.choices.length),
      text,
      checked,
      span: spanOf(item, lines),
    };
    if (credit) {
      const value = Number(credit[1]!.replace('−', '-')) / 100;
      if (value >= -1 && value <= 1) choice.credit = value;
      else
        q.markupProblems.push({
          span: choice.span,
          message: `Expected a choice's credit from -100% to 100%; found ${credit[1]}%. Write the share of the question's weight a tick on it earns, such as (credit 50%) or (credit -50%).`,
        });
    }
    if (quote) choice.feedback = { text: textOf(quote), span: spanOf(quote, lines) };
    q.choices.push(choice);
  }
}

/** Questions whose comment names their type; the others get one from their markup. */
const typed = new WeakSet<Question>();

/** Whether the question's comment gave its type (`type=…`), rather than its markup. */
export const hasWrittenType = (q: Question): boolean => typed.has(q);

function newQuestion(prompt: string, span: Question['span']): Question {
  return {
    type: 'single',
    prompt,
    weight: 1,
    partial: true,
    span,
    markupProblems: [],
    choices: [],
    accepted: [],
    items: [],
  };
}

const suggestion = (near: string | undefined, write: (k: string) => string, otherwise: string) =>
  near ? `Did you mean ${near}? Write ${write(near)}.` : otherwise;

interface MetaWord {
  name: string;
  value: string;
  raw: string;
  /** Offsets in `inner` of the name and of the value (inside its quotes). */
  at: number;
  valueAt: number;
}

/** `name=value` words of a question comment, in order, with the words that are not `name=value`. */
function metaWords(inner: string): MetaWord[] {
  const out: MetaWord[] = [];
  for (const m of inner.matchAll(/([^\s=]+)=("[^"]*"|\S*)|(\S+)/g)) {
    if (m[3] !== undefined)
      out.push({ name: '', value: m[3], raw: m[3], at: m.index, valueAt: m.index });
    else
      out.push({
        name: m[1]!,
        value: m[2]!.replace(/^"|"$/g, ''),
        raw: m[0],
        at: m.index,
        valueAt: m.index + m[1]!.length + 1 + (m[2]!.startsWith('"') ? 1 : 0),
      });
  }
  return out;
}

/**
 * Read a `<!-- question … -->` comment. A misspelled attribute or value would fall back to
 * the default and change how the question is graded without a word, so each one is a
 * markup problem that names it.
 */
function applyMeta(q: Question, html: Html, lines: LineIndex): boolean {
  const m = QUESTION_COMMENT.exec(html.value.trim());
  if (!m) return false;
  q.metaSpan = spanOf(html, lines);
  // Where the comment's inner text starts in the file, when the node is its source as written.
  const start = q.metaSpan.start.offset;
  const innerAt =
    html.value === lines.text.slice(start, q.metaSpan.end.offset)
      ? start + html.value.indexOf(m[1]!)
      : undefined;
  /** The nearest known word is a guess at what was meant: a suggestion, one at a time. */
  const change = (at: number, found: string, near: string | undefined): Fix | undefined =>
    near === undefined || innerAt === undefined
      ? undefined
      : {
          description: `Change to '${near}'`,
          edits: [{ start: innerAt + at, end: innerAt + at + found.length, text: near }],
          suggestion: true,
        };
  const problem = (message: string, fix?: Fix) =>
    q.markupProblems.push({ span: q.metaSpan!, message, ...(fix ? { fix } : {}) });
  const seen = new Set<string>();
  for (const { name, value, raw, at, valueAt } of metaWords(m[1]!)) {
    if (name === '') {
      problem(
        `Expected attributes written as name=value (${QUESTION_ATTRIBUTES.join(', ')}) in the question comment; found "${raw}". ${suggestion(didYouMean(raw.toLowerCase(), QUESTION_ATTRIBUTES), (k) => `${k}=…`, 'Write it as name=value, or remove it.')}`,
      );
      continue;
    }
    if (!(QUESTION_ATTRIBUTES as readonly string[]).includes(name)) {
      const near = didYouMean(name.toLowerCase(), QUESTION_ATTRIBUTES);
      problem(
        `Expected the question comment's attributes to be ${QUESTION_ATTRIBUTES.join(', ')}; found "${name}". ${suggestion(near, (k) => `${k}=${value}`, 'Remove it.')}`,
        change(at, name, near),
      );
      continue;
    }
    if (seen.has(name)) {
      problem(
        `Expected ${name}= once in the question comment; found it again ("${raw}"). Keep one.`,
      );
      continue;
    }
    seen.add(name);
    if (name === 'id') {
      if (value) q.id = value;
    } else if (name === 'type') {
      if ((QUESTION_TYPES as readonly string[]).includes(value)) {
        q.type = value as QuestionType;
        typed.add(q);
      } else {
        const near = didYouMean(value.toLowerCase(), QUESTION_TYPES);
        problem(
          `Expected type= to be one of ${QUESTION_TYPES.join(', ')}; found "${value}". ${suggestion(near, (k) => `type=${k}`, 'Fix the question comment.')}`,
          change(valueAt, value, near),
        );
      }
    } else if (name === 'weight') {
      const w = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
      if (Number.isFinite(w) && w > 0) q.weight = w;
      else
        problem(
          `Expected weight= to be a positive number; found "${value}". Fix the question comment.`,
        );
    } else if (value === 'all-or-nothing') {
      q.partial = false;
      q.scoring = value;
    } else if (value === 'partial') q.scoring = value;
    else {
      const near = didYouMean(value.toLowerCase(), SCORING_VALUES);
      problem(
        `Expected scoring= to be ${SCORING_VALUES.join(' or ')}; found "${value}". ${suggestion(near, (k) => `scoring=${k}`, 'Write scoring=all-or-nothing for no partial credit, or leave scoring= out for partial credit.')}`,
        change(valueAt, value, near),
      );
    }
  }
  return true;
}

function inferType(q: Question): void {
  if (typed.has(q)) return;
  if (q.choices.length > 0)
    q.type = q.choices.filter((c) => c.checked).length > 1 ? 'multiple' : 'single';
  else if (q.items.length > 0) q.type = 'ordering';
  else if (q.numeric || q.numbers) q.type = 'numeric';
  else if (q.pairs) q.type = 'matching';
  else if (q.accepted.length > 0) q.type = 'text';
  else if (q.truth) q.type = 'truefalse';
  else if (q.answerText) q.type = 'text';
}

function readAnswerParagraph(p: Paragraph, lines: LineIndex, q: Question): boolean {
  const text = textOf(p);
  if (!ANSWER.test(text)) return false;
  const value = text.replace(ANSWER, '').trim();
  if (q.answerText) {
    // Keeping either one would grade (or key) an answer without a word about the other.
    q.markupProblems.push({
      span: spanOf(p, lines),
      message: `Expected one "Answer:" line under question "${q.id ?? q.prompt}"; found a second one here (the first is on line ${q.answerText.span.start.line}). Keep one and delete the other.`,
    });
    return true;
  }
  // `Answer: true` or `false`: a true/false question, unless the comment says otherwise.
  const truth = TRUTH.exec(value);
  if (truth && (q.type === 'truefalse' || !hasWrittenType(q)))
    q.truth = { value: truth[1]!.toLowerCase() === 'true', span: spanOf(p, lines) };
  const spec = q.type === 'text' || truth ? undefined : readNumberSpec(value);
  if (spec?.ok && spec.credit !== undefined)
    q.markupProblems.push({
      span: spanOf(p, lines),
      message: `Expected "Answer:" to give the one right number, worth the whole question; found a credit "(${Math.round(spec.credit * 1000) / 10}%)" on it. For numbers worth part of the credit, list them under "Accepted numbers:".`,
    });
  else if (spec?.ok) {
    q.numeric = { ...spec.number, span: spanOf(p, lines) };
  } else if (spec?.message)
    q.markupProblems.push({ span: spanOf(p, lines), message: spec.message });
  q.answerText = { value, span: spanOf(p, lines) };
  return true;
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
function parseAccepted(list: List, lines: LineIndex, q: Question): void {
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
function parseNumbers(list: List, lines: LineIndex, q: Question): void {
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

/** A list whose items all start with a tick written another way (`[✓]`, `(x)`, `[]`): choices, not prose. */
const allTickVariants = (list: List) =>
  list.children.length > 0 && list.children.every((i) => tickVariant(choiceText(i)) !== undefined);

/**
 * Questions are the level-2 headings of a quiz (and of an answer sheet). Under each:
 * an optional `<!-- question id=... type=... weight=... -->` comment, then choices as a
 * task list, an "Accepted answers:" list, an "Answer: 4 ± 0.5" line, or an ordered list
 * to put in order; a block quote under a choice is its feedback, one under the question
 * its explanation.
 */
export function parseQuestions(tree: Root, lines: LineIndex): Question[] {
  const questions: Question[] = [];
  let q: Question | undefined;
  let expectAccepted: Paragraph | undefined;
  let expectNumbers: Paragraph | undefined;
  let expectOptions = false;
  // "Answer:" left empty: an answer in the block right below it was meant to be on that line.
  let emptyAnswer = false;
  const body: RootContent[] = tree.children;
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (q) inferType(q);
      q = node.depth === 2 ? newQuestion(textOf(node), spanOf(node, lines)) : undefined;
      if (q) questions.push(q);
      expectAccepted = undefined;
      expectNumbers = undefined;
      expectOptions = false;
      emptyAnswer = false;
      continue;
    }
    if (!q) continue;
    const afterEmptyAnswer = emptyAnswer;
    emptyAnswer = false;
    if (
      afterEmptyAnswer &&
      (node.type === 'paragraph' || node.type === 'code') &&
      !ANSWER.test(textOf(node)) &&
      !ACCEPTED.test(textOf(node)) &&
      !ACCEPTED_NUMBERS.test(textOf(node))
    ) {
      const below = textOf(node);
      const shown = below.length > 40 ? `${below.slice(0, 40)}…` : below;
      q.markupProblems.push({
        span: spanOf(node, lines),
        message: `Expected the answer on the "Answer:" line; found "Answer:" empty and "${shown}" below it. Write it as "Answer: ${shown}".`,
      });
      continue;
    }
    if (node.type === 'html') {
      applyMeta(q, node, lines);
    } else if (node.type === 'paragraph') {
      if (ACCEPTED.test(textOf(node))) expectAccepted = node;
      else if (ACCEPTED_NUMBERS.test(textOf(node))) expectNumbers = node;
      else if (CHOOSE_FROM.test(textOf(node))) expectOptions = true;
      else if (readAnswerParagraph(node, lines, q)) emptyAnswer = q.answerText?.value === '';
    } else if (node.type === 'list') {
      if (expectOptions) {
        q.options = node.children.map((item) => choiceText(item));
        expectOptions = false;
      } else if (expectNumbers) {
        parseNumbers(node, lines, q);
        q.numbersSpan = {
          start: spanOf(expectNumbers, lines).start,
          end: spanOf(node, lines).end,
        };
        expectNumbers = undefined;
      } else if (expectAccepted) {
        parseAccepted(node, lines, q);
        q.acceptedSpan = {
          start: spanOf(expectAccepted, lines).start,
          end: spanOf(node, lines).end,
        };
        expectAccepted = undefined;
      } else if (
        node.children.some((i) => typeof i.checked === 'boolean') ||
        allTickVariants(node)
      ) {
        parseChoices(node, lines, q);
      } else if (
        !node.ordered &&
        (q.type === 'matching' || node.children.every((i) => PAIR.test(choiceText(i))))
      ) {
        parsePairs(node, lines, q);
      } else if (node.ordered) {
        node.children.forEach((item) =>
          q!.items.push({
            letter: choiceLabel(q!.items.length),
            text: choiceText(item),
            span: spanOf(item, lines),
          }),
        );
      }
    } else if (node.type === 'blockquote') {
      q.explanation = { text: textOf(node), span: spanOf(node, lines) };
    }
  }
  if (q) inferType(q);
  return questions;
}
