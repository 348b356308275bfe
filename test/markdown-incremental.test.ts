import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdownState } from '../core/markdown/markdown.js';
import { findFrontMatter } from '../core/parse/parse-file.js';
import { MARKDOWN_BLOCKS } from './helpers/markdown-blocks.js';

describe('incremental Markdown parsing, property', function () {
  this.timeout(120_000);
  const BLOCKS = [
    ...MARKDOWN_BLOCKS,
    'Prose line one\nline two [a](a.md)\nline three\nline four',
    'Prose [open\nline\nclosed](x.md) on',
    'Prose (paren\nline [p](p.md)\nclosed)',
    'Ends with:\nnext line',
  ];
  const INSERTS = [
    'x',
    '\n',
    '\n\n',
    '- ',
    '```',
    '<!--',
    '-->',
    '[',
    '](b.md)',
    '#',
    '  ',
    '> ',
    ...BLOCKS,
    '',
  ];
  const doc = fc
    .tuple(
      fc.array(fc.constantFrom(...BLOCKS), { minLength: 2, maxLength: 16 }),
      fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 16, maxLength: 16 }),
    )
    .chain(([blocks, seps]) =>
      fc
        .constantFrom('', '---\nid: x\n\nnote: y\n---\n')
        .map(
          (frontMatter) => `${frontMatter}Intro.\n\n${blocks.map((b, i) => b + seps[i]).join('')}`,
        ),
    );
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...INSERTS));
  // A lesson is read for its links alone: link-free prose is cut (offsets are not the
  // text's; spans use lines and columns), and paragraphs may be cut where a piece ended.
  const comparable = (parsed: ReturnType<typeof parseMarkdownState>, lesson: boolean) =>
    lesson
      ? parsed.links.map((n) => ({
          type: n.type,
          url: (n as { url?: string }).url,
          start: [n.position!.start.line, n.position!.start.column],
          end: [n.position!.end.line, n.position!.end.column],
        }))
      : parsed.root.children;

  it('parses only the edited pieces again, to exactly the tree of a fresh parse', () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (text, edits, lesson) => {
          // As parseFile does: the front matter is read already, and the parser sees empty lines there.
          const frontMatterEnd = (t: string) => findFrontMatter(t)?.end ?? 0;
          let state = parseMarkdownState(text, {
            chunkTarget: 8,
            lesson,
            frontMatterEnd: frontMatterEnd(text),
          }).state;
          let current = text;
          for (const [at, remove, insert] of edits) {
            const pos = at % (current.length + 1);
            current =
              current.slice(0, pos) +
              insert +
              current.slice(Math.min(current.length, pos + remove));
            // parseFile hands the parser an unclosed front matter never.
            fc.pre(frontMatterEnd(current) > 0 || !current.startsWith('---'));
            const incremental = parseMarkdownState(current, {
              chunkTarget: 8,
              lesson,
              previous: state,
              frontMatterEnd: frontMatterEnd(current),
            });
            const fresh = parseMarkdownState(current, {
              chunkTarget: 8,
              lesson,
              frontMatterEnd: frontMatterEnd(current),
            });
            assert.deepEqual(comparable(incremental, lesson), comparable(fresh, lesson));
            assert.equal(incremental.depth, fresh.depth);
            state = incremental.state;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
