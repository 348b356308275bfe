import type { Root } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Span } from '../types.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';

export interface ReflectionBody {
  readCheck?: { text: string; span: Span };
  prompts: { text: string; span: Span }[];
  /** Learner's answers (answer sheets): the text under each prompt heading, by prompt number. */
  answers: { prompt: string; text: string; span: Span }[];
}

/**
 * The read check is the first task-list item ("- [ ] I have read ..."); the prompts are
 * the items of the list under a "Prompts" heading. In an answer sheet each prompt is a
 * level-3 heading under "Your reflection" with the learner's text beneath it.
 */
export function parseReflectionBody(tree: Root, lines: LineIndex): ReflectionBody {
  const out: ReflectionBody = { prompts: [], answers: [] };
  let inPrompts = false;
  let answering: { prompt: string; text: string; span: Span } | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth <= 2) inPrompts = /^prompts?\b/i.test(textOf(node));
      answering = undefined;
      if (node.depth === 3) {
        answering = { prompt: textOf(node), text: '', span: spanOf(node, lines) };
        out.answers.push(answering);
      }
      continue;
    }
    if (node.type === 'list') {
      if (!out.readCheck) {
        const task = node.children.find((i) => typeof i.checked === 'boolean');
        if (task) {
          out.readCheck = { text: textOf(task), span: spanOf(task, lines) };
          continue;
        }
      }
      if (inPrompts)
        for (const item of node.children)
          out.prompts.push({ text: textOf(item), span: spanOf(item, lines) });
    }
    if (answering && node.type !== 'html') {
      answering.text = `${answering.text} ${textOf(node)}`.trim();
      answering.span = { start: answering.span.start, end: spanOf(node, lines).end };
    }
  }
  return out;
}
