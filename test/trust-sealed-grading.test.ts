import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { sealPayload } from '../core/sealing/key-file.js';
import { quizShape, sealQuiz, type QuizKey } from '../core/sealing/quiz-key.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readNumber } from '../core/grading/read-number.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import type { Quiz } from '../core/model.js';
import type { GradePolicy } from '../core/grading/types.js';

const SECRET = 'correct horse battery staple 42';
const FRONT = '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n\n';
/** No question says its type: the ticks, the answers and the list do. */
const UNTYPED = `${FRONT}## Which two?
<!-- question id=two -->

- [x] Alpha
- [x] Beta
- [ ] Gamma

## Which header?
<!-- question id=hdr -->

Accepted answers:

- X-Request-Id

## How many hours?
<!-- question id=hours -->

Answer: 4 ± 0.5 h

## In what order?
<!-- question id=steps -->

1. Triage
2. Fix
3. Close
`;

const policy: GradePolicy = {
  passMark: 80,
  attempts: 3,
  retakeCooldownMs: 0,
  revealAnswers: 'never',
};
const quizOf = (text: string) => parseFile('q.md', text).model.item as Quiz;

interface Answers {
  ticks: string[];
  header: string;
  hours: string;
  order: string[];
}

/** A learner's sheet made from `shown` (what `take` reads) with these answers written in. */
function answered(shown: Quiz, a: Answers): string {
  let t = answerSheetText(shown, 'ana');
  for (const x of a.ticks) t = t.replace(`- [ ] ${x}`, `- [x] ${x}`);
  const hdr = t.indexOf('id=hdr');
  const at = t.indexOf('Answer: ', hdr);
  assert.ok(hdr > 0 && at > hdr, `the sheet asks for the header on an "Answer:" line:\n${t}`);
  t = `${t.slice(0, at)}Answer: ${a.header}${t.slice(at + 'Answer: '.length)}`;
  const hours = t.indexOf('Answer: ', t.indexOf('id=hours'));
  assert.ok(hours > 0, `the sheet asks for the hours on an "Answer:" line:\n${t}`);
  t = `${t.slice(0, hours)}Answer: ${a.hours}${t.slice(hours + 'Answer: '.length)}`;
  const list = /(id=steps[^\n]*\n\n)((?:\d+\. [^\n]*\n?)+)/.exec(t)!;
  assert.ok(list, t);
  return t.replace(list[2]!, `${a.order.map((x, i) => `${i + 1}. ${x}`).join('\n')}\n`);
}

function grade(keyed: Quiz, sheetText: string) {
  const r = readAnswerSheet(sheetText);
  assert.ok(r.ok, r.ok ? '' : r.message);
  const g = gradeQuiz({
    sheet: r.sheet,
    quiz: keyed,
    policy,
    prior: [],
    now: '2026-11-29T00:00:00Z',
  });
  assert.ok(g.ok, g.ok ? '' : g.refusal.message);
  return { percent: g.grade.percent, outcomes: g.grade.questions.map((q) => q.outcome) };
}

const ANSWER_SETS: Answers[] = [
  { ticks: ['Alpha'], header: 'x-request-id', hours: '4.2 h', order: ['Triage', 'Fix', 'Close'] },
  {
    ticks: ['Alpha', 'Beta'],
    header: 'X-Request-Id',
    hours: '4',
    order: ['Fix', 'Triage', 'Close'],
  },
  { ticks: ['Gamma'], header: 'Request-Id', hours: '6 h', order: ['Triage', 'Fix', 'Close'] },
];

describe('trust: a sealed quiz whose questions have no type= grades as the unsealed one', () => {
  const unsealed = quizOf(UNTYPED);
  const s = seal('q.md', UNTYPED, SECRET);
  assert.ok(s.ok);
  const sealed = quizOf(s.sealedText);
  const opened = openSealed(sealed, s.keyText, SECRET);
  assert.ok(opened.ok);

  it('keeps each question type in the key and gets it back on opening', () => {
    assert.deepEqual(
      unsealed.questions.map((q) => q.type),
      ['multiple', 'text', 'numeric', 'ordering'],
    );
    assert.deepEqual(
      opened.quiz.questions.map((q) => q.type),
      ['multiple', 'text', 'numeric', 'ordering'],
    );
    const key = sealQuiz(unsealed, UNTYPED, 'q.key.yml');
    assert.ok(key.ok);
    assert.deepEqual(
      Object.values(key.key.answers).map((k) => k.type),
      ['multiple', 'text', 'numeric', 'ordering'],
    );
  });

  it('writes the type into the sealed file, so take asks for the same kind of answer', () => {
    assert.deepEqual(
      sealed.questions.map((q) => q.type),
      ['multiple', 'text', 'numeric', 'ordering'],
    );
    // The items are shuffled per learner from the order each file shows: the rest is the same.
    const items = (t: string) => t.replace(/^\d+\. .*\n?/gm, '');
    assert.equal(items(answerSheetText(sealed, 'ana')), items(answerSheetText(unsealed, 'ana')));
    assert.match(answerSheetText(sealed, 'ana'), /id=hours type=numeric -->\n\nAnswer: \n/);
  });

  for (const a of ANSWER_SETS) {
    it(`grades ${JSON.stringify(a)} the same sealed and unsealed`, () => {
      const want = grade(unsealed, answered(unsealed, a));
      assert.deepEqual(grade(opened.quiz, answered(sealed, a)), want);
    });
  }

  it('gives partial credit for one of two right ticks and full credit for both', () => {
    assert.deepEqual(grade(opened.quiz, answered(sealed, ANSWER_SETS[0]!)).outcomes, [
      'partial',
      'right',
      'right',
      'right',
    ]);
    assert.deepEqual(grade(opened.quiz, answered(sealed, ANSWER_SETS[1]!)).outcomes, [
      'right',
      'right',
      'right',
      'wrong',
    ]);
  });

  it('reads the types of a key sealed before keys kept them from what the key holds', () => {
    // As sealing wrote it before: no type in the key, no type= in the sealed file.
    const r = sealQuiz(unsealed, UNTYPED, 'q.key.yml');
    assert.ok(r.ok);
    const oldText = r.sealedText.replace(/ type=\w+/g, '');
    const oldKey: QuizKey = {
      quiz: r.key.quiz,
      answers: Object.fromEntries(
        Object.entries(r.key.answers).map(([id, k]) => [id, { ...k, type: undefined }]),
      ),
    };
    const oldSealed = quizOf(oldText);
    assert.deepEqual(
      oldSealed.questions.map((q) => q.type),
      ['single', 'single', 'single', 'ordering'],
    );
    const keyText = sealPayload(
      {
        key: JSON.parse(JSON.stringify(oldKey)) as QuizKey,
        shape: quizShape(oldSealed),
        source: UNTYPED,
      },
      SECRET,
    );
    const o = openSealed(oldSealed, keyText, SECRET);
    assert.ok(o.ok, o.ok ? '' : o.message);
    assert.deepEqual(
      o.quiz.questions.map((q) => q.type),
      ['multiple', 'text', 'numeric', 'ordering'],
    );
    for (const a of ANSWER_SETS)
      assert.deepEqual(
        grade(o.quiz, answered(oldSealed, a)),
        grade(unsealed, answered(unsealed, a)),
        JSON.stringify(a),
      );
  });

  it('keeps a type the quiz wrote over what the key holds (type=multiple with one right choice)', () => {
    const text = `${FRONT}## Which?\n<!-- question id=w type=multiple -->\n\n- [x] Alpha\n- [ ] Beta\n`;
    const r = sealQuiz(quizOf(text), text, 'q.key.yml');
    assert.ok(r.ok);
    const oldSealed = quizOf(r.sealedText);
    const keyText = sealPayload(
      {
        key: { quiz: 'q', answers: { w: { correct: ['a'] } } },
        shape: quizShape(oldSealed),
        source: text,
      },
      SECRET,
    );
    const o = openSealed(oldSealed, keyText, SECRET);
    assert.ok(o.ok);
    assert.equal(o.quiz.questions[0]!.type, 'multiple');
  });
});

describe('trust: sealing leaves no answer in the quiz file', () => {
  it('unticks a checkbox written on the second line of its item', () => {
    const text = `${FRONT}## Which?\n<!-- question id=w type=single -->\n\n-\n  [x] Alpha\n- [ ] Beta\n`;
    assert.equal(quizOf(text).questions[0]!.choices[0]!.checked, true);
    const s = seal('q.md', text, SECRET);
    assert.ok(s.ok, s.ok ? '' : s.message);
    assert.doesNotMatch(s.sealedText, /\[[xX]\]/);
    assert.ok(quizOf(s.sealedText).questions[0]!.choices.every((c) => !c.checked));
    const o = openSealed(quizOf(s.sealedText), s.keyText, SECRET);
    assert.ok(o.ok);
    assert.deepEqual(
      o.quiz.questions[0]!.choices.map((c) => c.checked),
      [true, false],
    );
  });

  it('refuses an ordering item written over two lines, naming the line and what to do', () => {
    const text = `${FRONT}## Order?\n<!-- question id=o type=ordering -->\n\n1. first\n   continued\n2. second\n3. third\n`;
    const s = seal('q.md', text, SECRET);
    assert.ok(!s.ok);
    assert.equal(s.line, text.split('\n').indexOf('1. first') + 1);
    assert.equal(
      s.message,
      'Expected each item to put in order on one line before sealing; found "first continued" on lines 13-14 of question "o". Write each item on one line, and seal again.',
    );
  });

  it('writes the ordering items of the sealed file in the sealed order, whole', () => {
    const items = ['Triage', 'Fix', 'Close', 'Review'];
    const text = `${FRONT}## Order?\n<!-- question id=o -->\n\n${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`;
    // A fixed draw: reversed order.
    const r = sealQuiz(quizOf(text), text, 'q.key.yml', (into) => into.fill(0));
    assert.ok(r.ok);
    const shown = quizOf(r.sealedText).questions[0]!.items.map((i) => i.text);
    assert.deepEqual([...shown].sort(), [...items].sort());
    const listed = r.sealedText
      .split('\n')
      .filter((l) => /^\d+\. /.test(l))
      .map((l) => l.replace(/^\d+\. /, ''));
    assert.deepEqual(listed, shown);
    // The key's letters name the sealed file's items: read back, they give the author's order.
    const letters = r.key.answers.o!.order!;
    assert.deepEqual(
      letters.map((l) => shown[l.charCodeAt(0) - 97]),
      items,
    );
  });

  it('refuses to seal a tick written another way rather than leave it in the file', () => {
    const text = `${FRONT}## Which?\n<!-- question id=w type=single -->\n\n- (x) Alpha\n- ( ) Beta\n`;
    assert.equal(quizOf(text).questions[0]!.choices[0]!.checked, true);
    const s = seal('q.md', text, SECRET);
    assert.ok(!s.ok);
    assert.equal(s.line, text.split('\n').indexOf('## Which?') + 1);
    assert.match(
      s.message,
      /^Expected no answers left in the sealed quiz; found the tick of choice a of question "w" still in it/,
    );
  });
});

describe('trust: numbers with units read alike on both sides', () => {
  const cases: [string, string | undefined, number | undefined][] = [
    ['20 µs', 'µs', 20], // micro sign in both: NFKC makes the answer's μ
    ['20 μs', 'µs', 20], // Greek mu against the micro sign
    ['4 m²', 'm²', 4],
    ['4 m2', 'm²', 4],
    ['4 H', 'h', 4],
    ['4 Km/H', 'km/h', 4],
    ['4 kB', 'KB', 4],
    ['10²', undefined, undefined],
    ['10²', 'm', undefined],
    ['①', undefined, undefined],
    ['2₀', undefined, undefined],
    ['8 mb', 'Mb', undefined], // milli is not mega
    ['8 MB', 'Mb', undefined], // byte is not bit
    ['5 ps', 'Ps', undefined],
    ['8 Mb', 'Mb', 8],
    ['４', undefined, 4], // full-width digits are digits
  ];
  for (const [answer, unit, want] of cases) {
    it(`reads ${JSON.stringify(answer)} against ${unit ?? 'no unit'} as ${want}`, () =>
      assert.equal(readNumber(answer, '.', unit), want));
  }
});

describe('trust: two "Answer:" lines under one question', () => {
  const quiz = `${FRONT}## How many?\n<!-- question id=n type=numeric -->\n\nAnswer: 4\n`;
  it('refuses the sheet, naming the second line, and uses no attempt', () => {
    const sheet = answerSheetText(quizOf(quiz), 'ana').replace(
      'Answer: \n',
      'Answer: 4\n\nAnswer: 5\n',
    );
    const r = readAnswerSheet(sheet);
    assert.ok(r.ok);
    const g = gradeQuiz({
      sheet: r.sheet,
      quiz: quizOf(quiz),
      policy,
      prior: [],
      now: '2026-11-29T00:00:00Z',
    });
    assert.ok(!g.ok, 'expected no grade');
    assert.equal(g.refusal.reason, 'invalid-sheet');
    const first = sheet.split('\n').indexOf('Answer: 4') + 1;
    const second = sheet.split('\n').indexOf('Answer: 5') + 1;
    assert.equal(
      g.refusal.message,
      `line ${second}: Expected one "Answer:" line under question "n"; found a second one here (the first is on line ${first}). Keep one and delete the other. Not graded, and no attempt used: fix the sheet and submit it again.`,
    );
  });

  it('is a markup problem lint reports in a quiz source', () => {
    const text = quiz.replace('Answer: 4\n', 'Answer: 4\n\nAnswer: 5\n');
    const { diagnostics } = lintInMemory({ 'modules/m/q.md': text }, '2026-11-29');
    const hit = diagnostics.filter((d) => d.message.startsWith('Expected one "Answer:" line'));
    assert.equal(hit.length, 1, JSON.stringify(diagnostics));
    assert.equal(hit[0]!.line, text.split('\n').indexOf('Answer: 5') + 1);
  });
});
