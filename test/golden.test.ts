import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { formatJson } from '../core/format/json.js';
import { cli, ROOT } from './helpers/cli.js';

const GOLDEN = join(ROOT, 'test', 'fixtures', 'golden');

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'expected.json')
        out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * Golden fixtures: input files → the exact JSON diagnostics. Every adapter (CLI now; the
 * editor and the Action later) is held to these same files.
 */
describe('golden fixtures', () => {
  for (const name of readdirSync(GOLDEN)) {
    const dir = join(GOLDEN, name);
    const expected = readFileSync(join(dir, 'expected.json'), 'utf8');
    it(`${name}: the CLI prints exactly expected.json`, () => {
      const r = cli(['lint', '--format', 'json', '--no-cache', '--today', '2026-11-22'], dir);
      assert.equal(r.stdout, expected);
    });
    it(`${name}: core in memory gives the same diagnostics as the CLI`, () => {
      const { diagnostics } = lintInMemory(filesUnder(dir), '2026-11-22');
      assert.equal(`${formatJson(diagnostics)}\n`, expected);
    });
  }
});
