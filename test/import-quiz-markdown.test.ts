import assert from 'node:assert/strict';
import { quizzesOf, UniqueIds } from '../core/interchange/quiz-markdown.js';
import { rebaseLinks } from '../core/interchange/rebase-links.js';

describe('Imported questions written as enablekit Markdown', () => {
  const draft = (text: string) =>
    ({ line: 1, idFrom: 'q', text, type: 'single', answer: '- [x] a\n- [ ] b' }) as const;

  it('takes the first paragraph of text as the heading, after an opening image or code', () => {
    const [quiz] = quizzesOf([
      draft('Which one?\nIt matters.\n\n```sh\nls\n```'),
      draft('```sh\n# not a heading\n```\n\nWhat does it print?'),
      draft('![board](b.png)\n\n## Look\n\nWhich lane?'),
      draft('```sh\nonly code\n```'),
    ]);
    const headings = quiz!.body.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, [
      '## Which one? It matters.',
      '## What does it print?',
      '## Which lane?',
      '## Question 4',
    ]);
    assert.match(quiz!.body, /```sh\n# not a heading\n```/, 'code is kept as written');
    assert.match(
      quiz!.body,
      /!\[board\]\(b\.png\)\n\n\*\*Look\*\*/,
      'a heading in the text is bold',
    );
  });

  it('makes ids unique as base, base-2, base-3 (its time per id: bench/import-shapes-bench.ts)', () => {
    const ids = new UniqueIds(['intro']);
    assert.deepEqual(
      ['intro', 'intro', 'q', 'q', 'q'].map((b) => ids.take(b)),
      ['intro-2', 'intro-3', 'q', 'q-2', 'q-3'],
    );
  });
});

describe('Links in imported Markdown', () => {
  it('point at the same files from the quiz folder, and leave URLs, anchors and code alone', () => {
    const md = [
      '![board](img/board.png "The board") and [the guide](../guide.md#routing)',
      '[home](/index.md) [web](https://example.com/a.png) [top](#top) [mail](mailto:a@b.c)',
      '> [quoted](notes.md)',
      '```md',
      '![in code](img/board.png)',
      '```',
      '[ref]: img/ref.png',
    ].join('\n');
    assert.equal(
      rebaseLinks(md, 'site/docs', 'curricula/quizzes'),
      [
        '![board](../../site/docs/img/board.png "The board") and [the guide](../../site/guide.md#routing)',
        '[home](/index.md) [web](https://example.com/a.png) [top](#top) [mail](mailto:a@b.c)',
        '> [quoted](../../site/docs/notes.md)',
        '```md',
        '![in code](img/board.png)',
        '```',
        '[ref]: ../../site/docs/img/ref.png',
      ].join('\n'),
    );
    assert.equal(rebaseLinks(md, 'a/b', 'a/b/'), md, 'nothing to do in the same folder');
  });
});
