import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { folderFiles, ROOT } from './helpers/cli.js';

/** Every file the entry loads before running: its static imports, followed through chunks. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?from\s+)?"(\.[^"]+)";?$/gm))
      visit(join(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}

describe('the CLI bundle', () => {
  it('starts a warm lint without loading remark, YAML or ajv (they are imported on a cache miss only)', () => {
    const graph = staticGraph(join(ROOT, 'dist', 'enablekit.js'));
    const heavy = graph.filter((f) =>
      /micromark|class Ajv|new Composer|YAMLMap/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      heavy.map((f) => f.slice(ROOT.length + 1)),
      [],
    );
    assert.ok(graph.length >= 2, 'the check follows imports');
  });

  it('finds its parse worker from the chunk the pool is bundled into, so large runs use every core', async () => {
    const { parseWorkerFile } = await import('../host/parse-pool.js');
    const poolChunk = readdirSync(join(ROOT, 'dist', 'chunks')).find((f) =>
      readFileSync(join(ROOT, 'dist', 'chunks', f), 'utf8').includes('parse-worker.js'),
    );
    assert.ok(poolChunk, 'the pool is in a chunk');
    const url = pathToFileURL(join(ROOT, 'dist', 'chunks', poolChunk)).href;
    assert.equal(parseWorkerFile(url), join(ROOT, 'dist', 'parse-worker.js'));
    assert.equal(
      parseWorkerFile(pathToFileURL(join(ROOT, 'dist', 'action.js')).href),
      join(ROOT, 'dist', 'action-parse-worker.js'),
    );
  });

  it('commits only the Action, and the Action and its worker load nothing beside themselves', () => {
    const tracked = spawnSync('git', ['ls-files', 'dist'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .sort();
    assert.deepEqual(tracked, ['dist/action-parse-worker.js', 'dist/action.js']);
    for (const f of tracked)
      assert.deepEqual(
        staticGraph(join(ROOT, f)),
        [join(ROOT, f)],
        `${f} imports another file of dist/`,
      );
  });

  it('the Action parses on workers with its own worker, to the models one thread gives', async () => {
    const { parseAll } = await import('../host/parse-pool.js');
    const sample = [...folderFiles()].filter(([f]) => f.endsWith('.md')).map(([, text]) => text);
    const jobs = Array.from({ length: 200 }, (_, i) => ({
      file: `f${i}.md`,
      bytes: new TextEncoder().encode(sample[i % sample.length]),
    }));
    const stats = { byWorkers: 0 };
    const threaded = await parseAll(
      jobs,
      {
        maxFileSize: 1 << 20,
        threads: 2,
        workerFile: join(ROOT, 'dist', 'action-parse-worker.js'),
        stats,
      },
      () => {},
    );
    assert.ok(stats.byWorkers > 0, 'the worker took part');
    assert.deepEqual(
      threaded,
      await parseAll(jobs, { maxFileSize: 1 << 20, threads: 1 }, () => {}),
    );
  });

  it('parses with the built worker to exactly the models one thread gives, each file once', async () => {
    const { parseAll } = await import('../host/parse-pool.js');
    const sample = [...folderFiles()].filter(([f]) => f.endsWith('.md')).map(([, text]) => text);
    const jobs = Array.from({ length: 600 }, (_, i) => ({
      file: `f${i}.md`,
      bytes: new TextEncoder().encode(sample[i % sample.length]),
    }));
    const stats = { byWorkers: 0 };
    const seen: number[] = [];
    const threaded = await parseAll(
      jobs,
      {
        maxFileSize: 1 << 20,
        threads: 2,
        workerFile: join(ROOT, 'dist', 'parse-worker.js'),
        stats,
      },
      (n) => seen.push(n),
    );
    const single = await parseAll(jobs, { maxFileSize: 1 << 20, threads: 1 }, () => {});
    assert.ok(stats.byWorkers > 0, 'the worker took part');
    assert.ok(stats.byWorkers < jobs.length, 'so did the main thread');
    assert.deepEqual(threaded, single);
    assert.equal(seen.at(-1), jobs.length);
  });
});

describe('the bundled Markdown parser (build-plugins/from-markdown-one-context.ts)', () => {
  const FRAGMENTS = [
    '# Title',
    'Text with **bold**, _em_, `code` and [a link](a.md "t").',
    '- [x] done\n- [ ] open\n  > why',
    '1. one\n2. two',
    '> quote\n> more',
    '```js\ncode\n```',
    '<!-- question id=q1 type=single -->',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '![img](i.png)',
    '[ref]: ./r.md',
    'See [ref] and [x][ref].',
    '<div>html</div>',
    'Setext\n---',
    '    indented',
    'Auto <https://example.com> and www.example.com',
    '~~strike~~ and a footnote[^1]\n\n[^1]: note',
    '\\* escaped &amp; entity',
  ];

  it('gives the trees the library as published gives: previews and diagnostics alike', async () => {
    const bundled = createRequire(import.meta.url)(
      join(ROOT, 'extension', 'dist', 'engine.js'),
    ) as typeof import('../extension/src/engine.js');
    const source = await import('../extension/src/engine.js');
    const files = [...folderFiles()].filter(([f]) => f.endsWith('.md'));
    assert.ok(files.length > 20);
    const lint = (engine: Pick<typeof source, 'LintSession'>) => {
      const session = new engine.LintSession();
      for (const [f, text] of files) session.setFile(f, text);
      return JSON.stringify([...session.lint('2026-11-23').diagnostics]);
    };
    assert.equal(lint(bundled), lint(source));
    for (const [f, text] of files)
      assert.deepEqual(bundled.renderPreview(f, text), source.renderPreview(f, text), f);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }),
        fc.constantFrom('module', 'quiz'),
        (blocks, type) => {
          const text = `---\ntype: ${type}\nid: x\ntitle: X\n---\n${blocks.join('\n\n')}\n`;
          assert.deepEqual(bundled.renderPreview('x.md', text), source.renderPreview('x.md', text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the VS Code extension package', () => {
  it('activates from a light entry: core, remark and ajv load on first need, octokit only on submit', () => {
    const entry = readFileSync(join(ROOT, 'extension', 'dist', 'extension.js'), 'utf8');
    assert.doesNotMatch(entry, /micromark|class Ajv|YAMLMap|Octokit/);
    assert.match(entry, /require\("\.\/engine\.js"\)/);
  });

  it('packs the bundles, media and schemas and no sources, tests or dependencies', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      { cwd: join(ROOT, 'extension'), encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.trim().split('\n').sort();
    assert.ok(
      files.includes('dist/extension.js') &&
        files.includes('dist/engine.js') &&
        files.includes('media/preview.js') &&
        files.includes('schemas/config.schema.json'),
      files.join(', '),
    );
    assert.deepEqual(
      files.filter((f) => /^src\/|^dist\/test\/|\.ts$|node_modules/.test(f)),
      [],
    );
  });
});
