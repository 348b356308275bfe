import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { LintSession } from '../core/lint/lint-session.js';
import { folderFiles, ROOT } from './helpers/cli.js';

const TODAY = '2026-11-23';
const CURRICULA = join(ROOT, 'curricula');

function fullLint(files: ReadonlyMap<string, string>) {
  const session = new LintSession();
  for (const [path, text] of files) session.setFile(path, text);
  return session.lint(TODAY).diagnostics;
}

const sorted = (m: ReadonlyMap<string, unknown[]>) =>
  [...m].filter(([, list]) => list.length).sort(([a], [b]) => (a < b ? -1 : 1));

/** Edits an author makes that reach other files: ids, references, prerequisites, quiz markup, links. */
const EDITS: [RegExp, string][] = [
  [/^id: ([\w-]+)$/m, 'id: $1-renamed'],
  [/^id: [\w-]+$/m, 'id: triage-basics'],
  [/^module: ([\w-]+)$/m, 'module: $1x'],
  [/^prerequisites: \[/m, 'prerequisites: [product-tour, '],
  [/^owner: .*$/m, 'owner: lead\nprerequisites: [triage-basics]'],
  [/^- \[ \] /m, '- [x] '],
  [/^- \[x\] /m, '- [ ] '],
  [/\]\(\.\//, '](./missing-'],
  [/\n## /, '\n\n[new](./nowhere.md)\n\n## '],
  [/^type: \w+$/m, 'type: module'],
  [/\n---\n/, '\n'],
];

describe("the editor's lint session, incremental", function () {
  // Each property run lints the sample curricula in full once per step, to compare.
  this.timeout(180_000);
  it('after any run of edits, as typed and with the edit path rehearsed between them, gives exactly what a full lint of the same files gives', () => {
    const base = folderFiles();
    const paths = [...base.keys()].filter((p) => p.endsWith('.md'));
    // Where a rehearsal types, in tenths of the body; none when undefined.
    const rehearsal = fc.option(fc.nat(10), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...paths), fc.nat(EDITS.length - 1), fc.boolean(), rehearsal),
          { minLength: 1, maxLength: 6 },
        ),
        (edits) => {
          const files = new Map(base);
          const session = new LintSession();
          for (const [path, text] of files) session.setFile(path, text);
          session.lint(TODAY);
          for (const [path, k, lintBetween, at] of edits) {
            const [pattern, replacement] = EDITS[k]!;
            const text = files.get(path)!.replace(pattern, replacement);
            files.set(path, text);
            session.setFile(path, text, { editing: true });
            if (at !== undefined) session.rehearseEdit(path, at / 10, at % 2 ? TODAY : undefined);
            if (lintBetween)
              assert.deepEqual(sorted(session.lint(TODAY).diagnostics), sorted(fullLint(files)));
          }
          assert.deepEqual(sorted(session.lint(TODAY).diagnostics), sorted(fullLint(files)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('follows what reaches across files: prerequisite cycles of any length, renamed ids, "did you mean" suggestions', () => {
    const base = folderFiles();
    const modules = [...base].filter(([, text]) => /^type: module$/m.test(text)).slice(0, 5);
    const idOf = (text: string) => /^id: (.*)$/m.exec(text)![1]!;
    const ids = modules.map(([, text]) => idOf(text));
    const withPrerequisites = (text: string, list: string) =>
      text
        .replace(/^prerequisites: .*\n/m, '')
        .replace(/^(owner: .*\n)/m, `$1prerequisites: [${list}]\n`);
    const step = fc.oneof(
      fc.tuple(
        fc.constant('needs' as const),
        fc.nat(modules.length - 1),
        fc.nat(modules.length - 1),
      ),
      fc.tuple(
        fc.constant('misspells' as const),
        fc.nat(modules.length - 1),
        fc.nat(modules.length - 1),
      ),
      fc.tuple(
        fc.constant('renames' as const),
        fc.nat(modules.length - 1),
        fc.nat(modules.length - 1),
      ),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 8 }), (steps) => {
        const files = new Map(base);
        const session = new LintSession();
        for (const [path, text] of files) session.setFile(path, text);
        session.lint(TODAY);
        for (const [what, i, j] of steps) {
          const [path] = modules[i]!;
          const text = files.get(path)!;
          const next =
            what === 'needs'
              ? withPrerequisites(text, idOf(files.get(modules[j]![0])!))
              : what === 'misspells'
                ? withPrerequisites(text, `${ids[j]}x`)
                : text.replace(
                    /^id: .*$/m,
                    idOf(text) === ids[i] ? `id: ${ids[j]}-moved` : `id: ${ids[i]}`,
                  );
          files.set(path, next);
          session.setFile(path, next, { editing: true });
          assert.deepEqual(
            sorted(session.lint(TODAY).diagnostics),
            sorted(fullLint(files)),
            steps.map(String).join(' '),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reports a cycle closed by one edit on every item along it, however far', () => {
    const session = new LintSession();
    const mod = (id: string, needs: string) =>
      `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: lead\nprerequisites: [${needs}]\n---\n# ${id}\n`;
    session.setFile('a.md', mod('a', 'b'));
    session.setFile('b.md', mod('b', 'c'));
    session.setFile('c.md', mod('c', 'd'));
    session.setFile('d.md', mod('d', 'e'));
    session.lint(TODAY);
    session.setFile('d.md', mod('d', 'a'), { editing: true });
    const cycles = [...session.lint(TODAY).diagnostics]
      .filter(([, list]) => list.some((d) => d.ruleId === 'prerequisite-cycle'))
      .map(([file]) => file);
    assert.deepEqual(cycles.sort(), ['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('tells whether an edit changed the front matter, so views of the items redraw only then', () => {
    const session = new LintSession();
    const text = '---\ntype: module\nid: m\ntitle: M\nowner: lead\n---\n# M\n\nProse.\n';
    assert.equal(session.setFile('m.md', text, { editing: true }), true, 'a new file');
    assert.equal(
      session.setFile('m.md', text.replace('Prose.', 'More prose.'), { editing: true }),
      false,
      'typing in the body',
    );
    assert.equal(
      session.setFile('m.md', text.replace('title: M', 'title: Mm'), { editing: true }),
      true,
      'a new title',
    );
    assert.equal(
      session.setFile('m.md', text.replace('title: M', 'title: Mm')),
      true,
      'read from disk: not known',
    );
  });

  it('finds the same cycles through a duplicated id whatever order the files were read in', () => {
    const mod = (id: string, needs: string) =>
      `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: lead\nprerequisites: [${needs}]\n---\n# ${id}\n`;
    const files: [string, string][] = [
      ['a.md', mod('shared', 'elsewhere')],
      ['b.md', mod('shared', 'c')],
      ['c.md', mod('c', 'shared')],
    ];
    const lint = (order: [string, string][]) => {
      const session = new LintSession();
      for (const [path, text] of order) session.setFile(path, text);
      return sorted(session.lint(TODAY).diagnostics);
    };
    const forwards = lint(files);
    assert.ok(
      forwards.some(([, list]) =>
        (list as { ruleId: string }[]).some((d) => d.ruleId === 'prerequisite-cycle'),
      ),
    );
    assert.deepEqual(lint([...files].reverse()), forwards);
  });

  it('lints a file finally while every other file is read for its front matter only', () => {
    for (const root of [
      CURRICULA,
      ...['broken-curriculum', 'config-and-links'].map((g) =>
        join(ROOT, 'test', 'fixtures', 'golden', g),
      ),
    ]) {
      const files = folderFiles(root);
      const full = fullLint(files);
      for (const path of [...files.keys()].filter((p) => p.endsWith('.md'))) {
        const session = new LintSession();
        for (const [other, text] of files)
          session.setFile(other, text, { metadataOnly: other !== path });
        assert.deepEqual(session.lintOnly(TODAY, [path]).get(path), full.get(path) ?? [], path);
      }
    }
  });

  it('relints the changed file and the files it reaches, not the workspace', () => {
    const files = folderFiles();
    const session = new LintSession();
    for (const [path, text] of files) session.setFile(path, text);
    session.lint(TODAY);
    const path = 'adoption-planning/phased-delivery.md';
    session.setFile(path, `${files.get(path)!}\nOne more line.\n`, { editing: true });
    const { relinted } = session.lint(TODAY);
    assert.ok(relinted.has(path));
    assert.ok(relinted.size < files.size / 2, `${relinted.size} of ${files.size} relinted`);
  });

  it("re-lints a track when a prerequisite of one of its modules' prerequisites changes, and agrees with a full lint whichever copy of a duplicated id came first (track-order)", () => {
    const mod = (id: string, needs: string) =>
      `---\ntype: module\nid: ${id}\ntitle: ${id}\nowner: lead\nprerequisites: [${needs}]\n---\n# ${id}\n`;
    const files = new Map([
      ['enablekit.yml', 'version: 1\nroles:\n  support:\n    learners: [ana]\n'],
      [
        't.md',
        '---\ntype: track\nid: t\ntitle: T\nowner: lead\nroles: [support]\nmodules: [a, c, b]\n---\n# T\n',
      ],
      ['a.md', mod('a', '')],
      ['b.md', mod('b', 'a')],
      ['c.md', mod('c', '')],
      ['d.md', mod('d', '')],
    ]);
    const session = new LintSession();
    for (const [path, text] of files) session.setFile(path, text);
    session.lint(TODAY);
    const trackOrder = (m: ReadonlyMap<string, { ruleId: string; message: string }[]>) =>
      (m.get('t.md') ?? []).filter((d) => d.ruleId === 'track-order').map((d) => d.message);
    const edits: [string, string][] = [
      ['c.md', mod('c', 'd')], // d is in no track: nothing to say yet
      ['d.md', mod('d', 'b')], // now c → d → b, and t lists b after c: t names neither d nor what changed
      ['a.md', mod('d', '')], // a second module d: the session holds it last, a fresh lint first
    ];
    for (const [path, text] of edits) {
      files.set(path, text);
      session.setFile(path, text, { editing: true });
      const incremental = session.lint(TODAY).diagnostics;
      assert.deepEqual(
        trackOrder(incremental),
        trackOrder(fullLint(files)),
        `after ${path}: ${text.split('\n')[5]}`,
      );
      assert.deepEqual(sorted(incremental), sorted(fullLint(files)));
    }
    assert.ok(trackOrder(fullLint(files)).length > 0, 'the case reaches a track-order problem');
  });

  it("hands back last time's list and diagnostics where they did not change", () => {
    const session = new LintSession();
    const links = Array.from({ length: 40 }, (_, i) => `See [page ${i}](./missing-${i}.md).`).join(
      '\n\n',
    );
    let text = `---\ntype: module\nid: big\ntitle: Big\nowner: lead\n---\n# Big\n\n${links}\n`;
    const relint = (edit: (t: string) => string) => {
      text = edit(text);
      session.setFile('big.md', text, { editing: true });
      return session.lint(TODAY).diagnostics.get('big.md')!;
    };
    const first = relint((t) => t);
    assert.equal(first.length, 40);
    const second = relint((t) => t.replace('See [page 3]', 'Now see [page 3]'));
    assert.equal(
      second.filter((d, k) => d !== first[k]).length,
      1,
      'only the diagnostic on the edited line is new',
    );
    const third = relint((t) => t.replace('Big\n\n', 'Big\n\nA new paragraph.\n\n'));
    assert.ok(
      third.every((d, k) => d !== second[k]),
      'two lines inserted above move every diagnostic',
    );
    assert.equal(
      relint((t) => t.replace('# Big', '# Bigger')),
      third,
      'an edit that moves none: the same list',
    );
    assert.deepEqual(third, fullLint(new Map([['big.md', text]])).get('big.md'));
  });

  it("rehearses an open document's edit path and leaves the document, and its very diagnostics, as they were", () => {
    const session = new LintSession();
    const links = Array.from({ length: 60 }, (_, i) => `See [page ${i}](./missing-${i}.md).`).join(
      '\n\n',
    );
    const text = `---\ntype: module\nid: big\ntitle: Big\nowner: lead\n---\n# Big\n\n${links}\n`;
    session.setFile('big.md', text, { editing: true });
    session.setFile('closed.md', text.replace('id: big', 'id: closed'));
    const before = session.lint(TODAY).diagnostics.get('big.md')!;
    for (const at of [0, 0.5, 0.9, 1])
      assert.equal(session.rehearseEdit('big.md', at, TODAY), true, `rehearsed at ${at}, linted`);
    assert.equal(session.rehearseEdit('big.md', 0.3), true, 'rehearsed, not linted');
    assert.equal(
      session.rehearseEdit('closed.md'),
      false,
      'a file not open for editing is not rehearsed',
    );
    assert.equal(session.lint(TODAY).diagnostics.get('big.md'), before);
    // The next keystroke is parsed from the state the rehearsal left.
    const typed = text.replace('See [page 30]', 'See [page 30](./missing-30.md) and [page 30]');
    session.setFile('big.md', typed, { editing: true });
    assert.deepEqual(
      session.lint(TODAY).diagnostics.get('big.md'),
      fullLint(new Map([['big.md', typed]])).get('big.md'),
    );
  });
});
