import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded, gradeSheet } from './helpers/grade-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { sheetProgress } from '../core/grading/sheet-progress.js';
import { doubleTicks } from '../core/grading/sheet-problems.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { renderPreview } from '../core/render/render-preview.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: routing
title: Routing
module: m
owner: lead
---
# Routing

## Complete the routing rule
<!-- question id=rule weight=3 -->

A P1 goes to the {1} queue, is answered within {2} minutes, and the {3} is told.

- {1}
  - [ ] Tier 1
  - [x] Incident
  - [ ] Billing
- {2}
  - \`15\`
  - \`fifteen\`
- {3}
  - \`account manager\`
  - \`customer\` (credit 50%)

## A P2 goes to the {1} queue.
<!-- question id=p2 type=cloze -->

- {1}
  - \`Tier 2\`

> Tier 2 owns P2s.
`;

const quizOf = (text: string) => parseFile('curricula/routing.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

/** A blank sheet with each typed blank filled and each choice blank ticked (by its text). */
function sheetFor(answers: Record<string, string>, on: Quiz = quiz, tick = true): string {
  let text = answerSheetText(on, 'ana');
  for (const [n, answer] of Object.entries(answers)) {
    const choice = `- {${n}}\n`;
    const box = `  - [ ] ${answer}\n`;
    const at = text.indexOf(choice);
    if (tick && at >= 0 && text.indexOf(box, at) > at)
      text = text.slice(0, at) + text.slice(at).replace(box, `  - [x] ${answer}\n`);
    else if (at >= 0) text = text.replace(choice, `- {${n}}: ${answer}\n`);
    else text = text.replace(`- {${n}}: \n`, `- {${n}}: ${answer}\n`);
  }
  return text;
}
const rule = (g: Grade) => {
  const q = g.questions.find((x) => x.id === 'rule')!;
  return [q.outcome, q.points, q.feedback];
};
const grade = (answers: Record<string, string>, on: Quiz = quiz) =>
  graded(on, sheetFor(answers, on));

describe('cloze questions', () => {
  it('reads the sentence and each blank: choices to pick one, or accepted answers to type', () => {
    const [q, p2] = quiz.questions;
    assert.equal(q!.type, 'cloze');
    assert.deepEqual(
      q!.sentence!.map((s) => s.text),
      ['A P1 goes to the {1} queue, is answered within {2} minutes, and the {3} is told.'],
    );
    assert.deepEqual(
      q!.blanks!.map((b) => [
        b.n,
        b.choices.map((c) => `${c.checked ? '*' : ''}${c.text}`),
        b.accepted.map((a) => [a.value, a.credit]),
      ]),
      [
        [1, ['Tier 1', '*Incident', 'Billing'], []],
        [
          2,
          [],
          [
            ['15', undefined],
            ['fifteen', undefined],
          ],
        ],
        [
          3,
          [],
          [
            ['account manager', undefined],
            ['customer', 0.5],
          ],
        ],
      ],
    );
    assert.equal(p2!.type, 'cloze');
    assert.deepEqual(
      p2!.sentence!.map((s) => s.text),
      ['A P2 goes to the {1} queue.'],
    );
    assert.deepEqual(
      quiz.questions.flatMap((x) => x.markupProblems),
      [],
    );
  });

  it('the sheet keeps the sentence, lists a choice blank to tick and a typed blank to write after', () => {
    const blank = answerSheetText(quiz, 'ana');
    assert.match(
      blank,
      /<!-- question id=rule type=cloze -->\n\nA P1 goes to the \{1\} queue, is answered within \{2\} minutes, and the \{3\} is told\.\n\n- \{1\}\n {2}- \[ \] Tier 1\n {2}- \[ \] Incident\n {2}- \[ \] Billing\n- \{2\}: \n- \{3\}: \n/,
    );
    assert.match(blank, /fill in each blank after its number, "\{1\}: "/);
    assert.doesNotMatch(blank, /Tier 2|15|account manager/);
    assert.equal(sheetProgress(blank)!.unanswered.length, 2);
    assert.equal(sheetProgress(sheetFor({ 2: '15' }))!.unanswered.length, 1);
    const doubled = sheetFor({ 1: 'Incident' }).replace('  - [ ] Tier 1', '  - [x] Tier 1');
    assert.deepEqual(
      sheetProgress(doubled)!.unanswered.map((u) => u.why),
      ['2 or more ticks under blank {1}; a blank takes one', undefined],
    );
    const read = readAnswerSheet(doubled);
    assert.ok(read.ok);
    assert.deepEqual(
      doubleTicks(read.sheet.questions).map((p) => [p.span.start.line, p.message]),
      [
        [
          doubled.split('\n').indexOf('- {1}') + 1,
          'Expected one tick under blank {1} of question "rule"; found 2. Untick all but one: two ticks make the blank wrong.',
        ],
      ],
    );
  });

  it('grades each blank (folded, any case), the share of blanks right, with credit on a typed answer', () => {
    assert.deepEqual(rule(grade({ 1: 'Incident', 2: '15', 3: 'Account Manager' })), [
      'right',
      3,
      [],
    ]);
    // Odd case, spaces and curly quotes on a typed answer: folded as text answers are.
    assert.deepEqual(rule(grade({ 1: 'Incident', 2: ' FIFTEEN ', 3: 'account\u00a0  manager' })), [
      'right',
      3,
      [],
    ]);
    assert.deepEqual(rule(grade({ 1: 'Tier 1', 2: '15' })), [
      'partial',
      1,
      ["1 of 3 blanks are right: 33.3% of the question's credit."],
    ]);
    assert.deepEqual(rule(grade({ 1: 'Incident', 2: '15', 3: 'customer' })), [
      'partial',
      2.5,
      ["The blanks earn 2.5 of 3: 83.3% of the question's credit."],
    ]);
    assert.deepEqual(rule(grade({})), ['unanswered', 0, []]);
    // A typographic apostrophe, typed as a phone or a word processor writes it.
    const apostrophe = quizOf(QUIZ.replace('`account manager`', "`customer's manager`"));
    assert.deepEqual(
      rule(grade({ 1: 'Incident', 2: '15', 3: 'Customer’s  Manager' }, apostrophe)),
      ['right', 3, []],
    );
    const strict = quizOf(
      QUIZ.replace('id=rule weight=3', 'id=rule weight=3 scoring=all-or-nothing'),
    );
    assert.deepEqual(rule(grade({ 1: 'Incident', 2: '15' }, strict)), [
      'wrong',
      0,
      ['2 of 3 blanks are right.'],
    ]);
  });

  it("a choice typed after the blank's number counts as its tick; two ticks or another word are wrong, and said so", () => {
    const typed = graded(
      quiz,
      sheetFor({ 1: 'incident', 2: '15', 3: 'account manager' }, quiz, false),
    );
    assert.deepEqual(rule(typed), ['right', 3, []]);
    const other = graded(
      quiz,
      sheetFor({ 1: 'Incidents', 2: '15', 3: 'account manager' }, quiz, false),
    );
    assert.deepEqual(rule(other).slice(0, 2), ['partial', 2]);
    assert.match(String(rule(other)[2]), /Blank \{1\} takes one of its choices; found "Incidents"/);
    const two = sheetFor({ 1: 'Incident', 2: '15', 3: 'account manager' }).replace(
      '  - [ ] Tier 1',
      '  - [x] Tier 1',
    );
    const g = graded(quiz, two);
    assert.deepEqual(rule(g).slice(0, 2), ['partial', 2]);
    assert.match(String(rule(g)[2]), /Blank \{1\} has 2 ticks; it takes one/);
  });

  it('a sheet whose sentence or blanks were edited is reported, not graded; CRLF and curly quotes in the sentence are no change', () => {
    const full = sheetFor({ 1: 'Incident', 2: '15', 3: 'account manager' });
    const outcome = (text: string) => graded(quiz, text).questions[0]!.outcome;
    assert.equal(outcome(full.replace('within {2} minutes', 'within 15 minutes')), 'changed');
    assert.equal(outcome(full.replace('- {3}: account manager\n', '')), 'changed');
    assert.equal(outcome(full.replace('  - [ ] Billing', '  - [ ] Sales')), 'changed');
    assert.equal(
      outcome(full.replace('- {3}: account manager\n', '- {3}: account manager\n- {4}: extra\n')),
      'changed',
    );
    assert.equal(outcome(full.replace(/\n/g, '\r\n')), 'right');
    const curly = quizOf(QUIZ.replace('the {3} is told', 'the {3} is told, "now"'));
    const sheet = sheetFor({ 1: 'Incident', 2: '15', 3: 'account manager' }, curly).replace(
      '"now"',
      '“now”',
    );
    assert.equal(graded(curly, sheet).questions[0]!.outcome, 'right');
  });

  it('a sheet has room for a long answer in every blank, as for every question', () => {
    const n = 40;
    const big = quizOf(
      `---\ntype: quiz\nid: big\ntitle: Big\nmodule: m\nowner: o\n---\n# Big\n\n## Fill\n<!-- question id=fill type=cloze -->\n\n${Array.from({ length: n }, (_, i) => `{${i + 1}}`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `- {${i + 1}}\n  - \`x\``).join('\n')}\n`,
    );
    // 500 characters of four bytes each in every blank: 80 KB of answers.
    const long = '𝄞'.repeat(500);
    let sheet = answerSheetText(big, 'ana');
    for (let i = 1; i <= n; i++) sheet = sheet.replace(`- {${i}}: \n`, `- {${i}}: ${long}\n`);
    const g = graded(big, sheet);
    assert.deepEqual([g.questions[0]!.outcome, g.questions[0]!.points], ['wrong', 0]);
  });

  it('the key sheet grades 100%', () => {
    const r = gradeSheet(quiz, answerSheetText(quiz, 'ana', { decimalMark: '.' }));
    assert.ok(r.ok);
    assert.equal(r.grade.percent, 100);
  });

  it('sealing keeps the sentence and the choices unticked, drops typed answers, and grades as before', () => {
    const sealed = seal('curricula/routing.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.match(
      sealed.sealedText,
      /A P1 goes to the \{1\} queue, is answered within \{2\} minutes, and the \{3\} is told\.\n\n- \{1\}\n {2}- \[ \] Tier 1\n {2}- \[ \] Incident\n {2}- \[ \] Billing\n- \{2\}\n- \{3\}\n/,
    );
    assert.doesNotMatch(sealed.sealedText, /\[x\]|fifteen|account manager|Tier 2|credit/);
    const sealedQuiz = quizOf(sealed.sealedText);
    assert.equal(sealedQuiz.questions[0]!.type, 'cloze');
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    for (const answers of [
      { 1: 'Incident', 2: '15', 3: 'account manager' },
      { 1: 'Billing', 2: 'fifteen', 3: 'customer' },
      {},
    ] as Record<string, string>[])
      assert.deepEqual(
        graded(opened.quiz, sheetFor(answers, sealedQuiz)).questions.map((q) => [
          q.outcome,
          q.points,
          q.feedback,
        ]),
        grade(answers).questions.map((q) => [q.outcome, q.points, q.feedback]),
        JSON.stringify(answers),
      );
  });

  it('the preview puts a drop-down or a text box in each blank; sealed, it says nothing of the answers', () => {
    const html = renderPreview('curricula/routing.md', QUIZ).html;
    assert.match(
      html,
      /data-type="cloze"[^>]*><legend>Complete the routing rule<\/legend>\n<p class="ek-cloze"[^>]*>A P1 goes to the <select class="ek-blank" name="q0-1" data-blank="1" aria-label="Blank 1"><option value=""><\/option><option value="a" data-correct="false">Tier 1<\/option><option value="b" data-correct="true">Incident/,
    );
    assert.match(
      html,
      /<input type="text" class="ek-blank" name="q0-2" data-blank="2" aria-label="Blank 2" data-accepted="/,
    );
    assert.match(html, /<legend>A P2 goes to the <input type="text" class="ek-blank" name="q1-1"/);
    const sealed = seal('curricula/routing.md', QUIZ, SECRET);
    assert.ok(sealed.ok);
    const shown = renderPreview('curricula/routing.md', sealed.sealedText).html;
    assert.match(shown, /<select class="ek-blank"/);
    assert.doesNotMatch(shown, /data-correct|data-accepted/);
  });

  it('GIFT: one blank is written as a missing word and read back as a cloze; more blanks are named, not bent', () => {
    const gift = giftFromQuiz(quiz, QUIZ);
    assert.deepEqual(
      gift.notExported.map((n) => [n.id, n.line, n.reason]),
      [
        [
          'rule',
          10,
          "a cloze question with 3 blanks has no GIFT form: GIFT's missing word takes one blank a question (split it into one question a blank to export it)",
        ],
      ],
    );
    assert.match(
      gift.text,
      /::p2::\[markdown\]A P2 goes to the \{\n\t=Tier 2\n\t####Tier 2 owns P2s\.\n\} queue\./,
    );
    const back = quizzesFromGift(parseGift(gift.text).questions);
    assert.deepEqual(back.skipped, []);
    assert.match(
      back.quizzes[0]!.body,
      /## A P2 goes to the \{1\} queue\.\n<!-- question id=p2 type=cloze -->\n\n- \{1\}\n {2}- `Tier 2`\n\n> Tier 2 owns P2s\./,
    );
    const text = QUIZ.replace(/## Complete[\s\S]*?(?=## A P2)/, '').replace(
      '- {1}\n  - `Tier 2`',
      '- {1}\n  - [x] Tier 2\n  - [ ] *Tier* 1',
    );
    const out = giftFromQuiz(quizOf(text), text);
    assert.match(out.text, /A P2 goes to the \{\n\t=Tier 2\n\t~\*Tier\* 1\n/);
    const again = quizzesFromGift(parseGift(out.text).questions).quizzes[0]!.body;
    assert.match(again, /- \{1\}\n {2}- \[x\] Tier 2\n {2}- \[ \] \*Tier\* 1/);
  });

  it('GIFT import: a missing word becomes a cloze with one blank, its choices or its accepted answers', () => {
    const bank = parseGift(
      'A P1 is answered {~eventually =within the hour ~next week} by the on-call.\n\nThe header is {=X-Request-Id =%50%Request-Id} on every call.\n',
    );
    const { quizzes, skipped } = quizzesFromGift(bank.questions);
    assert.deepEqual(skipped, []);
    const body = quizzes[0]!.body;
    assert.match(
      body,
      /## A P1 is answered \{1\} by the on-call\.\n<!-- question id=[a-z0-9-]+ type=cloze -->\n\n- \{1\}\n {2}- \[ \] eventually\n {2}- \[x\] within the hour\n {2}- \[ \] next week/,
    );
    assert.match(
      body,
      /## The header is \{1\} on every call\.[\s\S]*- \{1\}\n {2}- `X-Request-Id`\n {2}- `Request-Id` \(credit 50%\)/,
    );
    const imported = quizOf(
      `---\ntype: quiz\nid: i\ntitle: I\nmodule: m\nowner: o\n---\n# I\n\n${body}`,
    );
    assert.deepEqual(
      imported.questions.map((q) => q.type),
      ['cloze', 'cloze'],
    );
    const r = gradeSheet(imported, answerSheetText(imported, 'ana', { decimalMark: '.' }));
    assert.ok(r.ok);
    assert.equal(r.grade.percent, 100);
  });

  it('QTI: an inline choice or a text entry in each blank, scored by the share of blanks right', () => {
    const qti = qtiFromQuiz(quiz);
    assert.deepEqual(qti.notExported, []);
    const item = qti.files.find((f) => f.path.endsWith('routing-rule.xml'))!.text;
    assert.match(
      item,
      /<p>A P1 goes to the <inlineChoiceInteraction responseIdentifier="RESPONSE_1" shuffle="false"><inlineChoice identifier="choice-a">Tier 1<\/inlineChoice>/,
    );
    assert.match(
      item,
      /within <textEntryInteraction responseIdentifier="RESPONSE_2" expectedLength="20"\/> minutes/,
    );
    assert.match(item, /<mapEntry mapKey="customer" mappedValue="0.5" caseSensitive="false"\/>/);
    assert.match(
      item,
      /<product><sum><mapResponse identifier="RESPONSE_1"\/><mapResponse identifier="RESPONSE_2"\/><mapResponse identifier="RESPONSE_3"\/><\/sum><baseValue baseType="float">1<\/baseValue><\/product>/,
    );
  });
});
