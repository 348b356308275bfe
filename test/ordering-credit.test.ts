import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded, policy } from './helpers/grade-sheet.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { itemsInOrder, orderingCredit } from '../core/grading/ordering-credit.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const POLICY = policy();

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: steps
title: Steps
module: m
owner: lead
---
# Steps

## Put the triage steps in order
<!-- question id=triage scoring=partial weight=3 -->

1. Read the whole message
2. Find the impact
3. Set the priority
4. Route the ticket

## Put the release steps in order
<!-- question id=release -->

1. Freeze
2. Tag
3. Ship
`;
const TRIAGE = [
  'Read the whole message',
  'Find the impact',
  'Set the priority',
  'Route the ticket',
];
const RELEASE = ['Freeze', 'Tag', 'Ship'];

const quizOf = (text: string) => parseFile('curricula/steps.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

/** A sheet from the quiz as `take` writes it, with the lists put in the given orders (undefined: left as listed). */
function grade(
  triage: string[] | undefined,
  release: string[] | undefined,
  on: Quiz = quiz,
  asked: Quiz = on,
): Grade {
  const lists = [triage, release];
  let n = 0;
  const text = answerSheetText(asked, 'ana').replace(/(?:^\d+\. .*\n)+/gm, (block) => {
    const order = lists[n++];
    return order ? order.map((t, i) => `${i + 1}. ${t}\n`).join('') : block;
  });
  return graded(on, text);
}
const result = (g: Grade, id: string) => {
  const q = g.questions.find((x) => x.id === id)!;
  return [q.outcome, q.points, q.feedback];
};
const [a, b, c, d] = TRIAGE as [string, string, string, string];

describe('partial credit for ordering (scoring=partial)', () => {
  it('counts the items that need not move: the longest run in the right relative order', () => {
    assert.equal(itemsInOrder([0, 1, 2, 3]), 4);
    assert.equal(itemsInOrder([3, 0, 1, 2]), 3);
    assert.equal(itemsInOrder([1, 0, 3, 2]), 2);
    assert.equal(itemsInOrder([3, 2, 1, 0]), 1);
    assert.deepEqual(orderingCredit([3, 0, 1, 2]), { fraction: 2 / 3, kept: 3 });
    assert.deepEqual(orderingCredit([3, 2, 1, 0]), { fraction: 0, kept: 1 });
    assert.deepEqual(orderingCredit([1, 0]), { fraction: 0, kept: 1 });
    assert.deepEqual(orderingCredit([0, 1]), { fraction: 1, kept: 2 });
  });

  it('reads scoring=partial as written; an ordering question without it stays all or nothing', () => {
    assert.equal(quiz.questions[0]!.scoring, 'partial');
    assert.equal(quiz.questions[1]!.scoring, undefined);
    assert.deepEqual(result(grade(TRIAGE, ['Tag', 'Freeze', 'Ship']), 'release'), ['wrong', 0, []]);
    assert.deepEqual(result(grade(TRIAGE, RELEASE), 'release'), ['right', 1, []]);
  });

  it('one item out of place costs one share wherever it went; the reverse order earns nothing', () => {
    assert.deepEqual(result(grade(TRIAGE, RELEASE), 'triage'), ['right', 3, []]);
    assert.deepEqual(result(grade([d, a, b, c], RELEASE), 'triage'), [
      'partial',
      2,
      [
        "3 of 4 items are in the right order relative to each other (1 to move): 66.7% of the question's credit.",
      ],
    ]);
    assert.deepEqual(result(grade([b, a, d, c], RELEASE), 'triage').slice(0, 2), ['partial', 1]);
    assert.deepEqual(result(grade([d, c, b, a], RELEASE), 'triage').slice(0, 2), ['wrong', 0]);
  });

  it('an order left as the sheet listed it earns no partial credit', () => {
    const g = grade(undefined, RELEASE);
    assert.deepEqual(result(g, 'triage').slice(0, 2), ['wrong', 0]);
    assert.match(String(result(g, 'triage')[2]), /still in the order your sheet listed them/);
  });

  it('sealed, scoring=partial stays in the quiz, and the opened key grades as the open quiz, the listed order too', () => {
    const sealed = seal('curricula/steps.md', QUIZ, SECRET, (into) => into.fill(0));
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.match(
      sealed.sealedText,
      /<!-- question type=ordering id=triage scoring=partial weight=3 -->/,
    );
    const sealedQuiz = quizOf(sealed.sealedText);
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    const shown = answerSheetText(sealedQuiz, 'ana')
      .match(/^\d+\. .*$/gm)!
      .slice(0, 4)
      .map((l) => l.replace(/^\d+\. /, ''));
    // Each sheet lists its own order; one the sealed sheet listed earns nothing there (below).
    const chosen = [TRIAGE, [d, a, b, c], [b, a, d, c], [d, c, b, a], [a, b, d, c]].filter(
      (o) => o.join() !== shown.join(),
    );
    assert.equal(chosen.length, 4);
    for (const order of chosen)
      assert.deepEqual(
        grade(order, RELEASE, opened.quiz, sealedQuiz).questions.map((q) => [
          q.outcome,
          q.points,
          q.feedback,
        ]),
        grade(order, RELEASE).questions.map((q) => [q.outcome, q.points, q.feedback]),
        order.join(', '),
      );
    // Left as the sealed sheet listed it, not the right order: no partial credit.
    assert.notDeepEqual(shown, TRIAGE);
    const left = result(grade(undefined, RELEASE, opened.quiz, sealedQuiz), 'triage');
    assert.deepEqual(left.slice(0, 2), ['wrong', 0]);
    assert.match(String(left[2]), /still in the order your sheet listed them/);
  });

  it('the key sheet grades 100%', () => {
    const read = readAnswerSheet(answerSheetText(quiz, 'ana', { decimalMark: '.' }));
    assert.ok(read.ok);
    const r = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: POLICY,
      prior: [],
      now: '2027-01-10T12:00:00Z',
    });
    assert.ok(r.ok);
    assert.equal(r.grade.percent, 100);
  });
});

describe('partial credit for ordering in QTI', () => {
  it('names an ordering question with scoring=partial as not exported, and exports the other', () => {
    const qti = qtiFromQuiz(quiz);
    assert.deepEqual(
      qti.notExported.map((n) => n.id),
      ['triage'],
    );
    assert.equal(qti.count, 1);
  });
});
