import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal, rotate } from '../core/sealing/seal.js';
import { LocalGitHub } from './github-api/server.js';
import { tempWorkspace, MODULE } from './helpers/cli.js';
import { pullRequestEvent, runAction } from './helpers/run-action.js';
import { QUIZ, SECRET, quizOf, rightSheet } from './helpers/sealed-quiz.js';

describe('sealed answer keys', function () {
  this.timeout(60_000);

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
