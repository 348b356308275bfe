import assert from 'node:assert/strict';
import { issueCommentEvent, pullRequestReviewEvent, runAction } from './helpers/run-action.js';
import { MOCK, reviewHarness } from './helpers/review-harness.js';

describe('the GitHub Action grades mocks by reviewers (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  const h = reviewHarness();
  const {
    repo,
    progressIssue,
    recordsOf,
    commentsOn,
    gradeComment,
    submit,
    opened,
    comment,
    tick,
  } = h;

  it('a mock pull request gets the rubric as a checklist and waits for a reviewer: neutral check, no label, no record', async () => {
    const p = submit(10, 'ana', 'mock-beginner', MOCK('ana', 'mock-beginner'), 'sha-1');
    const r = await opened(p);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const checklist = commentsOn(10).find((c) =>
      c.body.includes('<!-- enablekit:rubric scenario=mock-beginner -->'),
    );
    assert.ok(checklist, 'the rubric checklist');
    assert.match(
      checklist.body,
      /- \[ \] Acknowledges the impact before asking questions \*\*\(required\)\*\* <!-- criterion:acknowledges-the-impact-before-asking-questions -->/,
    );
    assert.match(gradeComment(10).body, /waiting for a reviewer/);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'neutral');
    assert.deepEqual(repo().issues.get(10)!.labels, []);
    assert.equal(recordsOf('ana').length, 0);
    await opened(p, 'synchronize');
    assert.equal(
      commentsOn(10).filter((c) => c.body.includes('<!-- enablekit:rubric')).length,
      1,
      'one checklist, however often it runs',
    );
  });

  it("an unauthorised grader is told so and ignored; a trainer's fail is recorded with notes; a retake passed by a team member is attempt 2", async () => {
    const p = submit(10, 'ana', 'mock-beginner', MOCK('ana', 'mock-beginner'), 'sha-1');
    await opened(p);
    const ben = await comment(10, 'ben', '/grade pass looks fine to me');
    assert.equal(ben.code, 0, ben.stdout + ben.stderr);
    assert.match(
      commentsOn(10).at(-1)!.body,
      /^@ben: Expected a reviewer of .*mock-beginner.*found &#64;ben, who is not one\. The comment was ignored\./,
    );
    assert.equal(recordsOf('ana').length, 0, 'nothing recorded');

    tick(10, 'acknowledges-the-impact-before-asking-questions');
    const fail = await comment(
      10,
      'tara',
      '/grade fail\nGood empathy. <b>No</b> next step @everyone',
    );
    assert.equal(fail.code, 0, fail.stdout + fail.stderr);
    const [verdict] = recordsOf('ana');
    assert.deepEqual(
      [verdict!.kind, verdict!.passed, verdict!.attempt, verdict!.reviewer, verdict!.met],
      ['mock', false, 1, 'tara', ['acknowledges-the-impact-before-asking-questions']],
    );
    const body = gradeComment(10).body;
    assert.match(body, /\*\*fail\*\* \(attempt 1\), graded by @tara/);
    assert.match(
      body,
      /&#60;b&#62;No&#60;\/b&#62; next step &#64;everyone/,
      'reviewer notes escaped: no HTML, no mention',
    );
    assert.deepEqual(repo().issues.get(10)!.labels, ['checkpoint:failed']);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'failure');

    // The same comment delivered again records nothing new.
    const again = await runAction({
      apiUrl: h.gh.url,
      workspace: h.workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id: h.nextId - 1,
        author: 'tara',
        body: '/grade fail\nGood empathy. <b>No</b> next step @everyone',
        issue: 10,
        isPull: true,
      }),
    });
    assert.equal(again.code, 0);
    assert.equal(recordsOf('ana').length, 1);

    submit(
      10,
      'ana',
      'mock-beginner',
      MOCK('ana', 'mock-beginner') + '\nMe: I will call you back at 10.\n',
      'sha-2',
    );
    await opened(repo().pulls.get(10)!, 'synchronize');
    assert.match(
      gradeComment(10).body,
      /waiting for a reviewer/,
      'the retake waits for its own verdict',
    );

    const unmet = await comment(10, 'tom', '/grade pass');
    assert.equal(unmet.code, 0);
    assert.match(
      commentsOn(10).at(-1)!.body,
      /^@tom: Expected every required criterion ticked for a pass; found ends-with-a-clear-next-step not ticked/,
    );
    tick(10, 'ends-with-a-clear-next-step');
    const pass = await comment(10, 'tom', '/grade pass Much better.');
    assert.equal(pass.code, 0, pass.stdout + pass.stderr);
    assert.deepEqual(
      recordsOf('ana').map((r) => [r.passed, r.attempt, r.reviewer]),
      [
        [false, 1, 'tara'],
        [true, 2, 'tom'],
      ],
    );
    assert.deepEqual(repo().issues.get(10)!.labels, ['checkpoint:passed']);
    assert.match(
      progressIssue('ana')!.body,
      /Beginner mock: the customer who cannot log in: passed, 2 attempts/,
    );
  });

  it('the advanced mock cannot be passed before the beginner one; a review that starts with /grade grades like a comment', async () => {
    const adv = submit(20, 'ana', 'mock-advanced', MOCK('ana', 'mock-advanced'), 'sha-a');
    await opened(adv);
    assert.match(gradeComment(20).body, /`mock-beginner` must be passed first/);
    tick(20, 'acknowledges-the-impact-before-asking-questions', 'ends-with-a-clear-next-step');
    await comment(20, 'tara', '/grade pass');
    assert.match(
      commentsOn(20).at(-1)!.body,
      /^@tara: Expected mock-beginner passed before "mock-advanced"/,
    );
    assert.equal(recordsOf('ana').length, 0);

    const beg = submit(21, 'ana', 'mock-beginner', MOCK('ana', 'mock-beginner'), 'sha-b');
    await opened(beg);
    tick(21, 'acknowledges-the-impact-before-asking-questions', 'ends-with-a-clear-next-step');
    const review = await runAction({
      apiUrl: h.gh.url,
      workspace: h.workspace,
      eventName: 'pull_request_review',
      payload: pullRequestReviewEvent({
        id: 555,
        reviewer: 'tara',
        body: '/grade pass\nSolid call.',
        state: 'approved',
        pr: { number: 21, author: 'ana', headSha: 'sha-b' },
      }),
    });
    assert.equal(review.code, 0, review.stdout + review.stderr);
    assert.deepEqual(
      recordsOf('ana').map((r) => [r.checkpoint, r.passed, r.ref]),
      [['mock-beginner', true, 'review-555']],
    );

    await comment(20, 'tara', '/grade pass Now it counts.');
    assert.deepEqual(
      recordsOf('ana').map((r) => [r.checkpoint, r.passed]),
      [
        ['mock-beginner', true],
        ['mock-advanced', true],
      ],
    );
  });
});
