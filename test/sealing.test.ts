import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal, openSealed, rotate } from '../core/sealing/seal.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { renderPreview } from '../core/render/render-preview.js';
import { cli, tempWorkspace, MODULE } from './helpers/cli.js';
import { QUIZ, SECRET, quizOf, rightSheet } from './helpers/sealed-quiz.js';

const ANSWERS = ['ZEBRA-FEEDBACK', 'ZEBRA-EXPLANATION', 'X-Zebra-Request', 'Answer: 4'];

describe('sealed answer keys', function () {
  this.timeout(60_000);

  it('seal moves every answer out of the quiz into an encrypted key; the key opens only with the secret and grades exactly as the open quiz did', () => {
    const sealed = seal('curricula/sealed-quiz.md', QUIZ, SECRET);
    assert.ok(sealed.ok);
    for (const a of ANSWERS)
      assert.ok(!sealed.sealedText.includes(a), `"${a}" left in the sealed quiz`);
    assert.doesNotMatch(sealed.sealedText, /\[x\]/i);
    assert.match(sealed.sealedText, /^key: sealed-quiz\.key\.yml$/m);
    for (const a of [...ANSWERS, 'Incident', SECRET])
      assert.ok(!sealed.keyText.includes(a), `"${a}" readable in the key file`);
    assert.match(sealed.keyText, /^cipher: aes-256-gcm$/m);

    const sealedQuiz = quizOf(sealed.sealedText);
    const sheet = readAnswerSheet(rightSheet(sealedQuiz, 'ana'));
    assert.ok(sheet.ok);
    const policy = {
      passMark: 80,
      attempts: 3,
      retakeCooldownMs: 0,
      revealAnswers: 'never' as const,
    };
    const refused = gradeQuiz({
      sheet: sheet.sheet,
      quiz: sealedQuiz,
      policy,
      prior: [],
      now: '2026-11-23T00:00:00Z',
    });
    assert.equal(
      refused.ok ? 'graded' : refused.refusal.reason,
      'key-unavailable',
      'no grading against a quiz with no answers',
    );
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok);
    assert.equal(opened.source, QUIZ, "unsealing gives back the author's text exactly");
    const graded = gradeQuiz({
      sheet: sheet.sheet,
      quiz: opened.quiz,
      policy,
      prior: [],
      now: '2026-11-23T00:00:00Z',
    });
    assert.ok(graded.ok);
    assert.equal(graded.grade.percent, 100);
    assert.deepEqual(
      graded.grade.questions.map((q) => q.outcome),
      ['right', 'right', 'right', 'right', 'right'],
    );
    const open = gradeQuiz({
      sheet: sheet.sheet,
      quiz: quizOf(QUIZ),
      policy,
      prior: [],
      now: '2026-11-23T00:00:00Z',
    });
    assert.deepEqual(
      open.ok && open.grade.questions.map((q) => q.outcome).slice(0, 4),
      ['right', 'right', 'right', 'right'],
      'the same answers against the open quiz',
    );

    assert.equal(
      (openSealed(sealedQuiz, sealed.keyText, 'wrong secret') as { reason?: string }).reason,
      'tampered',
    );
    const flipped = sealed.keyText.replace(
      /^data: (.)/m,
      (_m, c: string) => `data: ${c === 'A' ? 'B' : 'A'}`,
    );
    const tampered = openSealed(sealedQuiz, flipped, SECRET);
    assert.ok(
      !tampered.ok &&
        tampered.reason === 'tampered' &&
        /does not authenticate/.test(tampered.message),
    );
    assert.equal(
      (
        openSealed({ ...sealedQuiz, id: 'other-quiz' }, sealed.keyText, SECRET) as {
          reason?: string;
        }
      ).reason,
      'tampered',
      'a key copied onto another quiz does not open',
    );
    const edited = quizOf(sealed.sealedText.replace('- [ ] Tier 1', '- [ ] Tier 2'));
    assert.equal(
      (openSealed(edited, sealed.keyText, SECRET) as { reason?: string }).reason,
      'changed',
      'choices changed since sealing',
    );

    const rotated = rotate(sealedQuiz, sealed.keyText, SECRET, 'a new secret');
    assert.ok(rotated.ok);
    assert.ok(
      !openSealed(sealedQuiz, rotated.keyText, SECRET).ok,
      'the old secret no longer opens it',
    );
    assert.ok(openSealed(sealedQuiz, rotated.keyText, 'a new secret').ok);

    const html = renderPreview('curricula/sealed-quiz.md', sealed.sealedText).html;
    for (const a of [...ANSWERS, SECRET]) assert.ok(!html.includes(a), `"${a}" in the preview`);
  });

  it("the CLI seals, lints without and with the key, rotates and unseals back to the author's text", () => {
    const dir = tempWorkspace({
      'curricula/enablekit.yml': 'version: 1\n',
      'curricula/basics.md': MODULE('basics'),
      'curricula/sealed-quiz.md': QUIZ.replace(
        '- [x] Incident',
        '- [x] Incident\n- [x] Escalations',
      ),
    });
    const run = (args: string[], env: Record<string, string> = {}) => cli(args, dir, env);
    const noSecret = run(['seal']);
    assert.equal(noSecret.code, 2);
    assert.match(noSecret.stderr, /Expected the secret in ENABLEKIT_KEY; found none/);
    const s = run(['seal'], { ENABLEKIT_KEY: SECRET });
    assert.equal(s.code, 0, s.stderr);
    assert.match(
      s.stdout,
      /sealed curricula\/sealed-quiz\.md \(key: curricula\/sealed-quiz\.key\.yml\)/,
    );
    const lintLocked = cli(['lint', 'curricula'], dir);
    assert.equal(lintLocked.code, 0, lintLocked.stdout);
    assert.match(lintLocked.stdout, /1 sealed quiz: answers not checked\. Set ENABLEKIT_KEY/);
    const lintKeyed = run(['lint', 'curricula'], { ENABLEKIT_KEY: SECRET });
    assert.equal(
      lintKeyed.code,
      1,
      'with the key, the answers are linted: the single-choice question has two right answers',
    );
    assert.match(lintKeyed.stdout, /quiz-single-answer/);
    assert.ok(
      !existsSync(join(dir, '.enablekit-cache', 'result.json')) ||
        !readFileSync(join(dir, '.enablekit-cache', 'result.json'), 'utf8').includes(
          'quiz-single-answer',
        ),
      'results with answers are not cached',
    );
    const cache = join(dir, '.enablekit-cache', 'models.json');
    if (existsSync(cache))
      for (const a of ANSWERS)
        assert.ok(!readFileSync(cache, 'utf8').includes(a), `"${a}" in the model cache`);

    assert.equal(
      run(['rotate'], { ENABLEKIT_KEY: SECRET }).code,
      2,
      'rotate needs ENABLEKIT_NEW_KEY',
    );
    const r = run(['seal', '--rotate'], {
      ENABLEKIT_KEY: SECRET,
      ENABLEKIT_NEW_KEY: 'next secret',
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const stale = run(['unseal'], { ENABLEKIT_KEY: SECRET });
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /does not authenticate/);
    const u = run(['unseal'], { ENABLEKIT_KEY: 'next secret' });
    assert.equal(u.code, 0, u.stdout + u.stderr);
    assert.equal(
      readFileSync(join(dir, 'curricula', 'sealed-quiz.md'), 'utf8'),
      QUIZ.replace('- [x] Incident', '- [x] Incident\n- [x] Escalations'),
    );
    assert.ok(
      !existsSync(join(dir, 'curricula', 'sealed-quiz.key.yml')),
      'the key file goes with unsealing',
    );
  });
});
