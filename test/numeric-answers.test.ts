import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded, policy } from './helpers/grade-sheet.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { gradeMarkdown } from '../core/grading/render-grade.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const POLICY = policy();

const SECRET = 'correct horse battery staple 42';

const QUIZ = `---
type: quiz
id: nums
title: Numbers
module: m
owner: lead
reveal_answers: never
---
# Numbers

## How many days may a P3 wait?
<!-- question id=range -->

Answer: 1..5 d

## Within how many hours does a P2 need a first reply?
<!-- question id=p2 weight=2 -->

Accepted numbers:

- 4 ± 0.5
  > ZEBRA-RIGHT: four hours, as the SLA says.
- 8 (50%)
  > ZEBRA-HALF: eight is the P3 window.
- 24 (0%)
  > ZEBRA-NONE: a day is far too long.
- Any other answer
  > ZEBRA-OTHER: count the hours in the SLA table.

> ZEBRA-EXPLANATION: the SLA table gives four hours.
`;

const quizOf = (text: string) => parseFile('curricula/nums.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

function grade(answers: [string, string], on: Quiz = quiz): Grade {
  let n = 0;
  const text = answerSheetText(on, 'ana').replace(/^Answer: $/gm, () => `Answer: ${answers[n++]}`);
  return graded(on, text);
}

const result = (g: Grade, id: string) => {
  const q = g.questions.find((x) => x.id === id)!;
  return [q.outcome, q.points, q.feedback];
};

describe('numeric answers: ranges and several accepted numbers', () => {
  it('reads a range and a list of accepted numbers, each with its credit, unit and feedback; the type follows from them', () => {
    const [range, p2] = quiz.questions;
    assert.equal(range!.type, 'numeric');
    assert.deepEqual(
      {
        value: range!.numeric!.value,
        tolerance: range!.numeric!.tolerance,
        range: range!.numeric!.range,
        unit: range!.numeric!.unit,
      },
      { value: 3, tolerance: 2, range: [1, 5], unit: 'd' },
    );
    assert.equal(p2!.type, 'numeric');
    assert.equal(p2!.numeric, undefined);
    assert.deepEqual(
      p2!.numbers!.map((n) => [n.value, n.tolerance, n.credit, n.feedback?.text]),
      [
        [4, 0.5, 1, 'ZEBRA-RIGHT: four hours, as the SLA says.'],
        [8, 0, 0.5, 'ZEBRA-HALF: eight is the P3 window.'],
        [24, 0, 0, 'ZEBRA-NONE: a day is far too long.'],
      ],
    );
    assert.equal(p2!.otherFeedback?.text, 'ZEBRA-OTHER: count the hours in the SLA table.');
    assert.equal(p2!.explanation?.text, 'ZEBRA-EXPLANATION: the SLA table gives four hours.');
    assert.deepEqual(
      quiz.questions.flatMap((q) => q.markupProblems),
      [],
    );
  });

  it('takes a credit written as choices write it, (credit 50%), and refuses one on the Answer: line', () => {
    const q = quizOf(
      QUIZ.replace('- 8 (50%)', '- 8 (credit 50%)').replace('Answer: 1..5 d', 'Answer: 3 (50%)'),
    );
    assert.equal(q.questions[1]!.numbers![1]!.credit, 0.5);
    assert.match(
      q.questions[0]!.markupProblems[0]!.message,
      /Expected "Answer:" to give the one right number/,
    );
    assert.equal(q.questions[0]!.numeric, undefined);
  });

  it('a range takes both ends and what lies between, with or without the unit, and nothing outside', () => {
    for (const a of ['1', '5', '2.5', '3 d', '5d'])
      assert.equal(result(grade([a, '4']), 'range')[0], 'right', a);
    for (const a of ['0.99', '5.01', '-3'])
      assert.equal(result(grade([a, '4']), 'range')[0], 'wrong', a);
    assert.equal(
      result(grade(['1..5', '4']), 'range')[0],
      'not-a-number',
      'a range is not an answer',
    );
  });

  it('grades the first number that holds the answer, with its credit and feedback, and says what the number earned', () => {
    assert.deepEqual(result(grade(['2', '4.5']), 'p2'), [
      'right',
      2,
      ['ZEBRA-RIGHT: four hours, as the SLA says.'],
    ]);
    assert.deepEqual(result(grade(['2', '8']), 'p2'), [
      'partial',
      1,
      ["This number earns 50% of the question's credit.", 'ZEBRA-HALF: eight is the P3 window.'],
    ]);
    assert.deepEqual(result(grade(['2', '24']), 'p2'), [
      'wrong',
      0,
      ["This number earns 0% of the question's credit.", 'ZEBRA-NONE: a day is far too long.'],
    ]);
    assert.deepEqual(result(grade(['2', '12']), 'p2'), [
      'wrong',
      0,
      ['ZEBRA-OTHER: count the hours in the SLA table.'],
    ]);
    assert.equal(result(grade(['2', 'four']), 'p2')[0], 'not-a-number');
    assert.deepEqual(result(grade(['2', '']), 'p2'), ['unanswered', 0, []]);
    const g = grade(['2', '8']);
    assert.equal(g.score, 2);
    assert.match(
      gradeMarkdown(g),
      /🟡 partly right \(1\/2\) \| This number earns 50% of the question's credit\.<br>ZEBRA-HALF/,
    );
    assert.doesNotMatch(
      gradeMarkdown(g),
      /ZEBRA-EXPLANATION|ZEBRA-RIGHT/,
      'the right answer stays hidden under reveal_answers: never',
    );
  });

  it('the first number wins over a later one that also holds the answer, in the order the author wrote', () => {
    const q = quizOf(QUIZ.replace('- 4 ± 0.5\n', '- 0..100 (25%)\n- 4 ± 0.5\n'));
    assert.deepEqual(result(grade(['2', '4'], q), 'p2').slice(0, 2), ['partial', 0.5]);
  });

  it('the key sheet writes a number worth the whole question and grades 100%', () => {
    const key = answerSheetText(quiz, 'ana', { decimalMark: '.' });
    assert.match(key, /Answer: 1 d\n/);
    assert.match(key, /Answer: 4\n/);
    const read = readAnswerSheet(key);
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

  it('sealing moves the range, the numbers, their credit and every feedback into the key, and the opened key grades as the open quiz', () => {
    const sealed = seal('curricula/nums.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.doesNotMatch(
      sealed.sealedText,
      /ZEBRA|Accepted numbers|1\.\.5|Any other answer|\(50%\)/,
    );
    assert.match(sealed.sealedText, /<!-- question type=numeric id=range -->/);
    const sealedQuiz = quizOf(sealed.sealedText);
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    for (const answers of [
      ['5 d', '4.5'],
      ['6', '8'],
      ['1', '24'],
      ['3', '12'],
    ] as [string, string][]) {
      const open = grade(answers);
      const fromKey = grade(answers, opened.quiz);
      assert.deepEqual(
        fromKey.questions.map((q) => [q.outcome, q.points, q.feedback]),
        open.questions.map((q) => [q.outcome, q.points, q.feedback]),
        answers.join(', '),
      );
    }
  });
});

describe('numeric answers in QTI', () => {
  it('exports a range as its middle ± half its width, and accepted numbers as a chain tried in order, each with its feedback', () => {
    const qti = qtiFromQuiz(quiz);
    assert.deepEqual(qti.notExported, []);
    const item = qti.files.find((f) => f.path.includes('range'))!.text;
    assert.match(
      item,
      /<equal toleranceMode="absolute" tolerance="2 2"><variable identifier="RESPONSE"\/><baseValue baseType="float">3<\/baseValue><\/equal>/,
    );
    const p2 = qti.files.find((f) => f.path.includes('p2'))!.text;
    assert.match(
      p2,
      /<responseIf><isNull>.*?<\/responseIf><responseElseIf><equal toleranceMode="absolute" tolerance="0.5 0.5"><variable identifier="RESPONSE"\/><baseValue baseType="float">4<\/baseValue><\/equal><setOutcomeValue identifier="SCORE"><baseValue baseType="float">2<\/baseValue><\/setOutcomeValue>.*<\/responseElseIf><responseElseIf><equal toleranceMode="exact"><variable identifier="RESPONSE"\/><baseValue baseType="float">8<\/baseValue><\/equal><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1<\/baseValue><\/setOutcomeValue>/,
    );
    assert.match(
      p2,
      /<modalFeedback outcomeIdentifier="FEEDBACK" identifier="other" showHide="show">ZEBRA-/,
    );
  });
});
