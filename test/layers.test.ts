import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/cli.js';
import { layerViolations, LAYERS, specifiersOf } from './helpers/layer-violations.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'dist' || e.name === 'node_modules'
        ? []
        : sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('layers (layers.json): core, host, github, then the adapters cli, action, extension', () => {
  it('every import in the whole graph goes only where its layer may go', () => {
    const files = Object.keys(LAYERS).flatMap((layer) =>
      sources(join(ROOT, layer === 'extension' ? 'extension/src' : layer)),
    );
    assert.ok(
      files.length > 150,
      `expected the sources of every layer; found ${files.length} files`,
    );
    const violations = layerViolations(
      files.map((f) => ({
        path: relative(ROOT, f).split('\\').join('/'),
        text: readFileSync(f, 'utf8'),
      })),
    );
    assert.deepEqual(violations, []);
  });

  it('no adapter imports another', () => {
    for (const a of ['cli', 'action', 'extension'])
      for (const b of ['cli', 'action', 'extension'])
        if (a !== b) assert.ok(!LAYERS[a]!.imports.includes(b), `${a} may import ${b}`);
  });

  it('the check itself catches each kind of break', () => {
    const broken = [
      { path: 'action/grade-pull.ts', text: "import { loadIndex } from '../cli/lint-command.js';" },
      {
        path: 'cli/progress-command.ts',
        text: "const { client } = await import('../action/main.js');",
      },
      { path: 'core/lint/rules/x.ts', text: "export { walk } from '../../../host/walk.js';" },
      { path: 'github/calls.ts', text: "import * as core from '@actions/core';" },
      { path: 'host/walk.ts', text: "import { Octokit } from 'octokit';" },
      { path: 'core/a.ts', text: "import { readFileSync } from 'node:fs';" },
      {
        path: 'extension/src/x.ts',
        text: "import { gradePull } from '../../action/grade-pull.js';",
      },
      { path: 'cli/x.ts', text: "import * as vscode from 'vscode';" },
    ];
    const found = layerViolations(broken);
    assert.equal(found.length, broken.length, found.join('\n'));
    for (const b of broken)
      assert.ok(
        found.some((v) => v.startsWith(b.path)),
        `not caught: ${b.path}`,
      );
  });

  it('allowed imports pass', () => {
    const fine = [
      {
        path: 'action/grade-pull.ts',
        text: "import { loadIndex } from '../host/analyse.js';\nimport type { Client } from '../github/calls.js';",
      },
      {
        path: 'github/calls.ts',
        text: "import { Octokit } from 'octokit';\nimport { writtenBy } from '../core/progress/writer.js';",
      },
      {
        path: 'extension/src/engine.ts',
        text: "import { lintInMemory } from '../../core/lint/lint-in-memory.js';\nimport * as vscode from 'vscode';",
      },
    ];
    assert.deepEqual(layerViolations(fine), []);
    assert.deepEqual(
      specifiersOf(
        "import a from 'x';\nexport * from './y.js';\nawait import('./z.js');\nimport './side.js';",
      ),
      ['x', './y.js', './z.js', './side.js'],
    );
  });
});
