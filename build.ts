import { build } from 'esbuild';

/**
 * One ESM bundle per entry, with shared chunks: the CLI loads the parser chunk only when
 * a file is not in the cache, so a warm run never pays for remark or ajv start-up.
 */
await build({
  entryPoints: { enablekit: 'cli/main.ts', 'parse-worker': 'cli/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
