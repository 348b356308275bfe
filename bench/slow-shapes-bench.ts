import { parseFile } from '../core/parse/parse-file.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { renderPreview } from '../core/render/render-preview.js';

/**
 * The shapes issue #17 found slow (seconds at 8 KB, minutes at 32 KB), from 10 KB to 1 MB,
 * through each reader: lint's parse of a module and of a quiz, the grader's sheet reading
 * and the preview. Linear time shows as a flat ms/MB down each column; refused shapes are
 * refused by a linear pre-scan (core/markdown/parse-guard.ts), parsed ones by the parser.
 */
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
const SHAPES: Record<string, (n: number) => string> = {
  'prose (baseline)': (n) =>
    fill('Support replies within an hour, and [the guide](https://example.com) says how.\n\n', n),
  '- - - … x': (n) => `${fill('- ', n)}x\n`,
  '- - … [x](y)': (n) => `${fill('- ', n)}[x](y)\n`,
  '> > > … x': (n) => `${fill('> ', n)}x\n`,
  spaces: (n) => `a${' '.repeat(n)}b\n`,
  '<!-- repeated': (n) => `${fill('<!--', n)}\n`,
  '**a* repeated': (n) => `${fill('**a*', n)}\n`,
  '[a]( repeated': (n) => `${fill('[a](', n)}\n`,
  '- - x lines': (n) => fill('- - x\n', n),
  '- ×90 x lines': (n) => fill(`${'- '.repeat(90)}x\n`, n),
  'a <? <? … (one paragraph)': (n) => `a ${fill('<? ', n)}\n`,
  'a <!X <!X … (inline)': (n) => `a ${fill('<!X ', n)}\n`,
  'a <!-- <!-- … (inline)': (n) => `a ${fill('<!-- ', n)}\n`,
  'closed inline HTML': (n) => fill('a <kbd>x</kbd> <!-- c --> <?p?>\nb <br> c\n\n', n),
  '> a, then b lines (lazy)': (n) => `> a\n${fill('b\n', n)}`,
  '- a, then b lines (lazy)': (n) => `- a\n${fill('b\n', n)}`,
  '> a + 100 lazy lines, repeated': (n) => fill(`> a\n${'b\n'.repeat(100)}\n`, n),
  'indented list': (n) => {
    const lines: string[] = [];
    for (let size = 0, d = 0; size < n; d = (d + 1) % 90) {
      lines.push(`${'  '.repeat(d)}- a`);
      size += 2 * d + 4;
    }
    return `${lines.join('\n')}\n`;
  },
};
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];
const BIG = { maxFileSize: 4 * 1024 * 1024 };

const READERS: Record<string, (body: string) => unknown> = {
  'lint module': (body) =>
    parseFile('m.md', `---\ntype: module\nid: m\ntitle: M\n---\n\n# M\n\n${body}`, BIG),
  'lint quiz': (body) =>
    parseFile(
      'q.md',
      `---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\n---\n\n# Q\n\n## A?\n<!-- question id=a type=single -->\n\n- [x] Yes\n- [ ] No\n\n${body}`,
      BIG,
    ),
  sheet: (body) =>
    readAnswerSheet(
      `---\ntype: answer-sheet\ncheckpoint: q\nlearner: ana\n---\n\n## A?\n<!-- question id=a -->\n\n- [x] Yes\n\n${body}`,
      8 * 1024 * 1024,
    ),
  preview: (body) =>
    renderPreview('m.md', `---\ntype: module\nid: m\ntitle: M\n---\n\n# M\n\n${body}`),
};

/** The best of a few runs (one at 1 MB): a lone small run mostly measures a cold JIT. */
function msPerMb(read: (body: string) => unknown, body: string): number {
  let best = Infinity;
  for (let i = 0; i < (body.length < 1024 * 1024 ? 3 : 1); i++) {
    const t = performance.now();
    read(body);
    best = Math.min(best, performance.now() - t);
  }
  return (best * 1024 * 1024) / body.length;
}

export function benchSlowShapes(): void {
  console.log('\nslow shapes (issue #17): ms per MB at 10 KB / 100 KB / 1 MB (flat = linear)');
  for (const read of Object.values(READERS)) read(SHAPES['prose (baseline)']!(10 * 1024));
  const width = Math.max(...Object.keys(SHAPES).map((s) => s.length));
  console.log(
    `  ${''.padEnd(width)}  ${Object.keys(READERS)
      .map((r) => r.padStart(22))
      .join('')}`,
  );
  for (const [name, shape] of Object.entries(SHAPES)) {
    const bodies = SIZES.map((n) => shape(n));
    const cells = Object.values(READERS).map((read) =>
      bodies
        .map((b) => msPerMb(read, b).toFixed(0))
        .join(' / ')
        .padStart(22),
    );
    console.log(`  ${name.padEnd(width)}  ${cells.join('')}`);
  }
  benchUnknownKeys();
}

/** Front matter of many unknown keys: each was an error that stringified the whole front matter. */
function benchUnknownKeys(): void {
  console.log('\nfront matter of kN: v lines (unknown keys), ms per MB at 10 KB / 100 KB / 1 MB');
  const cells = SIZES.map((n) => {
    const keys = Array.from({ length: Math.ceil(n / 10) }, (_, i) => `k${i}: v`).join('\n');
    return msPerMb(
      (fm) =>
        readAnswerSheet(
          `---\ntype: answer-sheet\ncheckpoint: q\nlearner: ana\n${fm}\n---\n`,
          8 * 1024 * 1024,
        ),
      keys,
    ).toFixed(0);
  });
  console.log(`  ${'sheet'.padEnd(8)}  ${cells.join(' / ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) benchSlowShapes();
