import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { graded, policy } from './helpers/grade-sheet.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { sheetProgress } from '../core/grading/sheet-progress.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { renderPreview } from '../core/render/render-preview.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Grade } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const POLICY = policy();

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: tools
title: Tools
module: m
owner: lead
---
# Tools

## Match each tool to its job
<!-- question id=tools weight=3 -->

- Grafana → dashboards
- PagerDuty -> paging
- Stripe → billing
- → status pages

## Which queue takes P1 tickets?
<!-- question id=p1 -->

- [x] Incident
- [ ] Tier 1
`;

const quizOf = (text: string) => parseFile('curricula/tools.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

/** A sheet with each prompt answered as given (prompt → answer). */
function sheetFor(answers: Record<string, string>, on: Quiz = quiz): string {
  let text = answerSheetText(on, 'ana');
  for (const [prompt, answer] of Object.entries(answers))
    text = text.replace(`- ${prompt} → \n`, `- ${prompt} → ${answer}\n`);
  return text;
}
function grade(answers: Record<string, string>, on: Quiz = quiz, asked: Quiz = on): Grade {
  return graded(on, sheetFor(answers, asked));
}
const tools = (g: Grade) => {
  const q = g.questions.find((x) => x.id === 'tools')!;
  return [q.outcome, q.points, q.feedback];
};

describe('matching questions', () => {
  it('reads pairs (→ or ->) and an extra answer; a task list in the same quiz stays choices', () => {
    const [t, p1] = quiz.questions;
    assert.equal(t!.type, 'matching');
    assert.deepEqual(
      t!.pairs!.map((p) => [p.letter, p.prompt, p.answer]),
      [
        ['a', 'Grafana', 'dashboards'],
        ['b', 'PagerDuty', 'paging'],
        ['c', 'Stripe', 'billing'],
      ],
    );
    assert.deepEqual(
      t!.distractors!.map((d) => d.answer),
      ['status pages'],
    );
    assert.equal(p1!.type, 'single');
  });

  it('the sheet lists the prompts to answer and every answer in alphabetical order, which says nothing of the pairing', () => {
    const blank = answerSheetText(quiz, 'ana');
    assert.match(
      blank,
      /<!-- question id=tools type=matching -->\n\n- Grafana → \n- PagerDuty → \n- Stripe → \n\nChoose from:\n\n- billing\n- dashboards\n- paging\n- status pages\n/,
    );
    assert.equal(sheetProgress(blank)!.unanswered.length, 2);
    assert.equal(sheetProgress(sheetFor({ Grafana: 'paging' }))!.unanswered.length, 1);
  });

  it('grades each prompt as text answers are graded, with the share of prompts matched right', () => {
    assert.deepEqual(
      tools(grade({ Grafana: 'Dashboards', PagerDuty: 'paging', Stripe: 'BILLING' })),
      ['right', 3, []],
    );
    assert.deepEqual(
      tools(grade({ Grafana: 'dashboards', PagerDuty: 'billing', Stripe: 'paging' })),
      ['partial', 1, ["1 of 3 prompts are matched right: 33.3% of the question's credit."]],
    );
    assert.deepEqual(tools(grade({ Grafana: 'status pages' })).slice(0, 2), ['wrong', 0]);
    assert.deepEqual(tools(grade({})), ['unanswered', 0, []]);
    const strict = quizOf(
      QUIZ.replace('id=tools weight=3', 'id=tools weight=3 scoring=all-or-nothing'),
    );
    assert.deepEqual(tools(grade({ Grafana: 'dashboards', PagerDuty: 'paging' }, strict)), [
      'wrong',
      0,
      ['2 of 3 prompts are matched right.'],
    ]);
  });

  it("a sheet whose prompts are not the quiz's is reported, not graded", () => {
    const text = sheetFor({ Grafana: 'dashboards' }).replace(
      '- Stripe → \n',
      '- Adyen → billing\n',
    );
    const read = readAnswerSheet(text);
    assert.ok(read.ok);
    const r = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: POLICY,
      prior: [],
      now: '2027-01-10T12:00:00Z',
    });
    assert.ok(r.ok);
    assert.equal(r.grade.questions[0]!.outcome, 'changed');
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

  it('sealing keeps the prompts, lists the answers to choose from, and moves the pairing into the key', () => {
    const sealed = seal('curricula/tools.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.match(
      sealed.sealedText,
      /<!-- question type=matching id=tools weight=3 -->\n\n- Grafana →\n- PagerDuty →\n- Stripe →\n\nChoose from:\n\n- billing\n- dashboards\n- paging\n- status pages\n/,
    );
    const sealedQuiz = quizOf(sealed.sealedText);
    const opened = openSealed(sealedQuiz, sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    const sheets: Record<string, string>[] = [
      { Grafana: 'dashboards', PagerDuty: 'paging', Stripe: 'billing' },
      { Grafana: 'dashboards', PagerDuty: 'billing' },
      {},
    ];
    for (const answers of sheets)
      assert.deepEqual(
        grade(answers, opened.quiz, sealedQuiz).questions.map((q) => [
          q.outcome,
          q.points,
          q.feedback,
        ]),
        grade(answers).questions.map((q) => [q.outcome, q.points, q.feedback]),
        JSON.stringify(answers),
      );
  });

  it('the preview is a form: a drop-down of every answer per prompt, the right one marked only while open; GIFT round trip; QTI exports it', () => {
    const html = renderPreview('curricula/tools.md', QUIZ).html;
    assert.match(
      html,
      /<fieldset class="ek-question"[^>]* data-type="matching" data-id="tools"><legend>Match each tool to its job<\/legend>/,
    );
    const grafana =
      /<label class="ek-pair"[^>]*>Grafana → <select class="ek-match"[^>]*data-prompt="a"[^>]*>(.*?)<\/select>/.exec(
        html,
      )![1]!;
    assert.deepEqual(
      [...grafana.matchAll(/<option value="([^"]*)"(?: data-correct="(\w+)")?>/g)].map((m) => [
        m[1],
        m[2],
      ]),
      [
        ['', undefined],
        ['billing', 'false'],
        ['dashboards', 'true'],
        ['paging', 'false'],
        ['status pages', 'false'],
      ],
    );
    const sealed = seal('curricula/tools.md', QUIZ, SECRET);
    assert.ok(sealed.ok);
    const sealedHtml = renderPreview('curricula/tools.md', sealed.sealedText).html;
    assert.match(sealedHtml, /data-type="matching"/);
    assert.doesNotMatch(sealedHtml, /data-correct/, 'a sealed quiz says nothing of the pairing');
    const gift = giftFromQuiz(quiz, QUIZ);
    assert.match(
      gift.text,
      /\{\n\t=Grafana -> dashboards\n\t=PagerDuty -> paging\n\t=Stripe -> billing\n\t= -> status pages\n\}/,
    );
    const back = quizzesFromGift(parseGift(gift.text).questions);
    assert.deepEqual(back.skipped, []);
    assert.match(
      back.quizzes[0]!.body,
      /- Grafana → dashboards\n- PagerDuty → paging\n- Stripe → billing\n- → status pages/,
    );
    assert.deepEqual(
      qtiFromQuiz(quiz).notExported.map((n) => [n.id, n.reason]),
      [],
    );
    assert.match(
      qtiFromQuiz(quiz).files.find((f) => f.path.includes('tools'))!.text,
      /<matchInteraction [^>]*>.*<simpleAssociableChoice identifier="prompt-a" matchMax="1">Grafana<\/simpleAssociableChoice>.*<simpleAssociableChoice identifier="answer-1" matchMax="1">billing<\/simpleAssociableChoice>/,
    );
  });
});
