import assert from 'node:assert/strict';
import { fitBody, GITHUB_BODY_LIMIT } from '../core/text/github-body.js';
import {
  gradeCommentBody,
  readAttemptRecords,
  type AttemptRecord,
} from '../core/grading/grade-comment.js';
import type { Grade } from '../core/grading/types.js';

const record = (n: number): AttemptRecord => ({
  checkpoint: 'exam',
  learner: 'ana',
  sha: `${n}`.padStart(40, '0'),
  at: '2026-11-29T10:00:00Z',
  passed: false,
  percent: 50,
});

/** A 300-question exam answered at length: its table alone is far past GitHub's limit. */
function bigGrade(): Grade {
  const questions = Array.from({ length: 300 }, (_, i) => ({
    id: `q${i}`,
    type: 'text' as const,
    prompt: `Question ${i}: ${'why '.repeat(60)}`,
    answer: `${'<because> & '.repeat(40)}`,
    outcome: 'wrong' as const,
    points: 0,
    weight: 1,
    feedback: ['Look again at the runbook.'],
    line: 10 + i * 5,
  }));
  return {
    checkpoint: 'exam',
    learner: 'ana',
    attempt: 1,
    attemptsAllowed: 3,
    score: 0,
    maxScore: 300,
    percent: 0,
    passMark: 80,
    passed: false,
    revealed: false,
    questions,
  };
}

describe("GitHub's body limit", () => {
  it('a grade comment for a long exam fits, keeps every hidden record, and says what it left out', () => {
    const records = Array.from({ length: 40 }, (_, i) => record(i));
    const body = gradeCommentBody(
      [{ path: 'submissions/ana/exam.md', result: { ok: true, grade: bigGrade() } }],
      [],
      records,
    );
    assert.ok(body.length <= GITHUB_BODY_LIMIT, `${body.length} characters`);
    assert.deepEqual(readAttemptRecords(body), records, 'no attempt record is lost');
    assert.match(body, /### Not passed yet: 0% \(pass mark 80%\)/);
    assert.match(
      body,
      /> \d+ lines of results left out here to fit GitHub's 65,536-character limit\. Run `enablekit grade` on the sheet/,
    );
  });

  it('leaves a body that fits as it is, and cuts only at whole lines', () => {
    assert.equal(fitBody('a\nb', '<!-- x -->', 'See more.'), 'a\nb\n<!-- x -->');
    const cut = fitBody(`${'x'.repeat(100)}\n`.repeat(1000), '<!-- tail -->', 'See more.');
    assert.ok(cut.length <= GITHUB_BODY_LIMIT);
    assert.ok(
      cut
        .split('\n')
        .filter((l) => l.startsWith('x'))
        .every((l) => l.length === 100),
    );
    assert.ok(cut.endsWith('\n<!-- tail -->'));
  });
});
