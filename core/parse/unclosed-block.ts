import type { Node } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import type { UnclosedBlock } from '../model.js';
import type { MarkdownState } from '../markdown/markdown.js';
import { FENCE } from '../markdown/fence-line.js';

/** HTML blocks that end only at their closer, not at a blank line (CommonMark kinds 1 to 5). */
const RAW_TAG = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/gm;

function lineText(lines: LineIndex, line: number): string {
  const { start, end } = lines.lineSpan(line);
  return lines.text.slice(start.offset, end.offset);
}

function htmlCloser(
  value: string,
): { kind: UnclosedBlock['kind']; closer: string; closed: boolean } | undefined {
  const v = value.replace(/^ {0,3}/, '');
  if (v.startsWith('<!--'))
    return {
      kind: 'comment',
      closer: '-->',
      closed: v.startsWith('<!-->') || v.startsWith('<!--->') || v.indexOf('-->', 4) !== -1,
    };
  const raw = RAW_TAG.exec(v);
  if (raw) {
    const closer = `</${raw[1]!.toLowerCase()}>`;
    return { kind: 'html', closer, closed: v.toLowerCase().indexOf(closer) !== -1 };
  }
  if (v.startsWith('<![CDATA['))
    return { kind: 'html', closer: ']]>', closed: v.indexOf(']]>', 9) !== -1 };
  if (v.startsWith('<?')) return { kind: 'html', closer: '?>', closed: v.indexOf('?>', 2) !== -1 };
  if (/^<![A-Za-z]/.test(v)) return { kind: 'html', closer: '>', closed: v.indexOf('>', 2) !== -1 };
  return undefined;
}

function hiddenHeadings(text: string, from: number): { headings: number; sections: number } {
  let headings = 0;
  let sections = 0;
  const rest = text.slice(from);
  for (const m of rest.matchAll(HEADING)) {
    headings++;
    if (m[1]!.length === 2) sections++;
  }
  return { headings, sections };
}

/**
 * A fence, raw HTML block or comment left open runs to the end of the file and takes
 * every block after it: so only the last top-level block can be one. Checked from the
 * parse's pieces, without putting the tree together (a lesson never needs it).
 */
export function findUnclosedBlock(
  state: MarkdownState,
  lines: LineIndex,
): UnclosedBlock | undefined {
  let last: Node | undefined;
  for (let i = state.chunks.length - 1; i >= 0 && !last; i--)
    last = state.chunks[i]!.children.at(-1);
  const p = last?.position;
  if (!last || !p) return undefined;
  const open = lineText(lines, p.start.line);
  let found: Omit<UnclosedBlock, 'span' | 'headings' | 'sections'> | undefined;
  if (last.type === 'code') {
    const fence = FENCE.exec(open)?.[1];
    if (!fence) return undefined; // indented code ends at the first line that is not
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    if (p.end.line > p.start.line && closing.test(lineText(lines, p.end.line))) return undefined;
    found = { kind: 'fence', closer: fence };
  } else if (last.type === 'html') {
    const html = htmlCloser((last as unknown as { value: string }).value);
    if (!html || html.closed) return undefined;
    found = { kind: html.kind, closer: html.closer };
  } else return undefined;
  const span = lines.lineSpan(p.start.line);
  const after =
    p.start.line < lines.lineCount ? lines.lineStart(p.start.line + 1) : lines.text.length;
  return { ...found, span, ...hiddenHeadings(lines.text, after) };
}
