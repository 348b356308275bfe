import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempWorkspace, MODULE, ROOT } from './helpers/cli.js';

const QUIZ = readFileSync(join(ROOT, 'curricula', 'support-onboarding', 'triage-quiz.md'), 'utf8')
  .replace(/^covers: .*\n/m, '')
  .replace(/^module: .*$/m, 'module: basics');
const CONFIG = 'version: 1\nroles:\n  support: {}\nfeatures:\n  - id: inbox\n';
const BROKEN = '---\ntype: module\nid: broken\n---\nno title, no owner\n';
const NO_CONFIG = /Expected enablekit\.yml in \. or a folder above it; found none/g;

function lintRows(dir: string, args: string[] = []) {
  const r = cli(['lint', '--format', 'json', '--no-cache', ...args], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return {
    ...r,
    rows: JSON.parse(r.stdout) as { file: string; ruleId: string; message: string }[],
  };
}

describe('where enablekit.yml is found, and what is content (issue #17, section 2)', () => {
  describe('no enablekit.yml', () => {
    it('says so once, up front, instead of an unknown role or feature on every file', () => {
      const dir = tempWorkspace({
        'a.md': MODULE('a', 'covers: [inbox]\n'),
        'b.md': MODULE('b', 'covers: [inbox]\nprerequisites: [a, nope]\n'),
        'track.md':
          '---\ntype: track\nid: t\ntitle: T\nowner: alice\nroles: [support]\nmodules: [a, b]\n---\n# T\n',
      });
      const json = lintRows(dir);
      assert.equal(json.stderr.match(NO_CONFIG)?.length, 1, json.stderr);
      assert.match(
        json.stderr,
        /Create enablekit\.yml at the root of your curricula \(see docs\/format\.md#enablekityml\)/,
      );
      assert.deepEqual(
        json.rows.map((r) => `${r.file} ${r.ruleId}`),
        ['b.md unknown-reference'],
        'what does not need the registry is still checked',
      );
      assert.match(json.rows[0]!.message, /found "nope"/);
      const stylish = cli(['lint', '--no-cache'], dir);
      assert.equal(stylish.stderr.match(NO_CONFIG)?.length, 1);
      assert.doesNotMatch(stylish.stdout, /in enablekit\.yml/);
      // With the file, the same references are checked.
      const withConfig = tempWorkspace({
        'enablekit.yml': 'version: 1\n',
        'a.md': MODULE('a', 'covers: [inbox]\n'),
      });
      const checked = lintRows(withConfig);
      assert.equal(checked.stderr, '');
      assert.deepEqual(
        checked.rows.map((r) => r.ruleId),
        ['unknown-reference'],
      );
    });

    it('take and grade refuse, naming where they looked, rather than grade against whatever is here', () => {
      const dir = tempWorkspace({ 'basics.md': MODULE('basics'), 'triage-quiz.md': QUIZ });
      const take = cli(['take', 'triage-quiz', '--learner', 'ana'], dir);
      assert.equal(take.code, 2);
      assert.match(
        take.stderr,
        /Expected enablekit\.yml in \. or a folder above it \(or in a curricula\/ folder there\); found none/,
      );
      assert.equal(existsSync(join(dir, 'submissions')), false);
    });
  });

  describe('lint at a repository root', () => {
    it('lints the curricula/ under it, not its test fixtures or docs', () => {
      const dir = tempWorkspace({
        'curricula/enablekit.yml': CONFIG,
        'curricula/a.md': MODULE('a', 'covers: [inbox]\n'),
        'test/fixtures/bad/enablekit.yml': 'version: 1\n',
        'test/fixtures/bad/broken.md': BROKEN,
        'docs/guide.md': '# Not a curricula file\n',
        'README.md': '# Readme\n',
      });
      for (const args of [[], ['.']]) {
        const r = cli(['lint', '--no-cache', ...args], dir);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.equal(r.stderr, '');
        assert.match(r.stdout, /Linted 2 files: 0 tracks, 1 modules/);
      }
    });
  });

  describe('what is not content', () => {
    it('honours .gitignore files (from the repository root down, with negation and nested files) and lint.ignore', () => {
      const dir = tempWorkspace({
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/info/exclude': 'private/\n',
        '.gitignore': 'curricula/build/\n*.tmp.md\n!keep.tmp.md\nscratch/\n',
        'scratch/enablekit.yml': 'version: 1\n',
        'scratch/out.md': BROKEN,
        'curricula/enablekit.yml': `${CONFIG}lint:\n  ignore: [drafts/**, "*.wip.md"]\n`,
        'curricula/a.md': MODULE('a'),
        'curricula/keep.tmp.md': MODULE('kept'),
        'curricula/scratch.tmp.md': BROKEN,
        'curricula/build/out.md': BROKEN,
        'curricula/private/notes.md': BROKEN,
        'curricula/drafts/next.md': BROKEN,
        'curricula/drafts/deeper/more.md': BROKEN,
        'curricula/idea.wip.md': BROKEN,
        'curricula/sub/.gitignore': 'local.md\n',
        'curricula/sub/local.md': BROKEN,
        'curricula/sub/b.md': MODULE('b'),
      });
      const r = cli(['lint', 'curricula', '--no-cache'], dir);
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /Linted 4 files: 0 tracks, 3 modules/);
      // The same files, from the root (curricula/ by convention) and from inside the folder.
      assert.match(cli(['lint', '--no-cache'], dir).stdout, /Linted 4 files/);
      assert.match(cli(['lint', '--no-cache'], join(dir, 'curricula')).stdout, /Linted 4 files/);
      // A folder git ignores that is named on the command line is linted all the same (a scratch copy, a benchmark corpus).
      const asked = cli(['lint', 'scratch', '--no-cache', '--format', 'json'], dir);
      assert.deepEqual(
        [...new Set(JSON.parse(asked.stdout).map((row: { file: string }) => row.file))],
        ['scratch/out.md'],
      );
      // Not ignored, the same files are problems: the test above is not vacuous.
      const open = tempWorkspace({
        'enablekit.yml': CONFIG,
        'scratch.tmp.md': BROKEN,
        'drafts/next.md': BROKEN,
        'sub/local.md': BROKEN,
      });
      assert.equal(lintRows(open).rows.filter((row) => row.ruleId === 'schema').length >= 3, true);
    });
  });

  describe('take and grade find the curricula as lint does', () => {
    it('refuse a checkpoint id that more than one quiz claims, naming every file, and write nothing', () => {
      const files: Record<string, string> = {
        'enablekit.yml': CONFIG,
        'basics.md': MODULE('basics'),
      };
      for (const copy of ['a', 'b', 'c', 'd']) files[`${copy}/triage-quiz.md`] = QUIZ;
      const dir = tempWorkspace(files);
      const take = cli(['take', 'triage-quiz', '--learner', 'ana'], dir);
      assert.equal(take.code, 2);
      assert.match(
        take.stderr,
        /Expected one item with id "triage-quiz" in \.; found 4: a\/triage-quiz\.md, b\/triage-quiz\.md, c\/triage-quiz\.md, d\/triage-quiz\.md\./,
      );
      assert.equal(existsSync(join(dir, 'submissions')), false);
      // A sheet written before the copies came is not graded against one of them either.
      const single = tempWorkspace({
        'enablekit.yml': CONFIG,
        'basics.md': MODULE('basics'),
        'a/triage-quiz.md': QUIZ,
      });
      assert.equal(cli(['take', 'triage-quiz', '--learner', 'ana'], single).code, 0);
      assert.equal(
        cli(['grade', 'submissions/ana/triage-quiz.md'], single).code,
        1,
        'graded: not passed',
      );
      // A copy of the quiz, as a person might leave one lying around.
      mkdirSync(join(single, 'b'));
      copyFileSync(join(single, 'a', 'triage-quiz.md'), join(single, 'b', 'triage-quiz.md'));
      const grade = cli(['grade', 'submissions/ana/triage-quiz.md'], single);
      assert.equal(grade.code, 2);
      assert.match(grade.stderr, /found 2: a\/triage-quiz\.md, b\/triage-quiz\.md/);
      assert.equal(
        cli(['lint', '--format', 'json'], single).stdout.includes('duplicate-id'),
        true,
        'lint says so too',
      );
    });

    it("look upward from where they run (a learner's folder, or --curricula inside the curricula) and use the whole curricula", () => {
      const dir = tempWorkspace({
        'curricula/enablekit.yml': CONFIG,
        'curricula/basics/basics.md': MODULE('basics'),
        'curricula/triage/triage-quiz.md': QUIZ,
        'curricula/other/other-quiz.md': QUIZ.replace(/^id: .*$/m, 'id: other-quiz'),
        'elsewhere/triage-quiz.md': QUIZ,
      });
      const take = cli(
        ['take', 'triage-quiz', '--learner', 'ana', '--curricula', 'curricula/other'],
        dir,
      );
      assert.equal(take.code, 0, take.stderr);
      const learnerFolder = join(dir, 'submissions', 'ana');
      const grade = cli(['grade', 'triage-quiz.md', '--format', 'json'], learnerFolder);
      assert.equal(grade.code, 1, grade.stderr);
      assert.equal(JSON.parse(grade.stdout).checkpoint, 'triage-quiz');
      const fromElsewhere = cli(['take', 'other-quiz', '--learner', 'ana'], join(dir, 'elsewhere'));
      assert.equal(
        fromElsewhere.code,
        0,
        `the repository's curricula/, found upward: ${fromElsewhere.stderr}`,
      );
    });
  });
});
