import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseFile } from '../core/parse/parse-file.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { cli, tempWorkspace, MODULE } from './helpers/cli.js';

type Row = { file: string; line: number; ruleId: string; message: string };

function lintJson(dir: string, extra: string[] = []): Row[] {
  const r = cli(['lint', '--format', 'json', ...extra], dir);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stderr.includes('    at '), false, 'no stack trace');
  return JSON.parse(r.stdout) as Row[];
}

describe('bad input gets a diagnostic with file and line, never a crash', () => {
  it('each kind of broken file', () => {
    const deepList = `${'> '.repeat(400)}deep`;
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\nlint:\n  max_file_size: 2048\n',
      'yaml.md': '---\ntype: module\nid: x\ntitle: [unclosed\n---\n# X\n',
      'nofm.md': '# Just a heading\n',
      'type.md': '---\ntype: lesson\nid: t\n---\n',
      'empty.md': '',
      'utf8.md': Buffer.concat([
        Buffer.from('---\ntype: module\nid: u\n---\n# U\nline\n'),
        Buffer.from([0xff, 0xfe, 0x41]),
        Buffer.from('\n'),
      ]),
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'large.md': MODULE('large') + 'word '.repeat(1000),
      'deep.md': `---\ntype: module\nid: deep\ntitle: Deep\nowner: alice\n---\n${deepList}\n`,
    });
    const rows = lintJson(dir);
    const byFile = (f: string) => rows.filter((r) => r.file === f);
    assert.match(byFile('yaml.md')[0]!.message, /YAML/);
    assert.equal(byFile('yaml.md')[0]!.line, 4);
    assert.match(byFile('nofm.md')[0]!.message, /Expected YAML front matter/);
    assert.match(byFile('type.md')[0]!.message, /found "lesson"/);
    assert.equal(byFile('type.md')[0]!.line, 2);
    assert.match(byFile('empty.md')[0]!.message, /empty file/);
    assert.match(byFile('utf8.md')[0]!.message, /UTF-8/);
    assert.equal(byFile('utf8.md')[0]!.line, 7);
    assert.match(byFile('binary.md')[0]!.message, /binary/);
    assert.match(byFile('large.md')[0]!.message, /at most 2048 bytes/);
    assert.match(byFile('deep.md')[0]!.message, /nested/);
  });

  it('a folder of 10,000 files lints to completion', function () {
    this.timeout(120_000);
    const dir = tempWorkspace({ 'enablekit.yml': 'version: 1\n' });
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(dir, `d${d}`));
      for (let f = 0; f < 100; f++)
        writeFileSync(
          join(dir, `d${d}`, `f${f}.md`),
          f === 0 ? '# no front matter\n' : MODULE(`m-${d}-${f}`),
        );
    }
    const rows = lintJson(dir, ['--no-cache']);
    assert.equal(rows.length, 100);
    assert.ok(rows.every((r) => r.ruleId === 'invalid-file' && r.line === 1));
  });
});

const SEEDS = [
  '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\n---\n# Q\n\n## A?\n<!-- question id=a type=single -->\n\n- [x] Yes\n  > ok\n- [ ] No\n\nAnswer: 4 ± 1\n\nAccepted answers:\n\n- `/x(/`\n',
  '---\ntype: track\nid: t\ntitle: T\nroles: [a]\nmodules:\n  - one\n  - module: two\n    window: {opens: 2027-01-01, due: 2026-01-01}\n---\n# T\n[x](../y.md)\n',
  '---\ntype: scenario\nid: s\ntitle: S\nmodule: m\nlevel: beginner\n---\n## Rubric\n\n- [ ] A (required)\n> quote\n',
];

describe('property: mutated Markdown and YAML never crash the parser or the rules', () => {
  it('survives arbitrary edits of valid files', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 8 }),
      fc.string({
        unit: fc.constantFrom(
          '-',
          '[',
          ']',
          'x',
          ' ',
          '\n',
          '#',
          ':',
          '`',
          '>',
          '<!--',
          '-->',
          '{',
          '}',
          '\t',
          '|',
          '*',
          '1.',
          'é',
          '\u0000',
          '---',
        ),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { maxLength: 6 }), (seed, edits) => {
        let text = seed;
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        const parsed = parseFile('f.md', text);
        for (const p of parsed.model.problems)
          assert.ok(p.span.start.line >= 1 && p.message.length > 0);
        const { diagnostics } = lintInMemory({ 'f.md': text, 'm.md': MODULE('m') }, '2026-11-22');
        const lineCount = text.split('\n').length;
        for (const d of diagnostics) {
          assert.ok(
            d.line >= 1 && d.line <= lineCount,
            `line ${d.line} of ${lineCount}: ${d.message}`,
          );
          assert.ok(d.message.startsWith('Expected'), d.message);
        }
      }),
      { numRuns: 400 },
    );
  });
});
