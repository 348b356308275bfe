import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFile } from '../core/parse/parse-file.js';
import type { Quiz } from '../core/model.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { markdownInline } from '../core/text/markdown-escape.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';

/** A quiz whose choices and ordering items read as exactly these texts (the author escaped them). */
function quizOf(choices: string[], items: string[]): Quiz {
  const source = [
    '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n',
    '## Pick\n<!-- question id=pick type=multiple -->\n',
    ...choices.map((c, i) => `- [${i === 0 ? 'x' : ' '}] ${markdownInline(c)}`),
    '\n## Order\n<!-- question id=order type=ordering -->\n',
    ...items.map((t, i) => `${i + 1}. ${markdownInline(t)}`),
    '',
  ].join('\n');
  return parseFile('q.md', source).model.item as Quiz;
}

/** Texts with every mark Markdown reads inline, trimmed and one line. */
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'B',
      '1',
      ' ',
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      'amp;',
      '~',
      '\\',
      '!',
      '#',
      '|',
      'http://x.io',
      'é',
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((p) => p.join('').replace(/\s+/g, ' ').trim())
  .filter((t) => t.length > 0 && !/^[-+*>#\d]/.test(t));

describe('An answer sheet lists what the quiz says, and the key sheet earns full credit', () => {
  it('choices and ordering items with Markdown marks read back from the sheet as the quiz has them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(text, { minLength: 2, maxLength: 4 }),
        fc.uniqueArray(text, { minLength: 2, maxLength: 4 }),
        (choices, items) => {
          const quiz = quizOf(choices, items);
          const [pick, order] = quiz.questions;
          // The quiz itself reads as written (else the generated text is not what this tests).
          fc.pre(pick!.choices.map((c) => c.text).join('\n') === choices.join('\n'));
          fc.pre(order!.items.map((i) => i.text).join('\n') === items.join('\n'));
          const read = readAnswerSheet(answerSheetText(quiz, 'ana', { decimalMark: '.' }));
          assert.ok(read.ok, read.ok ? '' : read.message);
          const [mine, mineOrder] = read.sheet.questions;
          assert.deepEqual(
            mine!.choices.map((c) => c.text),
            choices,
          );
          assert.deepEqual(
            mineOrder!.items.map((i) => i.text),
            items,
          );
          const graded = gradeQuiz({
            sheet: read.sheet,
            quiz,
            policy: {
              passMark: 100,
              attempts: 3,
              retakeCooldownMs: 0,
              revealAnswers: 'never',
              decimalMark: '.',
            },
            prior: [],
            now: '2026-11-29T00:00:00Z',
          });
          assert.ok(graded.ok);
          assert.equal(graded.grade.percent, 100);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a cloze sentence, its choices and a typed answer with Markdown marks read back from the sheet, and its key sheet earns full credit', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.uniqueArray(text, { minLength: 2, maxLength: 4 }),
        text.filter((t) => !t.includes('`')),
        (before, after, choices, typed) => {
          const source = [
            '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: alice\n---\n# Q\n',
            '## Fill\n<!-- question id=fill type=cloze -->\n',
            `${markdownInline(before)} {1} ${markdownInline(after)} {2}\n`,
            '- {1}',
            ...choices.map((c, i) => `  - [${i === 0 ? 'x' : ' '}] ${markdownInline(c)}`),
            '- {2}',
            `  - \`${typed}\``,
            '',
          ].join('\n');
          const quiz = parseFile('q.md', source).model.item as Quiz;
          const [fill] = quiz.questions;
          fc.pre(fill!.blanks?.[0]?.choices.map((c) => c.text).join('\n') === choices.join('\n'));
          fc.pre(fill!.blanks?.[1]?.accepted[0]?.value === typed);
          const read = readAnswerSheet(answerSheetText(quiz, 'ana', { decimalMark: '.' }));
          assert.ok(read.ok, read.ok ? '' : read.message);
          const mine = read.sheet.questions[0]!;
          assert.deepEqual(
            mine.sentence?.map((x) => x.text),
            fill!.sentence?.map((x) => x.text),
          );
          assert.deepEqual(
            mine.blanks?.[0]?.choices.map((c) => c.text),
            choices,
          );
          assert.equal(mine.blanks?.[1]?.given, typed);
          const graded = gradeQuiz({
            sheet: read.sheet,
            quiz,
            policy: { passMark: 100, attempts: 3, retakeCooldownMs: 0, revealAnswers: 'never' },
            prior: [],
            now: '2026-11-29T00:00:00Z',
          });
          assert.ok(graded.ok);
          assert.equal(graded.grade.percent, 100);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a choice written \\*x\\* in the quiz reads back as *x* from the sheet, not as emphasis', () => {
    const quiz = quizOf(['*x*', 'y'], ['a_b_', '[c]']);
    const sheet = answerSheetText(quiz, 'ana');
    assert.match(sheet, /^- \[ \] \\\*x\\\*$/m);
    const read = readAnswerSheet(sheet);
    assert.ok(read.ok);
    assert.deepEqual(
      read.sheet.questions[0]!.choices.map((c) => c.text),
      ['*x*', 'y'],
    );
  });
});
