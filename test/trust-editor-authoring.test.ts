import assert from 'node:assert/strict';
import { chooseModule, modulesNearest } from '../core/templates/module-choice.js';
import { isOwner, loginFromGit } from '../core/templates/owner-login.js';
import { GitIgnoreRules } from '../core/workspace/git-ignore.js';
import { listingFilter } from '../core/workspace/listing.js';

// What the CLI's `enablekit new` and the editor's New commands share through core (issue #17).
describe("a new item's module and owner, as the CLI and the editor choose them", () => {
  const modules = [
    { id: 'triage', file: 'support/triage.md' },
    { id: 'escalations', file: 'support/escalations.md' },
    { id: 'plans', file: 'success/plans.md' },
  ];

  it('takes a known module, refuses an unknown one with a did-you-mean, and needs none for a module or a bare track', () => {
    assert.deepEqual(chooseModule('quiz', 'plans', modules, 'support'), {
      kind: 'given',
      module: 'plans',
    });
    assert.deepEqual(chooseModule('reflection', 'triag', modules, ''), {
      kind: 'unknown',
      given: 'triag',
      near: 'triage',
      known: ['escalations', 'plans', 'triage'],
    });
    assert.deepEqual(chooseModule('scenario', 'x', [], ''), {
      kind: 'unknown',
      given: 'x',
      known: [],
    });
    assert.deepEqual(chooseModule('module', undefined, modules, ''), { kind: 'none' });
    assert.deepEqual(chooseModule('track', undefined, modules, ''), { kind: 'none' });
    assert.equal(chooseModule('track', 'nope', modules, '').kind, 'unknown');
  });

  it("without one named, takes the only module of the folder, else asks with the folder's modules first", () => {
    const one = chooseModule('quiz', undefined, modules, 'success');
    assert.deepEqual(one, {
      kind: 'only-in-folder',
      module: 'plans',
      modules: [modules[2], modules[1], modules[0]],
    });
    const two = chooseModule('quiz', undefined, modules, 'support');
    assert.deepEqual(two.kind === 'ask' && [two.inFolder, two.modules.map((m) => m.id)], [
      ['escalations', 'triage'],
      ['escalations', 'triage', 'plans'],
    ]);
    // The curricula's own folder holds them all; a folder outside it none; a folder named like another's start is not inside it.
    const all = chooseModule('quiz', undefined, modules, '');
    assert.equal(all.kind === 'ask' && all.inFolder.length, 3);
    assert.deepEqual(
      modulesNearest(modules, 'succ').map((m) => m.id),
      ['escalations', 'plans', 'triage'],
    );
    assert.deepEqual(chooseModule('quiz', undefined, modules, '../elsewhere'), {
      kind: 'ask',
      inFolder: [],
      modules: modulesNearest(modules, ''),
    });
  });

  it("offers the login git's settings give away, never a display name, and takes an owner as the schema does", () => {
    assert.equal(
      loginFromGit({
        githubUser: 'lena-trainer',
        email: '1+other@users.noreply.github.com',
        name: 'x',
      }),
      'lena-trainer',
    );
    assert.equal(
      loginFromGit({ email: '12345+ana-support@users.noreply.github.com', name: 'Ana Support' }),
      'ana-support',
    );
    assert.equal(loginFromGit({ email: 'ana@users.noreply.github.com' }), 'ana');
    assert.equal(loginFromGit({ email: 'ana@example.com', name: 'Ana Support' }), undefined);
    assert.equal(loginFromGit({ name: 'anasupport' }), 'anasupport');
    assert.equal(loginFromGit({ githubUser: '-bad-', name: 'ok-name' }), 'ok-name');
    assert.ok(isOwner('alice') && isOwner('acme/support-leads'));
    assert.ok(!isOwner('Ana Support') && !isOwner(''));
  });
});

describe("what is content: one listing for the CLI's walk and the editor", () => {
  function filter(
    gitignores: Record<string, string>,
    globs: string[] = [],
    root = '/repo/curricula',
  ) {
    const git = new GitIgnoreRules();
    for (const [dir, text] of Object.entries(gitignores)) git.add(dir, text);
    return listingFilter(root, globs, git);
  }

  it('leaves out what git ignores, from the repository root down, with negation and nested files', () => {
    const listed = filter({
      '/repo': 'curricula/build/\n*.tmp.md\n!keep.tmp.md\n',
      '/repo/curricula/sub': 'local.md\n',
    });
    const paths = [
      'a.md',
      'build/x.md',
      'draft.tmp.md',
      'keep.tmp.md',
      'sub/local.md',
      'sub/other.md',
      'other/local.md',
    ];
    assert.deepEqual(paths.filter(listed), [
      'a.md',
      'keep.tmp.md',
      'sub/other.md',
      'other/local.md',
    ]);
  });

  it("leaves out lint.ignore's globs (from the folder of enablekit.yml), dot folders and node_modules", () => {
    const listed = filter({}, ['drafts', 'archive/**', '**/*.wip.md']);
    const paths = [
      'a.md',
      'drafts/x.md',
      'archive/old/y.md',
      'deep/z.wip.md',
      '.vscode/notes.md',
      'node_modules/p/readme.md',
      'x/.cache/a.md',
      '.gitignore',
    ];
    assert.deepEqual(paths.filter(listed), ['a.md', '.gitignore']);
  });

  it("lists the curricula's folder even where git ignores it: then only its own .gitignore files apply", () => {
    const listed = filter({ '/repo': 'curricula/\n*.md\n', '/repo/curricula': 'scratch/\n' });
    assert.deepEqual(['a.md', 'scratch/b.md', 'c/d.md'].filter(listed), ['a.md', 'c/d.md']);
  });
});
