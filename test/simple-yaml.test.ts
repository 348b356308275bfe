import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFrontMatter, readWithYaml } from '../core/parse/front-matter.js';
import { readSimpleMapping } from '../core/parse/simple-yaml.js';
import { LineIndex } from '../core/text/line-index.js';

const KEYS = [
  'type',
  'id',
  'title',
  'owner',
  'covers',
  'verified',
  'review_every',
  'a-b',
  '_x',
  'Key',
  'true',
  'null',
  'False',
  '1',
  '__proto__',
  'x y',
];
const VALUES = [
  'module',
  'quiz 1',
  '4.2.0',
  '2026-10-05',
  '180d',
  '12',
  '0123',
  '00',
  '1e3',
  '1.',
  '1.5',
  '.5',
  '-1',
  '+1',
  '0x1F',
  '0o17',
  '1_000',
  '12345678901234567890',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'null',
  'Null',
  'NULL',
  '~',
  'yes',
  'off',
  '"quoted: text"',
  "'single'",
  '"esc\\"q"',
  "'it''s'",
  '""',
  "''",
  '"a" # c',
  '"open',
  '[a, b]',
  '[]',
  '[ ]',
  '[a,, b]',
  '[ a ,b ]',
  '[a, b,]',
  '[1, true, null, x y]',
  '["q", \'s\']',
  '[a, [b]]',
  '[a: b]',
  '{version: 4.2.0, date: 2026-10-05}',
  '{}',
  '{a: 1, a: 2}',
  '{a:1}',
  '{a: [1]}',
  '{true: 1}',
  '{ a: 1 }',
  '{a: 1,}',
  '{a b: 1}',
  'a: b',
  'x # comment',
  'x#y',
  '- item',
  '|',
  '>',
  '&anchor x',
  '*alias',
  '!tag x',
  '@at',
  '`tick`',
  'Café',
  'É',
  '(paren) text',
  'a, b',
  'a [b]',
  '%p',
  'x   ',
  'what?',
  'a\tb',
];

const SAFE_VALUES = VALUES.filter((v) => readSimpleMapping(`k: ${v}`));
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...SAFE_VALUES), weight: 12 },
  { arbitrary: fc.constantFrom(...VALUES), weight: 2 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom(
        'a',
        '1',
        ' ',
        ':',
        '#',
        ',',
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        '.',
        '-',
        '\\',
      ),
    }),
    weight: 1,
  },
);
const separator = fc.oneof(
  { arbitrary: fc.constant(': '), weight: 12 },
  { arbitrary: fc.constantFrom(':  ', ':', ':\t'), weight: 1 },
);
const source = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 8 }),
    fc.array(fc.tuple(separator, value), { minLength: 8, maxLength: 8 }),
    fc.oneof(
      { arbitrary: fc.constant('\n'), weight: 12 },
      { arbitrary: fc.constantFrom('\n\n', '\r\n', '\n  '), weight: 1 },
    ),
  )
  .map(([keys, rest, join]) => keys.map((k, i) => `${k}${rest[i]![0]}${rest[i]![1]}`).join(join));

function both(fm: string) {
  const text = `---\n${fm}\n---\nBody.\n`;
  const lines = new LineIndex(text);
  const end = text.indexOf('\n---\n') + 4;
  const contentStart = 4;
  const contentEnd = text.indexOf('\n---\n');
  return {
    fast: readFrontMatter(text, 0, end, lines),
    full: readWithYaml(
      text.slice(contentStart, contentEnd),
      contentStart,
      contentEnd,
      lines.span(0, end),
      lines,
    ),
  };
}

describe('front matter read without the YAML library', () => {
  it('reads typical front matter directly', () => {
    const fm =
      'type: quiz\nid: quiz-1\ntitle: "Quiz: one"\ncovers: [inbox, sla]\nverified: {version: 4.2.0, date: 2026-10-05}\npass_mark: 80\nreview_every: 180d';
    const simple = readSimpleMapping(fm);
    assert.ok(simple);
    assert.deepEqual(simple.data, {
      type: 'quiz',
      id: 'quiz-1',
      title: 'Quiz: one',
      covers: ['inbox', 'sla'],
      verified: { version: '4.2.0', date: '2026-10-05' },
      pass_mark: 80,
      review_every: '180d',
    });
    const { fast, full } = both(fm);
    assert.deepEqual(fast, full);
  });

  it('leaves comments, block lists, escapes and duplicate keys to the library', () => {
    for (const fm of [
      'id: a # note',
      'covers:\n  - inbox',
      'title: "a\\"b"',
      'id: a\nid: b',
      'title: a: b',
      'on: yes\r\nid: x',
    ])
      assert.equal(readSimpleMapping(fm), undefined, fm);
  });

  it('gives exactly the values and spans the yaml library gives, whenever it reads the text at all', () => {
    let direct = 0;
    fc.assert(
      fc.property(source, (fm) => {
        if (readSimpleMapping(fm)) direct++;
        const { fast, full } = both(fm);
        assert.deepEqual(fast, full);
      }),
      { numRuns: 4000 },
    );
    assert.ok(direct > 400, `the direct path was taken ${direct} times`);
  });
});
