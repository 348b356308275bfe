import assert from 'node:assert/strict';
import { planPull, type QuizKey } from '../core/grading/plan-pull.js';
import { settleAttempts } from '../core/grading/settle-attempts.js';
import type { Quiz } from '../core/model.js';
import { CLAIM_REF } from '../core/progress/records.js';
import { ANA, NOW, QUIZ, planPullHarness, pull } from './helpers/plan-pull-harness.js';

describe('planning the grading of a pull request (core, no I/O)', function () {
  this.timeout(60_000);
  const h = planPullHarness();
  const { sheetOf, reads, finish, failedAttempt } = h;

  it('a passing quiz sheet plans a claim, then the grade comment, the passed label and a successful check', () => {
    const r = reads({ [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } });
    const g = planPull(r);
    assert.equal(g.results.length, 1);
    const result = g.results[0]!.result;
    assert.ok(result.ok);
    assert.equal(result.grade.passed, true);
    assert.equal(result.grade.percent, 100);
    assert.equal(result.grade.attempt, 1);
    // The progress issue gets a claim holding no result; the result waits for the attempt's place.
    assert.deepEqual(g.fresh, [
      {
        learner: ANA,
        checkpoint: QUIZ,
        kind: 'quiz',
        pr: 7,
        sha: 'sha-2',
        ref: CLAIM_REF,
        at: NOW,
        passed: false,
      },
    ]);
    assert.equal(g.quizSheets.length, 1);
    assert.deepEqual(
      {
        passed: g.quizSheets[0]!.record.passed,
        attempt: g.quizSheets[0]!.record.attempt,
        missed: g.quizSheets[0]!.record.missed,
      },
      { passed: true, attempt: 1, missed: [] },
    );
    assert.deepEqual(g.records, [
      { checkpoint: QUIZ, learner: ANA, sha: 'sha-2', at: NOW, passed: true, percent: 100 },
    ]);
    assert.deepEqual(g.checklists, []);
    assert.deepEqual(g.keyFailures, []);

    const f = finish(g, r);
    assert.deepEqual(
      f.writes.map((w) => w.kind),
      ['grade-comment', 'label', 'check-run'],
    );
    assert.deepEqual(f.writes[1], {
      kind: 'label',
      add: 'checkpoint:passed',
      remove: 'checkpoint:failed',
    });
    const check = f.writes[2]!;
    assert.ok(check.kind === 'check-run');
    assert.equal(check.headSha, 'sha-2');
    assert.equal(check.run.conclusion, 'success');
    assert.deepEqual(
      {
        graded: f.outcome.graded,
        passed: f.outcome.passed,
        failed: f.outcome.failed,
        pending: f.outcome.pending,
        refusals: f.outcome.refusals,
      },
      { graded: 1, passed: 1, failed: 0, pending: 0, refusals: [] },
    );
    assert.equal((f.writes[0] as { body: string }).body, f.body);
  });

  it('a quiz sheet with an open answer claims the attempt, records no result and waits: no label, a neutral check', () => {
    const open = {
      ...h.quiz.questions[0]!,
      id: 'why',
      type: 'open' as const,
      prompt: 'Why?',
      choices: [],
    };
    const withOpen: Quiz = { ...h.quiz, questions: [...h.quiz.questions, open] };
    const text = `${sheetOf(ANA, 'right')}\n## Why?\n<!-- question id=why type=open -->\n\nAnswer: Because.\n`;
    const r = reads(
      { [`submissions/${ANA}/${QUIZ}.md`]: { text } },
      { keys: new Map<string, QuizKey>([[QUIZ, { ok: true, quiz: withOpen }]]) },
    );
    const g = planPull(r);
    const result = g.results[0]!.result;
    assert.ok(result.ok);
    assert.deepEqual([result.grade.passed, result.grade.pending], [false, ['why']]);
    assert.deepEqual(
      g.fresh.map((f) => f.ref),
      [CLAIM_REF],
    );
    const settled = settleAttempts({
      quizSheets: g.quizSheets,
      results: g.results,
      records: g.records,
      stored: g.fresh,
      config: h.roster.config,
      pull,
      now: NOW,
    });
    assert.deepEqual(settled.settle, [], 'no result recorded while the open answer waits');
    const f = finish(g, r);
    assert.deepEqual(
      f.writes.map((w) => w.kind),
      ['grade-comment', 'check-run'],
    );
    const check = f.writes[1]!;
    assert.equal(check.kind === 'check-run' && check.run.conclusion, 'neutral');
    assert.deepEqual([f.outcome.pending, f.outcome.failed, f.outcome.passed], [1, 0, 0]);
  });

  it("a learner submitting in another learner's folder is refused, with nothing graded or recorded", () => {
    const r = reads({
      [`submissions/kofi-support/${QUIZ}.md`]: { text: sheetOf('kofi-support', 'right') },
    });
    assert.equal(r.classified.sheets.length, 0);
    assert.equal(r.classified.refusals.length, 1);
    const g = planPull(r);
    assert.deepEqual(
      [g.results, g.fresh, g.records, g.quizSheets, g.checklists],
      [[], [], [], [], []],
    );
    const f = finish(g, r);
    assert.deepEqual(f.writes[1], {
      kind: 'label',
      add: 'checkpoint:failed',
      remove: 'checkpoint:passed',
    });
    assert.equal(f.writes[2]!.kind === 'check-run' && f.writes[2]!.run.conclusion, 'failure');
    assert.equal(f.outcome.graded, 0);
    assert.match(f.outcome.refusals[0]!, /kofi-support/);
  });

  it("a sheet in the learner's own folder naming another learner is refused, with nothing recorded", () => {
    const g = planPull(
      reads({ [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf('kofi-support', 'right') } }),
    );
    const result = g.results[0]!.result;
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'invalid-sheet');
    assert.match(result.refusal.message, /found learner: kofi-support/);
    assert.deepEqual([g.fresh, g.records, g.quizSheets], [[], [], []]);
  });

  it('a retry after a failed attempt is graded as the second attempt, and settled at its place once read back', () => {
    const prior = failedAttempt('2026-11-18T10:00:00Z');
    const r = reads(
      { [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } },
      { ledger: { records: [prior] } },
    );
    const g = planPull(r);
    const result = g.results[0]!.result;
    assert.ok(result.ok);
    assert.equal(result.grade.attempt, 2);
    assert.equal(g.quizSheets[0]!.record.attempt, 2);

    // Read back: the earlier attempt, then this run's claim.
    const settled = settleAttempts({
      quizSheets: g.quizSheets,
      results: g.results,
      records: g.records,
      stored: [prior, ...g.fresh],
      config: h.roster.config,
      pull,
      now: NOW,
    });
    assert.equal(settled.settle.length, 1);
    assert.deepEqual(
      {
        passed: settled.settle[0]!.passed,
        attempt: settled.settle[0]!.attempt,
        ref: settled.settle[0]!.ref,
      },
      { passed: true, attempt: 2, ref: undefined },
    );
    const again = settled.results[0]!.result;
    assert.ok(again.ok && again.grade.attempt === 2);
  });

  it('a retry inside the cooldown is refused, and a run that raced into it is voided when settled', () => {
    const prior = failedAttempt('2026-11-20T09:00:00Z');
    const g = planPull(
      reads(
        { [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } },
        { ledger: { records: [prior] } },
      ),
    );
    const result = g.results[0]!.result;
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'cooldown');
    assert.deepEqual([g.fresh, g.quizSheets], [[], []]);

    // Graded as the first attempt, then the read-back shows another run's attempt stored first, an hour before.
    const first = planPull(
      reads({ [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'wrong') } }),
    );
    const settled = settleAttempts({
      quizSheets: first.quizSheets,
      results: first.results,
      records: first.records,
      stored: [prior, ...first.fresh],
      config: h.roster.config,
      pull,
      now: NOW,
    });
    const placed = settled.results[0]!.result;
    assert.ok(!placed.ok && placed.refusal.reason === 'cooldown');
    assert.deepEqual(settled.records, [], 'the refused attempt leaves the grade comment');
    assert.deepEqual(
      {
        ref: settled.settle[0]!.ref,
        refused: settled.settle[0]!.refused,
        passed: settled.settle[0]!.passed,
      },
      { ref: 'refused', refused: 'cooldown', passed: false },
    );
    assert.equal(first.records.length, 1, 'the plan read is not changed by settling');
  });
});
