import assert from 'node:assert/strict';
import { issueCommentEvent, runAction } from './helpers/run-action.js';
import { MOCK, REFLECTION, reviewHarness } from './helpers/review-harness.js';

describe('the GitHub Action checks reflections, counts participation and records appraisals (real bundle, local GitHub API)', function () {
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
      apiUrl: h.gh.url,
      workspace: h.workspace,
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
