import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded } from './helpers/grade-sheet.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { gradeMarkdown } from '../core/grading/render-grade.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade, GradePolicy } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const SECRET = 'correct horse battery staple 42';

const QUIZ = `---
type: quiz
id: credits
title: Credits
module: m
owner: lead
---
# Credits

## Which are prime?
<!-- question id=primes type=multiple weight=2 -->

- [x] 2 (credit 50%)
- [x] 3 (credit 50%)
- [ ] 4 (credit -50%)
  > ZEBRA-FOUR: four is two twos.
- [ ] 6 (credit -50%)

## Which priority when everyone is blocked?
<!-- question id=priority -->

- [x] P1
- [ ] P2 (credit 50%)
  > ZEBRA-P2: P2 is for many users, not all.
- [ ] P3

## Which share of tickets is answered within a day?
<!-- question id=share -->

- [x] Most customers (80%)
- [ ] A few (5%)
`;

const quizOf = (text: string) => parseFile('curricula/credits.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);
const policy = (revealAnswers: GradePolicy['revealAnswers']): GradePolicy => ({
  passMark: 80,
  attempts: 3,
  retakeCooldownMs: 0,
  revealAnswers,
});

/** A sheet from the quiz with the given choices ticked (by their text). */
function grade(
  ticks: string[],
  on: Quiz = quiz,
  reveal: GradePolicy['revealAnswers'] = 'never',
): Grade {
  let text = answerSheetText(on, 'ana');
  for (const t of ticks) text = text.replace(`- [ ] ${t}\n`, `- [x] ${t}\n`);
  return graded(on, text, policy(reveal));
}
const result = (g: Grade, id: string) => {
  const q = g.questions.find((x) => x.id === id)!;
  return [q.outcome, q.points, q.feedback];
};

describe('per-choice credit: (credit 50%)', () => {
  it("reads a choice's credit off its text; a choice that ends in a percentage without the word credit keeps it as text", () => {
    const [primes, priority, share] = quiz.questions;
    assert.deepEqual(
      primes!.choices.map((c) => [c.text, c.credit]),
      [
        ['2', 0.5],
        ['3', 0.5],
        ['4', -0.5],
        ['6', -0.5],
      ],
    );
    assert.deepEqual(
      priority!.choices.map((c) => [c.text, c.credit]),
      [
        ['P1', undefined],
        ['P2', 0.5],
        ['P3', undefined],
      ],
    );
    assert.deepEqual(
      share!.choices.map((c) => [c.text, c.credit]),
      [
        ['Most customers (80%)', undefined],
        ['A few (5%)', undefined],
      ],
    );
    const blank = answerSheetText(quiz, 'ana');
    assert.doesNotMatch(blank, /\(credit/, 'the sheet shows no credits');
    assert.match(blank, /- \[ \] Most customers \(80%\)\n/);
  });

  it('a multiple-choice question earns the sum of the credits ticked, at least 0 and at most the whole, and says so', () => {
    assert.deepEqual(result(grade(['2', '3']), 'primes'), ['right', 2, []]);
    assert.deepEqual(result(grade(['2']), 'primes'), [
      'partial',
      1,
      ["Your ticks add up to 50% of the question's credit."],
    ]);
    assert.deepEqual(
      result(grade(['2', '3', '4', '6']), 'primes').slice(0, 2),
      ['wrong', 0],
      'ticking everything earns nothing',
    );
    assert.deepEqual(result(grade(['4', '6']), 'primes'), [
      'wrong',
      0,
      [
        "Your ticks add up to −100% of the question's credit; a question earns at least 0%, so it counts as 0%.",
      ],
    ]);
    assert.deepEqual(result(grade(['2', '3', '4']), 'primes').slice(0, 2), ['partial', 1]);
  });

  it('keeps which ticks earned what, and the feedback under ticked choices, until the answers are revealed', () => {
    const hidden = grade(['2', '4']);
    assert.deepEqual(result(hidden, 'primes'), [
      'wrong',
      0,
      ["Your ticks add up to 0% of the question's credit."],
    ]);
    assert.doesNotMatch(gradeMarkdown(hidden), /ZEBRA-FOUR|Each tick/);
    const shown = grade(['2', '4'], quiz, 'always');
    const q = shown.questions.find((x) => x.id === 'primes')!;
    assert.deepEqual(q.feedback, [
      "Your ticks add up to 0% of the question's credit.",
      'Each tick: a) +50%, c) −50%.',
      'ZEBRA-FOUR: four is two twos.',
    ]);
    assert.equal(q.correctAnswer, 'a) 2 (50%); b) 3 (50%)');
  });

  it("a single-choice question earns its one tick's credit, with that choice's feedback; two ticks are still wrong", () => {
    assert.deepEqual(result(grade(['P2']), 'priority'), [
      'partial',
      0.5,
      [
        "This choice earns 50% of the question's credit.",
        'ZEBRA-P2: P2 is for many users, not all.',
      ],
    ]);
    assert.deepEqual(result(grade(['P3']), 'priority').slice(0, 2), ['wrong', 0]);
    assert.deepEqual(result(grade(['P1', 'P2']), 'priority').slice(0, 2), ['wrong', 0]);
    assert.deepEqual(result(grade([]), 'priority').slice(0, 2), ['unanswered', 0]);
  });

  it('scoring=all-or-nothing keeps to the ticks, as before', () => {
    const strict = quizOf(
      QUIZ.replace('type=multiple weight=2', 'type=multiple weight=2 scoring=all-or-nothing'),
    );
    assert.deepEqual(result(grade(['2'], strict), 'primes').slice(0, 2), ['wrong', 0]);
    assert.deepEqual(result(grade(['2', '3'], strict), 'primes').slice(0, 2), ['right', 2]);
  });

  it('the key sheet grades 100%', () => {
    const read = readAnswerSheet(answerSheetText(quiz, 'ana', { decimalMark: '.' }));
    assert.ok(read.ok);
    const r = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: policy('never'),
      prior: [],
      now: '2027-01-10T12:00:00Z',
    });
    assert.ok(r.ok);
    assert.equal(r.grade.percent, 100);
  });

  it('sealing takes the credits out of the quiz into the key, and the opened key grades as the open quiz', () => {
    const sealed = seal('curricula/credits.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.doesNotMatch(sealed.sealedText, /\(credit|ZEBRA/);
    assert.match(sealed.sealedText, /- \[ \] 2\n- \[ \] 3\n- \[ \] 4\n- \[ \] 6\n/);
    assert.match(sealed.sealedText, /- \[ \] Most customers \(80%\)\n/);
    const opened = openSealed(quizOf(sealed.sealedText), sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    for (const ticks of [['2'], ['2', '3', '4'], ['4', '6'], ['P2'], ['P1'], ['2', '3', 'P3']]) {
      for (const reveal of ['never', 'always'] as const)
        assert.deepEqual(
          grade(ticks, opened.quiz, reveal).questions.map((q) => [
            q.outcome,
            q.points,
            q.feedback,
            q.correctAnswer,
          ]),
          grade(ticks, quiz, reveal).questions.map((q) => [
            q.outcome,
            q.points,
            q.feedback,
            q.correctAnswer,
          ]),
          `${ticks.join(', ')} (${reveal})`,
        );
    }
  });
});

describe('per-choice credit, worst cases', () => {
  it('seals a choice whose line runs on with a long run of spaces in linear time', () => {
    const long = QUIZ.replace(
      '- [x] 2 (credit 50%)',
      `- [x] 2${' '.repeat(200_000)}x\n  and more (credit 50%)`,
    );
    const started = Date.now();
    const sealed = seal('curricula/credits.md', long, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.doesNotMatch(sealed.sealedText, /\(credit/);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});

describe('per-choice credit in QTI', () => {
  it('maps each choice to its credit times the weight, the sum bounded by 0 and the weight', () => {
    const qti = qtiFromQuiz(quiz);
    assert.deepEqual(qti.notExported, []);
    const primes = qti.files.find((f) => f.path.includes('primes'))!.text;
    assert.match(
      primes,
      /<mapping lowerBound="0" upperBound="2" defaultValue="0"><mapEntry mapKey="[^"]+" mappedValue="1"\/><mapEntry mapKey="[^"]+" mappedValue="1"\/><mapEntry mapKey="[^"]+" mappedValue="-1"\/><mapEntry mapKey="[^"]+" mappedValue="-1"\/><\/mapping>/,
    );
    const priority = qti.files.find((f) => f.path.includes('priority'))!.text;
    assert.match(
      priority,
      /cardinality="single"[^>]*><correctResponse><value>[^<]+<\/value><\/correctResponse><mapping lowerBound="0" upperBound="1" defaultValue="0"><mapEntry mapKey="[^"]+" mappedValue="1"\/><mapEntry mapKey="[^"]+" mappedValue="0.5"\/><mapEntry mapKey="[^"]+" mappedValue="0"\/><\/mapping>/,
    );
    assert.match(
      priority,
      /<setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"\/><\/setOutcomeValue>/,
    );
  });
});
