import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFile } from '../core/parse/parse-file.js';
import { lessonSource } from '../core/markdown/lesson-source.js';
import type { Module } from '../core/model.js';

const BLOCKS = [
  'Plain prose with **bold** and `code`.',
  'A [link](./a.md) in prose.',
  'See ![shot](img/s.png) here.',
  '- item one\n- item [two](b.md)',
  '- item\n\n  continued in the item with [c](c.md)',
  '    indented code [not](x.md)',
  '```\n[not a link](x.md)\n\nstill code\n```',
  '~~~md\n<!-- not html -->\n~~~',
  '<!--\n\n[hidden](h.md)\n\n-->',
  '<div>\n[inside](d.md)\n</div>',
  '> quote with [q](q.md)',
  '> plain quote',
  '# Heading',
  'Setext\n===',
  '| a | b |\n|---|---|\n| [t](t.md) | x |',
  '[ref]: ./r.md',
  'Uses [a reference][ref].',
  '1. one\n2. two',
  '  two-space indented [z](z.md)',
  'line with < less than',
  '* star [s](s.md)',
  '<!--\n\nplain comment\n\n-->',
  '<?php\n\necho 1;\n\n?>',
  '<pre>\n\nno link\n\n</pre>',
  '```\nunclosed fence',
  'text then\n```\nfence in a paragraph\n\n```',
  '- a\n\n      code in item [k](k.md)',
  '>',
  '<span>inline html start</span>',
  'Term with trailing spaces   \nnext line',
  'Text with `code [x](y.md)` inside.',
  'Text **bold [b](b.md)** end.',
  'Prefix text [foo]: bar',
  'Prefix then ![img](i.png) and [l](l.md)',
  'Prefix \\[not\\] then [y](y.md)',
  'Prefix <b>[h](h.md)</b>',
  'Lazy\nsecond line text [s](s.md)',
  '- item\nlazy text [lz](lz.md)',
  'Words [multi\nline](m.md) link',
  'Heading text [ht](ht.md)\n===',
  'Prefix ] then [pb](pb.md)',
  'Prefix [foo] uses a definition',
  '[foo]: ./def.md',
  'Prefix *emph [e](e.md) more* and _x [u](u.md)_',
  'Prefix text (paren [p](p.md))',
  'Two [a](a.md) links [b](b.md) here',
  'Prefix &amp; entity [en](en.md)',
  'Prefix `code` and **bold** then [cs](cs.md)',
  'Prefix `open then [hid](hid.md) close` end',
  'Prefix ``a`b`` pairs [dbl](dbl.md)',
  'Prefix `` unmatched ` [um](um.md) ``',
  'Line one `opens\nline two` closes [lt](lt.md)',
  'Line one `x` closed\nline `two` then [l2](l2.md)',
  'Prefix `a` `b [x](x.md) c` d',
  'Prefix ` single [sg](sg.md)',
  '- a\n\n\n  b after two empty lines [la](la.md)',
  '```\n\n\n[in code](c.md)\n```',
  '-\n\n\n  [after empty item](e.md)',
  '> q\n\n\n> [second quote](q2.md)',
  '1. one\n\n\n\n2. two [l2](l2.md)',
  'Prose line\nanother prose line\nthird with [d](d.md)',
  'Words [a](a.md) then\nplain words\nmore words [b](b.md)',
  '[dest](\nuri\n)',
  'Words [w](\nuri\nmore\n)',
  'Words [a](/u\nmid\nmore\n)',
  'Words [a](/u\nmid\n)',
  '[def]:\nuri',
  'Text [t](/u "title\nmid line\nend")',
  'Text [t](/u\ntitle words\n"title"\n)',
  'Prose\nwith #hash and > gt\nand | pipe and *star',
  '[foo]: /url\ntitle\n[bar]: /x',
  'Words first\n[foo]: /url\nmore words',
  "Quote's inside\nnext line [q](q.md)",
  '~~~\nLetters in code\nmore letters\n~~~',
  'Prose `code\nspan line\nends` then [c](c.md)',
  'Text <a\ntitle\n="[x](y.md)">',
  'Text (open paren\nwords inside\nclose) [p](p.md)',
  'Text ends with colon:\nuri words\n[c](c.md)',
  'Para words\nmore words\n===',
  'Words [multi\nline text\nlabel](ml.md)',
  'Words [label\nwords\n][ref]',
  '- item words\nlazy words\nmore lazy [l](l.md)',
  '> quote words\nlazy words\nmore lazy [l](l.md)',
  'Long prose line one\nline two [a](a.md)\nline three\nline [b](b.md) four\nline five',
  'Prose [open\nbracket line\nclosed](br.md)',
  'Prose ![alt\ntext line](img.png)',
  'Prose (paren\nline [pl](pl.md)\nclosed)',
  'Prose words\n- interrupting item [it](it.md)\nlazy [lz](lz.md)',
  'Prose words\n    indented continuation [ic](ic.md)\nnext',
  'Prose words\n# heading [h](h.md)\nafter heading [ah](ah.md)',
  'Prose words\n---\nafter break [ab](ab.md)',
  'Prose words\n[ref]: ./r.md\nmore [r2](r2.md)',
  'Prose words\n<span>\n[inner](in.md)\n</span>',
  'Prose words\n```\n[code](c.md)\n```\nafter [af](af.md)',
  'Prose ending colon:\n[c2](c2.md)',
  '# H\n- list after heading',
  '## H\ntext right after [t](t.md)',
  '# H\n===',
  '# H\n    indented [i](i.md)',
  '#\nafter empty heading',
  '   # indented heading\ntext [n](n.md)',
  '- item\n# H\ntext [x](x.md)',
  '> q\n# H\nlazy? [y](y.md)',
  '#hashtag not heading\nmore',
];

/** A lesson's links; `chunkTarget` small cuts it into pieces wherever it may be cut, as an editor does. */
const links = (text: string, fullTree: boolean, chunkTarget?: number) =>
  (
    (
      parseFile('m.md', text, { fullTree, ...(chunkTarget ? { chunkTarget } : {}) }).model.item as
        Module | undefined
    )?.links ?? []
  ).map(
    (l) =>
      `${l.url}@${l.span.start.line}:${l.span.start.column}-${l.span.end.line}:${l.span.end.column}`,
  );

describe('lessons parse only their link-bearing blocks', () => {
  it('empties link-free runs and closes up empty lines, cuts prose before a link, and records both', () => {
    const text = '---\ntype: module\n---\nProse.\nMore prose.\n\nA [l](x).\n- item `[k](k)`\n';
    const out = lessonSource(text, 21);
    assert.equal(out.text, '---\ntype: module\n---\n\n[l](x).\n- item `[k](k)`\n');
    assert.deepEqual([...out.cuts], [[7, 2]]);
    assert.deepEqual([...out.lines!], [0, 1, 2, 3, 4, 7, 8, 9]);
  });

  it('finds exactly the links a whole parse finds, for any arrangement of blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...BLOCKS), { maxLength: 12 }),
        fc.array(fc.constantFrom('\n\n', '\n\n\n', '\n'), { minLength: 12, maxLength: 12 }),
        (blocks, seps) => {
          const body = blocks.map((b, i) => b + seps[i]).join('');
          const text = `---\ntype: module\nid: m\ntitle: M\n---\n${body}`;
          const whole = links(text, true);
          assert.deepEqual(links(text, false), whole);
          assert.deepEqual(links(text, false, 8), whole, 'in pieces');
        },
      ),
      { numRuns: 1500 },
    );
  });
});
