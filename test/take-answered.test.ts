import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from './helpers/cli.js';

/** The sample curricula in a folder of their own, as an author's checkout. */
function sample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-key-'));
  cpSync(join(ROOT, 'curricula'), join(dir, 'curricula'), { recursive: true });
  return dir;
}

const quizIds = (dir: string) =>
  readdirSync(join(dir, 'curricula'), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.md'))
    .map((p) => readFileSync(join(dir, 'curricula', p), 'utf8'))
    .filter((t) => /^type: quiz$/m.test(t) && !/^key:/m.test(t))
    .map((t) => /^id: (.+)$/m.exec(t)![1]!);

describe('enablekit take --answered: the key sheet', () => {
  it('writes every right answer, and every quiz of the sample grades 100% on its key sheet', () => {
    const dir = sample();
    const ids = quizIds(dir);
    assert.ok(ids.length >= 4, `the sample's open quizzes: ${ids.join(', ')}`);
    for (const id of ids) {
      const take = cli(['take', id, '--learner', 'lena-trainer', '--answered'], dir);
      assert.equal(take.code, 0, take.stderr);
      assert.match(take.stdout, /the key sheet: every right answer written in/);
      const sheet = `submissions/lena-trainer/${id}.md`;
      const grade = cli(['grade', sheet, '--format', 'json'], dir);
      const result = JSON.parse(grade.stdout) as { percent: number; passed: boolean };
      assert.equal(result.percent, 100, `${id}: ${grade.stdout}`);
      assert.equal(grade.code, 0);
    }
  });

  it('writes numbers with the decimal mark enablekit.yml sets', () => {
    const dir = sample();
    const config = join(dir, 'curricula', 'enablekit.yml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/^policies:\n/m, 'policies:\n  decimal_mark: ","\n'),
    );
    const quiz = join(dir, 'curricula', 'success-onboarding', 'success-plans-quiz.md');
    writeFileSync(quiz, readFileSync(quiz, 'utf8').replace(/^Answer: 60$/m, 'Answer: 60.5 ± 0.5'));
    assert.equal(
      cli(['take', 'success-plans-quiz', '--learner', 'lena-trainer', '--answered'], dir).code,
      0,
    );
    const sheet = readFileSync(join(dir, 'submissions/lena-trainer/success-plans-quiz.md'), 'utf8');
    assert.match(sheet, /^Answer: 60,5$/m);
    const grade = cli(
      ['grade', 'submissions/lena-trainer/success-plans-quiz.md', '--format', 'json'],
      dir,
    );
    assert.equal((JSON.parse(grade.stdout) as { percent: number }).percent, 100);
  });

  it('a blank sheet stays blank: take without --answered writes no answer', () => {
    const dir = sample();
    cli(['take', 'triage-quiz', '--learner', 'ana', '--answered'], dir);
    cli(['take', 'triage-quiz', '--learner', 'ben'], dir);
    const key = readFileSync(join(dir, 'submissions/ana/triage-quiz.md'), 'utf8');
    const blank = readFileSync(join(dir, 'submissions/ben/triage-quiz.md'), 'utf8');
    assert.match(key, /- \[x\] P1/);
    assert.ok(!blank.includes('- [x]'), 'no tick in a blank sheet');
    assert.match(blank, /^Answer: $/m);
  });

  it('refuses what it cannot do, saying what to do, and overwrites nothing', () => {
    const dir = sample();
    const scenario = cli(['take', 'support-mock-advanced', '--learner', 'ana', '--answered'], dir);
    assert.equal(scenario.code, 2);
    assert.match(
      scenario.stderr,
      /Expected --answered to name a quiz; found "support-mock-advanced", a scenario/,
    );
    writeFileSync(join(dir, 'mine.md'), 'x');
    cli(['take', 'triage-quiz', '--learner', 'ana'], dir);
    const again = cli(['take', 'triage-quiz', '--learner', 'ana', '--answered'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /found one with your answers.*nothing was overwritten/);
    assert.ok(!readFileSync(join(dir, 'submissions/ana/triage-quiz.md'), 'utf8').includes('- [x]'));
  });
});
