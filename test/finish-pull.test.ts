import assert from 'node:assert/strict';
import { classifyPull } from '../core/grading/classify-pull.js';
import { finishPull, type FinishedPull, type PullWrite } from '../core/grading/finish-pull.js';
import { planPull, type QuizKey } from '../core/grading/plan-pull.js';
import { readShownState } from '../core/grading/shown-state.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { PullFacts } from '../core/grading/pull-outcome.js';
import type { Config } from '../core/config/config.js';
import type { Quiz } from '../core/model.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import { ROOT } from './helpers/cli.js';

// The sample curricula: service-types-quiz (3 attempts, 24h cooldown), ana-support a support learner.
const QUIZ = 'service-types-quiz';
const ANA = 'ana-support';
const SHEET = `submissions/${ANA}/${QUIZ}.md`;

describe('what a run writes once graded: state from the grade comment, never an older result over a newer one (core, no I/O)', function () {
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
  });

  const sheet = (answers: 'right' | 'wrong') => {
    const blank = answerSheetText(quiz, ANA);
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

  /** One run: the event's pull request (head, payload labels), the sheet at that head, the grade comment as listed. */
  function grade(
    pull: PullFacts,
    answers: 'right' | 'wrong',
    now: string,
    gradeComment?: string,
  ): FinishedPull {
    const classified = classifyPull(
      [{ filename: SHEET, status: 'added' }],
      ANA,
      'submissions',
      'curricula',
    );
    const reads = {
      pull,
      curricula: 'curricula',
      classified,
      comments: [],
      roster,
      texts: [{ text: sheet(answers) }],
      keys: new Map<string, QuizKey>([[QUIZ, { ok: true, quiz }]]),
      dryRun: false,
      now,
      ...(gradeComment !== undefined ? { gradeComment } : {}),
    };
    const g = planPull(reads);
    return finishPull({
      pull,
      refusals: classified.refusals,
      results: g.results,
      records: g.records,
      sections: g.sections,
      reviews: g.reviews,
      outcomeReviews: g.outcomeReviews,
      replies: g.replies,
      keyFailures: g.keyFailures,
      ...(gradeComment !== undefined ? { gradeComment } : {}),
      dryRun: false,
    });
  }
  const kinds = (w: PullWrite[]) => w.map((x) => x.kind);
  const labelWrites = (w: PullWrite[]) => w.filter((x) => x.kind === 'label');
  const commentOf = (f: FinishedPull) =>
    (f.writes.find((w) => w.kind === 'grade-comment') as { body: string } | undefined)?.body;
  // The payload of each push's event, as a re-run replays it: labels as they were when it happened.
  const eventA: PullFacts = { number: 7, author: ANA, headSha: 'sha-a', labels: [] };
  const eventB: PullFacts = { number: 7, author: ANA, headSha: 'sha-b', labels: [] };

  it('the grade comment records the head it shows and the label the Action set', () => {
    const a = grade(eventA, 'wrong', '2026-11-20T10:00:00Z');
    assert.deepEqual(kinds(a.writes), ['grade-comment', 'label', 'check-run']);
    assert.deepEqual(labelWrites(a.writes), [
      { kind: 'label', add: 'checkpoint:failed', remove: 'checkpoint:passed' },
    ]);
    assert.deepEqual(readShownState(commentOf(a)), {
      heads: ['sha-a'],
      label: 'checkpoint:failed',
    });
  });

  it('a re-run of the same event (its payload without the label) plans no label write and the same comment', () => {
    const a = grade(eventA, 'wrong', '2026-11-20T10:00:00Z');
    const again = grade(eventA, 'wrong', '2026-11-20T10:05:00Z', commentOf(a));
    assert.deepEqual(kinds(again.writes), ['grade-comment', 'check-run']);
    assert.equal(commentOf(again), commentOf(a), 'unchanged: the executor skips an identical body');
    assert.deepEqual(
      again.labels,
      ['checkpoint:failed'],
      'the labels as the comment recorded them',
    );
  });

  it('push A graded, push B graded, re-run A: the comment and the label stay B’s; A still gets its own check run', () => {
    const a = grade(eventA, 'wrong', '2026-11-20T10:00:00Z');
    // B after the 24h cooldown: a counted retake that passes.
    const b = grade(eventB, 'right', '2026-11-22T10:00:00Z', commentOf(a));
    assert.deepEqual(labelWrites(b.writes), [
      { kind: 'label', add: 'checkpoint:passed', remove: 'checkpoint:failed' },
    ]);
    assert.deepEqual(b.labels, ['checkpoint:failed']);
    const shown = commentOf(b)!;
    assert.deepEqual(readShownState(shown), {
      heads: ['sha-a', 'sha-b'],
      label: 'checkpoint:passed',
    });
    assert.match(shown, /Passed/);

    const rerunA = grade(eventA, 'wrong', '2026-11-22T11:00:00Z', shown);
    assert.deepEqual(kinds(rerunA.writes), ['info', 'check-run']);
    const check = rerunA.writes[1]!;
    assert.ok(check.kind === 'check-run' && check.headSha === 'sha-a');
    assert.equal(check.run.conclusion, 'failure', "A's own result, on A's commit");
    assert.match(
      (rerunA.writes[0] as { text: string }).text,
      /Expected sha-a to be the newest push graded on #7; found its comment already showing sha-b, a later one\./,
    );

    // B re-run after that: still the newest, so nothing changes but its check run.
    const rerunB = grade(eventB, 'right', '2026-11-22T12:00:00Z', shown);
    assert.deepEqual(kinds(rerunB.writes), ['grade-comment', 'check-run']);
    assert.equal(commentOf(rerunB), shown);
  });

  it('a comment written before heads were recorded orders its heads by its attempts', () => {
    const a = grade(eventA, 'wrong', '2026-11-20T10:00:00Z');
    const b = grade(eventB, 'right', '2026-11-22T10:00:00Z', commentOf(a));
    const legacy = commentOf(b)!.replace(/,"heads":\[[^\]]*\],"label":"[^"]*"/, '');
    assert.doesNotMatch(legacy, /"heads"/);
    assert.deepEqual(readShownState(legacy), { heads: ['sha-a', 'sha-b'] });
    const rerunA = grade(eventA, 'wrong', '2026-11-22T11:00:00Z', legacy);
    assert.deepEqual(kinds(rerunA.writes), ['info', 'check-run']);
    // Without a recorded label, the payload's labels are all there is to go by.
    const rerunB = grade(
      { ...eventB, labels: ['checkpoint:passed'] },
      'right',
      '2026-11-22T12:00:00Z',
      legacy,
    );
    assert.deepEqual(kinds(rerunB.writes), ['grade-comment', 'check-run']);
  });
  it("runs finishing out of order: B's push replaced A, so A's run after B's shows nothing over it", () => {
    const b = grade({ ...eventB, before: 'sha-a' }, 'right', '2026-11-20T10:00:00Z');
    assert.deepEqual(readShownState(commentOf(b)).heads, ['sha-a', 'sha-b']);
    const lateA = grade(eventA, 'wrong', '2026-11-20T10:01:00Z', commentOf(b));
    assert.deepEqual(kinds(lateA.writes), ['info', 'check-run']);
  });

  it('a push back to a commit graded earlier is the newest, and stays so when its run is re-run', () => {
    const a = grade(eventA, 'wrong', '2026-11-20T10:00:00Z');
    const b = grade({ ...eventB, before: 'sha-a' }, 'right', '2026-11-22T10:00:00Z', commentOf(a));
    const back = grade(
      { ...eventA, before: 'sha-b' },
      'wrong',
      '2026-11-22T11:00:00Z',
      commentOf(b),
    );
    assert.deepEqual(kinds(back.writes), ['grade-comment', 'label', 'check-run']);
    assert.deepEqual(readShownState(commentOf(back)), {
      heads: ['sha-b', 'sha-a'],
      label: 'checkpoint:failed',
    });
    // The push back's own event, re-run: still the newest, the same comment.
    const again = grade(
      { ...eventA, before: 'sha-b' },
      'wrong',
      '2026-11-22T12:00:00Z',
      commentOf(back),
    );
    assert.deepEqual(kinds(again.writes), ['grade-comment', 'check-run']);
    assert.equal(commentOf(again), commentOf(back));
  });
});
