import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetProgress } from '../core/grading/sheet-progress.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { shuffledItems, shuffledOrder } from '../core/grading/shuffled-order.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { parseFile } from '../core/parse/parse-file.js';
import { seal } from '../core/sealing/seal.js';
import type { Quiz } from '../core/model.js';
import { ROOT } from './helpers/cli.js';

const FILE = 'curricula/support-onboarding/triage-quiz.md';
const quiz = parseFile(FILE, readFileSync(join(ROOT, FILE), 'utf8')).model.item as Quiz;
const blank = answerSheetText(quiz, 'ana');
const steps = quiz.questions.find((q) => q.type === 'ordering')!.items.map((i) => i.text);

/** The sheet with its ordering question's list written in this order. */
const ordered = (sheet: string, items: string[]) =>
  sheet.replace(
    /(## Put the triage steps in order\n.*\n\n)(?:\d\. .*\n)+/,
    `$1${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`,
  );
const tick = (sheet: string, choice: string) =>
  sheet.replace(`- [ ] ${choice}\n`, `- [x] ${choice}\n`);

describe("an answer sheet's answered count (the editor's status bar)", () => {
  it('counts nothing on a blank sheet: its ordering items are listed, but not by the learner', () => {
    const p = sheetProgress(blank, { quizOf: () => quiz })!;
    assert.equal(p.total, 3);
    assert.equal(p.answered, 0);
    const order = p.unanswered.find((u) => u.prompt === 'Put the triage steps in order')!;
    assert.match(order.why!, /still in the order the sheet listed them/);
  });

  it('counts an ordering question once its items are moved, whichever order the learner chooses', () => {
    const listed = shuffledItems(quiz.questions[1]!, 'ana');
    const moved = [listed[1]!, listed[0]!, ...listed.slice(2)];
    assert.equal(sheetProgress(ordered(blank, moved), { quizOf: () => quiz })!.answered, 1);
    assert.equal(
      sheetProgress(ordered(blank, steps), { quizOf: () => quiz })!.answered,
      1,
      'the right order',
    );
    // Saved on Windows, the sheet reads the same.
    const crlf = ordered(blank, moved).replace(/\n/g, '\r\n');
    assert.equal(sheetProgress(crlf, { quizOf: () => quiz })!.answered, 1);
  });

  it('does not count two ticks on a single-choice question, and says why; one tick counts', () => {
    const two = tick(tick(blank, 'P1'), 'P2');
    const p = sheetProgress(two, { quizOf: () => quiz })!;
    assert.equal(p.answered, 0);
    assert.deepEqual(
      p.unanswered.find((u) => u.prompt.startsWith('All users'))?.why,
      '2 ticks; a single-choice question takes one',
    );
    assert.equal(sheetProgress(tick(blank, 'P2'), { quizOf: () => quiz })!.answered, 1);
  });

  it('agrees with grading: what the count leaves out scores nothing', () => {
    const sheet = tick(tick(blank, 'P1'), 'P2');
    const read = readAnswerSheet(sheet);
    assert.ok(read.ok);
    const graded = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: { passMark: 80, attempts: 3, retakeCooldownMs: 0, revealAnswers: 'never' },
      prior: [],
      now: '2026-11-23T00:00:00Z',
    });
    assert.ok(graded.ok);
    const { questions } = graded.grade;
    for (const u of sheetProgress(sheet, { quizOf: () => quiz })!.unanswered) {
      const q = questions.find((g) => g.prompt === u.prompt)!;
      assert.equal(q.points, 0, `${u.prompt}: ${q.outcome}`);
    }
    const twoTicks = questions.find((g) => g.prompt.startsWith('All users'))!;
    assert.equal(twoTicks.outcome, 'wrong');
    assert.match(
      twoTicks.feedback.join(' '),
      /Expected one tick on a single-choice question; found 2/,
    );
  });

  it("says of a sealed quiz's list left as listed that it may be left: its order may be right by chance", () => {
    const sealed = seal(FILE, readFileSync(join(ROOT, FILE), 'utf8'), 'a secret of the test');
    assert.ok(sealed.ok);
    const sealedQuiz = parseFile(FILE, sealed.sealedText).model.item as Quiz;
    const p = sheetProgress(answerSheetText(sealedQuiz, 'ana'), { quizOf: () => sealedQuiz })!;
    assert.equal(p.answered, 0);
    assert.match(
      p.unanswered.find((u) => u.prompt === 'Put the triage steps in order')!.why!,
      /or leave them if that is your order/,
    );
    assert.doesNotMatch(
      sheetProgress(blank, { quizOf: () => quiz })!.unanswered.find((u) =>
        u.prompt.startsWith('Put'),
      )!.why!,
      /leave them/,
      "an open quiz's listed order is never right",
    );
  });

  it('without the quiz (one the workspace does not have) a complete order counts, as before', () => {
    assert.equal(sheetProgress(blank)!.answered, 1);
    const other = { ...quiz, id: 'another-quiz' };
    assert.equal(
      sheetProgress(blank, { quizOf: () => other })!.answered,
      1,
      'a quiz of another id is not used',
    );
    assert.equal(sheetProgress('# not a sheet', { quizOf: () => quiz }), undefined);
  });
});

describe('the shuffled order of ordering items (sheet and preview)', () => {
  const question = (n: number) => ({
    ...quiz.questions[1]!,
    items: quiz.questions[1]!.items.slice(0, n),
  });

  it('is never the right order for two or more items, for any seed', () => {
    for (const n of [2, 3, 5])
      for (let s = 0; s < 200; s++) {
        const order = shuffledOrder(question(n), `learner-${s}`);
        assert.deepEqual([...order].sort(), [...Array(n).keys()], 'a permutation');
        assert.notDeepEqual(order, [...Array(n).keys()], `${n} items, seed ${s}`);
      }
    assert.deepEqual(shuffledOrder(question(1), 'ana'), [0], 'one item has one order');
  });

  it('lists the order sheets have always had (old sealed keys replay it)', () => {
    // Pinned: a change here would move every learner's listed order, and the order of every
    // quiz sealed with the seeded shuffle.
    assert.deepEqual(shuffledOrder(quiz.questions[1]!, 'ana'), [1, 3, 4, 2, 0]);
    const listed = [1, 3, 4, 2, 0].map((n) => `${steps[n]}`);
    assert.deepEqual(shuffledItems(quiz.questions[1]!, 'ana'), listed);
    assert.ok(
      blank.includes(listed.map((t, i) => `${i + 1}. ${t}`).join('\n')),
      'as take writes it',
    );
  });
});
