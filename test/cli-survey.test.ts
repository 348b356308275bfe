import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempWorkspace } from './helpers/cli.js';
import { answered, SURVEY_FILE } from './helpers/survey.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');

function workspace(): string {
  const dir = tempWorkspace({});
  cpSync(CURRICULA, join(dir, 'curricula'), { recursive: true });
  cpSync(SURVEY_FILE, join(dir, 'curricula', 'support-feedback.md'));
  return dir;
}

describe('enablekit with surveys: new, take --occasion, progress --surveys', function () {
  this.timeout(60_000);

  it('new survey writes one that lints clean once its track is named', () => {
    const dir = workspace();
    const made = cli(
      [
        'new',
        'survey',
        'tools-feedback',
        '--dir',
        'curricula',
        '--owner',
        'lead',
        '--track',
        'support-basics',
      ],
      dir,
    );
    assert.equal(made.code, 0, made.stderr);
    const text = readFileSync(join(dir, 'curricula', 'tools-feedback.md'), 'utf8');
    assert.match(
      text,
      /type: survey\n[\s\S]*track: support-basics\nask:\n {2}- when: after\n {4}weeks: 1/,
    );
    const lint = cli(['lint', 'curricula'], dir);
    assert.equal(lint.code, 0, lint.stdout);
    assert.match(lint.stdout, /reflections, 2 surveys\./);
  });

  it('take names the occasions when one is needed, writes the sheet, and never overwrites it', () => {
    const dir = workspace();
    const none = cli(
      ['take', 'support-feedback', '--learner', 'ana', '--curricula', 'curricula'],
      dir,
    );
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /Expected --occasion to name one of survey "support-feedback"'s occasions \(during-basics, after-1w, after-12w\); found none/,
    );
    const took = cli(
      [
        'take',
        'support-feedback',
        '--learner',
        'ana',
        '--occasion',
        'after-12w',
        '--curricula',
        'curricula',
      ],
      dir,
    );
    assert.equal(took.code, 0, took.stderr);
    assert.match(
      took.stdout,
      /Created submissions\/ana\/support-feedback\.md \(12 weeks after the track\)/,
    );
    const sheet = readFileSync(join(dir, 'submissions', 'ana', 'support-feedback.md'), 'utf8');
    assert.match(sheet, /occasion: after-12w/);
    assert.match(
      sheet,
      /## 2\. Which part helped you most\?\n\n<!-- Tick one with \[x\]\. -->\n\n- \[ \] Lessons/,
    );
    const twice = cli(
      [
        'take',
        'support-feedback',
        '--learner',
        'ana',
        '--occasion',
        'after-12w',
        '--curricula',
        'curricula',
      ],
      dir,
    );
    assert.equal(twice.code, 2);
    assert.ok(existsSync(join(dir, 'submissions', 'ana', 'support-feedback.md')));
    const graded = cli(['grade', 'submissions/ana/support-feedback.md'], dir);
    assert.equal(graded.code, 2);
    assert.match(
      graded.stderr,
      /found a survey, which is never graded\. Open a pull request with its sheet/,
    );
  });

  it('progress --surveys shows each occasion: n, mean and distribution, and every free-text answer with its learner', () => {
    const dir = workspace();
    for (const [login, rating, text] of [
      ['ana', '4', 'More mocks.'],
      ['bo', '2', 'Shorter lessons.'],
    ] as const) {
      const path = join(dir, 'submissions', login, 'support-feedback.md');
      mkdirSync(join(dir, 'submissions', login), { recursive: true });
      writeFileSync(path, answered(login, 'after-1w', rating, text));
    }
    const md = cli(['progress', '--surveys'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(
      md.stdout,
      /\*\*a week after the track\*\* \(after-1w\): 2 responses\n\n- 1\. How useful was the track for your work\?: mean 3 \(n=2; 1: 0, 2: 1, 3: 0, 4: 1, 5: 0\)\n- 2\. Which part helped you most\?: n=2; Lessons: 0, Quizzes: 2\n- 3\. What would you change\?: 2 written\n {2}- @ana: More mocks\.\n {2}- @bo: Shorter lessons\./,
    );
    assert.match(md.stdout, /\(after-12w\): 0 responses/);
    const json = JSON.parse(cli(['progress', '--surveys', '--format', 'json'], dir).stdout);
    const q = json.surveys[0].occasions[1].questions;
    assert.deepEqual(
      [q[0].n, q[0].mean, q[0].distribution],
      [2, 3, { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }],
    );
    // The survey is not a checkpoint: progress counts none of it.
    const progress = cli(['progress', '--learner', 'ana', '--format', 'json'], dir);
    assert.doesNotMatch(progress.stdout, /support-feedback/);
  });
});
