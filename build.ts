import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fromMarkdownOneContext } from './build-plugins/from-markdown-one-context.js';
import { graphqlSchemaFiles } from './build-plugins/graphql-schema-files.js';

/**
 * One ESM bundle per entry, with shared chunks: the CLI loads the parser chunk only when
 * a file is not in the cache, so a warm run never pays for remark or ajv start-up.
 */
/** A hash of every source and schema: caches keyed on it are dropped when the rules change. */
function sourceHash(): string {
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  ['core', 'host', 'github', 'cli', 'action', 'schemas'].forEach(walk);
  return h.digest('hex').slice(0, 12);
}

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { enablekit: 'cli/main.ts', 'parse-worker': 'host/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);",
  },
  define: {
    __ENABLEKIT_BUILD__: JSON.stringify(sourceHash()),
    __ENABLEKIT_VERSION__: JSON.stringify(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    ),
  },
  plugins: [fromMarkdownOneContext],
  logLevel: 'warning',
});

/**
 * The Action is the one bundle committed: GitHub runs dist/action.js as it is, from the
 * committed tree, so it and its parse worker are each self-contained (no shared chunks).
 * The CLI above and the extension below are built on install (npm's prepare).
 */
await build({
  entryPoints: { action: 'action/main.ts', 'action-parse-worker': 'host/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  banner: {
    js: "import { createRequire as __ekCreateRequire } from 'node:module'; const require = __ekCreateRequire(import.meta.url);",
  },
  plugins: [fromMarkdownOneContext],
  logLevel: 'warning',
});

/**
 * The VS Code extension, CommonJS as the extension host loads it: a light entry that
 * activates, the engine (core, remark, ajv) loaded on first need, and octokit only when
 * a learner submits. `vscode` is the host's. Built into extension/dist (not committed).
 */
rmSync('extension/dist', { recursive: true, force: true });
const cjs = {
  bundle: true,
  format: 'cjs' as const,
  platform: 'node' as const,
  target: 'node20',
  legalComments: 'none' as const,
  external: ['vscode'],
  // Bundled ESM reads import.meta.url (createRequire, file lookups); give CommonJS its own.
  define: { 'import.meta.url': '__ekImportMetaUrl' },
  banner: { js: "const __ekImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [fromMarkdownOneContext],
  logLevel: 'warning' as const,
};
// Only the entry leaves ./engine.js and ./github.js to run time; core's own ./engine.js (the lint engine) is bundled.
await build({
  ...cjs,
  entryPoints: { extension: 'extension/src/extension.ts' },
  outdir: 'extension/dist',
  external: ['vscode', './engine.js', './github.js'],
});
await build({
  ...cjs,
  entryPoints: { engine: 'extension/src/engine.ts', github: 'extension/src/github.ts' },
  outdir: 'extension/dist',
});
await build({
  ...cjs,
  entryPoints: { index: 'test/extension/suite/index.ts' },
  outdir: 'extension/dist/test',
  external: ['vscode', 'mocha'],
  // The local GitHub API server the suite runs reads GitHub's GraphQL schema from node_modules.
  plugins: [graphqlSchemaFiles],
});
cpSync('schemas', 'extension/schemas', { recursive: true });
