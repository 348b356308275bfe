import assert from 'node:assert/strict';
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { parseFile } from '../core/parse/parse-file.js';
import { openSealed, rotate, seal } from '../core/sealing/seal.js';
import { PAD_BUCKET_MIN } from '../core/sealing/key-file.js';
import { randomOrder, sealQuiz } from '../core/sealing/quiz-key.js';
import { shuffledItems } from '../core/grading/shuffled-order.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import type { Quiz } from '../core/model.js';

const SECRET = 'correct horse battery staple 42';
const STEPS = [
  'Read the whole message',
  'Find the impact',
  'Set the priority',
  'Tag the product area',
  'Reply with what happens next',
  'Close the loop',
];
const quizText = (answer: string) => `---
type: quiz
id: ordered-quiz
title: Ordered quiz
module: basics
owner: lead
---
# Ordered quiz

## Put the steps in order
<!-- question id=order type=ordering -->

${STEPS.map((s, i) => `${i + 1}. ${s}`).join('\n')}

## Which header carries the request id?
<!-- question id=header type=text -->

Answer: ${answer}
`;
const quizOf = (text: string) => parseFile('curricula/ordered-quiz.md', text).model.item as Quiz;
const shownOrder = (sealedText: string) =>
  quizOf(sealedText).questions[0]!.items.map((i) => i.text);
const dataLength = (keyText: string) => /^data: (.*)$/m.exec(keyText)![1]!.length;

describe('a sealed quiz gives away neither its order nor the length of its answers', function () {
  this.timeout(60_000);

  it('two seals of the same quiz show the ordering items in different orders, drawn at random', () => {
    const once = () => {
      const r = seal('curricula/ordered-quiz.md', quizText('X-Request-Id'), SECRET);
      assert.ok(r.ok);
      return shownOrder(r.sealedText).join('|');
    };
    const orders = new Set([once(), once(), once(), once()]);
    assert.ok(
      orders.size > 1,
      'the order differs between seals (720 orders: four alike by chance is 1 in 10^11)',
    );
  });

  it('the order cannot be undone by replaying the old seed from the quiz id', () => {
    // What a learner with the public file could compute before: the shuffle seeded by `seal:<quiz id>`.
    const q = quizOf(quizText('X'));
    const replayed = shuffledItems(q.questions[0]!, 'seal:ordered-quiz').join('|');
    const hits = Array.from({ length: 6 }, () =>
      shownOrder(
        (sealQuiz(q, quizText('X'), 'k.key.yml') as { sealedText: string }).sealedText,
      ).join('|'),
    ).filter((o) => o === replayed).length;
    assert.ok(hits < 6, 'the sealed order is not the seeded one');
  });

  it('draws every order of three items, each about equally often, from the random source', () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const o = randomOrder(['a', 'b', 'c']).join('');
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const [o, n] of counts) assert.ok(n > 350 && n < 650, `${o}: ${n} of 3000`);
    // An injected source decides the order: here every draw is 0, which swaps each item with the first.
    assert.deepEqual(
      randomOrder(['a', 'b', 'c'], (into) => into.fill(0)),
      ['b', 'c', 'a'],
    );
  });

  it('seals a short and a long answer to key files of the same length, and grades right against either', () => {
    const short = seal('curricula/ordered-quiz.md', quizText('X'), SECRET);
    const long = seal(
      'curricula/ordered-quiz.md',
      quizText('X-Request-Id-Of-The-Incoming-Call-Header'),
      SECRET,
    );
    assert.ok(short.ok && long.ok);
    assert.equal(dataLength(short.keyText), dataLength(long.keyText), 'same bucket, same length');
    assert.equal(
      Buffer.from(/^data: (.*)$/m.exec(short.keyText)![1]!, 'base64').length,
      PAD_BUCKET_MIN,
    );
    for (const [sealed, answer] of [
      [short, 'X'],
      [long, 'X-Request-Id-Of-The-Incoming-Call-Header'],
    ] as const) {
      const sealedQuiz = quizOf(sealed.sealedText);
      const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
      assert.ok(opened.ok);
      assert.equal(
        opened.source,
        quizText(answer),
        "the author's text comes back exactly, padding aside",
      );
      const sheet = answerSheetText(sealedQuiz, 'ana')
        .replace(
          /(## Put the steps in order\n.*\n\n)(?:\d\. .*\n)+/,
          `$1${STEPS.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`,
        )
        .replace('Answer: \n', `Answer: ${answer}\n`);
      const read = readAnswerSheet(sheet);
      assert.ok(read.ok);
      const graded = gradeQuiz({
        sheet: read.sheet,
        quiz: opened.quiz,
        policy: { passMark: 80, attempts: 3, retakeCooldownMs: 0, revealAnswers: 'never' },
        prior: [],
        now: '2026-11-23T00:00:00Z',
      });
      assert.ok(graded.ok);
      assert.deepEqual(
        graded.grade.questions.map((q) => q.outcome),
        ['right', 'right'],
      );
      const rotated = rotate(sealedQuiz, sealed.keyText, SECRET, 'new secret');
      assert.ok(
        rotated.ok && dataLength(rotated.keyText) === dataLength(sealed.keyText),
        'rotating keeps the padding',
      );
    }
  });

  it('opens a key file sealed by the previous version (seeded order, no padding), so nothing has to be resealed to keep grading', () => {
    const text = quizText('X-Request-Id');
    const q = quizOf(text);
    const shown = shuffledItems(q.questions[0]!, 'seal:ordered-quiz');
    const sealedNow = sealQuiz(q, text, 'ordered-quiz.key.yml', (into) => into.fill(0));
    assert.ok(sealedNow.ok);
    // Rebuild the previous version's output: its order and an unpadded payload under the same scheme.
    const oldSealed = sealedNow.sealedText.replace(
      /(## Put the steps in order\n.*\n\n)(?:\d\. .*\n)+/,
      `$1${shown.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`,
    );
    const oldQuiz = quizOf(oldSealed);
    const letters = 'abcdef';
    const key = {
      quiz: 'ordered-quiz',
      answers: {
        order: { order: STEPS.map((s) => letters[shown.indexOf(s)]!) },
        header: { accepted: ['X-Request-Id'] },
      },
    };
    const shape = oldQuiz.questions
      .map(
        (x) =>
          `${x.id}:${x.type}:${x.choices.map((c) => c.text).join('|')}:${x.items.map((i) => i.text).join('|')}`,
      )
      .join('\n');
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv(
      'aes-256-gcm',
      scryptSync(SECRET, salt, 32, { N: 1 << 14, r: 8, p: 1 }),
      iv,
    );
    cipher.setAAD(Buffer.from('enablekit:ordered-quiz'));
    const data = Buffer.concat([
      cipher.update(JSON.stringify({ key, shape, source: text }), 'utf8'),
      cipher.final(),
    ]);
    const keyText = [
      'enablekit: sealed-key',
      'version: 1',
      'quiz: ordered-quiz',
      'cipher: aes-256-gcm',
      'kdf: scrypt',
      `salt: ${salt.toString('base64')}`,
      `iv: ${iv.toString('base64')}`,
      `tag: ${cipher.getAuthTag().toString('base64')}`,
      `data: ${data.toString('base64')}`,
      '',
    ].join('\n');
    const opened = openSealed(oldQuiz, keyText, SECRET);
    assert.ok(opened.ok, 'the old key opens');
    assert.deepEqual(
      opened.quiz.questions[0]!.items.map((i) => i.text),
      STEPS,
      'with the right order',
    );
    assert.equal(opened.source, text);
  });
});
