import assert from 'node:assert/strict';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { gradeSheet, graded, only, quizOf } from './helpers/grade-sheet.js';

describe('strict, explainable grading (issue #17, sections 2 and 3)', () => {
  describe('answer sheets that do not say plainly what was meant', () => {
    const quiz = quizOf(
      '## Which queue?\n<!-- question id=queue type=single -->\n\n- [ ] Tier 1\n- [x] Incident\n\n## Hours?\n<!-- question id=hours type=numeric -->\n\nAnswer: 4\n',
    );
    const blank = answerSheetText(quiz, 'ana');
    const refusal = (sheet: string) => {
      const r = gradeSheet(quiz, sheet);
      assert.ok(!r.ok, 'expected no grade');
      assert.equal(r.refusal.reason, 'invalid-sheet');
      return r.refusal;
    };
    const lineOf = (text: string, needle: string) =>
      text.slice(0, text.indexOf(needle)).split('\n').length;

    it('refuses a sheet that gives a question twice, naming the line, whichever copy is right', () => {
      const second =
        '## Which queue?\n<!-- question id=queue type=single -->\n\n- [ ] Tier 1\n- [x] Incident\n';
      const sheet = `${blank.replace('- [ ] Tier 1', '- [x] Tier 1')}\n${second}`;
      const r = refusal(sheet);
      const line = sheet.lastIndexOf('## Which queue?');
      assert.equal(r.line, sheet.slice(0, line).split('\n').length);
      assert.match(
        r.message,
        new RegExp(
          `^line ${r.line}: Expected question "queue" once in the sheet; found it again here, after line \\d+\\. Keep the copy with your answer and delete the other\\. Not graded, and no attempt used`,
        ),
      );
      // The right copy first and a wrong one after is refused too: no copy is picked.
      assert.ok(
        !gradeSheet(
          quiz,
          `${blank.replace('- [ ] Incident', '- [x] Incident')}\n${second.replace('- [x] Incident', '- [ ] Incident')}`,
        ).ok,
      );
    });

    it('refuses a sheet with a question the quiz does not have, naming its line', () => {
      const sheet = `${blank}\n## Bonus\n<!-- question id=bonus type=text -->\n\nAnswer: free points\n`;
      const r = refusal(sheet);
      assert.equal(r.line, lineOf(sheet, '## Bonus'));
      assert.match(
        r.message,
        /Expected only the questions of "Q"; found question "bonus" \("Bonus"\), which it does not have/,
      );
    });

    for (const [tick, shown] of [
      ['[✓]', '[✓]'],
      ['[v]', '[v]'],
      ['(x)', '(x)'],
      ['[✔️]', '[✔️]'],
      ['[х]', '[х]'],
      ['[ x ]', '[ x ]'],
    ] as const) {
      it(`says what ${tick} was meant to be, rather than reading it as unanswered`, () => {
        const sheet = blank.replace('- [ ] Incident', `- ${tick} Incident`);
        const r = refusal(sheet);
        assert.equal(r.line, lineOf(sheet, `- ${tick} Incident`));
        assert.ok(
          r.message.includes(`Expected [x] to tick a choice; found ${shown}. Write [x].`),
          r.message,
        );
      });
    }

    it('keeps a refusal with many problems readable: four in full, then the lines of the rest', () => {
      const many = quizOf(
        `## Which?\n<!-- question id=w type=multiple -->\n\n${Array.from({ length: 12 }, (_, i) => `- [${i < 2 ? 'x' : ' '}] C${i}`).join('\n')}\n`,
      );
      const r = gradeSheet(many, answerSheetText(many, 'ana').replace(/- \[ \]/g, '- [✓]'));
      assert.ok(!r.ok);
      assert.equal(r.refusal.message.match(/Expected \[x\] to tick/g)!.length, 4);
      assert.match(
        r.refusal.message,
        /And 8 more like these \(lines \d+(, \d+){7}\); "enablekit lint" on the sheet lists them all\. Not graded, and no attempt used/,
      );
      assert.ok(r.refusal.message.length < 1000);
    });

    it('says what an answer on the line after "Answer:" was meant to be', () => {
      const sheet = blank.replace('Answer: \n', 'Answer:\n\n4\n');
      const r = refusal(sheet);
      assert.equal(r.line, lineOf(sheet, '\n4\n') + 1);
      assert.match(
        r.message,
        /Expected the answer on the "Answer:" line; found "Answer:" empty and "4" below it\. Write it as "Answer: 4"\./,
      );
    });

    it('reads an answer on the very next line (one paragraph) as written after "Answer:"', () => {
      assert.equal(
        graded(quiz, blank.replace('Answer: \n', 'Answer:\n4\n')).questions[1]!.outcome,
        'right',
      );
    });

    it('explains two ticks on a single-choice question in the grade, and shows no feedback that would tell which was right', () => {
      const fb = quizOf(
        '## Which queue?\n<!-- question id=queue type=single -->\n\n- [ ] Tier 1\n  > Tier 1 handles routine work.\n- [x] Incident\n  > RIGHT-FEEDBACK: incidents page the on-call.\n',
      );
      const g = graded(
        fb,
        answerSheetText(fb, 'ana')
          .replace('- [ ] Tier 1', '- [x] Tier 1')
          .replace('- [ ] Incident', '- [x] Incident'),
      );
      assert.equal(only(g).outcome, 'wrong');
      assert.deepEqual(only(g).feedback, [
        'Expected one tick on a single-choice question; found 2 (a, b). It takes one answer, so it was graded wrong; tick only one next time.',
      ]);
    });

    it('lint says so too: a learner that is not the folder, a [✓], two ticks on a single-choice question', () => {
      const sheet = blank
        .replace('learner: ana', 'learner: bob')
        .replace('- [ ] Tier 1', '- [✓] Tier 1');
      const { diagnostics } = lintInMemory(
        {
          'submissions/ana/q.md': sheet,
          'submissions/kofi/q.md': answerSheetText(quiz, 'kofi').replace(/- \[ \]/g, '- [x]'),
        },
        '2026-11-22',
      );
      const got = diagnostics.map(
        (d) => `${d.file}:${d.line} ${d.ruleId} ${d.message.slice(0, 36)}`,
      );
      assert.deepEqual(
        got.sort(),
        [
          `submissions/ana/q.md:4 answer-sheet Expected learner: ana, the name of t`,
          `submissions/ana/q.md:${lineOf(sheet, '- [✓]')} answer-sheet Expected [x] to tick a choice; found`,
          `submissions/kofi/q.md:${lineOf(blank, '## Which queue?')} answer-sheet Expected one tick on single-choice q`,
        ].sort(),
      );
    });
  });

  describe('the sheet limit follows from the quiz', () => {
    const body = Array.from(
      { length: 150 },
      (_, i) =>
        `## Question ${i + 1}: which header carries the request id in the long-form audit export?\n<!-- question id=q${i + 1} type=text -->\n\nAccepted answers:\n\n- \`X-Request-Id\`\n`,
    ).join('\n');
    const quiz = quizOf(body);

    it('reads the sheet of a 150-question quiz with a long answer to every question, and refuses one far past it', () => {
      const blank = answerSheetText(quiz, 'a-login-of-thirty-nine-characters-xxxxx');
      assert.ok(blank.length < 64 * 1024);
      const long = blank.replace(/Answer: \n/g, `Answer: ${'é'.repeat(499)}\n`);
      assert.ok(
        new TextEncoder().encode(long).length > 64 * 1024,
        'bigger than the old fixed limit',
      );
      assert.ok(readAnswerSheet(long, sheetLimit(quiz)).ok);
      const huge = readAnswerSheet(`${long}\n${'x'.repeat(sheetLimit(quiz))}`, sheetLimit(quiz));
      assert.ok(!huge.ok);
      assert.match(
        huge.message,
        /^Expected an answer sheet of at most \d+ KB for this checkpoint; found \d+ KB\./,
      );
    });
  });
});
