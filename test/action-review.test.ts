import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRecords } from '../core/progress/ledger.js';
import { LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import {
  issueCommentEvent,
  pullRequestEvent,
  pullRequestReviewEvent,
  runAction,
  workspaceWith,
} from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'review-curricula');
const sheet = (learner: string, checkpoint: string, body: string) =>
  `---\ntype: answer-sheet\ncheckpoint: ${checkpoint}\nlearner: ${learner}\n---\n\n${body}`;
const MOCK = (learner: string, id: string) =>
  sheet(
    learner,
    id,
    `# Mock: submission\n\n## Transcript\n\nDana: nobody can log in.\nMe: that stops your whole team; let us fix it together.\n`,
  );
const REFLECTION = (learner: string, words: string) =>
  sheet(
    learner,
    'basics-reflection',
    `# Basics reflection\n\n- [x] I have read "Basics" to the end\n\n## Your reflection\n\n### 1. Share a triage strategy\n\n${words}\n`,
  );

describe('the GitHub Action grades mocks by reviewers, checks reflections, counts participation and records appraisals (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  let nextId = 9000;
  const repo = () => gh.state.repo('acme', 'training');
  const progressIssue = (login: string) =>
    [...repo().issues.values()].find(
      (i) => !i.isPull && i.body.includes(`<!-- enablekit:progress learner=${login} -->`),
    );
  const recordsOf = (login: string) =>
    repo()
      .comments.filter((c) => c.issue === progressIssue(login)?.number)
      .flatMap((c) => readRecords(c.body));
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const gradeComment = (n: number) =>
    commentsOn(n).find((c) => c.body.includes('<!-- enablekit:grade -->'))!;

  const submit = (
    number: number,
    author: string,
    checkpoint: string,
    text: string,
    sha: string,
  ) => {
    repo().setFiles(sha, { [`submissions/${author}/${checkpoint}.md`]: text });
    const existing = repo().pulls.get(number);
    if (existing) {
      existing.head.sha = sha;
      return existing;
    }
    return repo().addPull({
      number,
      author,
      title: `${checkpoint} by ${author}`,
      head: { ref: `${author}/${checkpoint}`, sha },
      base: { ref: 'main', sha: 'base' },
      files: [{ filename: `submissions/${author}/${checkpoint}.md`, status: 'added' }],
    });
  };
  const opened = (
    p: { number: number; author: string; head: { sha: string } },
    action = 'opened',
  ) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestEvent(action, {
        number: p.number,
        author: p.author,
        headSha: p.head.sha,
        labels: repo().issues.get(p.number)!.labels,
      }),
    });
  const comment = (issue: number, author: string, body: string, id = nextId++) => {
    const i = repo().issues.get(issue)!;
    repo().comments.push({
      id,
      issue,
      author,
      body,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    });
    return runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id,
        author,
        body,
        issue,
        isPull: i.isPull,
        issueBody: i.body,
        issueLabels: i.labels,
        issueAuthor: i.author,
      }),
    });
  };
  /** A reviewer ticks criteria in the rubric checklist the Action posted. */
  const tick = (pr: number, ...criteria: string[]) => {
    const list = commentsOn(pr).find((c) => c.body.includes('<!-- enablekit:rubric'))!;
    for (const id of criteria)
      list.body = list.body.replace(
        new RegExp(`- \\[ \\] (.*<!-- criterion:${id} -->)`),
        '- [x] $1',
      );
  };

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    gh.state.teams.set('acme/trainers', ['tom']);
    repo();
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

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
      apiUrl: gh.url,
      workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id: nextId - 1,
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
      apiUrl: gh.url,
      workspace,
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

  it('a reflection is checked for completeness; replies and reactions count as participation for both sides', async () => {
    const short = submit(30, 'ana', 'basics-reflection', REFLECTION('ana', 'Ask first.'), 'sha-r1');
    await opened(short);
    assert.match(
      gradeComment(30).body,
      /not complete yet[\s\S]*Expected at least 5 words under prompt 1; found 2/,
    );
    assert.deepEqual(
      recordsOf('ana').map((r) => [r.kind, r.passed]),
      [['reflection', false]],
    );
    submit(
      30,
      'ana',
      'basics-reflection',
      REFLECTION(
        'ana',
        'I will ask what changed recently before anything else, because it finds most causes.',
      ),
      'sha-r2',
    );
    await opened(repo().pulls.get(30)!, 'synchronize');
    assert.match(gradeComment(30).body, /\*\*Reflection: Basics reflection\*\*: complete/);

    repo().reactions.push({
      issue: 30,
      user: 'cy',
      content: 'heart',
      created_at: '2026-11-20T10:00:00Z',
    });
    const reply = await comment(
      30,
      'ben',
      'I adopt this one: I also check the status page first.',
      4242,
    );
    assert.equal(reply.code, 0, reply.stdout + reply.stderr);
    const participation = (login: string) =>
      recordsOf(login)
        .filter((r) => r.kind === 'participation')
        .map((r) => [r.side, r.peer, r.ref]);
    assert.deepEqual(participation('ben'), [['gave', 'ana', 'comment-4242']]);
    assert.deepEqual(participation('ana').sort(), [
      ['received', 'ben', 'comment-4242'],
      ['received', 'cy', 'reaction-cy'],
    ]);
    assert.match(
      progressIssue('ana')!.body,
      /Participation on reflections:\*\* 0 replies or reactions given, 2 received \(with @ben, @cy\)/,
    );
    assert.match(progressIssue('ben')!.body, /1 reply or reaction given, 0 received/);

    const again = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id: 4242,
        author: 'ben',
        body: 'I adopt this one',
        issue: 30,
        isPull: true,
      }),
    });
    assert.equal(again.code, 0);
    assert.equal(
      recordsOf('ana').filter((r) => r.kind === 'participation').length,
      2,
      'a re-delivered event adds nothing',
    );
    await comment(30, 'ana', 'Thanks!');
    assert.equal(
      recordsOf('ana').filter((r) => r.kind === 'participation').length,
      2,
      'replying to yourself is not participation',
    );
  });

  it('/appraise on a progress issue: self, trainer and manager appraisals by the right people, escaped, on the body and the report card', async () => {
    const refl = submit(
      30,
      'ana',
      'basics-reflection',
      REFLECTION('ana', 'I will ask what changed recently before anything else.'),
      'sha-r',
    );
    await opened(refl);
    const issue = progressIssue('ana')!.number;
    const self = await comment(
      issue,
      'ana',
      '/appraise self support-onboarding\nI rush the close. <img src=x onerror=alert(1)> @everyone',
    );
    assert.equal(self.code, 0, self.stdout + self.stderr);
    const zed = await comment(issue, 'zed', '/appraise manager support-onboarding Great.');
    assert.match(
      commentsOn(issue).at(-1)!.body,
      /^@zed: Expected a manager appraisal of &#64;ana from the managers of their role in enablekit\.yml; found it from &#64;zed/,
    );
    assert.equal(zed.code, 0);
    await comment(issue, 'tom', '/appraise trainer support-onboarding Calm under pressure.');
    await comment(issue, 'maya', '/appraise manager support-onboarding Ready for the queue.');
    await comment(issue, 'tara', '/appraise trainer no-such-track Hm.');
    assert.match(
      commentsOn(issue).at(-1)!.body,
      /found "no-such-track"\. Use one of: support-onboarding/,
    );
    const appraisals = recordsOf('ana')
      .filter((r) => r.kind === 'appraisal')
      .map((r) => [r.as, r.reviewer]);
    assert.deepEqual(appraisals, [
      ['self', 'ana'],
      ['trainer', 'tom'],
      ['manager', 'maya'],
    ]);
    const body = progressIssue('ana')!.body;
    assert.match(body, /\*\*Appraisals\*\*/);
    assert.match(
      body,
      /- self, @ana on \d{4}-\d\d-\d\d: I rush the close\. &#60;img src=x onerror=alert\(1\)&#62; &#64;everyone/,
    );
    assert.doesNotMatch(body, /<img/);

    // Completing the track posts a report card with the mock notes and the appraisals so far.
    const beg = submit(40, 'ana', 'mock-beginner', MOCK('ana', 'mock-beginner'), 'sha-b');
    await opened(beg);
    tick(40, 'acknowledges-the-impact-before-asking-questions', 'ends-with-a-clear-next-step');
    await comment(40, 'tara', '/grade pass Clear next step.');
    const adv = submit(41, 'ana', 'mock-advanced', MOCK('ana', 'mock-advanced'), 'sha-a');
    await opened(adv);
    tick(41, 'acknowledges-the-impact-before-asking-questions', 'ends-with-a-clear-next-step');
    const last = await comment(41, 'tara', '/grade pass Handled the angry customer well.');
    assert.equal(last.code, 0, last.stdout + last.stderr);
    const card = commentsOn(issue).find((c) =>
      c.body.includes('## 🎓 Report card: Support onboarding'),
    );
    assert.ok(card, 'the report card');
    assert.match(
      card.body,
      /### Reviewer notes on the mock scenarios[\s\S]*pass \(@tara\): Handled the angry customer well\./,
    );
    assert.match(
      card.body,
      /### Appraisals[\s\S]*- trainer, @tom on [\d-]+: Calm under pressure\./,
    );
    assert.ok(repo().issues.get(issue)!.labels.includes('enablekit:track-complete'));
  });
});
