import type { Fix, Span } from '../types.js';

/**
 * The fix that writes `replacement` where `found` is written at `span`, as a suggestion
 * unless `safe`. A span is of the scalar as written: `found` itself, or `found` in quotes
 * (then the quotes stay). Any other span (a mapping a parser fell back to, a value written
 * with escapes) gets no fix rather than an edit that would eat the text around it.
 */
export function changeTo(
  span: Span,
  found: string,
  replacement: string,
  options: { safe?: boolean; description?: string } = {},
): Fix | undefined {
  const length = span.end.offset - span.start.offset;
  const quoted = length === found.length + 2;
  if (length !== found.length && !quoted) return undefined;
  const start = span.start.offset + (quoted ? 1 : 0);
  return {
    description: options.description ?? `Change to '${replacement}'`,
    edits: [{ start, end: start + found.length, text: replacement }],
    ...(options.safe ? {} : { suggestion: true }),
  };
}
