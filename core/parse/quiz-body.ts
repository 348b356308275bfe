import type { Root, RootContent, List, ListItem, Html, Paragraph, Blockquote } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Choice, Question, QuestionType } from '../model.js';
import { QUESTION_TYPES } from '../model.js';
import { commentAttributes, spanOf, textOf } from './mdast-util.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ANSWER = /^answer\s*:\s*/i;
const ACCEPTED = /^accepted(\s+answers?)?\s*:?\s*$/i;
const NUMBER_WITH_TOLERANCE = /^(-?\d+(?:\.\d+)?)(?:\s*(?:±|\+\/-|\+-)\s*(\d+(?:\.\d+)?))?\s*[a-z%]*$/i;

function choiceText(item: ListItem): string {
  const first = item.children.find((c) => c.type === 'paragraph');
  return first ? textOf(first) : '';
}

function parseChoices(list: List, lines: LineIndex, q: Question): void {
  for (const item of list.children) {
    const quote = item.children.find((c): c is Blockquote => c.type === 'blockquote');
    if (item.checked === null || item.checked === undefined) {
      q.markupProblems.push({
        span: spanOf(item, lines),
        message: quote
          ? 'Expected feedback to sit under a choice (a "- [ ]" item); found it under a list item without a checkbox. Add the checkbox or move the feedback.'
          : 'Expected every item of a choice list to be a choice ("- [ ]" or "- [x]"); found one without a checkbox. Add "[ ] " after the dash.',
      });
      continue;
    }
    const choice: Choice = { letter: LETTERS[q.choices.length] ?? '?', text: choiceText(item), checked: item.checked, span: spanOf(item, lines) };
    if (quote) choice.feedback = { text: textOf(quote), span: spanOf(quote, lines) };
    q.choices.push(choice);
  }
}

/** Questions whose comment names their type; the others get one from their markup. */
const typed = new WeakSet<Question>();

function newQuestion(prompt: string, span: Question['span']): Question {
  return { type: 'single', prompt, weight: 1, partial: true, span, markupProblems: [], choices: [], accepted: [], items: [] };
}

function applyMeta(q: Question, html: Html, lines: LineIndex): boolean {
  const attrs = commentAttributes(html.value, 'question');
  if (!attrs) return false;
  q.metaSpan = spanOf(html, lines);
  if (attrs.id) q.id = attrs.id;
  if (attrs.type) {
    if ((QUESTION_TYPES as readonly string[]).includes(attrs.type)) q.type = attrs.type as QuestionType;
    else q.markupProblems.push({ span: q.metaSpan, message: `Expected type= to be one of ${QUESTION_TYPES.join(', ')}; found "${attrs.type}". Fix the question comment.` });
  }
  if (attrs.weight !== undefined) {
    const w = Number(attrs.weight);
    if (Number.isFinite(w) && w > 0) q.weight = w;
    else q.markupProblems.push({ span: q.metaSpan, message: `Expected weight= to be a positive number; found "${attrs.weight}". Fix the question comment.` });
  }
  if (attrs.scoring === 'all-or-nothing') q.partial = false;
  if (attrs.type) typed.add(q);
  return true;
}

function inferType(q: Question): void {
  if (typed.has(q)) return;
  if (q.choices.length > 0) q.type = q.choices.filter((c) => c.checked).length > 1 ? 'multiple' : 'single';
  else if (q.items.length > 0) q.type = 'ordering';
  else if (q.numeric) q.type = 'numeric';
  else if (q.accepted.length > 0 || q.answerText) q.type = 'text';
}

function readAnswerParagraph(p: Paragraph, lines: LineIndex, q: Question): boolean {
  const text = textOf(p);
  if (!ANSWER.test(text)) return false;
  const value = text.replace(ANSWER, '').trim();
  const m = NUMBER_WITH_TOLERANCE.exec(value);
  if (m && q.type !== 'text') q.numeric = { value: Number(m[1]), tolerance: m[2] ? Number(m[2]) : 0, span: spanOf(p, lines) };
  q.answerText = { value, span: spanOf(p, lines) };
  return true;
}

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
  let expectAccepted = false;
  const body: RootContent[] = tree.children;
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (q) inferType(q);
      q = node.depth === 2 ? newQuestion(textOf(node), spanOf(node, lines)) : undefined;
      if (q) questions.push(q);
      expectAccepted = false;
      continue;
    }
    if (!q) continue;
    if (node.type === 'html') {
      applyMeta(q, node, lines);
    } else if (node.type === 'paragraph') {
      if (ACCEPTED.test(textOf(node))) expectAccepted = true;
      else readAnswerParagraph(node, lines, q);
    } else if (node.type === 'list') {
      if (expectAccepted) {
        for (const item of node.children) {
          const code = item.children[0]?.type === 'paragraph' ? item.children[0].children[0] : undefined;
          const value = code && code.type === 'inlineCode' ? code.value : choiceText(item);
          q.accepted.push({ value, span: spanOf(item, lines) });
        }
        expectAccepted = false;
      } else if (node.children.some((i) => typeof i.checked === 'boolean')) {
        parseChoices(node, lines, q);
      } else if (node.ordered) {
        node.children.forEach((item) => q!.items.push({ letter: LETTERS[q!.items.length] ?? '?', text: choiceText(item), span: spanOf(item, lines) }));
      }
    } else if (node.type === 'blockquote') {
      q.explanation = { text: textOf(node), span: spanOf(node, lines) };
    }
  }
  if (q) inferType(q);
  return questions;
}
