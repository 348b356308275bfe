import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';
import { issueCommentEvent, runAction } from './helpers/run-action.js';
import { reviewHarness } from './helpers/review-harness.js';

const QUIZ = `---
type: quiz
id: updates-quiz
title: Updates
module: basics
owner: lead
pass_mark: 70
---
# Updates

## Which queue takes P1 tickets?
<!-- question id=p1 -->

- [x] Incident
- [ ] Tier 1

## How would you tell a customer their P1 is not fixed yet?
<!-- question id=p1-update type=open weight=2 -->

Rubric:

- Says what is known and what is not
- Gives the time of the next update

## Why does a P2 get a reply within four hours?
<!-- question id=p2-why type=essay -->
`;

/** Ana's sheet: the choice right, both open questions answered. */
function sheet(): string {
  const quiz = parseFile('curricula/updates-quiz.md', QUIZ).model.item as Quiz;
  const [head, update, why] = answerSheetText(quiz, 'ana').split('Answer: \n');
  return `${head!.replace('- [ ] Incident', '- [x] Incident')}Answer: We know the cause; the fix is not out yet.\n\nNext update at 14:00.\n${update}Answer: Customers are blocked in part.\n${why}`;
}

describe('the GitHub Action: open answers graded by a reviewer (real bundle, local GitHub API)', function () {
  this.timeout(180_000);
  const h = reviewHarness();
  const { repo, recordsOf, commentsOn, gradeComment, submit, opened, comment, progressIssue } = h;
  const labels = () => repo().issues.get(30)!.labels;
  const lastReply = () => commentsOn(30).at(-1)!.body;
  const kinds = () =>
    recordsOf('ana').map((r) => [r.kind, r.ref ?? '', r.question ?? '', r.percent ?? '']);

  it('grades the rest at submission and claims the attempt; reviewers of the role mark the open answers; the last mark settles it; a re-run changes nothing', async () => {
    writeFileSync(join(h.workspace, 'curricula', 'updates-quiz.md'), QUIZ);
    const p = submit(30, 'ana', 'updates-quiz', sheet(), 'sha-q1');
    const first = await opened(p);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    // 1 of 4 points so far; the open answers wait, and the attempt is claimed.
    assert.match(gradeComment(30).body, /### Waiting for a reviewer: 25% so far \(pass mark 70%\)/);
    assert.match(gradeComment(30).body, /⏳ waits for a reviewer \(0\/2\)/);
    assert.match(gradeComment(30).body, /comments "\/grade p1-update 75%"/);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'neutral');
    assert.deepEqual(labels(), []);
    assert.deepEqual(kinds(), [['quiz', 'claim', '', '']]);

    // Not a reviewer of Ana's role, and Ana herself: told so, nothing recorded.
    await comment(30, 'ben', '/grade p1-update 100%');
    assert.match(
      lastReply(),
      /^@ben: Expected a reviewer of the open answers of .*updates-quiz.*who is not one/,
    );
    await comment(30, 'ana', '/grade p1-update 100%');
    assert.match(lastReply(), /^@ana: Expected a reviewer other than the learner/);
    await comment(30, 'tara', '/grade p3 100%');
    assert.match(
      lastReply(),
      /^@tara: Expected the id of an open question of .*updates-quiz.* \(p1-update, p2-why\); found .*p3/,
    );
    assert.deepEqual(kinds(), [['quiz', 'claim', '', '']]);

    // A mark, then the same reviewer's second mark of the question, which replaces it: still waiting for p2-why.
    const half = await comment(30, 'tara', '/grade p1-update 50% No time for the next update.');
    assert.equal(half.code, 0, half.stdout + half.stderr);
    assert.match(gradeComment(30).body, /Graded by &#64;tara: 50% of the question's credit\./);
    const again = await comment(30, 'tara', '/grade p1-update 100% Reread: it is there.');
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(gradeComment(30).body, /Graded by &#64;tara: 100% of the question's credit\./);
    assert.match(gradeComment(30).body, /### Waiting for a reviewer: 75% so far/);
    assert.match(gradeComment(30).body, /The open question "p2-why" waits for a reviewer/);
    assert.deepEqual(labels(), []);

    // A team member of the role's reviewers marks the last one: the attempt is settled and recorded.
    const last = await comment(30, 'tom', '/grade p2-why 100%');
    assert.equal(last.code, 0, last.stdout + last.stderr);
    assert.match(gradeComment(30).body, /### Passed: 100% \(pass mark 70%\)/);
    assert.deepEqual(labels(), ['checkpoint:passed']);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'success');
    const settled = [
      ['quiz', 'claim', '', ''],
      ['mark', `comment-${h.nextId - 3}`, 'p1-update', 50],
      ['mark', `comment-${h.nextId - 2}`, 'p1-update', 100],
      ['mark', `comment-${h.nextId - 1}`, 'p2-why', 100],
      ['quiz', '', '', 100],
    ];
    assert.deepEqual(kinds(), settled);
    const result = recordsOf('ana').at(-1)!;
    assert.deepEqual([result.passed, result.attempt], [true, 1]);
    assert.match(progressIssue('ana')!.body, /Updates: passed, best 100%, 1 attempt/);

    // Settled: a later mark is refused.
    await comment(30, 'tara', '/grade p1-update 0%');
    assert.match(
      lastReply(),
      /^@tara: Expected an attempt still waiting for a mark; found every open answer/,
    );
    assert.deepEqual(kinds(), settled);

    // The settling comment delivered again, and the pull request's event again: nothing changes.
    const body = gradeComment(30).body;
    const rerun = await runAction({
      apiUrl: h.gh.url,
      workspace: h.workspace,
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        id: h.nextId - 2,
        author: 'tom',
        body: '/grade p2-why 100%',
        issue: 30,
        isPull: true,
      }),
    });
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    const push = await opened(repo().pulls.get(30)!, 'synchronize');
    assert.equal(push.code, 0, push.stdout + push.stderr);
    assert.deepEqual(kinds(), settled);
    assert.deepEqual(labels(), ['checkpoint:passed']);
    assert.equal(gradeComment(30).body, body);
  });

  it('marks that leave the score under the pass mark settle the attempt as not passed: the failed label and the result recorded', async () => {
    writeFileSync(join(h.workspace, 'curricula', 'updates-quiz.md'), QUIZ);
    await opened(submit(30, 'ana', 'updates-quiz', sheet(), 'sha-q1'));
    await comment(30, 'tara', '/grade p1-update 0% Says nothing of what is known.');
    const last = await comment(30, 'tom', '/grade p2-why 50%');
    assert.equal(last.code, 0, last.stdout + last.stderr);
    assert.match(gradeComment(30).body, /### Not passed yet: 37\.5% \(pass mark 70%\)/);
    assert.match(gradeComment(30).body, /Says nothing of what is known\./);
    assert.deepEqual(labels(), ['checkpoint:failed']);
    assert.equal(repo().checkRuns.at(-1)!.conclusion, 'failure');
    const result = recordsOf('ana').at(-1)!;
    assert.deepEqual(
      [result.kind, result.passed, result.percent, result.attempt],
      ['quiz', false, 37.5, 1],
    );
  });
});
