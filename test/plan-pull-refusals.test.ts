import assert from 'node:assert/strict';
import { planPull, type QuizKey } from '../core/grading/plan-pull.js';
import { reviewGate } from '../core/grading/review-gate.js';
import { parseGradeCommand } from '../core/review/grade-command.js';
import { ANA, MOCK, NOW, QUIZ, planPullHarness, pull } from './helpers/plan-pull-harness.js';

describe('planning the grading of a pull request: mocks and refusals (core, no I/O)', function () {
  this.timeout(60_000);
  const h = planPullHarness();
  const { mockSheet, sheetOf, reads, finish } = h;

  it('a mock gets its rubric checklist and waits for a reviewer: no label, a neutral check', () => {
    const r = reads({ [`submissions/${ANA}/${MOCK}.md`]: { text: mockSheet(ANA) } });
    const g = planPull(r);
    assert.deepEqual(
      g.checklists.map((c) => c.checkpoint),
      [MOCK],
    );
    assert.match(g.checklists[0]!.body, new RegExp(`enablekit:rubric scenario=${MOCK}`));
    assert.deepEqual(g.outcomeReviews, [
      { path: `submissions/${ANA}/${MOCK}.md`, checkpoint: MOCK, state: 'pending' },
    ]);
    assert.deepEqual([g.results, g.quizSheets], [[], []]);
    const f = finish(g, r);
    assert.deepEqual(
      f.writes.map((w) => w.kind),
      ['grade-comment', 'check-run'],
    );
    assert.equal(f.writes[1]!.kind === 'check-run' && f.writes[1]!.run.conclusion, 'neutral');
    assert.deepEqual(
      { graded: f.outcome.graded, pending: f.outcome.pending },
      { graded: 0, pending: 1 },
    );

    // The checklist already posted is not posted again; a dry run posts nothing and says what it would do.
    assert.deepEqual(
      planPull({ ...r, comments: [{ body: g.checklists[0]!.body }] }).checklists,
      [],
    );
    const dry = planPull({ ...r, dryRun: true });
    assert.deepEqual(dry.checklists, []);
    assert.deepEqual(
      finish(dry, r, true).writes.map((w) => w.kind),
      ['info'],
    );
  });

  it('a /grade command from someone who does not review the mock is refused before any sheet is read', () => {
    const r = reads({ [`submissions/${ANA}/${MOCK}.md`]: { text: mockSheet(ANA) } });
    const command = parseGradeCommand('/grade pass');
    assert.ok(command && 'verdict' in command);
    const event = { login: 'kofi-support', command, ref: 'comment-1', at: NOW };
    const gate = reviewGate(pull, r.classified.sheets, h.roster.index, h.roster.config, event, []);
    assert.match(gate.refused ?? '', /kofi-support|review/i);
    const taken = reviewGate(
      pull,
      r.classified.sheets,
      h.roster.index,
      h.roster.config,
      { ...event, login: 'lena-trainer' },
      [],
    );
    assert.equal(taken.refused, undefined);
    assert.deepEqual(taken.reviewer, { login: 'lena-trainer', teams: [] });
  });

  it('a quiz whose key could not be opened is refused with the answers kept, and the maintainers are told what to fix', () => {
    const keys = new Map<string, QuizKey>([
      [
        QUIZ,
        {
          ok: false,
          reason: 'no-secret',
          message: 'curricula/x.md:7: Expected the answer-key secret; found none.',
        },
      ],
    ]);
    const g = planPull(
      reads({ [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } }, { keys }),
    );
    const result = g.results[0]!.result;
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'key-unavailable');
    assert.equal(g.keyFailures.length, 1);
    assert.match(g.keyFailures[0]!, /ENABLEKIT_KEY/);
    assert.deepEqual([g.fresh, g.records], [[], []]);
  });

  it("a quiz is not graded while records are missing from the learner's progress issue", () => {
    const g = planPull(
      reads(
        { [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } },
        { ledger: { records: [], missing: [2], issue: { number: 41 } } },
      ),
    );
    const result = g.results[0]!.result;
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'ledger-damaged');
    assert.match(g.keyFailures[0]!, /#41.*record number 2 missing/);
    assert.deepEqual([g.fresh, g.quizSheets], [[], []]);
  });

  for (const [what, read, found] of [
    [
      'too large',
      { found: 'a file of 1.2 MB, sent without its content' },
      /found a file of 1\.2 MB, sent without its content/,
    ],
    ['missing', undefined, /found nothing/],
  ] as const) {
    it(`a sheet found ${what} at the head is refused as what was found, with nothing recorded`, () => {
      const r = reads({ [`submissions/${ANA}/${QUIZ}.md`]: read });
      const g = planPull(r);
      const result = g.results[0]!.result;
      assert.ok(!result.ok);
      assert.equal(result.refusal.reason, 'invalid-sheet');
      assert.match(result.refusal.message, found);
      assert.match(result.refusal.message, /at most \d+ KB/);
      assert.deepEqual([g.fresh, g.records, g.quizSheets], [[], [], []]);
      const f = finish(g, r);
      assert.equal(f.writes[2]!.kind === 'check-run' && f.writes[2]!.run.conclusion, 'failure');
    });
  }
});
