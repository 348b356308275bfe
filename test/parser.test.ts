import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFile } from '../core/parse/parse-file.js';
import { parseMarkdown, splitAtTopLevel } from '../core/markdown/markdown.js';
import type { Quiz, Scenario, Track } from '../core/model.js';
import { LineIndex } from '../core/text/line-index.js';
import { textChange } from '../core/text/text-change.js';
import { MARKDOWN_BLOCKS } from './helpers/markdown-blocks.js';

const QUIZ = `---
type: quiz
id: q
title: Q
module: m
owner: alice
---
# Q

## Which queue takes P1 tickets?
<!-- question id=p1 type=single weight=2 -->

- [ ] Tier 1
  > Tier 1 handles routine work.
- [x] Incident

> P1s page the on-call engineer.

## Order the steps
<!-- question id=steps -->

1. First
2. Second
`;

describe('parser positions', () => {
  it('keeps the position of every question, choice, feedback and front-matter value', () => {
    const quiz = parseFile('q.md', QUIZ).model.item as Quiz;
    const [p1, steps] = quiz.questions;
    assert.equal(p1!.id, 'p1');
    assert.equal(p1!.weight, 2);
    assert.deepEqual([p1!.span.start.line, p1!.span.start.column], [10, 1]);
    assert.deepEqual([p1!.metaSpan!.start.line], [11]);
    assert.deepEqual(
      p1!.choices.map((c) => [c.letter, c.checked, c.span.start.line, c.span.start.column]),
      [
        ['a', false, 13, 1],
        ['b', true, 15, 1],
      ],
    );
    assert.equal(p1!.choices[0]!.feedback!.span.start.line, 14);
    assert.equal(p1!.choices[0]!.feedback!.span.start.column, 3);
    assert.equal(p1!.explanation!.span.start.line, 17);
    assert.equal(steps!.type, 'ordering');
    assert.deepEqual(
      steps!.items.map((i) => i.span.start.line),
      [22, 23],
    );
    assert.deepEqual(quiz.idSpan.start, { line: 3, column: 5, offset: 19 });
    assert.equal(quiz.fieldSpans['/module']!.start.line, 5);
    assert.equal(
      QUIZ.slice(quiz.fieldSpans['/owner']!.start.offset, quiz.fieldSpans['/owner']!.end.offset),
      'alice',
    );
  });

  it('keeps positions of list entries in front matter and rubric criteria', () => {
    const track = parseFile(
      't.md',
      '---\ntype: track\nid: t\ntitle: T\nroles: [a]\nmodules:\n  - one\n  - module: two\n---\n# T\n',
    ).model.item as Track;
    assert.deepEqual(
      track.modules.map((m) => [m.module, m.span.start.line, m.span.start.column]),
      [
        ['one', 7, 5],
        ['two', 8, 5],
      ],
    );
    const s = parseFile(
      's.md',
      '---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\n---\n# S\n\n## Rubric\n\n- [ ] Greets (required)\n- [ ] Closes <!-- criterion id=close -->\n',
    ).model.item as Scenario;
    assert.deepEqual(
      s.rubric.map((c) => [c.id, c.required, c.span.start.line]),
      [
        ['greets', true, 12],
        ['close', false, 13],
      ],
    );
  });

  it('parses a large document in chunks to exactly the tree of a whole parse', () => {
    let text = '---\ntype: module\nid: big\n---\n# Big\n\nSee [the ref][r].\n\n';
    for (let i = 0; text.length < 60_000; i++) {
      text += `## Part ${i}\n\nText with a [link](./p${i}.md) and *emphasis*.\n\n- item\n  continued\n\n- loose item\n\n  > quoted [q](q.md)\n\n1. one\n\n2. two\n\n\`\`\`md\n# not a heading ${i}\n\nstill code\n\`\`\`\n\n<!--\n# not a heading either\n\nText\n-->\n\n> quote\n\n> another\n\n    indented code\n\n    more code\n\nLast [ref][r] paragraph.\n\n`;
    }
    text += '[r]: ./ref.md\n';
    assert.ok(splitAtTopLevel(text).length > 3);
    const whole = parseMarkdown(text, Infinity);
    const chunked = parseMarkdown(text);
    assert.deepEqual(chunked.children, whole.children);
  });
});

describe('chunked parsing, property', () => {
  const BLOCKS = MARKDOWN_BLOCKS;
  it('gives exactly the tree of a whole parse, for any arrangement of blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...BLOCKS), { minLength: 2, maxLength: 16 }),
        fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 16, maxLength: 16 }),
        (blocks, seps) => {
          // Not starting with "---": remark-frontmatter misreads an unclosed opening fence, and
          // parseFile never hands the parser one.
          const text = `Intro.\n\n${blocks.map((b, i) => b + seps[i]).join('')}`;
          assert.deepEqual(parseMarkdown(text, 8).children, parseMarkdown(text, Infinity).children);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('line index', () => {
  it('gives the point at a line and column exactly as searching for its offset does', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ') }),
        fc.nat(12),
        fc.nat(12),
        (text, line, column) => {
          const lines = new LineIndex(text);
          assert.deepEqual(
            lines.pointAt(line + 1, column + 1),
            lines.point(lines.offsetAt(line + 1, column + 1)),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('follows an edit exactly as building it afresh does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(8), text, (old, at, removed, inserted) => {
        const start = Math.min(at, old.length);
        const next =
          old.slice(0, start) + inserted + old.slice(Math.min(old.length, start + removed));
        const edited = new LineIndex(old).edited(next, textChange(old, next));
        const fresh = new LineIndex(next);
        assert.equal(edited.lineCount, fresh.lineCount);
        for (let line = 1; line <= fresh.lineCount; line++)
          assert.equal(edited.lineStart(line), fresh.lineStart(line), `line ${line}`);
      }),
      { numRuns: 5000 },
    );
  });
});
