import type { Node, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../text/line-index.js';
import type { Span } from '../types.js';

/**
 * A node's span in the original text, from its line and column: lessons are parsed with
 * link-free lines emptied, which moves offsets but never lines or columns.
 */
export function spanOf(node: Node, lines: LineIndex): Span {
  const p = node.position;
  if (!p) return lines.span(0, 0);
  return {
    start: lines.pointAt(p.start.line, p.start.column),
    end: lines.pointAt(p.end.line, p.end.column),
  };
}

export function textOf(node: Node): string {
  return toString(node, { includeImageAlt: true }).replace(/\s+/g, ' ').trim();
}

/** Depth-first, without recursion, so deeply nested input cannot overflow the stack. */
export function visit(root: Node, fn: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    fn(n);
    const children = (n as Parent).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function depthOf(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    const children = (n as Parent).children;
    if (children) for (const c of children) stack.push([c, d + 1]);
  }
  return max;
}

/** Attributes written as `key=value` words in an HTML comment, such as `<!-- question id=q1 type=single -->`. */
export function commentAttributes(
  html: string,
  keyword: string,
): Record<string, string> | undefined {
  const m = new RegExp(`^<!--\\s*${keyword}\\b([\\s\\S]*?)-->\\s*$`).exec(html.trim());
  if (!m) return undefined;
  const attrs: Record<string, string> = {};
  for (const pair of m[1]!.matchAll(/([a-z_]+)=("[^"]*"|\S+)/g))
    attrs[pair[1]!] = pair[2]!.replace(/^"|"$/g, '');
  return attrs;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(required\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}
