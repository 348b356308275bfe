import assert from 'node:assert/strict';
import { attemptPlaces, storedAttempts } from '../core/grading/attempt-order.js';
import { classifyPull } from '../core/grading/classify-pull.js';
import { finishPull } from '../core/grading/finish-pull.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { outcomeLabelChanges } from '../core/grading/outcome-label.js';
import { planPull, type GradedPull, type PullReads } from '../core/grading/plan-pull.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeMarkdown, gradeText } from '../core/grading/render-grade.js';
import { retakeStanding } from '../core/grading/retake-policy.js';
import { settleAttempts } from '../core/grading/settle-attempts.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { GradePolicy, PriorAttempt } from '../core/grading/types.js';
import type { Config } from '../core/config/config.js';
import type { Quiz } from '../core/model.js';
import { parseFile } from '../core/parse/parse-file.js';
import { checkpointResults } from '../core/progress/checkpoint-results.js';
import { readLedger, recordComment } from '../core/progress/ledger.js';
import { learnerStatus } from '../core/progress/learner-status.js';
import { CLAIM_REF, type ProgressRecord } from '../core/progress/records.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import { ROOT } from './helpers/cli.js';

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * HOUR).toISOString();
const iso = (h: number) => at(h).replace(/\.\d{3}Z$/, 'Z');
const fail = (h: number): PriorAttempt => ({ at: at(h), passed: false, percent: 20 });
const pass = (h: number): PriorAttempt => ({ at: at(h), passed: true, percent: 100 });
/** Every "attempt N of M" a text shows, as [N, M]. */
const attemptsShown = (text: string) =>
  [...text.matchAll(/attempt (\d+) of (\d+)/gi)].map((m) => [Number(m[1]), Number(m[2])]);

describe('the retake policy: practice after a pass, attempts and the cooldown before it', () => {
  const policy = { attempts: 3, retakeCooldownMs: 24 * HOUR };

  it('decides each further sheet from the attempts counted before it', () => {
    const table: [string, PriorAttempt[], number, ReturnType<typeof retakeStanding>][] = [
      ['a first sheet', [], 0, { kind: 'attempt', attempt: 1 }],
      ['after a failure, past the cooldown', [fail(0)], 25, { kind: 'attempt', attempt: 2 }],
      [
        'after a failure, inside the cooldown: refused, saying when it opens',
        [fail(0)],
        1,
        { kind: 'refused', reason: 'cooldown', opensAt: iso(24) },
      ],
      [
        'the cooldown runs from the last failure',
        [fail(0), fail(30)],
        40,
        { kind: 'refused', reason: 'cooldown', opensAt: iso(54) },
      ],
      [
        'all attempts used',
        [fail(0), fail(30), fail(60)],
        100,
        { kind: 'refused', reason: 'no-attempts-left' },
      ],
      [
        'after a pass, an hour into what would be a cooldown: practice',
        [pass(0)],
        1,
        { kind: 'practice', passedAt: at(0), passedAttempt: 1 },
      ],
      [
        'after a pass at the last attempt: practice, not "attempt 4 of 3"',
        [fail(0), fail(30), pass(60)],
        61,
        { kind: 'practice', passedAt: at(60), passedAttempt: 3 },
      ],
    ];
    for (const [what, prior, h, want] of table)
      assert.deepEqual(retakeStanding(prior, policy, at(h)), want, what);
    assert.deepEqual(
      retakeStanding([fail(0)], { attempts: 3, retakeCooldownMs: 0 }, at(0)),
      { kind: 'attempt', attempt: 2 },
      'no cooldown at 0',
    );
  });

  it('a cycle that starts afresh counts only the attempts passed to it', () => {
    const all = [fail(0), pass(30)];
    const cycle = all.filter((p) => Date.parse(p.at) > Date.parse(at(40)));
    assert.equal(retakeStanding(all, policy, at(50)).kind, 'practice');
    assert.deepEqual(retakeStanding(cycle, policy, at(50)), { kind: 'attempt', attempt: 1 });
  });

  it('places a sheet stored after a counted pass as practice: it takes no attempt from later sheets', () => {
    const rec = (sha: string, h: number, passed = false) => ({
      checkpoint: 'q',
      learner: 'ana',
      sha,
      at: at(h),
      passed,
      percent: passed ? 100 : 0,
    });
    const places = attemptPlaces(
      [rec('a', 0, true), rec('b', 1), rec('c', 2), rec('d', 3), rec('e', 4)],
      'q',
      'ana',
      { attempts: 1, retakeCooldownMs: 24 * HOUR },
    );
    assert.deepEqual(
      [...places].map(([sha, p]) => [sha, 'attempt' in p ? p.attempt : 'practice' in p]),
      [
        ['a', 1],
        ['b', true],
        ['c', true],
        ['d', true],
        ['e', true],
      ],
    );
  });
});

const QUIZ = `---
type: quiz
id: q
title: Q
module: m
---
# Q

## Which queue takes P1 tickets?
<!-- question id=single type=single -->

- [ ] Tier 1
- [x] Incident
`;

describe('no comment or terminal output reads "attempt N of M" with N past M (property)', () => {
  const quiz = parseFile('q.md', QUIZ).model.item as Quiz;
  const sheets = [false, true].map((right) => {
    const read = readAnswerSheet(
      answerSheetText(quiz, 'ana').replace(right ? '- [ ] Incident' : '- [ ] Tier 1', (s) =>
        s.replace('[ ]', '[x]'),
      ),
    );
    assert.ok(read.ok);
    return read.sheet;
  });
  // A small deterministic generator: the same histories on every run.
  let seed = 19;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('over 300 random histories, with the attempts allowed changing between sheets', () => {
    let practised = 0;
    for (let run = 0; run < 300; run++) {
      const counted: PriorAttempt[] = [];
      let h = 0;
      for (let k = 0; k < 10; k++) {
        h += rand(40);
        const policy: GradePolicy = {
          passMark: 80,
          attempts: 1 + rand(4),
          retakeCooldownMs: [0, HOUR, 24 * HOUR][rand(3)]!,
          revealAnswers: 'after-pass',
        };
        const r = gradeQuiz({
          sheet: sheets[rand(3) === 0 ? 1 : 0]!,
          quiz,
          policy,
          prior: counted,
          now: at(h),
        });
        if (!r.ok) continue;
        for (const text of [gradeMarkdown(r.grade), gradeText(r.grade)])
          for (const [n, m] of attemptsShown(text))
            assert.ok(n! <= m!, `"attempt ${n} of ${m}" in:\n${text}`);
        if (r.grade.practice) {
          practised++;
          assert.ok(
            counted.some((p) => p.passed),
            'practice only after a pass',
          );
          assert.doesNotMatch(gradeMarkdown(r.grade), /Attempt \d+ of/);
          continue;
        }
        assert.ok(!counted.some((p) => p.passed), 'no counted attempt after a pass');
        assert.equal(r.grade.attempt, counted.length + 1);
        const last = counted.at(-1);
        assert.ok(
          !last || Date.parse(at(h)) >= Date.parse(last.at) + policy.retakeCooldownMs,
          'no counted attempt inside the cooldown',
        );
        counted.push({ at: at(h), passed: r.grade.passed, percent: r.grade.percent });
      }
    }
    assert.ok(practised > 100, `${practised} practice sheets generated`);
  });
});

// The sample curricula: service-types-quiz (3 questions, 3 attempts, 24h cooldown, reveal after-pass), in the success role's adoption-planning track.
const SAMPLE = 'service-types-quiz';
const ANA = 'ana-support';
const NOW = '2026-11-20T10:00:00Z';
const SHEET = `submissions/${ANA}/${SAMPLE}.md`;

describe('a sheet after a pass is graded as practice, recorded nowhere, labelled checkpoint:practice (core, no I/O)', function () {
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
    quiz = index.item(SAMPLE) as Quiz;
  });
  const pull = (labels: string[] = []) => ({
    number: 7,
    author: ANA,
    headSha: 'sha-2',
    labels,
  });
  const wrongSheet = () =>
    answerSheetText(quiz, ANA)
      .replace('- [ ] Office hours', '- [x] Office hours')
      .replace('Answer: \n', 'Answer: 4\n')
      .replace('Answer: \n', 'Answer: 30\n');
  const reads = (extra: Partial<PullReads> = {}, labels: string[] = []): PullReads => {
    const classified = classifyPull(
      [{ filename: SHEET, status: 'added' }],
      ANA,
      'submissions',
      'curricula',
    );
    return {
      pull: pull(labels),
      curricula: 'curricula',
      classified,
      comments: [],
      roster,
      texts: [{ text: wrongSheet() }],
      keys: new Map([[SAMPLE, { ok: true, quiz }]]),
      dryRun: false,
      now: NOW,
      ...extra,
    };
  };
  const finish = (g: GradedPull, r: PullReads) =>
    finishPull({
      pull: r.pull,
      refusals: r.classified.refusals,
      results: g.results,
      records: g.records,
      sections: g.sections,
      reviews: g.reviews,
      outcomeReviews: g.outcomeReviews,
      replies: g.replies,
      keyFailures: g.keyFailures,
      dryRun: false,
    });
  const record = (sha: string, time: string, passed: boolean, ref?: string): ProgressRecord => ({
    learner: ANA,
    checkpoint: SAMPLE,
    kind: 'quiz',
    pr: 6,
    sha,
    at: time,
    ...(ref ? { ref } : {}),
    passed: ref ? false : passed,
    ...(ref ? {} : { percent: passed ? 100 : 0, attempt: 1 }),
  });

  it('a pass an hour ago, then a failing sheet inside the 24h cooldown: practice, no claim, no record, the practice label and a neutral check', () => {
    const passed = record('sha-1', '2026-11-20T09:00:00Z', true);
    const r = reads({ ledger: { records: [passed] } }, ['checkpoint:passed']);
    const g = planPull(r);
    const result = g.results[0]!.result;
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.grade.practice, { passedAt: passed.at, passedAttempt: 1 });
    assert.equal(result.grade.passed, false);
    assert.ok(result.grade.revealed, 'answers seen at the pass are shown again');
    assert.deepEqual([g.fresh, g.quizSheets, g.records], [[], [], []], 'recorded nowhere');
    const f = finish(g, r);
    assert.match(f.body, /### Practice: 0%/);
    assert.match(
      f.body,
      /passed this checkpoint on 2026-11-20 at attempt 1, so this result does not count/,
    );
    assert.doesNotMatch(f.body, /Attempt \d+ of|last attempt|Not passed yet/);
    assert.deepEqual(
      f.writes.filter((w) => w.kind === 'label'),
      [{ kind: 'label', add: 'checkpoint:practice', remove: 'checkpoint:passed' }],
    );
    const check = f.writes.find((w) => w.kind === 'check-run');
    assert.ok(check?.kind === 'check-run');
    assert.equal(check.run.conclusion, 'neutral');
    assert.match(check.run.output.summary, /practice, not counted/);
    assert.deepEqual([f.outcome.passed, f.outcome.failed, f.outcome.graded], [0, 0, 1]);
  });

  it('a failed attempt, then a retry inside the cooldown: refused, saying when it opens', () => {
    const failed = record('sha-1', '2026-11-20T09:00:00Z', false);
    const g = planPull(reads({ ledger: { records: [failed] } }));
    const result = g.results[0]!.result;
    assert.ok(!result.ok && result.refusal.reason === 'cooldown');
    assert.match(result.refusal.message, /wait until 2026-11-21T09:00:00Z/);
    assert.deepEqual([g.fresh, g.quizSheets], [[], []]);
  });

  it('a run that raced a pass stored before its claim is settled as practice: no result, out of the grade comment', () => {
    const first = planPull(reads());
    assert.ok(first.results[0]!.result.ok && !first.results[0]!.result.grade.practice);
    const stored = [
      record('sha-1', '2026-11-20T09:59:00Z', false, CLAIM_REF),
      ...first.fresh,
      record('sha-1', '2026-11-20T09:59:00Z', true),
    ];
    const s = settleAttempts({
      quizSheets: first.quizSheets,
      results: first.results,
      records: first.records,
      stored,
      config: roster.config,
      pull: pull(),
      now: NOW,
    });
    const settled = s.results[0]!.result;
    assert.ok(settled.ok && settled.grade.practice);
    assert.deepEqual([s.settle, s.records], [[], []]);
    // Its claim stays, holding no result: the readers never see it, and it takes no attempt.
    const places = attemptPlaces(storedAttempts(stored), SAMPLE, ANA, {
      attempts: 3,
      retakeCooldownMs: 0,
    });
    assert.ok(places.get('sha-2') && 'practice' in places.get('sha-2')!);
  });

  it('the progress readers count the pass alone: attempts 1, best 100, the module passed', () => {
    const stored = [
      record('sha-1', '2026-11-20T09:00:00Z', false, CLAIM_REF),
      record('sha-1', '2026-11-20T09:00:00Z', true),
      // A practice run that raced the pass leaves its claim only.
      record('sha-2', '2026-11-20T09:30:00Z', false, CLAIM_REF),
    ];
    const ledger = readLedger(
      stored.map((r, k) => ({
        id: k + 1,
        body: recordComment([r]),
        byEnablekit: true,
        createdAt: r.at,
        updatedAt: r.at,
      })),
      ANA,
    );
    const mine = checkpointResults(ledger.records, ANA).get(SAMPLE);
    assert.deepEqual([mine?.passed, mine?.attempts, mine?.best], [true, 1, 100]);
    const status = learnerStatus(ANA, ['success'], roster.index, ledger.records, '2026-11-20');
    const module = status
      .flatMap((t) => t.modules)
      .find((m) => m.checkpoints.some((c) => c.id === SAMPLE));
    assert.deepEqual(
      module?.checkpoints.find((c) => c.id === SAMPLE),
      { id: SAMPLE, passed: true, attempts: 1, best: 100 },
    );
  });

  it('a practice label replaces whichever outcome label the pull request carries, and a counted result replaces practice', () => {
    assert.deepEqual(outcomeLabelChanges([], 'practice'), [
      { add: 'checkpoint:practice', remove: 'checkpoint:passed' },
    ]);
    assert.deepEqual(outcomeLabelChanges(['checkpoint:failed'], 'practice'), [
      { add: 'checkpoint:practice', remove: 'checkpoint:failed' },
    ]);
    assert.deepEqual(outcomeLabelChanges(['checkpoint:practice'], 'passed'), [
      { add: 'checkpoint:passed', remove: 'checkpoint:practice' },
    ]);
    // As before the practice label existed: passed removes failed, failed removes passed.
    assert.deepEqual(outcomeLabelChanges([], 'passed'), [
      { add: 'checkpoint:passed', remove: 'checkpoint:failed' },
    ]);
    assert.deepEqual(outcomeLabelChanges(['checkpoint:passed'], 'failed'), [
      { add: 'checkpoint:failed', remove: 'checkpoint:passed' },
    ]);
  });
});
