import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype, { defaultHandlers } from 'remark-rehype';
import type { List, ListItem } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root as HastRoot } from 'hast';
import type { Item, Question, Quiz, Scenario } from '../model.js';
import { findFrontMatter, parseFile } from '../parse/parse-file.js';
import { installLinearEditMap } from '../markdown/linear-edit-map.js';
import { findSlowShape } from '../markdown/parse-guard.js';
import { deepestLine } from '../markdown/nesting-guard.js';
import { shuffledOrder } from '../grading/shuffled-order.js';
import { askForHint } from '../grading/hint-cost.js';
import { escapeHtml } from '../text/escape-html.js';
import { clozeHtml } from './cloze-html.js';
import { matchingHtml } from './matching-html.js';

/**
 * Elements keep the source line they start on, so the preview can follow the editor.
 * Only the data-line attribute survives sanitizing besides GitHub's own allowances.
 */
function lineAttributes() {
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.position)
          child.properties = { ...child.properties, dataLine: child.position.start.line };
        visit(child);
      }
    };
    visit(tree);
  };
}

/**
 * mdast-util-to-hast asks, for every list item, whether its whole list is loose, reading
 * every item of the list each time: a list of n items took n² steps (a 1 MB list, minutes).
 * The answer is the same for every item of a list, so it is worked out once per list and the
 * library's handler is given a stand-in list that answers at once.
 */
const looseLists = new WeakMap<List, List>();
const itemLoose = (item: ListItem) =>
  item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread;
const listItem: typeof defaultHandlers.listItem = (state, node, parent) => {
  if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent);
  let standIn = looseLists.get(parent);
  if (!standIn)
    looseLists.set(
      parent,
      (standIn = {
        type: 'list',
        spread: Boolean(parent.spread) || parent.children.some(itemLoose),
        children: [],
      }),
    );
  return defaultHandlers.listItem(state, node, standIn);
};

const SCHEMA = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
  },
};

/** The unified pipeline's one call used here; its full generic type says nothing more to this file. */
let processor: { processSync(markdown: string): { toString(): string } } | undefined;
function markdownToHtml(markdown: string): string {
  installLinearEditMap();
  // GitHub's sanitizing schema: no script, no event handler, no style, no iframe reaches the page.
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm)
    .use(remarkRehype, { handlers: { listItem } })
    .use(lineAttributes)
    .use(rehypeSanitize, SCHEMA)
    .use(rehypeStringify);
  return processor.processSync(markdown).toString();
}

export interface Preview {
  title: string;
  type?: Item['type'];
  /** A sanitized HTML fragment; model text is escaped, Markdown goes through GitHub's schema. */
  html: string;
}

/**
 * A file as a learner will see it: lessons as pages, quizzes as forms (self-check data
 * only when the answers are in the file, never for a sealed quiz), scenarios as cards.
 * Front matter is blanked, not removed, so line numbers stay the editor's.
 */
export function renderPreview(file: string, text: string): Preview {
  try {
    return renderItem(file, text);
  } catch (e) {
    // The renderers recurse over the tree; a nesting the guard let through must not throw on
    // the editor's thread, nor blank the preview without a word.
    if (e instanceof RangeError) {
      const line = deepestLine(text, findFrontMatter(text)?.end ?? 0);
      return problemPreview(
        file,
        line,
        'Expected Markdown the preview can render; found it nested too deep here. Flatten the lists or block quotes.',
      );
    }
    throw e;
  }
}

/** A preview that says why the file cannot be shown, at the line to fix. */
function problemPreview(file: string, line: number, message: string): Preview {
  return {
    title: file,
    html: `<p class="ek-problem" data-line="${line}">${escapeHtml(`Line ${line}: ${message}`)}</p>`,
  };
}

function renderItem(file: string, text: string): Preview {
  const parsed = parseFile(file, text, { fullTree: true });
  const item = parsed.model.item;
  const fence = findFrontMatter(text);
  const body = fence
    ? text.slice(0, fence.end).replace(/[^\n]/g, '') + text.slice(fence.end)
    : text;
  const slow = findSlowShape(body);
  if (slow) return problemPreview(file, slow.line, slow.message);
  if (!item) return { title: file, html: markdownToHtml(body) };
  const header = `<header class="ek-item" data-line="1"><span class="ek-badge ek-${item.type}">${item.type}</span>${item.freshness.verified ? `<span class="ek-verified">verified against ${escapeHtml(item.freshness.verified.version)}</span>` : ''}</header>`;
  switch (item.type) {
    case 'quiz':
      return { title: item.title, type: item.type, html: header + quizForm(item) };
    case 'scenario':
      return { title: item.title, type: item.type, html: header + scenarioCard(item, body) };
    default:
      return { title: item.title, type: item.type, html: header + markdownToHtml(body) };
  }
}

function quizForm(quiz: Quiz): string {
  const sealed = quiz.key !== undefined;
  const parts = [
    `<h1 data-line="${quiz.idSpan.start.line}">${escapeHtml(quiz.title)}</h1>`,
    ...poolNote(quiz),
    `<form class="ek-quiz" data-sealed="${sealed}">`,
  ];
  quiz.questions.forEach((q, k) => parts.push(questionHtml(q, k, sealed, quiz.id)));
  parts.push(
    sealed
      ? '<p class="ek-note">The answers to this quiz are sealed: the grader checks them when you submit.</p>'
      : '<button type="button" class="ek-check">Check my answers</button>',
    '</form>',
  );
  return parts.join('\n');
}

/** The author sees the whole pool; the note says what each learner's sheet holds of it. */
function poolNote(quiz: Quiz): string[] {
  const n = quiz.questions.length;
  const drawn =
    quiz.draw !== undefined && quiz.draw < n
      ? `Each learner answers ${quiz.draw} of these ${n} questions, drawn for them anew at each attempt; the preview shows the whole pool.`
      : '';
  const shuffled = quiz.shuffleChoices
    ? "Each learner's sheet lists the choices in an order of its own, new at each attempt."
    : '';
  const text = [drawn, shuffled].filter(Boolean).join(' ');
  return text ? [`<p class="ek-note ek-pool">${escapeHtml(text)}</p>`] : [];
}

/** The preview shuffles ordering items as a sheet does, for a learner of its own. */
const PREVIEW_SEED = 'preview';

/**
 * The question's hints, collapsed as github.com shows them: a free hint's text, and for a hint
 * with a cost how to ask for it (as the sealed quiz and the sheet say), never its text. Its own
 * line numbers are the hint's, not the file's, so they are left out.
 */
function hintsHtml(quizId: string, q: Question): string {
  return (q.hints ?? [])
    .map(
      (h) =>
        `<details class="ek-hint" data-line="${h.span.start.line}"${h.cost ? ` data-cost="${h.cost}"` : ''}><summary>Hint${h.cost ? ` (cost ${Math.round(h.cost * 1000) / 10}%)` : ''}</summary>${markdownToHtml(h.cost ? askForHint(quizId, q, h) : h.text).replace(/ data-line="\d+"/g, '')}</details>`,
    )
    .join('');
}

function questionHtml(q: Question, k: number, sealed: boolean, quizId: string): string {
  const name = `q${k}`;
  const hints = hintsHtml(quizId, q);
  const key = (data: string) => (sealed ? '' : ` ${data}`);
  if (q.type === 'matching') return matchingHtml(q, name, sealed, hints);
  if (q.type === 'cloze') return clozeHtml(q, name, sealed, hints);
  // An open answer is for a reviewer: room to draft it, the rubric it is graded by, no check.
  if (q.type === 'open') {
    const rubric = (q.rubric ?? [])
      .map((c) => `<li data-line="${c.span.start.line}">${escapeHtml(c.text)}</li>`)
      .join('');
    return `<section class="ek-question-static" data-line="${q.span.start.line}"><h3>${escapeHtml(q.prompt)}</h3>${hints}${q.words ? `<p>About ${q.words} words.</p>` : ''}<textarea name="${name}" rows="6" aria-label="${escapeHtml(`Your answer to "${q.prompt}"`)}"></textarea>${rubric ? `<p>What the reviewer looks for:</p><ul>${rubric}</ul>` : ''}<p class="ek-note">An open answer is graded by a reviewer, not checked here.</p></section>`;
  }
  // The preview keeps what was typed across edits by question id (index for a quiz without ids).
  const out = [
    // A true/false question is shown, checked and kept as a single choice between True and False.
    `<fieldset class="ek-question" data-line="${q.span.start.line}" data-type="${q.type === 'truefalse' ? 'single' : q.type}" data-id="${escapeHtml(q.id ?? name)}"><legend>${escapeHtml(q.prompt)}</legend>${hints}`,
  ];
  if (q.type === 'truefalse') {
    for (const v of [true, false])
      out.push(
        `<label class="ek-choice" data-line="${q.span.start.line}"><input type="radio" name="${name}" value="${v}"${q.truth ? key(`data-correct="${q.truth.value === v}"`) : ''}> ${v ? 'True' : 'False'}</label>`,
      );
  } else if (q.type === 'single' || q.type === 'multiple') {
    const input = q.type === 'single' ? 'radio' : 'checkbox';
    for (const c of q.choices) {
      const feedback = c.feedback ? key(`data-feedback="${escapeHtml(c.feedback.text)}"`) : '';
      out.push(
        `<label class="ek-choice" data-line="${c.span.start.line}"><input type="${input}" name="${name}" value="${c.letter}"${key(`data-correct="${c.checked}"`)}${feedback}> ${escapeHtml(c.text)}</label>`,
      );
    }
  } else if (q.type === 'ordering') {
    // Shuffled as a sheet lists them, never in the right order; only an open quiz's items say
    // their place (for "Check my answers"): a sealed quiz's order is its own, not the key's.
    out.push(
      `<ol class="ek-ordering" aria-label="${escapeHtml(`Items of "${q.prompt}", to put in order`)}">`,
      ...shuffledOrder(q, PREVIEW_SEED).map(
        (n) =>
          `<li class="ek-order-item"${key(`data-place="${n}"`)} data-text="${escapeHtml(q.items[n]!.text)}">${escapeHtml(q.items[n]!.text)}</li>`,
      ),
      '</ol>',
    );
  } else if (q.type === 'numeric') {
    const right = q.numeric ?? q.numbers?.find((n) => n.credit === 1);
    out.push(
      // With several accepted numbers, the preview checks against the first worth the whole question.
      `<input type="number" step="any" name="${name}"${right ? key(`data-value="${right.value}" data-tolerance="${right.tolerance}"`) : ''}>`,
    );
  } else {
    // Answers worth the whole question: the preview says right or wrong, not part of the credit.
    const plain = q.accepted
      .filter((a) => !a.value.startsWith('/') && (a.credit ?? 1) === 1)
      .map((a) => a.value);
    out.push(
      `<input type="text" name="${name}"${plain.length ? key(`data-accepted="${escapeHtml(JSON.stringify(plain))}"`) : ''}>`,
    );
  }
  out.push('<p class="ek-result" aria-live="polite"></p></fieldset>');
  return out.join('\n');
}

function scenarioCard(s: Scenario, body: string): string {
  const rubric = s.rubric
    .map(
      (c) =>
        `<li data-line="${c.span.start.line}">${c.required ? '<strong>required</strong> ' : ''}${escapeHtml(c.text)}</li>`,
    )
    .join('');
  return `<article class="ek-card ek-scenario"><p class="ek-level">${s.level} mock</p>${markdownToHtml(body)}${rubric ? `<section class="ek-rubric"><h2>What the reviewer looks for</h2><ul>${rubric}</ul></section>` : ''}</article>`;
}
