import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { learnerSheetText, otherAttemptNote } from '../core/grading/learner-sheet.js';
import { drawnIds } from '../core/grading/quiz-draw.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import type { GradeResult, PriorAttempt } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';
import { policy } from './helpers/grade-sheet.js';
import { defaultConfig } from '../core/config/config.js';
import { settleAttempts } from '../core/grading/settle-attempts.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { answered, poolQuiz } from './helpers/pool-quiz.js';

const SECRET = 'correct horse battery staple 42';

const quizOf = (text: string) => parseFile('curricula/pool.md', text).model.item as Quiz;
const quiz = quizOf(poolQuiz());

const failed: PriorAttempt = { at: '2027-01-09T12:00:00Z', passed: false, percent: 0 };

function grade(
  text: string,
  o: { on?: Quiz; learner?: string; prior?: PriorAttempt[]; fromSheet?: boolean } = {},
): GradeResult {
  const read = readAnswerSheet(text);
  assert.ok(read.ok, read.ok ? '' : read.message);
  return gradeQuiz({
    sheet: read.sheet,
    quiz: o.on ?? quiz,
    policy: policy({ attempts: 5 }),
    prior: o.prior ?? [],
    now: '2027-01-10T12:00:00Z',
    ...(o.learner ? { learner: o.learner } : {}),
    ...(o.fromSheet ? { attemptFromSheet: true } : {}),
  });
}
const ids = (text: string) => [...text.matchAll(/question id=(\w+)/g)].map((m) => m[1]);

describe('pools and shuffled choices', () => {
  it('draws the same questions for a learner and attempt every time, whatever the case of the login', () => {
    const a = drawnIds(quiz, 'ana', 1);
    assert.equal(a.length, 3);
    assert.deepEqual(drawnIds(quiz, 'ana', 1), a);
    assert.deepEqual(drawnIds(quiz, 'ANA', 1), a);
    // Different learners and attempts draw differently (across several, not necessarily each pair).
    const draws = new Set(
      ['ana', 'bob', 'kofi', 'mei'].flatMap((l) =>
        [1, 2, 3].map((n) => drawnIds(quiz, l, n).join()),
      ),
    );
    assert.ok(draws.size >= 6, `expected varied draws, found ${draws.size}`);
    // Pinned: the draw is part of the format; changing it would change every learner's questions mid-course.
    assert.deepEqual(
      [drawnIds(quiz, 'ana', 1), drawnIds(quiz, 'ana', 2), drawnIds(quiz, 'bob', 1)],
      [
        ['q1', 'q5', 'q6'],
        ['q2', 'q5', 'q6'],
        ['q3', 'q5', 'q7'],
      ],
    );
  });

  it('draws by question id, so moving questions in the file changes nobody’s draw', () => {
    const reordered = { ...quiz, questions: [...quiz.questions].reverse() };
    assert.deepEqual(drawnIds(reordered, 'ana', 2).sort(), drawnIds(quiz, 'ana', 2).sort());
  });

  it('writes a sheet with only the drawn questions, the attempt and the draw in its front matter, and shuffled choices', () => {
    const sheet = learnerSheetText(quiz, 'ana', 2);
    const drawn = drawnIds(quiz, 'ana', 2);
    assert.deepEqual(ids(sheet), drawn);
    assert.match(
      sheet,
      new RegExp(`\nlearner: ana\nattempt: 2\ndrawn: \\[${drawn.join(', ')}\\]\n---\n`),
    );
    assert.match(sheet, /This sheet holds the 3 questions of 8 drawn for you for attempt 2/);
    assert.doesNotMatch(sheet, /- \[x\]/);
    // Across learners, some choice list is not in the quiz's order.
    const orders = ['ana', 'bob', 'kofi'].map((l) => learnerSheetText(quiz, l, 1));
    assert.ok(
      orders.some(
        (s) =>
          !/- \[ \] Wrong \d+a\n- \[ \] Right/.test(s) || /Right \d+\n- \[ \] Wrong \d+a/.test(s),
      ),
    );
  });

  it('grades only the drawn questions, out of their weight: the right answers pass', () => {
    const r = grade(answered(learnerSheetText(quiz, 'ana', 1)));
    assert.ok(r.ok, r.ok ? '' : r.refusal.message);
    assert.deepEqual(
      r.grade.questions.map((q) => q.id),
      drawnIds(quiz, 'ana', 1),
    );
    assert.equal(r.grade.maxScore, 3);
    assert.equal(r.grade.percent, 100);
    assert.ok(r.grade.passed);
  });

  it('maps shuffled choices back by the order it works out again: ticking the quiz’s letter earns nothing', () => {
    // The quiz's right choice is its second: a learner ticking the second box of each question.
    const byPlace = learnerSheetText(quiz, 'ana', 1).replace(
      /(<!-- question id=q\d+ -->\n\n- \[ \] .*\n)- \[ \]/g,
      '$1- [x]',
    );
    const r = grade(byPlace);
    assert.ok(r.ok);
    const right = r.grade.questions.filter((q) => q.outcome === 'right').length;
    const second = [...byPlace.matchAll(/- \[x\] (.*)/g)].filter((m) =>
      m[1]!.startsWith('Right'),
    ).length;
    assert.equal(right, second, 'only a tick on the right text counts');
  });

  it('grades a sheet whose learner moved the choices back into the quiz’s order as changed', () => {
    const sheet = learnerSheetText(quiz, 'bob', 1);
    // Each question's choices as the quiz lists them, the right one ticked.
    const inQuizOrder = sheet.replace(
      /(<!-- question id=q(\d) type=single -->\n\n)(?:- \[ \] .*\n)+/g,
      (_, head: string, n: string) =>
        `${head}- [ ] Wrong ${n}a\n- [x] Right ${n}\n- [ ] Wrong ${n}b\n- [ ] Wrong ${n}c\n`,
    );
    const r = grade(inQuizOrder);
    assert.ok(r.ok);
    for (const q of r.grade.questions) {
      const listedAsQuiz = sheet.includes(
        `id=${q.id} type=single -->\n\n- [ ] Wrong ${q.id.slice(1)}a\n- [ ] Right ${q.id.slice(1)}\n- [ ] Wrong ${q.id.slice(1)}b\n`,
      );
      assert.equal(q.outcome, listedAsQuiz ? 'right' : 'changed', q.id);
    }
    assert.ok(r.grade.questions.some((q) => q.outcome === 'changed'));
  });

  it('refuses a sheet with a forged draw, saying what was expected and what to run', () => {
    const real = learnerSheetText(quiz, 'ana', 1);
    const drawn = drawnIds(quiz, 'ana', 1);
    const others = quiz.questions
      .map((q) => q.id!)
      .filter((id) => !drawn.includes(id))
      .slice(0, 3);
    const forged = real.replace(/drawn: \[.*\]/, `drawn: [${others.join(', ')}]`);
    const r = grade(answered(forged));
    assert.ok(!r.ok);
    assert.equal(r.refusal.reason, 'other-draw');
    assert.match(
      r.refusal.message,
      new RegExp(
        `Expected the sheet of ana's attempt 1 at "Pool" \\(questions ${drawn.join(', ')}\\); found the sheet of attempt 1 \\(questions ${others.join(', ')}\\)`,
      ),
    );
    assert.match(r.refusal.message, /run "enablekit take pool --learner ana --attempt 1"/);
    // Someone else's sheet, renamed to this learner: their draw is not this learner's.
    const bobs = learnerSheetText(quiz, 'bob', 1).replace('learner: bob', 'learner: ana');
    if (drawnIds(quiz, 'bob', 1).join() !== drawn.join()) assert.ok(!grade(answered(bobs)).ok);
  });

  it('draws for the pull request’s author, not the sheet’s learner', () => {
    const r = grade(answered(learnerSheetText(quiz, 'bob', 1)), { learner: 'Ana' });
    const same = drawnIds(quiz, 'bob', 1).join() === drawnIds(quiz, 'ana', 1).join();
    assert.equal(r.ok, same);
    assert.ok(grade(answered(learnerSheetText(quiz, 'ana', 1)), { learner: 'ANA' }).ok);
  });

  it('a retry after a failed attempt draws anew: the first sheet is refused, attempt 2’s is graded', () => {
    const first = answered(learnerSheetText(quiz, 'ana', 1));
    const r = grade(first, { prior: [failed] });
    assert.ok(!r.ok);
    assert.match(
      r.refusal.message,
      /Expected the sheet of ana's attempt 2 at "Pool".*; found the sheet of attempt 1 .*"enablekit take pool --learner ana --attempt 2"/,
    );
    // Writing attempt: 2 over attempt 1's sheet does not help: its draw is attempt 1's.
    if (drawnIds(quiz, 'ana', 1).join() !== drawnIds(quiz, 'ana', 2).join())
      assert.ok(!grade(first.replace('attempt: 1', 'attempt: 2'), { prior: [failed] }).ok);
    const second = grade(answered(learnerSheetText(quiz, 'ana', 2)), { prior: [failed] });
    assert.ok(second.ok, second.ok ? '' : second.refusal.message);
    assert.equal(second.grade.attempt, 2);
    assert.equal(second.grade.percent, 100);
  });

  it('grading without records checks the draw of the attempt the sheet names', () => {
    const r = grade(answered(learnerSheetText(quiz, 'ana', 3)), { fromSheet: true });
    assert.ok(r.ok, r.ok ? '' : r.refusal.message);
    assert.equal(r.grade.percent, 100);
  });

  it('refuses an undrawn question added to the sheet', () => {
    const sheet = answered(learnerSheetText(quiz, 'ana', 1));
    const extra = quiz.questions.find((q) => !drawnIds(quiz, 'ana', 1).includes(q.id!))!;
    const r = grade(
      `${sheet}\n## ${extra.prompt}\n<!-- question id=${extra.id} type=single -->\n\n- [x] Right\n`,
    );
    assert.ok(!r.ok);
    assert.match(
      r.refusal.message,
      new RegExp(`found "${extra.id}" .* which was not drawn for you`),
    );
  });

  it('reads a CRLF sheet as the LF one', () => {
    const sheet = answered(learnerSheetText(quiz, 'ana', 1)).replace(/\n/g, '\r\n');
    const r = grade(sheet);
    assert.ok(r.ok, r.ok ? '' : r.refusal.message);
    assert.equal(r.grade.percent, 100);
  });

  it('a sealed pooled quiz: the sheet made from the sealed file grades against the opened key', () => {
    const sealed = seal('curricula/pool.md', poolQuiz(), SECRET);
    assert.ok(sealed.ok);
    const shown = quizOf(sealed.sealedText);
    assert.equal(shown.draw, 3);
    const opened = openSealed(shown, sealed.keyText, SECRET);
    assert.ok(opened.ok);
    const sheet = learnerSheetText(shown, 'ana', 1);
    assert.equal(sheet, learnerSheetText(opened.quiz, 'ana', 1));
    const r = grade(answered(sheet), { on: opened.quiz });
    assert.ok(r.ok, r.ok ? '' : r.refusal.message);
    assert.equal(r.grade.percent, 100);
  });

  it('a quiz that only shuffles choices asks every question and still checks the attempt', () => {
    const shuffled = quizOf(poolQuiz('shuffle_choices: true\n'));
    const sheet = learnerSheetText(shuffled, 'ana', 1);
    assert.equal(ids(sheet).length, 8);
    assert.doesNotMatch(sheet, /drawn:/);
    assert.ok(grade(answered(sheet), { on: shuffled }).ok);
    assert.ok(!grade(answered(sheet), { on: shuffled, prior: [failed] }).ok);
  });

  it('exports every question of the pool: QTI selects the draw in its section, GIFT names the draw it cannot carry', () => {
    const qti = qtiFromQuiz(quiz);
    const test = qti.files.find((f) => f.path === 'assessment.xml')!.text;
    assert.match(
      test,
      /<assessmentSection [^>]*>\n<selection select="3"\/>\n<ordering shuffle="false"\/>\n<assessmentItemRef/,
    );
    assert.equal([...test.matchAll(/<assessmentItemRef /g)].length, 8);
    const gift = giftFromQuiz(quiz, poolQuiz());
    assert.equal(gift.count, 8);
    assert.deepEqual(gift.dropped[0], {
      line: 7,
      id: 'pool',
      reason:
        'its draw of 3 of 8 questions per learner (GIFT has none: every question is exported; in Moodle, add 3 random questions from the category "Pool" to the quiz)',
    });
    const whole = quizOf(poolQuiz('shuffle_choices: true\n'));
    assert.doesNotMatch(
      qtiFromQuiz(whole).files.find((f) => f.path === 'assessment.xml')!.text,
      /<selection/,
    );
    assert.equal(giftFromQuiz(whole, poolQuiz('shuffle_choices: true\n')).dropped.length, 0);
  });

  it('a run that raced another: placed as attempt 2, its attempt-1 sheet is voided when settled (refused: other-draw)', () => {
    const config = defaultConfig();
    config.policies.retakeCooldown = '1h';
    const read = readAnswerSheet(answered(learnerSheetText(quiz, 'ana', 1)));
    assert.ok(read.ok);
    const pull = { number: 7, author: 'ana', headSha: 'sha-b', labels: [] };
    const claim = (sha: string, pr: number, at: string): ProgressRecord => ({
      learner: 'ana',
      checkpoint: 'pool',
      kind: 'quiz',
      pr,
      sha,
      ref: 'claim',
      at,
      passed: false,
    });
    // Another pull request's attempt was stored first, two hours before: this one is attempt 2.
    const settled = settleAttempts({
      quizSheets: [
        {
          path: 'submissions/ana/pool.md',
          quiz,
          sheet: read.sheet,
          record: {
            ...claim('sha-b', 7, '2027-01-10T12:00:00Z'),
            ref: undefined,
            passed: true,
            percent: 100,
            attempt: 1,
          },
          hints: [],
        },
      ],
      results: [],
      records: [],
      stored: [
        claim('sha-a', 6, '2027-01-10T10:00:00Z'),
        claim('sha-b', 7, '2027-01-10T12:00:00Z'),
      ],
      config,
      pull,
      now: '2027-01-10T12:00:01Z',
    });
    assert.deepEqual(
      settled.settle.map((r) => [r.sha, r.ref, r.refused]),
      [['sha-b', 'refused', 'other-draw']],
    );
  });

  it('tells a learner taking the quiz again that the sheet in place is an earlier attempt’s', () => {
    const first = learnerSheetText(quiz, 'ana', 1);
    assert.equal(otherAttemptNote(quiz, first, undefined), undefined, 'no attempt yet');
    assert.equal(
      otherAttemptNote(quiz, first, { passed: true, attempts: 1 }),
      undefined,
      'practice',
    );
    assert.equal(
      otherAttemptNote(quiz, first, { passed: false, attempts: 1 }),
      'Expected your sheet of "Pool" to be for attempt 2, your next; found the one made for attempt 1, kept as it is. Each attempt draws its own questions: move that sheet away, then Take checkpoint again.',
    );
    assert.equal(
      otherAttemptNote(quiz, learnerSheetText(quiz, 'ana', 2), { passed: false, attempts: 1 }),
      undefined,
    );
  });
});
