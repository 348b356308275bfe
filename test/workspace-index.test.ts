import assert from 'node:assert/strict';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { parseFile } from '../core/parse/parse-file.js';

const mod = (id: string, extra = '') =>
  `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: a\n${extra}---\n# ${id}\n`;
const quiz = (id: string, module: string) =>
  `---\ntype: quiz\nid: ${id}\ntitle: ${id}\nmodule: ${module}\nowner: a\n---\n# ${id}\n\n## Q?\n<!-- question id=q -->\n\n- [x] a\n- [ ] b\n`;

describe('workspace index', () => {
  it("looks up items by id, reverse references and a module's checkpoints", () => {
    const { index } = lintInMemory(
      { 'a.md': mod('a'), 'b.md': mod('b', 'prerequisites: [a]\n'), 'qa.md': quiz('qa', 'a') },
      '2026-11-22',
    );
    assert.equal(index.item('b')?.file, 'b.md');
    assert.deepEqual(
      index
        .referencesTo('a')
        .map((r) => `${r.from.id}:${r.ref.field}`)
        .sort(),
      ['b:prerequisites', 'qa:module'],
    );
    assert.deepEqual(
      index.checkpointsOf('a').map((i) => i.id),
      ['qa'],
    );
  });

  it('updates one file without re-reading the others, and forgets what the old version said', () => {
    const { index } = lintInMemory(
      { 'a.md': mod('a'), 'b.md': mod('b', 'prerequisites: [a]\n') },
      '2026-11-22',
    );
    index.update(parseFile('b.md', mod('b2')).model);
    assert.equal(index.item('b'), undefined);
    assert.equal(index.item('b2')?.file, 'b.md');
    assert.deepEqual(index.referencesTo('a'), []);
    index.remove('a.md');
    assert.equal(index.item('a'), undefined);
  });
});
