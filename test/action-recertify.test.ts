import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readRecords } from '../core/progress/ledger.js';
import type { Quiz } from '../core/model.js';
import { LocalGitHub } from './github-api/server.js';
import { BIN, ROOT } from './helpers/cli.js';
import { pullRequestEvent, runAction, workspaceWith, releaseEvent } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'action-curricula');
const quiz = parseFile('basics-quiz.md', readFileSync(join(CURRICULA, 'basics-quiz.md'), 'utf8'))
  .model.item as Quiz;
const RIGHT = (l: string) =>
  answerSheetText(quiz, l)
    .replace('- [ ] Incident', '- [x] Incident')
    .replace('Answer: ', 'Answer: X-Request-Id');

/** `enablekit progress` reading the progress issues, run without blocking the local GitHub server. */
function progressCli(
  apiUrl: string,
  cwd: string,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [BIN, 'progress', '--repo', 'acme/training', '--api-url', apiUrl],
      {
        cwd,
        env: { PATH: process.env.PATH!, NO_COLOR: '1', GITHUB_TOKEN: 'ghs_test' },
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('the GitHub Action asks for recertification after a release (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssue = (login: string) =>
    [...repo().issues.values()].find(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    )!;
  const commentsOf = (login: string) =>
    repo().comments.filter((c) => c.issue === progressIssue(login).number);
  const recordsOf = (login: string, kind: string) =>
    commentsOf(login)
      .flatMap((c) => readRecords(c.body))
      .filter((r) => r.kind === kind && r.ref !== 'claim');
  const pull = (number: number, author: string, sheet: string, sha: string) => {
    repo().setFiles(sha, { [`submissions/${author}/basics-quiz.md`]: sheet });
    return repo().addPull({
      number,
      author,
      title: 'Answers',
      head: { ref: `${author}/answers-${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/basics-quiz.md`, status: 'added' }],
    });
  };
  const grade = (p: { number: number; author: string; head: { sha: string } }) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
      }),
    });
  const release = (tag: string, notes: string) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'release',
      payload: releaseEvent(tag, notes),
      inputs: { 'feature-sources': 'explicit,notes' },
    });
  /** Move every record two hours back: the next run's records are strictly later, as a real run's would be. */
  const ageRecords = () =>
    repo().comments.forEach(
      (c) =>
        (c.body = c.body.replace(
          /"at":"([^"]+)"/g,
          (_, at: string) =>
            `"at":"${new Date(Date.parse(at) - 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`,
        )),
    );
  const edit = (file: string, from: string, to: string) =>
    writeFileSync(
      join(workspace, 'curricula', file),
      readFileSync(join(workspace, 'curricula', file), 'utf8').replace(from, to),
    );

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    repo();
    edit('enablekit.yml', 'policies:', 'features:\n  - id: request-ids\n  - id: queues\npolicies:');
    // The quiz covers request-ids itself; queues reaches it through its module.
    edit('basics-quiz.md', 'owner: lead', 'owner: lead\ncovers: [request-ids]');
    edit('basics.md', 'owner: lead', 'owner: lead\ncovers: [queues]');
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('marks a pass to recertify once per release, mentioning the learner once; a new pass makes it current, attempt 1 of the new cycle', async () => {
    const first = await grade(pull(500, 'ana', RIGHT('ana'), 'sha-1'));
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(progressIssue('ana').body, /\| Basics \| ✅ passed \|/);
    ageRecords();

    const r1 = await release('v4.3.0', 'Every request-ids header now carries the region.');
    assert.equal(r1.code, 0, r1.stdout + r1.stderr);
    assert.deepEqual(JSON.parse(r1.outputs.summary!).recertified, {
      learners: 1,
      records: 1,
      deferred: 0,
    });
    assert.deepEqual(
      recordsOf('ana', 'recertify').map((r) => [r.checkpoint, r.release, r.features]),
      [['basics-quiz', 'v4.3.0', ['request-ids']]],
    );
    const mark = commentsOf('ana').at(-1)!;
    assert.equal(mark.body.match(/@ana\b/g)?.length, 1, 'the learner is mentioned once');
    assert.match(mark.body, /release v4\.3\.0 changed request-ids/);
    assert.match(progressIssue('ana').body, /\| Basics \| 🔄 to recertify \|/);
    assert.match(
      progressIssue('ana').body,
      /Basics quiz: to recertify after v4\.3\.0 \(request-ids\)/,
    );

    const comments = repo().comments.length;
    const rerun = await release('v4.3.0', 'Every request-ids header now carries the region.');
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.equal(repo().comments.length, comments, 'a re-run marks nothing twice');
    assert.equal(recordsOf('ana', 'recertify').length, 1);
    ageRecords();

    const r2 = await release('v4.4.0', 'The queues page is new.');
    assert.equal(r2.code, 0, r2.stdout + r2.stderr);
    assert.deepEqual(
      recordsOf('ana', 'recertify').map((r) => [r.release, r.features]),
      [
        ['v4.3.0', ['request-ids']],
        ['v4.4.0', ['queues']],
      ],
      'a later release touching the module marks once more, for itself',
    );
    assert.equal(
      commentsOf('ana')
        .at(-1)!
        .body.match(/@ana\b/g)?.length,
      1,
    );
    const cli = await progressCli(gh.url, workspace);
    assert.equal(cli.code, 0, cli.stdout);
    assert.match(
      cli.stdout,
      /\| Basics \| 🔄 to recertify \|/,
      'enablekit progress shows the same',
    );
    assert.match(cli.stdout, /\| Basics quiz \| 1 \| 0 \(1 to recertify\) \|/);
    ageRecords();

    const again = await grade(pull(600, 'ana', RIGHT('ana'), 'sha-2'));
    assert.equal(again.code, 0, again.stdout + again.stderr);
    const sheet = JSON.parse(again.outputs.summary!).sheets[0];
    assert.deepEqual([sheet.passed, sheet.attempt], [true, 1], 'attempts counted afresh');
    assert.deepEqual(
      recordsOf('ana', 'quiz').map((r) => [r.sha, r.passed, r.attempt]),
      [
        ['sha-1', true, 1],
        ['sha-2', true, 1],
      ],
    );
    assert.match(progressIssue('ana').body, /\| Basics \| ✅ passed \|/);
    assert.doesNotMatch(progressIssue('ana').body, /to recertify/);
  });

  it('within operations-per-run: a learner left over is marked by a re-run, the others not twice', async () => {
    edit('enablekit.yml', 'learners: [ana]', 'learners: [ana, bo]');
    assert.equal((await grade(pull(500, 'ana', RIGHT('ana'), 'sha-1'))).code, 0);
    assert.equal((await grade(pull(700, 'bo', RIGHT('bo'), 'sha-2'))).code, 0);
    ageRecords();
    const notes = 'Every request-ids header now carries the region.';
    const short = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'release',
      payload: releaseEvent('v4.3.0', notes),
      inputs: { 'feature-sources': 'explicit,notes', 'operations-per-run': '5' },
    });
    assert.equal(short.code, 0, short.stdout + short.stderr);
    // Three writes go to the stale issues; the two left mark one learner (a comment and the body).
    assert.deepEqual(JSON.parse(short.outputs.summary!).recertified, {
      learners: 1,
      records: 1,
      deferred: 1,
    });
    assert.match(short.stdout, /1 learner\(s\) left\. Re-run this job/);
    assert.equal(recordsOf('ana', 'recertify').length, 1);
    assert.equal(recordsOf('bo', 'recertify').length, 0);
    const ofAna = commentsOf('ana').length;
    const rerun = await release('v4.3.0', notes);
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.deepEqual(JSON.parse(rerun.outputs.summary!).recertified, {
      learners: 1,
      records: 1,
      deferred: 0,
    });
    assert.equal(commentsOf('ana').length, ofAna, 'ana is not marked twice');
    assert.deepEqual(
      recordsOf('bo', 'recertify').map((r) => r.release),
      ['v4.3.0'],
    );
    assert.match(progressIssue('bo').body, /🔄 to recertify/);
  });

  it('policies.recertify: never leaves passes as they are', async () => {
    edit('enablekit.yml', 'policies:', 'policies:\n  recertify: never');
    assert.equal((await grade(pull(500, 'ana', RIGHT('ana'), 'sha-1'))).code, 0);
    ageRecords();
    const comments = commentsOf('ana').length;
    const r = await release('v4.3.0', 'Every request-ids header now carries the region.');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(commentsOf('ana').length, comments, 'no comment on the progress issue');
    assert.equal(recordsOf('ana', 'recertify').length, 0);
    assert.match(progressIssue('ana').body, /\| Basics \| ✅ passed \|/);
  });
});
