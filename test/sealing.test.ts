import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { seal, openSealed, rotate } from '../core/sealing/seal.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { renderPreview } from '../core/render/render-preview.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { cli, tempWorkspace, MODULE } from './helpers/cli.js';
import { pullRequestEvent, runAction } from './helpers/run-action.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: sealed-quiz
title: Sealed quiz
module: basics
owner: lead
reveal_answers: never
---
# Sealed quiz

Answer every question.

## Which queue takes P1 tickets?
<!-- question id=p1 type=single -->

- [ ] Tier 1
  > ZEBRA-FEEDBACK: tier 1 is for how-to questions.
- [x] Incident

> ZEBRA-EXPLANATION: P1 means an outage.

## Which of these are customer data?
<!-- question id=data type=multiple -->

- [x] Email address
- [x] Order history
- [ ] Our status page

## Which header carries the request id?
<!-- question id=header type=text -->

Accepted answers:

- \`X-Zebra-Request\`

## Hours to the first reply on a P2?
<!-- question id=hours type=numeric -->

Answer: 4 ± 0.5

## Put the steps in order
<!-- question id=order type=ordering -->

1. Read the message
2. Find the impact
3. Set the priority
`;
const ANSWERS = ['ZEBRA-FEEDBACK', 'ZEBRA-EXPLANATION', 'X-Zebra-Request', 'Answer: 4'];
const quizOf = (text: string) => parseFile('curricula/sealed-quiz.md', text).model.item as Quiz;

/** A sheet with every answer right, made from the sealed quiz (what the learner sees). */
function rightSheet(sealed: Quiz, learner: string): string {
  let s = answerSheetText(sealed, learner)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('- [ ] Email address', '- [x] Email address')
    .replace('- [ ] Order history', '- [x] Order history');
  s = s
    .replace(
      /(## Which header carries the request id\?\n.*\n\n)Answer: /,
      '$1Answer: x-zebra-request',
    )
    .replace(/(## Hours to the first reply on a P2\?\n.*\n\n)Answer: /, '$1Answer: 4');
  return s.replace(
    /(## Put the steps in order\n.*\n\n)(?:\d\. .*\n)+/,
    '$11. Read the message\n2. Find the impact\n3. Set the priority\n',
  );
}

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

  describe('the Action grades a sealed quiz with the secret, and no key material reaches anything it writes', () => {
    let gh: LocalGitHub;
    beforeEach(async () => {
      gh = new LocalGitHub();
      await gh.start();
    });
    afterEach(async () => {
      await gh.stop();
      assert.deepEqual(gh.violations, []);
    });

    const setUp = () => {
      const sealed = seal('curricula/sealed-quiz.md', QUIZ, SECRET);
      assert.ok(sealed.ok);
      const workspace = tempWorkspace({
        'curricula/enablekit.yml': 'version: 1\nroles:\n  support:\n    learners: [ana]\n',
        'curricula/basics.md': MODULE('basics'),
        'curricula/sealed-quiz.md': sealed.sealedText,
        'curricula/sealed-quiz.key.yml': sealed.keyText,
      });
      const repo = gh.state.repo('acme', 'training');
      repo.setFiles('sha-1', {
        'submissions/ana/sealed-quiz.md': rightSheet(quizOf(sealed.sealedText), 'ana'),
      });
      repo.addPull({
        number: 5,
        author: 'ana',
        title: 'answers',
        head: { ref: 'ana/q', sha: 'sha-1' },
        base: { ref: 'main', sha: 'base' },
        files: [{ filename: 'submissions/ana/sealed-quiz.md', status: 'added' }],
      });
      return { workspace, repo, keyText: sealed.keyText };
    };
    const everything = (
      repo: ReturnType<LocalGitHub['state']['repo']>,
      run: { stdout: string; stderr: string; summary: string; outputs: Record<string, string> },
    ) =>
      // ::add-mask:: is how a step hands the runner a secret to mask: the runner consumes that line and shows it nowhere.
      [
        ...repo.comments.map((c) => c.body),
        ...[...repo.issues.values()].map((i) => i.body),
        ...repo.checkRuns.map((c) => JSON.stringify(c)),
        run.stdout.replace(/^::add-mask::.*$/m, ''),
        run.stderr,
        run.summary,
        JSON.stringify(run.outputs),
      ].join('\n');

    it('grades with the secret: 100%, and grep finds no answer, no secret and no key data in comments, checks, logs, summary or outputs', async () => {
      const { workspace, repo, keyText } = setUp();
      const r = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number: 5, author: 'ana', headSha: 'sha-1' }),
        inputs: { 'answer-key': SECRET },
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(JSON.parse(r.outputs.summary!).sheets[0].percent, 100);
      assert.equal(
        r.stdout
          .split('\n')
          .filter((l) => l.includes(SECRET))
          .join(),
        `::add-mask::${SECRET}`,
        'the secret is handed to the runner to mask, and appears nowhere else',
      );
      const all = everything(repo, r);
      const data = /^data: (.+)$/m.exec(keyText)![1]!;
      const found = [
        SECRET,
        data.slice(0, 24),
        'ZEBRA-FEEDBACK',
        'ZEBRA-EXPLANATION',
        'X-Zebra-Request',
        '"correct":',
      ].filter((x) => all.includes(x));
      assert.deepEqual(found, [], 'key material found');
    });

    it('after rotation the Action grades with the new secret, and the old one no longer opens the key', async () => {
      const { workspace, repo } = setUp();
      const keyPath = join(workspace, 'curricula', 'sealed-quiz.key.yml');
      const rotated = rotate(
        quizOf(readFileSync(join(workspace, 'curricula', 'sealed-quiz.md'), 'utf8')),
        readFileSync(keyPath, 'utf8'),
        SECRET,
        'the rotated secret',
      );
      assert.ok(rotated.ok);
      writeFileSync(keyPath, rotated.keyText);
      const old = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number: 5, author: 'ana', headSha: 'sha-1' }),
        inputs: { 'answer-key': SECRET },
      });
      assert.equal(old.code, 1);
      assert.match(old.stdout, /does not authenticate/);
      const fresh = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('synchronize', { number: 5, author: 'ana', headSha: 'sha-1' }),
        inputs: { 'answer-key': 'the rotated secret' },
      });
      assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
      assert.equal(JSON.parse(fresh.outputs.summary!).sheets[0].percent, 100);
      assert.ok(repo.comments.some((c) => /Score: 100%|100%/.test(c.body)));
    });

    it('a tampered key fails grading with a clear error and keeps the sheet; a missing secret fails with instructions, not a crash', async () => {
      const { workspace, repo } = setUp();
      const keyPath = join(workspace, 'curricula', 'sealed-quiz.key.yml');
      writeFileSync(
        keyPath,
        readFileSync(keyPath, 'utf8').replace(
          /^tag: (.)/m,
          (_m, c: string) => `tag: ${c === 'A' ? 'B' : 'A'}`,
        ),
      );
      const tampered = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('opened', { number: 5, author: 'ana', headSha: 'sha-1' }),
        inputs: { 'answer-key': SECRET },
      });
      assert.equal(tampered.code, 1);
      assert.match(
        tampered.stdout,
        /::error::curricula\/sealed-quiz\.md:8: Expected the key of "sealed-quiz" to open with the configured secret; found it does not authenticate/,
      );
      assert.doesNotMatch(
        tampered.stdout + tampered.stderr,
        /at \w+ \(|node:internal/,
        'no stack trace',
      );
      assert.match(
        repo.comments.at(-1)!.body,
        /found them sealed, and this run could not open them\. The maintainers are told; your answers are kept/,
      );
      assert.equal(
        repo.file('sha-1', 'submissions/ana/sealed-quiz.md')?.length ? 'kept' : 'lost',
        'kept',
      );

      const missing = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'pull_request_target',
        payload: pullRequestEvent('synchronize', { number: 5, author: 'ana', headSha: 'sha-1' }),
      });
      assert.equal(missing.code, 1);
      assert.match(
        missing.stdout,
        /::error::curricula\/sealed-quiz\.md:8: Expected the answer-key secret to open curricula\/sealed-quiz\.key\.yml; found none\. Add the secret .* as the repository secret ENABLEKIT_KEY, pass it to the Action \(with: answer-key: \$\{\{ secrets\.ENABLEKIT_KEY \}\}\)/,
      );
      assert.doesNotMatch(missing.stdout + missing.stderr, /at \w+ \(|node:internal/);
    });
  });
});
