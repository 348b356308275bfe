import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { drawnIds } from '../core/grading/quiz-draw.js';
import type { Quiz } from '../core/model.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';
import { answered, poolQuiz } from './helpers/pool-quiz.js';

describe('enablekit take and grade with a pooled quiz (issue #21, item 2)', () => {
  const quiz = parseFile('pool.md', poolQuiz()).model.item as Quiz;
  const workspace = () =>
    tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'm.md': MODULE('m'),
      'pool.md': poolQuiz(),
    });
  const sheet = (dir: string) => join(dir, 'submissions', 'ana', 'pool.md');

  it('take --attempt writes the draw of that attempt; grade checks it against the attempt the sheet names', () => {
    const dir = workspace();
    const took = cli(['take', 'pool', '--learner', 'ana', '--attempt', '2'], dir);
    assert.equal(took.code, 0, took.stderr);
    const text = readFileSync(sheet(dir), 'utf8');
    const drawn = drawnIds(quiz, 'ana', 2);
    assert.match(text, new RegExp(`\nattempt: 2\ndrawn: \\[${drawn.join(', ')}\\]\n`));
    writeFileSync(sheet(dir), answered(text));
    const right = cli(['grade', 'submissions/ana/pool.md', '--format', 'json'], dir);
    assert.equal(right.code, 0, right.stdout + right.stderr);
    const g = JSON.parse(right.stdout) as {
      percent: number;
      maxScore: number;
      questions: { id: string }[];
    };
    assert.deepEqual([g.percent, g.maxScore, g.questions.map((q) => q.id)], [100, 3, drawn]);
    // Another draw written over the sheet's: refused, saying what to run.
    writeFileSync(sheet(dir), answered(text).replace(/drawn: \[.*\]/, 'drawn: [q1, q2, q3]'));
    const forged = cli(['grade', 'submissions/ana/pool.md'], dir);
    assert.equal(forged.code, 1);
    assert.match(
      forged.stdout,
      /^Not graded: submissions\/ana\/pool\.md: Expected the sheet of ana's attempt 2 at "Pool" \(questions .*\); found the sheet of attempt 2 \(questions q1, q2, q3\)\..*"enablekit take pool --learner ana --attempt 2"/,
    );
  });

  it('a failed grade names the next attempt’s take; the key sheet of a draw grades 100%', () => {
    const dir = workspace();
    cli(['take', 'pool', '--learner', 'ana'], dir);
    const failed = cli(['grade', 'submissions/ana/pool.md'], dir);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stdout,
      /Your next attempt draws its own questions: move this sheet away and run "enablekit take pool --learner ana --attempt 2"\./,
    );
    renameSync(sheet(dir), join(dir, 'attempt-1.md'));
    const key = cli(['take', 'pool', '--learner', 'ana', '--attempt', '3', '--answered'], dir);
    assert.equal(key.code, 0, key.stderr);
    assert.match(readFileSync(sheet(dir), 'utf8'), /\nattempt: 3\n/);
    const graded = cli(['grade', 'submissions/ana/pool.md', '--format', 'json'], dir);
    assert.equal((JSON.parse(graded.stdout) as { percent: number }).percent, 100);
  });

  it('refuses an attempt that is not a number, writing nothing', () => {
    const dir = workspace();
    const r = cli(['take', 'pool', '--learner', 'ana', '--attempt', '0'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Expected --attempt to be the attempt's number \(1, 2, …\); found "0"/);
  });
});
