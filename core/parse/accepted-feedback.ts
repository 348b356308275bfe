import type { Root } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { Question } from '../model.js';
import { spanOf, textOf } from '../markdown/mdast-util.js';

/**
 * A block quote written under an accepted answer of a text question: the quiz parser
 * reads the answers and leaves the quote, which is then shown to nobody. It is kept on
 * the answer so lint can say so. Matched by where the parser found each answer, so what
 * counts as an accepted answer is decided in one place.
 */
export function withAcceptedFeedback(
  questions: Question[],
  root: Root,
  lines: LineIndex,
): Question[] {
  const byStart = new Map<string, Question['accepted'][number]>();
  for (const q of questions)
    for (const a of q.accepted) byStart.set(`${a.span.start.line}:${a.span.start.column}`, a);
  if (!byStart.size) return questions;
  for (const node of root.children) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const p = item.position?.start;
      const answer = p && byStart.get(`${p.line}:${p.column}`);
      const quote = answer && item.children.find((c) => c.type === 'blockquote');
      if (answer && quote) answer.feedback = { text: textOf(quote), span: spanOf(quote, lines) };
    }
  }
  return questions;
}
