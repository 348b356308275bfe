import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { gradeSheet, graded, policy } from './helpers/grade-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { gradeMarkdown, gradeText } from '../core/grading/render-grade.js';
import { sheetProgress } from '../core/grading/sheet-progress.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { seal, openSealed } from '../core/sealing/seal.js';
import { renderPreview } from '../core/render/render-preview.js';
import { giftFromQuiz } from '../core/interchange/gift-from-quiz.js';
import { parseGift } from '../core/interchange/parse-gift.js';
import { quizzesFromGift } from '../core/interchange/quiz-from-gift.js';
import { qtiFromQuiz } from '../core/interchange/qti-from-quiz.js';
import type { Quiz } from '../core/model.js';
import { parseGradeCommand } from '../core/review/grade-command.js';
import { marksOf } from '../core/grading/open-marks.js';
import type { ProgressRecord } from '../core/progress/records.js';

const SECRET = 'correct horse battery staple 42';
const QUIZ = `---
type: quiz
id: updates
title: Updates
module: m
owner: lead
pass_mark: 60
---
# Updates

## Which queue takes P1 tickets?
<!-- question id=p1 -->

- [x] Incident
- [ ] Tier 1

## How would you tell a customer their P1 is not fixed yet?
<!-- question id=p1-update type=open weight=2 -->

Rubric:

- Says what is known and what is not
- [ ] Gives the time of the next update

## Why does a P2 get a reply within four hours?
<!-- question id=p2-why type=essay words=80 -->
`;

const quizOf = (text: string) => parseFile('curricula/updates.md', text).model.item as Quiz;
const quiz = quizOf(QUIZ);

/** The sheet with the choice ticked and each open question answered as given ('' leaves it empty). */
function sheet(update: string, why = '', on: Quiz = quiz): string {
  const blank = answerSheetText(on, 'ana');
  const parts = blank.split('Answer: \n');
  assert.equal(parts.length, 3);
  return `${parts[0]!.replace('- [ ] Incident', '- [x] Incident')}Answer: ${update}\n${parts[1]}Answer: ${why}\n${parts[2]}`;
}

describe('open questions (essays), graded by a reviewer', () => {
  it('reads type=open and type=essay as one type, with the rubric under "Rubric:" (a task item or not)', () => {
    assert.deepEqual(
      quiz.questions.map((q) => [q.id, q.type, q.weight, q.rubric?.map((c) => c.text)]),
      [
        ['p1', 'single', 1, undefined],
        [
          'p1-update',
          'open',
          2,
          ['Says what is known and what is not', 'Gives the time of the next update'],
        ],
        ['p2-why', 'open', 1, undefined],
      ],
    );
    assert.deepEqual(
      lintInMemory({ 'curricula/updates.md': QUIZ }, '2027-01-01')
        .diagnostics.filter((d) => d.ruleId.startsWith('quiz-'))
        .map((d) => `${d.ruleId}: ${d.message}`),
      [],
      'a quiz with open questions lints clean, quiz-key-passes included',
    );
  });

  it('the sheet takes an answer of several paragraphs, read back whole and never as a number', () => {
    const text = sheet(
      'We know the cause.\n\nWe do not know when it is fixed; next update at 14:00.\n\n- a list too',
      '4',
    );
    const g = graded(quiz, text);
    assert.deepEqual(
      g.questions.map((q) => [q.id, q.outcome, q.points, q.answer]),
      [
        ['p1', 'right', 1, 'a) Incident'],
        [
          'p1-update',
          'pending',
          0,
          'We know the cause.\n\nWe do not know when it is fixed; next update at 14:00.\n\na list too',
        ],
        ['p2-why', 'pending', 0, '4'],
      ],
    );
    assert.deepEqual(sheetProgress(text)?.answered, 3);
    assert.deepEqual(sheetProgress(sheet('', ''))?.answered, 1);
    assert.match(answerSheetText(quiz, 'ana'), /write an open answer after its "Answer:"/);
    assert.match(answerSheetText(quiz, 'ana'), /type=open -->\n\nAbout 80 words\.\n\nAnswer: \n/);
  });

  it('an answered open question leaves the attempt pending: no pass whatever the score so far, no retake note', () => {
    const g = graded(
      quiz,
      sheet('We know the cause.', 'Customers wait.'),
      policy({ passMark: 20 }),
    );
    assert.equal(g.percent, 25);
    assert.equal(g.passed, false);
    assert.deepEqual(g.pending, ['p1-update', 'p2-why']);
    const md = gradeMarkdown(g);
    assert.match(md, /^### Waiting for a reviewer: 25% so far \(pass mark 20%\)/);
    assert.match(md, /⏳ waits for a reviewer \(0\/2\)/);
    assert.match(md, /The open questions "p1-update", "p2-why" wait for a reviewer/);
    assert.doesNotMatch(md, /push again to retake/i);
    assert.match(gradeText(g), /Waiting for a reviewer: 25% so far \(pass mark 20%\)/);
  });

  it('an open question left empty earns nothing and waits for no one: the attempt is settled', () => {
    const g = graded(quiz, sheet('', ''), policy({ passMark: 20, revealAnswers: 'always' }));
    assert.equal(g.pending, undefined);
    assert.equal(g.passed, true);
    assert.deepEqual(
      g.questions.map((q) => [q.outcome, q.correctAnswer]),
      [
        ['right', undefined],
        ['unanswered', undefined],
        ['unanswered', undefined],
      ],
    );
  });

  it('the key sheet leaves open answers empty (it has none to write)', () => {
    const key = answerSheetText(quiz, 'key', { decimalMark: '.' });
    assert.equal(key.split('Answer: \n').length, 3);
    const r = gradeSheet(quiz, key);
    assert.ok(r.ok);
    assert.deepEqual(
      r.grade.questions.map((q) => q.outcome),
      ['right', 'unanswered', 'unanswered'],
    );
  });

  it('a sheet has room for long open answers', () => {
    const long = 'The customer hears what we know. '.repeat(300);
    const text = sheet(long, long);
    assert.ok(new TextEncoder().encode(text).length < sheetLimit(quiz));
    assert.equal(graded(quiz, text).questions[1]!.answer, long.trim());
  });

  it('sealing keeps an open question and its rubric as they are, and grades the same', () => {
    const sealed = seal('curricula/updates.md', QUIZ, SECRET);
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.match(
      sealed.sealedText,
      /<!-- question [^>]*type=open[^>]*-->\n\nRubric:\n\n- Says what is known and what is not\n- \[ \] Gives the time/,
    );
    const opened = openSealed(quizOf(sealed.sealedText), sealed.keyText, SECRET);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    assert.equal(opened.source, QUIZ);
    const g = graded(opened.quiz, sheet('We know the cause.', ''));
    assert.deepEqual(g.pending, ['p1-update']);
  });

  it('the preview gives room to draft the answer and shows the rubric, with nothing to check', () => {
    const html = renderPreview('curricula/updates.md', QUIZ).html;
    assert.match(
      html,
      /<h3>How would you tell a customer their P1 is not fixed yet\?<\/h3><textarea name="q1" rows="6"[^>]*><\/textarea><p>What the reviewer looks for:<\/p><ul><li data-line="\d+">Says what is known and what is not<\/li>/,
    );
    assert.match(html, /An open answer is graded by a reviewer, not checked here\./);
    assert.match(html, /<p>About 80 words\.<\/p><textarea name="q2"/);
  });

  it("GIFT: written as an essay's empty answer block, and an essay is imported as an open question", () => {
    const gift = giftFromQuiz(quiz, QUIZ);
    assert.deepEqual(gift.notExported, []);
    assert.match(
      gift.text,
      /::p1-update::\[markdown\]How would you tell a customer their P1 is not fixed yet\?\{\}/,
    );
    assert.deepEqual(
      gift.dropped.filter((d) => d.id === 'p1-update').map((d) => d.reason),
      [
        'its rubric (GIFT has no place for one)',
        'its weight 2 (GIFT files carry none; every question is worth 1)',
      ],
    );
    assert.deepEqual(
      gift.dropped.filter((d) => d.id === 'p2-why').map((d) => d.reason),
      ['its length hint of 80 words (GIFT has none)'],
    );
    const back = quizzesFromGift(parseGift(gift.text).questions);
    assert.deepEqual(back.skipped, []);
    const body = back.quizzes[0]!.body;
    assert.match(body, /<!-- question id=p1-update type=open -->\n\n## /);
    const imported = quizOf(
      `---\ntype: quiz\nid: i\ntitle: I\nmodule: m\nowner: o\n---\n# I\n\n${body}`,
    );
    assert.deepEqual(
      imported.questions.map((q) => q.type),
      ['single', 'open', 'open'],
    );
    const essay = quizzesFromGift(parseGift('::e::Why? {####Any reason.}\n').questions);
    assert.match(essay.quizzes[0]!.body, /type=open -->\n\n> Any reason\.\n$/);
  });

  it('QTI: an extended text interaction with no response processing, left to a human scorer', () => {
    const qti = qtiFromQuiz(quiz);
    assert.deepEqual(qti.notExported, []);
    const item = qti.files.find((f) => f.path.endsWith('p1-update.xml'))!.text;
    assert.match(
      item,
      /<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"\/>/,
    );
    assert.match(
      item,
      /<itemBody><rubricBlock view="scorer"><ul><li>Says what is known and what is not<\/li><li>Gives the time of the next update<\/li><\/ul><\/rubricBlock><extendedTextInteraction responseIdentifier="RESPONSE"><prompt>How would you tell/,
    );
    assert.match(item, /<responseProcessing><\/responseProcessing>/);
    assert.match(item, /identifier="MAXSCORE"[^>]*><defaultValue><value>2<\/value>/);
  });

  it('reads a mark command strictly: a question id and a share from 0% to 100%, notes after it', () => {
    assert.deepEqual(parseGradeCommand('/grade p1-update 75%\nGood, but no time.'), {
      question: 'p1-update',
      share: 0.75,
      notes: 'Good, but no time.',
    });
    assert.deepEqual(parseGradeCommand('/grade p2-why 12,5 % fine'), {
      question: 'p2-why',
      share: 0.125,
      notes: 'fine',
    });
    assert.match(
      (parseGradeCommand('/grade p1-update 120%') as { error: string }).error,
      /Expected a mark from 0% to 100% of the question's credit; found 120%/,
    );
    assert.match(
      (parseGradeCommand('/grade p1-update great') as { error: string }).error,
      /"\/grade <question-id> 75%"/,
    );
  });

  it('grades an open answer with its latest mark; an answer without one still waits', () => {
    const mark = (
      question: string,
      percent: number,
      at: string,
      sha = 'sha-1',
    ): ProgressRecord => ({
      learner: 'ana',
      checkpoint: 'updates',
      kind: 'mark',
      pr: 3,
      sha,
      ref: `comment-${at}`,
      at,
      passed: false,
      question,
      percent,
      reviewer: 'tara',
    });
    const marks = marksOf(
      [
        mark('p1-update', 100, '2027-01-10T12:05:00Z'),
        mark('p1-update', 50, '2027-01-10T12:01:00Z'),
        mark('p2-why', 100, '2027-01-10T12:02:00Z', 'sha-other'),
      ],
      'updates',
      'ANA',
      'sha-1',
    );
    assert.deepEqual(marks, [{ question: 'p1-update', share: 1, reviewer: 'tara' }]);
    const read = readAnswerSheet(sheet('We know the cause.', 'Customers wait.'), sheetLimit(quiz));
    assert.ok(read.ok);
    const r = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: policy({ passMark: 60 }),
      prior: [],
      now: '2027-01-10T12:00:00Z',
      marks,
    });
    assert.ok(r.ok);
    assert.deepEqual(
      r.grade.questions.map((q) => [q.outcome, q.points, q.feedback[0]]),
      [
        ['right', 1, undefined],
        ['right', 2, "Graded by @tara: 100% of the question's credit."],
        [
          'pending',
          0,
          'A reviewer grades this answer against the rubric; it earns nothing until then.',
        ],
      ],
    );
    assert.deepEqual([r.grade.percent, r.grade.passed, r.grade.pending], [75, false, ['p2-why']]);
  });
});
