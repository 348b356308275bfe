import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempWorkspace, MODULE, ROOT } from './helpers/cli.js';

describe('enablekit lint (the built CLI)', () => {
  it('lints the sample curricula clean and summarises what it found', () => {
    const r = cli(['lint', 'curricula', '--no-cache', '--today', '2026-11-22'], ROOT);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /Linted \d+ files: 6 tracks, 16 modules, 6 quizzes, 3 scenarios, 5 reflections\. No problems\./,
    );
  });

  it('parses on the threads --jobs asks for, to the same result, and refuses a count that is not one', () => {
    const one = cli(
      [
        'lint',
        'curricula',
        '--no-cache',
        '--format',
        'json',
        '--jobs',
        '1',
        '--today',
        '2026-11-22',
      ],
      ROOT,
    );
    const three = cli(
      [
        'lint',
        'curricula',
        '--no-cache',
        '--format',
        'json',
        '--jobs',
        '3',
        '--today',
        '2026-11-22',
      ],
      ROOT,
    );
    assert.equal(three.code, one.code, three.stderr);
    assert.equal(three.stdout, one.stdout);
    const bad = cli(['lint', 'curricula', '--jobs', '0'], ROOT);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /Expected --jobs to be a whole number of threads from 1 up; found "0"/,
    );
  });

  it('exits 1 with file:line on errors, and keeps the JSON contract exactly', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'a.md': MODULE('a', 'prerequisites: [missing]\n'),
    });
    const r = cli(['lint', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(out.length, 1);
    assert.deepEqual(Object.keys(out[0]!), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'ruleId',
      'message',
    ]);
    assert.deepEqual(
      { ...out[0], message: undefined },
      {
        file: 'a.md',
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 24,
        severity: 'error',
        ruleId: 'unknown-reference',
        message: undefined,
      },
    );
  });

  it('reports paths relative to the current directory', () => {
    const dir = tempWorkspace({
      'c/enablekit.yml': 'version: 1\n',
      'c/x/a.md': MODULE('a', 'prerequisites: [nope]\n'),
    });
    const r = cli(['lint', 'c', '--format', 'json'], dir);
    assert.equal(JSON.parse(r.stdout)[0].file, 'c/x/a.md');
  });

  it('sees the whole workspace when linting one file, but reports on that file only', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'a.md': MODULE('a', 'prerequisites: [b]\n'),
      'b.md': MODULE('b', 'prerequisites: [zzz]\n'),
    });
    const r = cli(['lint', 'a.md', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it('writes SARIF 2.1.0 with rules and relative URIs', () => {
    const dir = tempWorkspace({ 'a.md': MODULE('a', 'prerequisites: [missing]\n') });
    const sarif = JSON.parse(cli(['lint', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'enablekit');
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'unknown-reference'));
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.md');
    assert.equal(run.results[0].locations[0].physicalLocation.region.startLine, 6);
  });

  it('exits 2 with a message, not a stack trace, on usage errors', () => {
    const dir = tempWorkspace({});
    for (const args of [
      ['lint', 'nope'],
      ['lint', '--format', 'xml'],
      ['frobnicate'],
      ['lint', '--bogus'],
    ]) {
      const r = cli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^enablekit: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('--fix applies fixes as text edits and reports what is left', () => {
    const quiz =
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: a\nowner: alice\n---\n# Q\n\n## Pick one?\n\n- [x] Yes\n- [ ] No\n- [ ] No\n';
    const dir = tempWorkspace({ 'a.md': MODULE('a'), 'q.md': quiz });
    const before = cli(['lint'], dir);
    assert.equal(before.code, 1);
    assert.match(before.stdout, /2 can be fixed with --fix/);
    const r = cli(['lint', '--fix'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(
      readFileSync(join(dir, 'q.md'), 'utf8'),
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: a\nowner: alice\n---\n# Q\n\n## Pick one?\n<!-- question id=pick-one -->\n\n- [x] Yes\n- [ ] No\n',
    );
  });

  it("--fix leaves a file in a learner's folder untouched when --submissions names another folder", () => {
    const quiz = (id: string) =>
      `---\ntype: quiz\nid: ${id}\ntitle: Q\nmodule: a\nowner: alice\n---\n# Q\n\n## Pick one?\n\n- [x] Yes\n- [ ] No\n- [ ] No\n`;
    const dir = tempWorkspace({
      'a.md': MODULE('a'),
      'q.md': quiz('q'),
      'answers/ana/q-notes.md': quiz('q-notes'),
    });
    const r = cli(['lint', '--fix', '--submissions', 'answers'], dir);
    assert.match(r.stdout, /Fixed 2 problems\./, r.stdout + r.stderr);
    assert.notEqual(readFileSync(join(dir, 'q.md'), 'utf8'), quiz('q'), 'the curricula are fixed');
    assert.equal(
      readFileSync(join(dir, 'answers/ana/q-notes.md'), 'utf8'),
      quiz('q-notes'),
      "the learner's file is as they wrote it",
    );
  });

  it('serves a warm run from the cache, and a changed file invalidates its entry', () => {
    const dir = tempWorkspace({ 'a.md': MODULE('a'), 'b.md': MODULE('b') });
    assert.equal(cli(['lint'], dir).code, 0);
    assert.ok(existsSync(join(dir, '.enablekit-cache', 'result.json')));
    writeFileSync(join(dir, 'b.md'), MODULE('b', 'prerequisites: [gone]\n'));
    const r = cli(['lint', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].ruleId, 'unknown-reference');
  });

  it('adding a missing image fixes a broken link on the next (cached) run', () => {
    const dir = tempWorkspace({ 'a.md': `${MODULE('a')}\n![shot](img/shot.png)\n` });
    assert.equal(cli(['lint'], dir).code, 1);
    writeFileSync(join(dir, 'shot.png'), 'x');
    assert.equal(cli(['lint'], dir).code, 1, 'a file elsewhere does not count');
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'shot.png'), 'png');
    assert.equal(cli(['lint'], dir).code, 0);
  });

  it('a changed config changes the result even when no content file changed', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'a.md': '---\ntype: module\nid: a\ntitle: A\n---\n# A\n',
    });
    assert.equal(cli(['lint'], dir).code, 0);
    writeFileSync(
      join(dir, 'enablekit.yml'),
      'version: 1\nlint:\n  rules:\n    missing-owner: error\n',
    );
    assert.equal(cli(['lint'], dir).code, 1);
  });
});

describe('enablekit new', () => {
  for (const type of ['track', 'module', 'quiz', 'scenario', 'reflection']) {
    it(`writes a ${type} that passes the schema and the content rules`, () => {
      const dir = tempWorkspace({ 'enablekit.yml': 'version: 1\nroles:\n  support: {}\n' });
      cli(['new', 'module', 'first-module', '--owner', 'alice'], dir);
      const r = cli(
        ['new', type, `my-${type}`, '--module', 'first-module', '--owner', 'alice'],
        dir,
      );
      assert.equal(r.code, 0, r.stderr);
      const lint = cli(['lint', '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(lint.stdout), []);
    });
  }

  it('writes new items verified against the product version enablekit.yml names', () => {
    const dir = tempWorkspace({ 'enablekit.yml': 'version: 1\nproduct:\n  version: 4.2.0\n' });
    assert.equal(
      cli(['new', 'module', 'fresh', '--dir', 'lessons', '--owner', 'alice'], dir).code,
      0,
    );
    assert.match(
      readFileSync(join(dir, 'lessons', 'fresh.md'), 'utf8'),
      /verified:\n {2}version: 4\.2\.0\n/,
    );
    assert.deepEqual(JSON.parse(cli(['lint', '--format', 'json'], dir).stdout), []);
  });

  it('never overwrites an existing file', () => {
    const dir = tempWorkspace({ 'intro.md': 'mine' });
    const r = cli(['new', 'module', 'intro'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing was overwritten/);
    assert.equal(readFileSync(join(dir, 'intro.md'), 'utf8'), 'mine');
  });
});
