import type { Root, RootContent, List, Paragraph, Blockquote } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Choice, Question } from '../model.js';
import { choiceLabel } from '../text/choice-label.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';
import { tickVariant } from './tick-variant.js';
import {
  ACCEPTED_NUMBERS,
  CHOICE_CREDIT,
  CHOOSE_FROM,
  PAIR,
  TRUTH,
  choiceText,
  first,
  parseAccepted,
  parseNumbers,
  parsePairs,
  readNumberSpec,
} from './answer-lists.js';
import type { Fix } from '../types.js';
import { hasBlank, isBlankList, parseBlanks } from './cloze-blanks.js';
import { closesHint, startHint, unclosedHint, type OpenHint } from './hint-block.js';
import { applyMeta, hasWrittenType } from './question-comment.js';

const ANSWER = /^answer\s*:\s*/i;
const ACCEPTED = /^accepted(\s+answers?)?\s*:?\s*$/i;
const RUBRIC = /^rubric\s*:?\s*$/i;

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
    // A heading with blanks may be a cloze question's sentence; kept only if it is one.
    ...(hasBlank(prompt) ? { sentence: [{ text: prompt, span }] } : {}),
  };
}

function inferType(q: Question): void {
  inferFromMarkup(q);
  // A length hint says how long an answer in one's own words should be: other types have none.
  if (q.words !== undefined && q.type !== 'open') {
    q.markupProblems.push({
      span: q.metaSpan ?? q.span,
      message: `Expected words= only on an open question (type=open), where it says how long the answer should be; found it on a ${q.type} question. Remove it.`,
    });
    delete q.words;
  }
}

function inferFromMarkup(q: Question): void {
  if (q.type !== 'cloze' && !(q.blanks && !hasWrittenType(q))) delete q.sentence;
  if (hasWrittenType(q)) return;
  if (q.blanks) q.type = 'cloze';
  else if (q.choices.length > 0)
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
  const spec = q.type === 'text' || q.type === 'open' || truth ? undefined : readNumberSpec(value);
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
  let expectRubric = false;
  // "Answer:" left empty: an answer in the block right below it was meant to be on that line.
  let emptyAnswer = false;
  // A hint's blocks are its text, never the question's answer, choices or explanation.
  let hint: OpenHint | undefined;
  const body: RootContent[] = tree.children;
  for (const node of body) {
    if (hint && !(node.type === 'heading' && node.depth <= 2)) {
      if (node.type === 'html' && closesHint(hint, node, lines)) hint = undefined;
      continue;
    }
    if (node.type === 'heading' && node.depth <= 2) {
      if (hint) unclosedHint(hint);
      hint = undefined;
      if (q) inferType(q);
      q = node.depth === 2 ? newQuestion(textOf(node), spanOf(node, lines)) : undefined;
      if (q) questions.push(q);
      expectAccepted = undefined;
      expectNumbers = undefined;
      expectOptions = false;
      expectRubric = false;
      emptyAnswer = false;
      continue;
    }
    if (!q) continue;
    // An open answer runs from "Answer:" to the next question: every block is the learner's.
    if (q.type === 'open' && q.answerText && node.type !== 'html') {
      const more = textOf(node);
      q.answerText = {
        value: q.answerText.value ? `${q.answerText.value}\n\n${more}` : more,
        span: { start: q.answerText.span.start, end: spanOf(node, lines).end },
      };
      continue;
    }
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
      if (!applyMeta(q, node, lines)) {
        hint = startHint(node, lines, q);
        if (hint && closesHint(hint, node, lines)) hint = undefined;
      }
    } else if (node.type === 'paragraph') {
      if (ACCEPTED.test(textOf(node))) expectAccepted = node;
      else if (ACCEPTED_NUMBERS.test(textOf(node))) expectNumbers = node;
      else if (CHOOSE_FROM.test(textOf(node))) expectOptions = true;
      else if (q.type === 'open' && RUBRIC.test(textOf(node))) expectRubric = true;
      else if (readAnswerParagraph(node, lines, q)) emptyAnswer = q.answerText?.value === '';
      else if (hasBlank(textOf(node)))
        (q.sentence ??= []).push({ text: textOf(node), span: spanOf(node, lines) });
    } else if (node.type === 'list') {
      if (expectRubric) {
        // A criterion may be written as a task item, as a scenario's rubric is: never a choice here.
        q.rubric = node.children.map((item) => ({
          text: choiceText(item).replace(/^\[[ xX]?\]\s*/, ''),
          span: spanOf(item, lines),
        }));
        expectRubric = false;
      } else if (expectOptions) {
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
      } else if (!node.ordered && (q.type === 'cloze' || isBlankList(node))) {
        parseBlanks(node, lines, q, parseChoices, () => newQuestion('', q!.span));
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
  if (hint) unclosedHint(hint);
  if (q) inferType(q);
  return questions;
}
