import type { Root, List } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Criterion } from '../model.js';
import type { Span } from '../types.js';
import { commentAttributes, slug, spanOf, textOf } from '../markdown/mdast-util.js';

const REQUIRED = /\(required\)/i;

export interface ScenarioBody {
  sections: string[];
  rubric: Criterion[];
  rubricSpan?: Span;
}

/** The rubric is the task list under a "Rubric" heading; "(required)" in a criterion makes it required. */
export function parseScenarioBody(tree: Root, lines: LineIndex): ScenarioBody {
  const out: ScenarioBody = { sections: [], rubric: [] };
  let inRubric = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth === 2) out.sections.push(textOf(node));
      inRubric = node.depth === 2 && /^rubric\b/i.test(textOf(node));
      if (inRubric) out.rubricSpan = spanOf(node, lines);
      continue;
    }
    if (inRubric && node.type === 'list') readCriteria(node, lines, out.rubric);
  }
  return out;
}

function readCriteria(list: List, lines: LineIndex, into: Criterion[]): void {
  for (const item of list.children) {
    if (typeof item.checked !== 'boolean') continue;
    const text = textOf(item);
    let id: string | undefined;
    for (const child of item.children) {
      if (child.type !== 'paragraph') continue;
      for (const inline of child.children) {
        if (inline.type === 'html') id = commentAttributes(inline.value, 'criterion')?.id ?? id;
      }
    }
    into.push({
      id: id ?? slug(text),
      text,
      required: REQUIRED.test(text),
      checked: item.checked,
      span: spanOf(item, lines),
    });
  }
}
