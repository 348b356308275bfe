import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { hintsOpened, type HintOpened } from '../core/grading/hint-cost.js';
import { parseHintCommand, planHint } from '../core/grading/hint-request.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import { gradeMarkdown } from '../core/grading/render-grade.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { renderPreview } from '../core/render/render-preview.js';
import { quizzesFromQuizdown } from '../core/interchange/quiz-from-quizdown.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { readLedger, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { Quiz } from '../core/model.js';
import { policy } from './helpers/grade-sheet.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: hq
title: Hinted quiz
module: m
owner: lead
---
# Hinted quiz

## Which priority when everyone is blocked?
<!-- question id=prio type=single weight=2 -->

<details><summary>Hint</summary>

Think of **impact**, not of who asked.

- a list in a hint is no choice list

> nor is a quote the explanation

</details>

<details><summary>Hint (cost 25%)</summary>

HINT-SECRET-ONE: everyone blocked is the top priority.

</details>

<details><summary>Hint 3 (cost 50%)</summary>HINT-SECRET-TWO: P1.</details>

- [x] P1
- [ ] P2

> Priority follows impact.

## Hours to a first reply on a P2?
<!-- question id=hours type=numeric -->

Answer: 4
`;

const quizOf = (text: string) => parseFile('curricula/hq.md', text).model.item as Quiz;
const NOW = '2027-01-10T12:00:00Z';

function sealed() {
  const s = seal('curricula/hq.md', QUIZ, SECRET);
  assert.ok(s.ok, s.ok ? '' : s.message);
  const shown = quizOf(s.sealedText);
  const opened = openSealed(shown, s.keyText, SECRET);
  assert.ok(opened.ok, opened.ok ? '' : opened.message);
  return { text: s.sealedText, shown, quiz: opened.quiz };
}

/** The key sheet of the sealed quiz graded with hints opened at the given times. */
function gradeWith(hints: HintOpened[], now = NOW) {
  const { shown, quiz } = sealed();
  const read = readAnswerSheet(
    answerSheetText(quiz, 'ana', { decimalMark: '.' }),
    sheetLimit(shown),
  );
  assert.ok(read.ok);
  const r = gradeQuiz({ sheet: read.sheet, quiz, policy: policy(), prior: [], now, hints });
  assert.ok(r.ok, r.ok ? '' : r.refusal.message);
  return r.grade;
}

describe('hints a learner can open, optionally at a cost (issue #21, item 1)', () => {
  it('reads each <details><summary>Hint…</summary> under a question, in order, with its cost; what is inside is no answer', () => {
    const q = quizOf(QUIZ).questions[0]!;
    assert.deepEqual(
      q.hints?.map((h) => [h.n, h.cost, h.text.split('\n')[0]]),
      [
        [1, undefined, 'Think of **impact**, not of who asked.'],
        [2, 0.25, 'HINT-SECRET-ONE: everyone blocked is the top priority.'],
        [3, 0.5, 'HINT-SECRET-TWO: P1.'],
      ],
    );
    assert.deepEqual(
      q.choices.map((c) => c.text),
      ['P1', 'P2'],
      "the hint's list is not a choice",
    );
    assert.equal(q.explanation?.text, 'Priority follows impact.');
    assert.equal(q.type, 'single');
  });

  it('sealing moves the cost hints into the key and says how to ask; the free hint stays; the key opens them again', () => {
    const { text, shown, quiz } = sealed();
    assert.doesNotMatch(text, /HINT-SECRET/);
    assert.match(text, /Think of \*\*impact\*\*/, 'a free hint is for everyone');
    assert.match(text, /<details><summary>Hint \(cost 25%\)<\/summary>\n\nThis hint costs 25%/);
    assert.match(text, /comment `\/hint prio 3` on your checkpoint pull request/);
    assert.deepEqual(
      shown.questions[0]!.hints!.map((h) => h.cost),
      [undefined, 0.25, 0.5],
    );
    assert.deepEqual(
      quiz.questions[0]!.hints!.map((h) => h.text.slice(0, 15)),
      ['Think of **impa', 'HINT-SECRET-ONE', 'HINT-SECRET-TWO'],
    );
  });

  it('the sheet shows the free hint and how to ask for the others, and reads back as the quiz has it', () => {
    const { shown, quiz } = sealed();
    for (const from of [shown, quiz]) {
      const sheet = answerSheetText(from, 'ana');
      assert.doesNotMatch(sheet, /HINT-SECRET/, 'the sheet never carries a cost hint');
      assert.match(sheet, /<details><summary>Hint<\/summary>\n\nThink of/);
      assert.match(sheet, /<summary>Hint \(cost 50%\)<\/summary>\n\nThis hint costs 50%/);
      const read = readAnswerSheet(sheet, sheetLimit(from));
      assert.ok(read.ok);
      assert.deepEqual(read.sheet.problems, []);
      assert.deepEqual(
        read.sheet.questions[0]!.choices.map((c) => c.text),
        ['P1', 'P2'],
      );
    }
  });

  it('the key sheet opens no hint and earns 100% (quiz-key-passes); quiz-hint asks to seal a quiz with cost hints, and is content once it is', () => {
    assert.equal(gradeWith([]).percent, 100);
    const lint = (text: string) =>
      lintInMemory(
        {
          'curricula/enablekit.yml': 'version: 1\n',
          'curricula/m.md': '---\ntype: module\nid: m\ntitle: M\nowner: lead\n---\n# M\n',
          'curricula/hq.md': text,
        },
        '2027-01-10',
      ).diagnostics.filter((d) => d.ruleId === 'quiz-hint' || d.ruleId === 'quiz-key-passes');
    assert.deepEqual(
      lint(QUIZ).map((d) => [d.ruleId, d.line]),
      [
        ['quiz-hint', 23],
        ['quiz-hint', 29],
      ],
    );
    assert.deepEqual(lint(sealed().text), []);
  });

  it('a question whose cost hints were opened earns its credit minus their costs × weight, once each, never below 0, and the grade says so', () => {
    const one = gradeWith([{ question: 'prio', hint: 2, at: '2027-01-09T00:00:00Z' }]);
    assert.equal(one.questions[0]!.points, 1.5, '2 × (100% − 25%)');
    assert.ok(one.questions[0]!.feedback.includes("Hint opened: −25% of the question's credit."));
    assert.equal(one.percent, 83.3, '(1.5 + 1) of 3');
    assert.match(
      gradeMarkdown(one),
      /Hint opened: −25% of the question&#39;s credit\.|Hint opened: −25% of the question's credit\./,
    );

    const twice = gradeWith([
      { question: 'prio', hint: 2, at: '2027-01-09T00:00:00Z' },
      { question: 'prio', hint: 2, at: '2027-01-09T01:00:00Z' },
      { question: 'prio', hint: 3, at: '2027-01-09T02:00:00Z' },
      { question: 'prio', hint: 1, at: '2027-01-09T02:00:00Z' },
    ]);
    assert.equal(
      twice.questions[0]!.points,
      0.5,
      '2 × (100% − 25% − 50%): the free hint costs nothing',
    );
    assert.ok(
      twice.questions[0]!.feedback.includes("2 hints opened: −75% of the question's credit."),
    );
    assert.equal(twice.questions[1]!.feedback.length, 0, 'other questions pay nothing');
  });

  it('a hint opened after this grading (a re-run graded as of its first run) costs nothing in it', () => {
    const later = gradeWith([{ question: 'prio', hint: 2, at: '2027-01-11T00:00:00Z' }]);
    assert.equal(later.percent, 100);
  });

  it('hint records are read from the ledger: an edited record comment still costs, from when GitHub stored it', () => {
    const rec: ProgressRecord = {
      learner: 'ana',
      checkpoint: 'hq',
      kind: 'hint',
      pr: 5,
      sha: '',
      ref: 'hint-77',
      at: '2027-01-09T00:00:00Z',
      passed: false,
      question: 'prio',
      hint: 2,
      cost: 0.25,
      seq: 1,
    };
    const body = recordComment([rec]);
    assert.match(body, /hint 2 of question prio opened in #5; it costs 25%/);
    const comment = (edited: boolean) => ({
      id: 1,
      body: edited ? body.replace('2027-01-09T00:00:00Z', '2099-01-01T00:00:00Z') : body,
      byEnablekit: true,
      createdAt: '2027-01-09T00:00:01Z',
      updatedAt: edited ? '2027-01-10T00:00:00Z' : '2027-01-09T00:00:01Z',
    });
    assert.deepEqual(hintsOpened(readLedger([comment(false)], 'ana').records, 'hq', 'ANA'), [
      { question: 'prio', hint: 2, at: '2027-01-09T00:00:00Z' },
    ]);
    const edited = readLedger([comment(true)], 'ana');
    assert.equal(edited.flagged[0]?.why, 'edited');
    assert.deepEqual(hintsOpened(edited.records, 'hq', 'ana'), [
      { question: 'prio', hint: 2, at: '2027-01-09T00:00:01Z' },
    ]);
  });

  it('the preview shows the free hint collapsed and the cost hints with how to ask, never their text', () => {
    for (const text of [QUIZ, sealed().text]) {
      const { html } = renderPreview('curricula/hq.md', text);
      assert.match(
        html,
        /<details class="ek-hint" data-line="\d+"><summary>Hint<\/summary><p>Think of <strong>impact<\/strong>/,
      );
      assert.match(
        html,
        /<details class="ek-hint" data-line="\d+" data-cost="0.25"><summary>Hint \(cost 25%\)<\/summary><p>This hint costs 25%/,
      );
      assert.doesNotMatch(html, /HINT-SECRET/);
      assert.doesNotMatch(html, /<details open/);
    }
  });

  it('GIFT and QTI export name the hints they leave out', () => {
    const { dropped } = giftFromQuiz(quizOf(QUIZ), QUIZ);
    assert.ok(
      dropped.some(
        (d) => d.id === 'prio' && /its hints \(GIFT has none; 3 left out/.test(d.reason),
      ),
    );
    const qti = qtiFromQuiz(quizOf(QUIZ));
    assert.deepEqual(
      qti.dropped.filter((d) => d.id === 'prio').map((d) => d.reason),
      ['its hints (a QTI 2.1 item scored once has none; 3 left out, free or with a cost)'],
    );
    assert.ok(
      qti.files.some((f) => f.path.includes('prio')),
      'the question itself is exported',
    );
  });

  it('a quizdown hint imports as a free hint', () => {
    const { quizzes } = quizzesFromQuizdown([
      {
        kind: 'single',
        line: 1,
        heading: 'Which priority?',
        body: '',
        hint: 'Think of impact.',
        left: [],
        answers: [
          { text: 'P1', correct: true, line: 2 },
          { text: 'P2', correct: false, line: 3 },
        ],
      },
    ] as Parameters<typeof quizzesFromQuizdown>[0]);
    const text = `---\ntype: quiz\nid: x\ntitle: X\nmodule: m\n---\n# X\n\n${quizzes[0]!.body}`;
    const q = (parseFile('curricula/x.md', text).model.item as Quiz).questions[0]!;
    assert.deepEqual(
      q.hints?.map((h) => [h.text, h.cost]),
      [['Think of impact.', undefined]],
    );
  });
});

describe('/hint: which hint a learner gets, and what it costs (issue #21, item 1)', () => {
  const { quiz } = (() => {
    const s = seal('curricula/hq.md', QUIZ, SECRET);
    assert.ok(s.ok);
    const o = openSealed(quizOf(s.sealedText), s.keyText, SECRET);
    assert.ok(o.ok);
    return o;
  })();
  const other = quizOf(QUIZ.replace('id: hq', 'id: hq2'));
  const ask = (body: string, records: ProgressRecord[] = [], author = 'ana', quizzes = [quiz]) => {
    const command = parseHintCommand(body);
    assert.ok(command && !('error' in command), JSON.stringify(command));
    return planHint({
      command,
      comment: { id: 42, author, at: '2027-01-09T00:00:00Z' },
      pull: { number: 5, author: 'ana' },
      quizzes,
      records,
    });
  };

  it('reads /hint q, /hint quiz/q and /hint q n on the first line; anything else after /hint is an error to answer', () => {
    assert.deepEqual(parseHintCommand('/hint prio'), { question: 'prio' });
    assert.deepEqual(parseHintCommand('/HINT hq/prio 3\r\nplease'), {
      question: 'prio',
      quiz: 'hq',
      n: 3,
    });
    assert.match(
      (parseHintCommand('/hint') as { error: string }).error,
      /^Expected "\/hint" and a question's id/,
    );
    assert.equal(parseHintCommand('thanks for the /hint prio'), undefined);
  });

  it('gives the next hint with a cost, in order, with its record; the same hint again costs nothing more', () => {
    const first = ask('/hint prio');
    assert.equal(first.hint, 'HINT-SECRET-ONE: everyone blocked is the top priority.');
    assert.deepEqual(
      [first.record?.question, first.record?.hint, first.record?.cost, first.record?.ref],
      ['prio', 2, 0.25, 'hint-42'],
    );
    assert.match(
      ask('/hint prio 3').intro,
      /Expected hint 2 of question "prio" opened before hint 3/,
    );
    assert.equal(ask('/hint prio 3').record, undefined);
    const opened = { ...first.record!, ref: 'hint-41' };
    const next = ask('/hint prio', [opened]);
    assert.equal(next.record?.hint, 3);
    const again = ask('/hint prio 2', [opened]);
    assert.equal(again.record, undefined);
    assert.equal(again.openedIn, 5);
    assert.match(again.intro, /here it is again, at no further cost/);
    assert.equal(again.hint, first.hint);
    // The record of this very comment (a re-run) is this opening, not an earlier one.
    assert.equal(ask('/hint prio', [first.record!]).record?.ref, 'hint-42');
    assert.match(ask('/hint prio 1').intro, /is free: your answer sheet shows it/);
  });

  it('refuses anyone but the pull request’s author, an unknown question, and a question two sheets share unless the quiz is named', () => {
    const ben = ask('/hint prio', [], 'ben');
    assert.equal(ben.record, undefined);
    assert.equal(ben.hint, undefined);
    assert.match(ben.intro, /^Expected a hint to be asked for by @ana/);
    assert.match(ask('/hint nope').intro, /found none/);
    assert.match(ask('/hint hours').intro, /found no hints/);
    assert.match(ask('/hint prio', [], 'ana', [quiz, other]).intro, /Write "\/hint hq\/prio"/);
    assert.equal(ask('/hint hq/prio', [], 'ana', [quiz, other]).record?.checkpoint, 'hq');
  });
});
