import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { curriculaScaffold } from '../core/templates/curricula-scaffold.js';
import { WORKFLOWS } from '../core/templates/workflows.js';
import { cli, ROOT } from './helpers/cli.js';

/** A git that knows nothing of its user: no system or global settings. */
const NO_GIT_USER = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  HOME: tmpdir(),
};

function freshRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-init-'));
  spawnSync('git', ['init', '-q'], { cwd: dir, env: { ...process.env, ...NO_GIT_USER } });
  return dir;
}

/** Every file under a folder but .git, by its path in it. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p !== '.git' && !p.startsWith('.git/') && statSync(join(dir, p)).isFile())
    .sort();
}

describe('enablekit init', () => {
  it('scaffolds a repository in a fresh git folder that lints with no problems, every file LF', () => {
    const dir = freshRepo();
    const r = cli(['init', '--owner', 'alice', '--today', '2026-11-22'], dir, NO_GIT_USER);
    assert.equal(r.code, 0, r.stderr);
    const written = curriculaScaffold({
      owner: 'alice',
      role: 'support',
      product: 'Our product',
      today: '2026-11-22',
    });
    assert.deepEqual(filesIn(dir), written.map((f) => f.path).sort());
    for (const f of written) {
      const text = readFileSync(join(dir, f.path), 'utf8');
      assert.equal(text, f.text, f.path);
      assert.ok(!text.includes('\r'), `${f.path} is LF`);
      assert.ok(r.stdout.includes(`  ${f.path}\n`), `the output names ${f.path}`);
    }
    assert.match(readFileSync(join(dir, '.gitattributes'), 'utf8'), /^\* text=auto eol=lf$/m);
    assert.match(readFileSync(join(dir, '.gitignore'), 'utf8'), /^\.enablekit-cache\/$/m);
    // The next two commands, in a folder that is a repository already: no second git init.
    assert.match(r.stdout, /Next:\n {2}enablekit lint\n {2}git add \. && git commit/);
    for (const args of [['lint'], ['lint', 'curricula']]) {
      const lint = cli([...args, '--format', 'json', '--today', '2026-11-22'], dir);
      assert.equal(lint.code, 0, lint.stdout + lint.stderr);
      assert.deepEqual(JSON.parse(lint.stdout), [], args.join(' '));
    }
    const stylish = cli(['lint', '--today', '2026-11-22'], dir);
    assert.match(stylish.stdout, /1 tracks, 1 modules, 1 quizzes.*No problems\./);
  });

  it('makes the folder it is given, names the role and product, and says to cd and git init', () => {
    const parent = mkdtempSync(join(tmpdir(), 'enablekit-init-'));
    const r = cli(
      [
        'init',
        'training',
        '--owner',
        'acme/support-leads',
        '--role',
        'success',
        '--name',
        'Beacon: Desk',
      ],
      parent,
      NO_GIT_USER,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /Next:\n {2}cd training\n {2}enablekit lint\n {2}git init && git add \./,
    );
    const config = parse(readFileSync(join(parent, 'training/curricula/enablekit.yml'), 'utf8'));
    assert.deepEqual(Object.keys(config.roles), ['success']);
    assert.equal(config.product.name, 'Beacon: Desk');
    const lint = cli(['lint', '--format', 'json'], join(parent, 'training'));
    assert.deepEqual(JSON.parse(lint.stdout), []);
    assert.doesNotMatch(r.stdout, /Note:/);
    // Inside a repository, a folder below its root: GitHub would not run the workflows there.
    const repo = freshRepo();
    const nested = cli(['init', 'docs/training', '--owner', 'alice'], repo, NO_GIT_USER);
    assert.equal(nested.code, 0, nested.stderr);
    assert.match(
      nested.stdout,
      /Note: docs\/training is inside the git repository at \., and GitHub runs only the workflows at a repository's root/,
    );
    assert.match(nested.stdout, /\n {2}git add \. && git commit/, 'no second git init');
  });

  it('takes the owner from git when --owner is left out, and asks for it when git names no login', () => {
    const dir = freshRepo();
    spawnSync('git', ['config', 'user.email', '12345+ana-support@users.noreply.github.com'], {
      cwd: dir,
    });
    const r = cli(['init'], dir, NO_GIT_USER);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Owner of the first items: ana-support \(from git's settings/);
    assert.match(
      readFileSync(join(dir, 'curricula/getting-started/first-module.md'), 'utf8'),
      /^owner: ana-support$/m,
    );

    const bare = freshRepo();
    const refused = cli(['init'], bare, NO_GIT_USER);
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /Expected --owner <login>.*Pass --owner <login>; nothing was written\./,
    );
    assert.deepEqual(filesIn(bare), []);
    assert.equal(cli(['init', '--owner', 'not a login'], bare).code, 2);
    assert.equal(cli(['init', '--owner', 'alice', '--role', 'Support Team'], bare).code, 2);
    assert.deepEqual(filesIn(bare), []);
  });

  it('never overwrites: with any of its files present it writes none and lists them', () => {
    const dir = freshRepo();
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/lint.yml'), 'mine\n');
    const r = cli(['init', '--owner', 'alice'], dir);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /found \.gitignore, \.github\/workflows\/lint\.yml\. Nothing was written: move or delete them/,
    );
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), 'node_modules/\n');
    assert.equal(readFileSync(join(dir, '.github/workflows/lint.yml'), 'utf8'), 'mine\n');
    assert.ok(!existsSync(join(dir, 'curricula')));
    // Nor inside curricula that exist: items are added with "enablekit new".
    const inside = cli(['init', 'more', '--owner', 'alice'], join(ROOT, 'curricula'));
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /found enablekit\.yml\. Add items to it with "enablekit new/);
    assert.ok(!existsSync(join(ROOT, 'curricula/more')));
  });
});

/**
 * Every GitHub call the Action makes (action/, github/), and the permission of the workflow
 * token it needs. A call missing here fails the test: decide its permission, then check
 * the workflows grant it.
 */
const PERMISSION_OF: Record<string, string> = {
  'checks.create': 'checks: write',
  'checks.listForRef': 'checks: read',
  'issues.addLabels': 'pull-requests: write', // on the pull request; on progress issues issues: write
  'issues.create': 'issues: write',
  'issues.createComment': 'issues: write',
  'issues.listComments': 'issues: read',
  'issues.listForRepo': 'issues: read',
  'issues.removeLabel': 'pull-requests: write',
  'issues.update': 'issues: write',
  'issues.updateComment': 'pull-requests: write', // the grade comment
  'pulls.get': 'pull-requests: read',
  'pulls.list': 'pull-requests: read', // of the product repository: public, or a token of its own
  'pulls.listFiles': 'pull-requests: read',
  'pulls.update': 'pull-requests: write', // closing a survey's pull request once recorded
  'reactions.listForIssue': 'issues: read',
  'repos.compareCommitsWithBasehead': 'contents: read',
  'repos.getContent': 'contents: read',
  // Only with certificates: recertification revokes in certificates/revoked.json; docs/certificates.md asks to grant it.
  'repos.createOrUpdateFileContents': 'contents: write (with certificates)',
  'repos.listReleases': 'contents: read',
  'teams.listMembersInOrg': 'read:org', // no workflow token has it: docs/action.md says so
};

function actionCalls(): Set<string> {
  const calls = new Set<string>();
  for (const folder of ['action', 'github'])
    for (const name of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }))
      if (name.endsWith('.ts'))
        for (const m of readFileSync(join(ROOT, folder, name), 'utf8').matchAll(
          /\brest\.(\w+)\.(\w+)\b/g,
        ))
          calls.add(`${m[1]}.${m[2]}`);
  return calls;
}

const LEVEL = { read: 1, write: 2 } as const;
function grants(permissions: Record<string, string>, need: string): boolean {
  const [scope, level] = need.split(': ') as [string, 'read' | 'write'];
  const given = permissions[scope] as 'read' | 'write' | undefined;
  return given !== undefined && LEVEL[given] >= LEVEL[level];
}

describe('the workflows init writes', () => {
  const byName = new Map(
    WORKFLOWS.map((w) => [w.path.replace(/^.*\//, ''), parse(w.text) as Record<string, unknown>]),
  );
  const permissions = (name: string) => byName.get(name)!.permissions as Record<string, string>;

  it('parse as YAML, each job on a runner, each naming its permissions outright', () => {
    assert.deepEqual([...byName.keys()], ['lint.yml', 'checkpoints.yml', 'freshness.yml']);
    for (const [name, w] of byName) {
      assert.ok(w.on, `${name} has triggers`);
      assert.equal(
        typeof w.permissions,
        'object',
        `${name} sets permissions, not the default token's`,
      );
      for (const job of Object.values(w.jobs as Record<string, { 'runs-on': string }>))
        assert.equal(job['runs-on'], 'ubuntu-latest');
    }
  });

  it('ask for the least the Action calls: every call covered, nothing granted that no call needs', () => {
    const calls = actionCalls();
    const unknown = [...calls].filter((c) => !(c in PERMISSION_OF));
    assert.deepEqual(unknown, [], 'a new GitHub call: add its permission to PERMISSION_OF');
    assert.deepEqual(permissions('lint.yml'), { contents: 'read' });
    assert.deepEqual(permissions('checkpoints.yml'), {
      contents: 'read',
      'pull-requests': 'write',
      issues: 'write',
      checks: 'write',
    });
    assert.deepEqual(permissions('freshness.yml'), { contents: 'read', issues: 'write' });
    // Grading may make any call but the freshness-only ones; what it is granted is used.
    const needs = [...calls]
      .map((c) => PERMISSION_OF[c]!)
      .filter((p) => p !== 'read:org' && !p.endsWith('(with certificates)'));
    for (const need of needs)
      assert.ok(grants(permissions('checkpoints.yml'), need), `checkpoints.yml grants ${need}`);
    for (const [scope, level] of Object.entries(permissions('checkpoints.yml')))
      assert.ok(needs.includes(`${scope}: ${level}`), `some call needs ${scope}: ${level}`);
    for (const [scope, level] of Object.entries(permissions('freshness.yml')))
      assert.ok(needs.includes(`${scope}: ${level}`), `some call needs ${scope}: ${level}`);
  });

  it('are the very workflows the README and docs/action.md show', () => {
    for (const page of ['README.md', 'docs/action.md']) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const blocks = [
        ...text.matchAll(/```yaml\n(# (\.github\/workflows\/[\w-]+\.yml)\n[\s\S]*?)```/g),
      ];
      assert.ok(blocks.length, `${page} shows a workflow`);
      for (const [, block, path] of blocks) {
        const template = WORKFLOWS.find((w) => w.path === path);
        assert.ok(template, `${page} shows ${path}, which init does not write`);
        assert.equal(block, template.text, `${page}: ${path}`);
      }
    }
  });
});
