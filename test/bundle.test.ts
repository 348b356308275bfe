import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers/cli.js';

/** Every file the entry loads before running: its static imports, followed through chunks. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?from\s+)?"(\.[^"]+)";?$/gm)) visit(join(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}

describe('the CLI bundle', () => {
  it('starts a warm lint without loading remark, YAML or ajv (they are imported on a cache miss only)', () => {
    const graph = staticGraph(join(ROOT, 'dist', 'enablekit.js'));
    const heavy = graph.filter((f) => /micromark|class Ajv|new Composer|YAMLMap/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(heavy.map((f) => f.slice(ROOT.length + 1)), []);
    assert.ok(graph.length >= 2, 'the check follows imports');
  });
});
