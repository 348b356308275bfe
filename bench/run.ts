import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, largeModule } from './generate-corpus.js';
import { parseFile } from '../core/parse/parse-file.js';
import { parseMarkdown, CHUNK_TARGET } from '../core/markdown/markdown.js';
import { benchAction } from './action-bench.js';
import { benchFreshness } from './freshness-bench.js';
import { benchExtension } from './extension-bench.js';
import { benchProgress } from './progress-bench.js';
import { benchSlowShapes } from './slow-shapes-bench.js';
import { benchImportShapes } from './import-shapes-bench.js';
import { runFuzz } from './fuzz.js';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } },
});
const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'bench', '.corpus');
const BIN = join(ROOT, 'bin', 'enablekit.js');
const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function time(cmd: string[], cwd: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmd, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

const n = Number(values.files);
const runs = Number(values.runs);
const { bytes } = generateCorpus(CORPUS, n);
console.log(`corpus: ${n} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in bench/.corpus`);

const mdl: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
// Interleaved, so both tools see the same machine load.
for (let i = 0; i < runs; i++) {
  mdl.push(time([MDL, '**/*.md'], CORPUS));
  rmSync(join(CORPUS, '.enablekit-cache'), { recursive: true, force: true });
  cold.push(time([BIN, 'lint', '.', '--format', 'json'], CORPUS));
  warm.push(time([BIN, 'lint', '.', '--format', 'json'], CORPUS));
}
const base = median(mdl);
console.log(`\nlint ${n} files (median of ${runs}, interleaved):`);
console.log(`  markdownlint-cli2 (baseline)  ${fmt(base)}`);
console.log(
  `  enablekit lint, cold          ${fmt(median(cold))}  ratio ${(median(cold) / base).toFixed(3)}  (target <= 0.33)`,
);
console.log(
  `  enablekit lint, warm          ${fmt(median(warm))}  ratio ${(median(warm) / base).toFixed(3)}  (target <= 0.02)`,
);

console.log('\nlarge modules, parse + model (median of 3):');
for (const kb of [50, 350, 1024]) {
  const text = largeModule(kb * 1024);
  parseFile('warm.md', largeModule(20 * 1024), { maxFileSize: 1 << 30 });
  const chunked = median(
    [0, 1, 2].map(() => {
      const t = performance.now();
      parseFile('large.md', text, { maxFileSize: 1 << 30 });
      return performance.now() - t;
    }),
  );
  let whole = '';
  if (kb <= 350) {
    const t = performance.now();
    parseMarkdown(text, Infinity);
    whole = `   whole-document parse ${fmt(performance.now() - t)}`;
  }
  console.log(
    `  ${String(kb).padStart(4)} KB  chunked (${CHUNK_TARGET / 1024} KB target) ${fmt(chunked)}${whole}`,
  );
}

await benchAction();
await benchFreshness(CORPUS);
await benchProgress();
benchExtension(CORPUS);
benchSlowShapes();
benchImportShapes();
runFuzz();
