import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { generateIssuerKey } from '../core/certificates/sign-credential.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { cli, ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith, releaseEvent } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const RIGHT = answerSheetText(quiz, 'ana')
  .replace('- [ ] Incident', '- [x] Incident')
  .replace('Answer: ', 'Answer: X-Request-Id');

describe('the Action issues an Open Badges certificate with the report card (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  let key: string;
  const repo = () => gh.state.repo('acme', 'training');
  const cards = () => repo().comments.filter((c) => c.body.includes('## 🎓 Report card'));

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    const curricula = join(workspace, 'curricula');
    writeFileSync(
      join(curricula, 'enablekit.yml'),
      `${readFileSync(join(curricula, 'enablekit.yml'), 'utf8')}certificates:\n  issuer:\n    id: https://github.com/acme/training\n    name: Acme Enablement\n`,
    );
    writeFileSync(
      join(curricula, 'track.md'),
      readFileSync(join(curricula, 'track.md'), 'utf8').replace(
        'phase: foundation',
        'phase: foundation\nvalid_for: 365d',
      ),
    );
    const pair = await generateIssuerKey('RS256');
    key = JSON.stringify(pair.privateJwk);
    mkdirSync(join(curricula, 'certificates'));
    writeFileSync(
      join(curricula, 'certificates/issuer-keys.json'),
      JSON.stringify({ keys: [pair.publicJwk] }),
    );
    writeFileSync(join(curricula, 'certificates/revoked.json'), '{"revokedCredentials":[]}');
    repo().setFiles('sha-1', { 'submissions/ana/basics-quiz.md': RIGHT });
    repo().addPull({
      number: 500,
      author: 'ana',
      title: 'Answers',
      head: { ref: 'ana/answers', sha: 'sha-1' },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: 'submissions/ana/basics-quiz.md', status: 'added' }],
    });
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  const grade = (inputs: Record<string, string>, action = 'opened') =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: 500,
        author: 'ana',
        headSha: 'sha-1',
        baseSha: 'b5e0f00dcafe0123456789abcdef0123456789ab',
      }),
      inputs,
    });

  it('posts the signed certificate in the report card; it verifies against the repository, once across re-runs, and never shows the key', async () => {
    const r = await grade({ 'certificate-key': key });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(cards().length, 1);
    const body = cards()[0]!.body;
    assert.match(body, /## 🏅 Certificate: Support basics/);
    assert.match(body, /Save the token below as `ana-support-basics\.jwt`/);
    const token = /```text\n([^\n]+)\n```/.exec(body)![1]!;
    const claims = decodeJwt(token);
    assert.equal(claims.sub, 'https://github.com/ana');
    assert.match(
      JSON.stringify(claims.evidence),
      /https:\/\/github\.com\/acme\/training\/tree\/b5e0f00dcafe0123456789abcdef0123456789ab/,
    );
    assert.ok(claims.exp! - claims.nbf! === 365 * 86_400, 'valid_for: 365d');
    assert.match(body, new RegExp(`<!-- enablekit:certificate \\{"id":"${claims.jti}"`));
    const d = JSON.parse(key).d as string;
    for (const c of repo().comments)
      assert.ok(!c.body.includes(d), 'the private key is never posted');
    // The runner reads ::add-mask:: and hides the value from every later line of the log.
    const logged = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    assert.ok(r.stdout.includes(`::add-mask::${key}`), 'the key is masked');
    assert.ok(!logged.includes(d), 'nor logged');

    writeFileSync(join(workspace, 'ana.jwt'), token);
    const v = cli(['certificate', 'verify', 'ana.jwt', '--curricula', 'curricula'], workspace);
    assert.equal(v.code, 0, v.stderr);
    assert.match(
      v.stdout,
      /Valid: https:\/\/github\.com\/ana completed Support basics on \d{4}-\d\d-\d\d \(curricula at b5e0f00dcafe\), issued by Acme Enablement/,
    );

    // The workflow re-run, and a push to the pull request: no second report card, no second certificate.
    assert.equal((await grade({ 'certificate-key': key })).code, 0);
    assert.equal((await grade({ 'certificate-key': key }, 'synchronize')).code, 0);
    assert.equal(cards().length, 1);
  });

  it('without the certificate-key secret, the report card goes out and the run says what is missing', async () => {
    const r = await grade({});
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(cards().length, 1);
    assert.doesNotMatch(cards()[0]!.body, /Certificate/);
    assert.match(r.stdout, /::warning::Expected the certificate-key secret/);
  });

  it('a release that asks for recertification revokes the certificate in the repository, once; a forged record revokes nothing', async () => {
    const curricula = join(workspace, 'curricula');
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(
        join(curricula, file),
        readFileSync(join(curricula, file), 'utf8').replace(from, to),
      );
    edit('enablekit.yml', 'policies:', 'features:\n  - id: request-ids\npolicies:');
    edit('basics-quiz.md', 'owner: lead', 'owner: lead\ncovers: [request-ids]');
    assert.equal((await grade({ 'certificate-key': key })).code, 0);
    const token = /```text\n([^\n]+)\n```/.exec(cards()[0]!.body)![1]!;
    const id = decodeJwt(token).jti!;
    // Ana, wanting Bo's certificate gone, posts a look-alike record on her own issue.
    const issue = cards()[0]!.issue;
    repo().comments.push({
      ...cards()[0]!,
      id: 9_999_001,
      author: 'ana',
      body: '<!-- enablekit:certificate {"id":"urn:uuid:00000000-0000-8000-8000-0000000000b0","learner":"ana","track":"support-basics"} -->',
    });
    const path = 'curricula/certificates/revoked.json';
    repo().setFile('main', path, '{"revokedCredentials":[]}\n');
    const release = () =>
      runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'release',
        payload: releaseEvent('v4.3.0', 'Every request-ids header now carries the region.'),
        inputs: { 'feature-sources': 'explicit,notes' },
      });
    // A workflow without contents: write: GitHub refuses, the run says what to do and goes on.
    gh.fault({
      status: 403,
      times: 1,
      match: /^PUT \/repos\/acme\/training\/contents\//,
      refusal: 'Resource not accessible by integration',
    });
    const refused = await release();
    assert.equal(refused.code, 0, refused.stdout + refused.stderr);
    assert.match(
      refused.stdout,
      new RegExp(
        `::warning::Expected to revoke 1 certificate\\(s\\) in ${path} after v4\\.3\\.0; GitHub refused \\(403\\).*Give the workflow contents: write \\(docs/certificates\\.md\\), or run "enablekit certificate revoke" for them and commit the list: ${id}`,
      ),
    );
    assert.equal(repo().fileWrites.length, 0);
    // Granted, the re-run revokes what the first could not, though it marks no one again.
    const r = await release();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const list = JSON.parse(repo().file('main', path)!);
    assert.deepEqual(
      list.revokedCredentials.map((c: { id: string }) => c.id),
      [id],
      "the Action's own record only",
    );
    assert.match(
      list.revokedCredentials[0].revocationReason,
      /^Release v4\.3\.0 changed what Support basics teaches; the learner recertifies by passing Basics quiz again \(revoked \d{4}-\d\d-\d\d\)$/,
    );
    assert.equal(
      list.id,
      'https://github.com/acme/training/raw/HEAD/curricula/certificates/revoked.json',
    );
    assert.deepEqual(
      repo().fileWrites.map((w) => [w.path, w.message]),
      [[path, 'enablekit: revoke certificates after v4.3.0']],
    );
    assert.equal(issue, cards()[0]!.issue);

    assert.equal((await release()).code, 0);
    assert.equal(repo().fileWrites.length, 1, 'a re-run writes nothing again');

    // The learner's certificate, checked against the repository as it now is: revoked.
    writeFileSync(join(curricula, 'certificates/revoked.json'), repo().file('main', path)!);
    writeFileSync(join(workspace, 'ana.jwt'), token);
    const v = cli(['certificate', 'verify', 'ana.jwt', '--curricula', 'curricula'], workspace);
    assert.equal(v.code, 1);
    assert.match(
      v.stderr,
      /The certificate was revoked: Release v4\.3\.0 changed what Support basics teaches/,
    );

    // Ana passes again on the changed training: a new report card with a new certificate, valid.
    repo().setFiles('sha-2', { 'submissions/ana/basics-quiz.md': RIGHT });
    repo().addPull({
      number: 900,
      author: 'ana',
      title: 'Answers again',
      head: { ref: 'ana/answers-2', sha: 'sha-2' },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: 'submissions/ana/basics-quiz.md', status: 'added' }],
    });
    const again = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', {
        number: 900,
        author: 'ana',
        headSha: 'sha-2',
        baseSha: 'b5e0f00dcafe0123456789abcdef0123456789ab',
      }),
      inputs: { 'certificate-key': key },
    });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(cards().length, 2, 'a second report card, for the track completed again');
    const renewed = /```text\n([^\n]+)\n```/.exec(cards()[1]!.body)![1]!;
    assert.notEqual(decodeJwt(renewed).jti, id);
    writeFileSync(join(workspace, 'ana.jwt'), renewed);
    const fresh = cli(['certificate', 'verify', 'ana.jwt', '--curricula', 'curricula'], workspace);
    assert.equal(fresh.code, 0, fresh.stderr);
    // And once only: the scheduled run after it owes no third.
    assert.equal((await grade({ 'certificate-key': key }, 'synchronize')).code, 0);
    assert.equal(cards().length, 2);
  });
});
