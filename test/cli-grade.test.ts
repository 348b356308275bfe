import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from './helpers/cli.js';

function repoWithSampleCurricula(): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-grade-'));
  cpSync(join(ROOT, 'curricula'), join(dir, 'curricula'), { recursive: true });
  return dir;
}

describe('enablekit take and grade (the built CLI)', () => {
  it('grades all but an open answer, which waits for a reviewer: not passed yet (exit 1)', () => {
    const dir = repoWithSampleCurricula();
    const quizPath = join(dir, 'curricula/product-foundations/product-foundations-quiz.md');
    writeFileSync(
      quizPath,
      `${readFileSync(quizPath, 'utf8')}\n## Why does the first reply matter?\n<!-- question id=why-first type=open -->\n\nRubric:\n\n- Names what the customer learns from it\n`,
    );
    assert.equal(
      cli(['take', 'product-foundations-quiz', '--learner', 'ana-support'], dir).code,
      0,
    );
    const path = join(dir, 'submissions', 'ana-support', 'product-foundations-quiz.md');
    const blank = readFileSync(path, 'utf8');
    const parts = blank.split('Answer: \n');
    assert.equal(parts.length, 3);
    writeFileSync(
      path,
      `${parts[0]!
        .replace('- [ ] Pending', '- [x] Pending')
        .replace('- [ ] Time to first reply', '- [x] Time to first reply')
        .replace(
          '- [ ] Time to resolution',
          '- [x] Time to resolution',
        )}Answer: 4\n${parts[1]}Answer: They know we are on it.\n\nAnd when to expect more.\n${parts[2]}`,
    );
    const r = cli(['grade', 'submissions/ana-support/product-foundations-quiz.md'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /⏳ waits for a reviewer\s+0\/1 {2}Why does the first reply matter\?/);
    assert.match(r.stdout, /Waiting for a reviewer: 80% so far \(pass mark 75%\)/);
    assert.match(r.stdout, /The open question "why-first" waits for a reviewer/);
    // Progress from the sheets records no outcome while the open answer waits, as for a mock.
    const progress = JSON.parse(
      cli(['progress', '--learner', 'ana-support', '--format', 'json'], dir).stdout,
    ) as { learners: { tracks: { modules: { module: string; state: string }[] }[] }[] };
    const lifecycle = progress.learners[0]!.tracks.flatMap((t) => t.modules).find(
      (m) => m.module === 'ticket-lifecycle',
    )!;
    assert.notEqual(lifecycle.state, 'failed');
  });

  it('takes a quiz, grades the blank sheet as not passed, then the right answers as passed', () => {
    const dir = repoWithSampleCurricula();
    const take = cli(['take', 'product-foundations-quiz', '--learner', 'ana-support'], dir);
    assert.equal(take.code, 0, take.stderr);
    const path = join(dir, 'submissions', 'ana-support', 'product-foundations-quiz.md');
    const blank = readFileSync(path, 'utf8');
    assert.doesNotMatch(blank, /^- \[x\]/m);

    const first = cli(
      ['grade', 'submissions/ana-support/product-foundations-quiz.md', '--format', 'json'],
      dir,
    );
    assert.equal(first.code, 1);
    const g1 = JSON.parse(first.stdout);
    assert.equal(g1.passed, false);
    assert.equal(g1.percent, 0);
    assert.ok(
      g1.questions.every((q: { correctAnswer?: string }) => q.correctAnswer === undefined),
      'no answers revealed on a fail',
    );

    const answered = blank
      .replace('- [ ] Pending', '- [x] Pending')
      .replace('- [ ] Time to first reply', '- [x] Time to first reply')
      .replace('- [ ] Time to resolution', '- [x] Time to resolution')
      .replace('Answer: ', 'Answer: 4');
    writeFileSync(path, answered);
    const second = cli(['grade', 'submissions/ana-support/product-foundations-quiz.md'], dir);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /Passed: 100% \(pass mark 75%\)/);
  });

  it('never overwrites a sheet that exists', () => {
    const dir = repoWithSampleCurricula();
    assert.equal(cli(['take', 'triage-quiz', '--learner', 'kofi'], dir).code, 0);
    const path = join(dir, 'submissions', 'kofi', 'triage-quiz.md');
    writeFileSync(path, 'my answers');
    const again = cli(['take', 'triage-quiz', '--learner', 'kofi'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /nothing was overwritten/);
    assert.equal(readFileSync(path, 'utf8'), 'my answers');
  });

  it('refuses a sheet filed under someone else, and says why', () => {
    const dir = repoWithSampleCurricula();
    cli(['take', 'triage-quiz', '--learner', 'kofi'], dir);
    const path = join(dir, 'submissions', 'kofi', 'triage-quiz.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('learner: kofi', 'learner: ana'));
    const r = cli(['grade', 'submissions/kofi/triage-quiz.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Not graded: Expected the sheet at submissions\/ana\/triage-quiz.md/);
  });

  it('explains an unknown checkpoint, and that a reviewer grades scenarios, without a stack trace', () => {
    const dir = repoWithSampleCurricula();
    const unknown = cli(['take', 'no-such-quiz', '--learner', 'kofi'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Expected a checkpoint with id "no-such-quiz"/);
    assert.equal(cli(['take', 'support-mock-beginner', '--learner', 'kofi'], dir).code, 0);
    const sheet = readFileSync(
      join(dir, 'submissions', 'kofi', 'support-mock-beginner.md'),
      'utf8',
    );
    assert.match(sheet, /## Transcript/);
    const scenario = cli(['grade', 'submissions/kofi/support-mock-beginner.md'], dir);
    assert.equal(scenario.code, 2);
    assert.match(scenario.stderr, /a reviewer grades against its rubric/);
    assert.doesNotMatch(scenario.stderr, /\n\s+at /);
  });

  it('takes a reflection and says what is missing until it is complete', () => {
    const dir = repoWithSampleCurricula();
    assert.equal(cli(['take', 'async-handoffs-reflection', '--learner', 'mei'], dir).code, 0);
    const path = join(dir, 'submissions', 'mei', 'async-handoffs-reflection.md');
    const blank = readFileSync(path, 'utf8');
    const first = cli(['grade', 'submissions/mei/async-handoffs-reflection.md'], dir);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /Expected the read check/);
    assert.match(first.stdout, /Expected at least 60 words under prompt 1; found 0/);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const done = blank
      .replace('- [ ] I have read', '- [x] I have read')
      .replace(/(### 1\.[^\n]*\n\n)/, `$1${words(60)}\n\n`)
      .replace(/(### 2\.[^\n]*\n(?:[^\n]*\n)?\n)/, `$1${words(61)}\n\n`);
    writeFileSync(path, done);
    const second = cli(
      ['grade', 'submissions/mei/async-handoffs-reflection.md', '--format', 'json'],
      dir,
    );
    assert.equal(second.code, 0, second.stdout);
    assert.deepEqual(JSON.parse(second.stdout).words, [60, 61]);
  });
});
