import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded } from './helpers/grade-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { renderPreview } from '../core/render/render-preview.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { parseGift } from '../core/interchange/parse-gift.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: facts
title: Facts
module: m
owner: lead
---
# Facts

## The status page is public.
<!-- question id=status-public -->

Answer: true

> ZEBRA-EXPLANATION: anyone can open it.

## Support works on weekends.
<!-- question id=weekends type=truefalse -->

Answer: False

## Which word means yes?
<!-- question id=yes type=text -->

Answer: true
`;

const quizOf = (text: string) => parseFile('curricula/facts.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

function grade(answers: string[], on: Quiz = quiz): Grade {
  let n = 0;
  const text = answerSheetText(on, 'ana').replace(
    /^Answer: $/gm,
    () => `Answer: ${answers[n++] ?? ''}`,
  );
  return graded(on, text);
}
const results = (g: Grade) => g.questions.slice(0, 2).map((q) => [q.outcome, q.points, q.feedback]);

describe('true/false questions', () => {
  it('reads "Answer: true" or "false" as a true/false question; type=text keeps it text', () => {
    assert.deepEqual(
      quiz.questions.map((q) => [q.type, q.truth?.value]),
      [
        ['truefalse', true],
        ['truefalse', false],
        ['text', undefined],
      ],
    );
    assert.match(
      answerSheetText(quiz, 'ana'),
      /<!-- question id=status-public type=truefalse -->\n\nAnswer: \n/,
    );
  });

  it('grades true or false in any case, and says what to write for anything else', () => {
    assert.deepEqual(results(grade(['TRUE', ' false '])), [
      ['right', 1, []],
      ['right', 1, []],
    ]);
    assert.deepEqual(results(grade(['false', 'true'])), [
      ['wrong', 0, []],
      ['wrong', 0, []],
    ]);
    assert.deepEqual(results(grade(['yes', ''])), [
      ['wrong', 0, ['Expected true or false after "Answer:"; found "yes". Write true or false.']],
      ['unanswered', 0, []],
    ]);
  });

  it('the key sheet grades 100% on the true/false questions', () => {
    const key = answerSheetText(quiz, 'ana', { decimalMark: '.' });
    assert.match(key, /status-public type=truefalse -->\n\nAnswer: true\n/);
    assert.match(key, /weekends type=truefalse -->\n\nAnswer: false\n/);
  });

  it('sealing moves the answer into the key and writes the type down; the opened key grades as the open quiz', () => {
    const sealed = seal('curricula/facts.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.doesNotMatch(sealed.sealedText, /Answer:|ZEBRA/);
    assert.match(sealed.sealedText, /<!-- question type=truefalse id=status-public -->/);
    const sealedQuiz = quizOf(sealed.sealedText);
    assert.equal(sealedQuiz.questions[0]!.type, 'truefalse');
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    for (const a of [
      ['true', 'false'],
      ['false', 'true'],
      ['maybe', ''],
    ])
      assert.deepEqual(results(grade(a, opened.quiz)), results(grade(a)), a.join());
  });

  it('the preview offers True and False as one choice; exports as GIFT {T}/{F} and a QTI choice', () => {
    const html = renderPreview('curricula/facts.md', QUIZ).html;
    assert.match(html, /data-type="single" data-id="status-public"/);
    assert.match(html, /<input type="radio" name="q0" value="true" data-correct="true"> True/);
    const gift = giftFromQuiz(quiz, QUIZ);
    assert.match(
      gift.text,
      /::status-public::\[markdown\]The status page is public\.\{T\n\t####ZEBRA-EXPLANATION\\: anyone can open it\.\}/,
    );
    assert.match(gift.text, /::weekends::\[markdown\]Support works on weekends\.\{F\}/);
    assert.deepEqual(parseGift(gift.text).problems, []);
    const qti = qtiFromQuiz(quiz);
    assert.match(
      qti.files.find((f) => f.path.includes('weekends'))!.text,
      /<correctResponse><value>FALSE<\/value><\/correctResponse>/,
    );
  });
});
