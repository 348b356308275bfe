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
id: headers
title: Headers
module: m
owner: lead
reveal_answers: never
---
# Headers

## Which header carries the request id?
<!-- question id=header weight=2 -->

Accepted answers:

- \`X-Request-Id\`
  > ZEBRA-RIGHT: support asks for it first.
- \`Request-Id\` (credit 50%)
  > ZEBRA-CLOSE: the header has an X- prefix.
- \`/^x-trace-id$/i\` (credit 0%)
  > ZEBRA-TRACE: that one follows a request across services.
- Any other answer
  > ZEBRA-OTHER: look at the headers section of the API guide.

> ZEBRA-EXPLANATION: the API guide lists X-Request-Id.

## Which command restarts the agent?
<!-- question id=restart -->

Accepted answers:

- \`agent restart\`
- \`/^agent\\s+restart$/\`
`;

const quizOf = (text: string) => parseFile('curricula/headers.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

function grade(answer: string, on: Quiz = quiz, restart = ''): Grade {
  const text = answerSheetText(on, 'ana')
    .replace('Answer: \n', `Answer: ${answer}\n`)
    .replace(/Answer: \n(?![\s\S]*Answer: )/, `Answer: ${restart}\n`);
  return graded(on, text);
}
const header = (g: Grade) => {
  const q = g.questions.find((x) => x.id === 'header')!;
  return [q.outcome, q.points, q.feedback];
};

describe('text answers: credit and feedback per accepted answer, and any other answer', () => {
  it('reads each answer with its credit and feedback, and the feedback for any other answer', () => {
    const q = quiz.questions[0]!;
    assert.equal(q.type, 'text');
    assert.deepEqual(
      q.accepted.map((a) => [a.value, a.credit, a.feedback?.text]),
      [
        ['X-Request-Id', undefined, 'ZEBRA-RIGHT: support asks for it first.'],
        ['Request-Id', 0.5, 'ZEBRA-CLOSE: the header has an X- prefix.'],
        ['/^x-trace-id$/i', 0, 'ZEBRA-TRACE: that one follows a request across services.'],
      ],
    );
    assert.equal(
      q.otherFeedback?.text,
      'ZEBRA-OTHER: look at the headers section of the API guide.',
    );
    assert.deepEqual(
      quiz.questions.flatMap((x) => x.markupProblems),
      [],
    );
  });

  it('grades by the first answer that matches, folding case and curly quotes, with its credit and feedback', () => {
    assert.deepEqual(header(grade('x-request-id')), [
      'right',
      2,
      ['ZEBRA-RIGHT: support asks for it first.'],
    ]);
    assert.deepEqual(header(grade('REQUEST‐ID')), [
      'partial',
      1,
      [
        "This answer earns 50% of the question's credit.",
        'ZEBRA-CLOSE: the header has an X- prefix.',
      ],
    ]);
    assert.deepEqual(header(grade('X-Trace-Id')), [
      'wrong',
      0,
      [
        "This answer earns 0% of the question's credit.",
        'ZEBRA-TRACE: that one follows a request across services.',
      ],
    ]);
    assert.deepEqual(header(grade('Trace')), [
      'wrong',
      0,
      ['ZEBRA-OTHER: look at the headers section of the API guide.'],
    ]);
    assert.deepEqual(header(grade('')), ['unanswered', 0, []]);
    const md = gradeMarkdown(grade('Request-Id'));
    assert.match(md, /🟡 partly right \(1\/2\)/);
    assert.doesNotMatch(md, /ZEBRA-EXPLANATION|ZEBRA-RIGHT|X-Request-Id \|/);
  });

  it('a question without credits or feedback grades as before', () => {
    const g = grade('', quiz, 'agent  restart');
    assert.deepEqual(
      g.questions.map((q) => [q.id, q.outcome, q.points, q.feedback]),
      [
        ['header', 'unanswered', 0, []],
        ['restart', 'right', 1, []],
      ],
    );
  });

  it('the key sheet writes an answer worth the whole question, and grades 100%', () => {
    const key = answerSheetText(quiz, 'ana', { decimalMark: '.' });
    assert.match(key, /Answer: X-Request-Id\n/);
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

  it('sealing moves the answers, credits and every feedback into the key, and the opened key grades as the open quiz', () => {
    const sealed = seal('curricula/headers.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.doesNotMatch(
      sealed.sealedText,
      /ZEBRA|Accepted answers|Any other answer|credit|Request-Id/,
    );
    const opened = openSealed(quizOf(sealed.sealedText), sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    for (const a of ['X-Request-Id', 'request-id', 'x-trace-id', 'nope', ''])
      assert.deepEqual(
        grade(a, opened.quiz).questions.map((q) => [q.outcome, q.points, q.feedback]),
        grade(a).questions.map((q) => [q.outcome, q.points, q.feedback]),
        a,
      );
  });

  it('QTI exports each accepted answer with its credit and feedback, tried in order, and names a pattern as not exported', () => {
    const qti = qtiFromQuiz(quizOf(QUIZ.replace(/- `\/\^x-trace[^\n]*\n {2}>[^\n]*\n/, '')));
    assert.deepEqual(
      qti.notExported.map((n) => [n.id, n.reason]),
      [
        [
          'restart',
          "the pattern /^agent\\s+restart$/ has no QTI 2.1 form enablekit can vouch for (its patterns are XML Schema's)",
        ],
      ],
    );
    const item = qti.files.find((f) => f.path.includes('header'))!.text;
    assert.match(
      item,
      /<stringMatch caseSensitive="false"><variable identifier="RESPONSE"\/><baseValue baseType="string">X-Request-Id<\/baseValue><\/stringMatch><setOutcomeValue identifier="SCORE"><baseValue baseType="float">2<\/baseValue>/,
    );
    assert.match(
      item,
      /<modalFeedback outcomeIdentifier="FEEDBACK" identifier="other" showHide="show">ZEBRA-/,
    );
  });
});
