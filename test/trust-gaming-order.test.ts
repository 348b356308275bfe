import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import {
  issueCommentEvent,
  pullRequestEvent,
  runAction,
  workspaceWith,
} from './helpers/run-action.js';

/** A sheet no parser should be asked to read: the grader must refuse it from its name or its commenter alone. */
const POISON = `${'- '.repeat(4000)}x\n`;
const MOCK = `---\ntype: answer-sheet\ncheckpoint: mock-beginner\nlearner: ana\n---\n\n# Mock: submission\n\n## Transcript\n\nDana: nobody can log in.\n`;

describe('the Action checks checkpoint ids and commenters before it reads a sheet (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  const repo = () => gh.state.repo('acme', 'training');
  const reads = (path: string) =>
    gh.calls.filter(
      (c) => c.operationId === 'repos/get-content' && decodeURIComponent(c.path).endsWith(path),
    ).length;
  const open = (number: number, files: Record<string, string>, sha: string) => {
    repo().setFiles(sha, files);
    return repo().addPull({
      number,
      author: 'ana',
      title: 'Answers',
      head: { ref: `ana/${number}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: Object.keys(files).map((filename) => ({ filename, status: 'added' as const })),
    });
  };

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it('refuses a sheet for a checkpoint the base branch does not have by its name, without fetching or parsing it', async () => {
    const workspace = workspaceWith(join(ROOT, 'test', 'fixtures', 'action-curricula'));
    const p = open(40, { 'submissions/ana/no-such-quiz.md': POISON }, 'sha-x');
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent('opened', { number: p.number, author: 'ana', headSha: p.head.sha }),
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const summary = JSON.parse(r.outputs.summary!);
    assert.deepEqual(summary.sheets, [
      { path: 'submissions/ana/no-such-quiz.md', refused: 'unknown-checkpoint' },
    ]);
    assert.deepEqual(summary.refusals, [
      'Expected a checkpoint "no-such-quiz" in curricula on the base branch; found none. Check the file name against the checkpoint\'s id.',
    ]);
    assert.equal(reads('submissions/ana/no-such-quiz.md'), 0, 'the sheet was never fetched');
  });

  it('answers a /grade from someone who is not a reviewer without reading the sheets again', async () => {
    const workspace = workspaceWith(join(ROOT, 'test', 'fixtures', 'review-curricula'));
    open(41, { 'submissions/ana/mock-beginner.md': MOCK }, 'sha-m');
    assert.equal(
      (
        await runAction({
          apiUrl: gh.url,
          workspace,
          eventName: 'pull_request_target',
          payload: pullRequestEvent('opened', { number: 41, author: 'ana', headSha: 'sha-m' }),
        })
      ).code,
      0,
    );
    const gradeComment = repo().comments.find(
      (c) => c.issue === 41 && c.body.includes('<!-- enablekit:grade -->'),
    )!;
    const before = gradeComment.body;
    // The learner then pushes a sheet no parser should see; the commit is the same as far as GitHub's listing goes.
    repo().setFiles('sha-m', { 'submissions/ana/mock-beginner.md': POISON });
    const fetched = reads('submissions/ana/mock-beginner.md');
    const checks = repo().checkRuns.length;
    for (const [id, author, body] of [
      [501, 'ben', '/grade pass great'],
      [502, 'ana', '/grade pass mine'],
    ] as const) {
      repo().comments.push({
        id,
        issue: 41,
        author,
        body,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      });
      const r = await runAction({
        apiUrl: gh.url,
        workspace,
        eventName: 'issue_comment',
        payload: issueCommentEvent({ id, author, body, issue: 41, isPull: true }),
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    const replies = repo()
      .comments.filter((c) => c.issue === 41 && /^@(ben|ana):/.test(c.body))
      .map((c) => c.body);
    assert.match(
      replies[0]!,
      /^@ben: Expected a reviewer of "mock-beginner".*who is not one\. The comment was ignored\./,
    );
    assert.match(replies[1]!, /^@ana: Expected a reviewer other than the learner/);
    assert.equal(
      reads('submissions/ana/mock-beginner.md'),
      fetched,
      'the sheet was not fetched again',
    );
    assert.equal(gradeComment.body, before, 'the grade comment is untouched');
    assert.equal(repo().checkRuns.length, checks, 'no check run for a command not taken');
  });
});
