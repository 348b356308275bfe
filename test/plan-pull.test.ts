import assert from 'node:assert/strict';
import { classifyPull } from '../core/grading/classify-pull.js';
import { finishPull } from '../core/grading/finish-pull.js';
import {
  planPull,
  type GradedPull,
  type PullReads,
  type QuizKey,
  type SheetRead,
} from '../core/grading/plan-pull.js';
import { reviewGate } from '../core/grading/review-gate.js';
import { settleAttempts } from '../core/grading/settle-attempts.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Config } from '../core/config/config.js';
import type { Quiz } from '../core/model.js';
import { CLAIM_REF, type ProgressRecord } from '../core/progress/records.js';
import { parseGradeCommand } from '../core/review/grade-command.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import { ROOT } from './helpers/cli.js';

// The sample curricula: service-types-quiz (3 questions, the config's 3 attempts and 24h cooldown),
// support-mock-beginner (reviewed by lena-trainer), and ana-support, a support learner.
const QUIZ = 'service-types-quiz';
const MOCK = 'support-mock-beginner';
const ANA = 'ana-support';
const NOW = '2026-11-20T10:00:00Z';
const pull = { number: 7, author: ANA, headSha: 'sha-2', labels: [] as string[] };

describe('planning the grading of a pull request (core, no I/O)', function () {
  this.timeout(60_000);
  let roster: { index: WorkspaceIndex; config: Config };
  let quiz: Quiz;
  before(async () => {
    const { index, config } = await loadIndex({
      cwd: ROOT,
      cache: false,
      version: 'test',
      targets: resolveTargets(ROOT, ['curricula']),
    });
    roster = { index, config };
    quiz = index.item(QUIZ) as Quiz;
    assert.equal(quiz?.type, 'quiz');
    assert.equal(index.item(MOCK)?.type, 'scenario');
  });

  const sheetOf = (learner: string, answers: 'right' | 'wrong') => {
    const blank = answerSheetText(quiz, learner);
    return answers === 'right'
      ? blank
          .replace('- [ ] Premium support', '- [x] Premium support')
          .replace('Answer: \n', 'Answer: 1\n')
          .replace('Answer: \n', 'Answer: 90\n')
      : blank
          .replace('- [ ] Office hours', '- [x] Office hours')
          .replace('Answer: \n', 'Answer: 4\n')
          .replace('Answer: \n', 'Answer: 30\n');
  };
  const mockSheet = (learner: string) =>
    `---\ntype: answer-sheet\ncheckpoint: ${MOCK}\nlearner: ${learner}\n---\n\n# Mock: submission\n\n## Transcript\n\nDana: nobody can log in since this morning.\n`;

  /** What the Action would have read for these files at the head, author ana-support. */
  function reads(
    files: Record<string, SheetRead | undefined>,
    extra: Partial<PullReads> = {},
  ): PullReads {
    const classified = classifyPull(
      Object.keys(files).map((filename) => ({ filename, status: 'added' })),
      pull.author,
      'submissions',
      'curricula',
    );
    const keys = new Map<string, QuizKey>([[QUIZ, { ok: true, quiz }]]);
    return {
      pull,
      curricula: 'curricula',
      classified,
      comments: [],
      roster,
      texts: classified.sheets.map((s) => files[s.path]),
      keys,
      dryRun: false,
      now: NOW,
      ...extra,
    };
  }
  const finish = (g: GradedPull, r: PullReads, dryRun = false) =>
    finishPull({
      pull,
      refusals: r.classified.refusals,
      results: g.results,
      records: g.records,
      sections: g.sections,
      reviews: g.reviews,
      outcomeReviews: g.outcomeReviews,
      replies: g.replies,
      keyFailures: g.keyFailures,
      dryRun,
    });
  const failedAttempt = (at: string, sha = 'sha-1'): ProgressRecord => ({
    learner: ANA,
    checkpoint: QUIZ,
    kind: 'quiz',
    pr: 6,
    sha,
    at,
    passed: false,
    percent: 0,
    attempt: 1,
  });

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

  it('a quiz with an open question is not graded by the Action: refused, with no attempt used and nothing recorded', () => {
    const open = {
      ...quiz.questions[0]!,
      id: 'why',
      type: 'open' as const,
      prompt: 'Why?',
      choices: [],
    };
    const withOpen: Quiz = { ...quiz, questions: [...quiz.questions, open] };
    const r = reads(
      { [`submissions/${ANA}/${QUIZ}.md`]: { text: sheetOf(ANA, 'right') } },
      { keys: new Map<string, QuizKey>([[QUIZ, { ok: true, quiz: withOpen }]]) },
    );
    const g = planPull(r);
    const result = g.results[0]!.result;
    assert.ok(!result.ok);
    assert.equal(result.refusal.reason, 'needs-reviewer');
    assert.match(result.refusal.message, /open question \(why\), which a reviewer grades/);
    assert.deepEqual([g.fresh, g.records, g.quizSheets], [[], [], []]);
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
      config: roster.config,
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
      config: roster.config,
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
    const gate = reviewGate(pull, r.classified.sheets, roster.index, roster.config, event, []);
    assert.match(gate.refused ?? '', /kofi-support|review/i);
    const taken = reviewGate(
      pull,
      r.classified.sheets,
      roster.index,
      roster.config,
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
