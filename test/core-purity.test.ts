import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers/cli.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const FORBIDDEN = [
  {
    what: 'vscode',
    re: /from\s+['"]vscode['"]|import\(\s*['"]vscode['"]|require\(\s*['"]vscode['"]/,
  },
  { what: '@actions/*', re: /['"]@actions\/[^'"]*['"]/ },
  { what: 'octokit', re: /['"](?:octokit|@octokit\/[^'"]*)['"]/ },
  { what: 'process.env', re: /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/ },
  { what: 'node:fs', re: /['"](?:node:)?fs(?:\/promises)?['"]/ },
  { what: 'child_process', re: /['"](?:node:)?child_process['"]/ },
];

describe('core/ stays pure', () => {
  it('imports no adapter, reads no environment and does no I/O of its own', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'core'))) {
      const text = readFileSync(file, 'utf8');
      for (const f of FORBIDDEN)
        if (f.re.test(text)) offenders.push(`${file.slice(ROOT.length + 1)} uses ${f.what}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('the check itself catches a violation', () => {
    const sample =
      "import * as vscode from 'vscode';\nconst t = process.env.TOKEN;\nimport { getOctokit } from '@actions/github';";
    const hits = FORBIDDEN.filter((f) => f.re.test(sample)).map((f) => f.what);
    assert.deepEqual(hits, ['vscode', '@actions/*', 'process.env']);
  });
});

/**
 * A core file the extension's light entry may import for a fact (the item types, the
 * rule-docs URL): it imports nothing at run time itself, so no lint, parse, grading or
 * rendering comes with it.
 */
const factOnly = (coreFile: string) =>
  [...readFileSync(coreFile, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'[^']+'/gm)].every(
    (m) => m[1],
  );

describe('extension/ stays a thin adapter', () => {
  it('takes core only through its engine bundle (types and fact-only files aside): no lint, parse, grading or rendering of its own', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'extension', 'src'))) {
      if (file.endsWith('engine.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(
        /^import\s+(type\s+)?[^'"]*?from\s+'(\.\.\/\.\.\/core\/[^']+)'/gm,
      )) {
        if (m[1] || factOnly(join(dirname(file), m[2]!.replace(/\.js$/, '.ts')))) continue;
        offenders.push(`${file.slice(ROOT.length + 1)} imports ${m[2]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('a core file with logic is not fact-only', () => {
    assert.ok(factOnly(join(ROOT, 'core', 'model.ts')));
    assert.ok(!factOnly(join(ROOT, 'core', 'lint', 'engine.ts')));
    assert.ok(!factOnly(join(ROOT, 'core', 'lint', 'lint-session.ts')));
  });
});
