import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import type { Question, Quiz } from '../core/model.js';
import { dedent } from '../core/text/dedent.js';
import { cli, MODULE, tempWorkspace } from './helpers/cli.js';

const QUIZ = dedent`
  ---
  type: quiz
  id: escalations
  title: Escalations
  module: triage
  owner: alice
  ---
  # Escalations

  ## Who owns a P1 **after** hours?
  <!-- question id=p1-owner type=single -->

  - [ ] The account manager
    > Not at night: they are off call.
  - [x] The on-call engineer
  - [ ] Whoever sees it first {maybe}

  > The rota in PagerDuty says who: check it, never guess.

  ## Which are severities?
  <!-- question id=severities type=multiple -->

  - [x] P1
  - [x] P2
  - [ ] Q7
    > There is no Q7.

  ## Write the ratio 1:2 as the API does (a=b#c~d)
  <!-- question id=ratio type=text -->

  Accepted answers:

  - \`1:2\`
    > Right: the API writes it so.
  - \`1/2\` (credit 50%)
  - \`a=b#c~d*\`
  - Any other answer
    > Look at the API guide.

  ## How many minutes until a P1 pages again?
  <!-- question id=repage type=numeric -->

  Answer: 15 ± 2.5

  ## How many days may a P3 wait?
  <!-- question id=p3-days type=numeric -->

  Answer: 1..5

  ## Within how many hours does a P2 need a first reply?
  <!-- question id=p2-hours type=numeric -->

  Accepted numbers:

  - 4 ± 0.5
    > Right: four hours.
  - 6..8 (50%)
    > That is the P3 window (a=b#c~d).
  - 24 (0%)
  - Any other answer
    > Count the hours in the SLA table.

  ## Which are prime?
  <!-- question id=primes type=multiple -->

  - [x] 2 (credit 50%)
  - [x] 3 (credit 50%)
  - [ ] 4 (credit -50%)
    > Four is two twos.
  - [ ] 9

  ## Which priority when all are blocked?
  <!-- question id=near -->

  - [x] P1
  - [ ] P2 (credit 50%)
  - [ ] P3
`;

const NOT_GIFT = dedent`
  ---
  type: quiz
  id: extras
  title: Extras
  module: triage
  owner: alice
  ---
  # Extras

  ## Order the steps
  <!-- question id=steps type=ordering -->

  1. Read
  2. Reply

  ## The header?
  <!-- question id=header type=text -->

  Accepted answers:

  - \`/^x-request-id$/i\`

  ## Both, or nothing
  <!-- question id=both type=multiple scoring=all-or-nothing -->

  - [x] A
  - [x] B
  - [ ] C

  ## Hours?
  <!-- question id=hours type=numeric weight=2 -->

  Answer: 4 h
`;

/** What a question means to a learner and the grader, without where it is written. */
function meaning(q: Question) {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    weight: q.weight,
    choices: q.choices.map((c) => [c.text, c.checked, c.feedback?.text, c.credit]),
    accepted: q.accepted.map((a) => [a.value, a.credit, a.feedback?.text]),
    numeric: q.numeric && [q.numeric.value, q.numeric.tolerance, q.numeric.range, q.numeric.unit],
    numbers: q.numbers?.map((n) => [n.value, n.tolerance, n.range, n.credit, n.feedback?.text]),
    otherFeedback: q.otherFeedback?.text,
    explanation: q.explanation?.text,
  };
}
const quizAt = (dir: string, path: string) =>
  parseFile(path, readFileSync(join(dir, path), 'utf8')).model.item as Quiz;

describe('enablekit export --to gift', () => {
  it('exports a quiz that imports back with every question, answer, credit and feedback', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\nroles:\n  support:\n    title: Support\n',
      'triage.md': MODULE('triage'),
      'quizzes/escalations.md': QUIZ,
    });
    const out = cli(['export', 'quizzes/escalations.md', '--to', 'gift', '--out', 'banks'], dir);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stderr, '');
    const gift = readFileSync(join(dir, 'banks/escalations.gift'), 'utf8');
    assert.match(
      gift,
      /::ratio::\[markdown\]Write the ratio 1\\:2 as the API does \(a\\=b\\#c\\~d\)/,
    );
    assert.match(gift, /~%-50%Q7#There is no Q7\./);
    assert.match(
      gift,
      /\t=1\\:2#Right\\: the API writes it so\.\n\t=%50%1\/2\n\t=a\\=b\\#c\\~d\\\*\n\t=%0%\*#Look at the API guide\.\n/,
    );
    assert.match(gift, /\{\n\t~%50%2\n\t~%50%3\n\t~%-50%4#Four is two twos\.\n\t~9\n\}/);
    assert.match(gift, /\{\n\t=P1\n\t~%50%P2\n\t~P3\n\}/);
    assert.match(gift, /::p3-days::\[markdown\]How many days may a P3 wait\?\{#1\.\.5\}/);
    assert.match(
      gift,
      /\{#\n\t=4:0\.5#Right\\: four hours\.\n\t=%50%6\.\.8#That is the P3 window \(a\\=b\\#c\\~d\)\.\n\t=%0%24\n\t~#Count the hours in the SLA table\.\n\}/,
    );
    const back = cli(
      ['import', 'banks/escalations.gift', '--from', 'gift', '--module', 'triage', '--dir', 'back'],
      dir,
    );
    assert.equal(back.code, 0, back.stderr);
    const before = quizAt(dir, 'quizzes/escalations.md').questions.map(meaning);
    // The id is taken in the curricula, so the imported quiz takes the next free one.
    const after = quizAt(dir, 'back/escalations-2.md').questions.map(meaning);
    assert.deepEqual(after, before);
    const lint = cli(['lint', '.'], dir);
    assert.equal(lint.code, 0, lint.stdout);
  });

  it('exports a sealed quiz, with the secret, exactly as the quiz was before sealing: every feedback from the key', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'triage.md': MODULE('triage'),
      'open/escalations.md': QUIZ,
      'sealed/escalations.md': QUIZ.replace('id: escalations', 'id: escalations-sealed'),
    });
    const env = { ENABLEKIT_KEY: 'correct horse battery staple 42' };
    const sealed = cli(['seal', 'sealed'], dir, env);
    assert.equal(sealed.code, 0, sealed.stderr);
    assert.doesNotMatch(
      readFileSync(join(dir, 'sealed/escalations.md'), 'utf8'),
      /Right: four hours/,
    );
    assert.equal(cli(['export', 'open/escalations.md', '--to', 'gift', '--out', 'a'], dir).code, 0);
    const r = cli(['export', 'sealed/escalations.md', '--to', 'gift', '--out', 'b'], dir, env);
    assert.equal(r.code, 0, r.stderr);
    const open = readFileSync(join(dir, 'a/escalations.gift'), 'utf8');
    assert.equal(
      readFileSync(join(dir, 'b/escalations-sealed.gift'), 'utf8').replace(
        /escalations-sealed/g,
        'escalations',
      ),
      open,
    );
  });

  it('names each question GIFT cannot hold, and what an exported one loses, with its line', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'triage.md': MODULE('triage'),
      'extras.md': NOT_GIFT,
    });
    const r = cli(['export', 'extras.md', '--to', 'gift'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'extras.md:10: not exported: "steps": ordering questions have no GIFT form.',
      'extras.md:16: not exported: "header": the pattern /^x-request-id$/i has no GIFT form (short answers match text, with * for any).',
      'extras.md:23: not exported: "both": all-or-nothing scoring has no GIFT form (GIFT sums a credit per choice).',
      'extras.md:30: exported without its unit "h" (GIFT has none; the number alone is accepted): "hours".',
      'extras.md:30: exported without its weight 2 (GIFT files carry none; every question is worth 1): "hours".',
    ]);
    assert.match(r.stdout, /3 questions not exported/);
    assert.match(
      readFileSync(join(dir, 'extras.gift'), 'utf8'),
      /::hours::\[markdown\]Hours\?\{#4\}/,
    );
  });

  it('overwrites nothing, and refuses a file that is not a quiz', () => {
    const dir = tempWorkspace({
      'enablekit.yml': 'version: 1\n',
      'triage.md': MODULE('triage'),
      'q.md': QUIZ,
    });
    const first = cli(['export', 'q.md', '--to', 'gift'], dir);
    assert.equal(first.code, 0, first.stderr);
    writeFileSync(join(dir, 'escalations.gift'), 'mine\n');
    const again = cli(['export', 'q.md', '--to', 'gift'], dir);
    assert.equal(again.code, 2);
    assert.match(
      again.stderr,
      /found escalations\.gift\. Move or delete them.*nothing was written/,
    );
    assert.equal(readFileSync(join(dir, 'escalations.gift'), 'utf8'), 'mine\n');
    assert.match(
      cli(['export', 'triage.md', '--to', 'gift'], dir).stderr,
      /Expected triage\.md to be a quiz \(type: quiz\); found a module/,
    );
    assert.match(cli(['export', 'q.md'], dir).stderr, /Expected --to gift\|qti; found none/);
  });
});
