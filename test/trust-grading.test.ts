import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { policyFor } from '../core/grading/grade-quiz.js';
import { gradeMarkdown } from '../core/grading/render-grade.js';
import { parseConfig } from '../core/config/config.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { sealQuiz } from '../core/sealing/quiz-key.js';
import { applyKey } from '../core/sealing/apply-key.js';
import type { Quiz } from '../core/model.js';
import { FRONT, graded, only, policy, quizOf } from './helpers/grade-sheet.js';

/** The blank sheet `take` writes, with the first "Answer: " filled in. */
const answering = (quiz: Quiz, answer: string) =>
  answerSheetText(quiz, 'ana').replace('Answer: ', `Answer: ${answer}`);

describe('strict, explainable grading (issue #17, sections 2 and 3)', () => {
  describe('question comments', () => {
    const lintQuiz = (comment: string) =>
      lintInMemory(
        {
          'q.md': `${FRONT}## Which numbers matter?\n${comment}\n\n- [x] First reply\n- [x] Resolution\n- [ ] Seats\n`,
        },
        '2026-11-22',
      ).diagnostics.filter((d) => d.file === 'q.md' && d.line === 11);

    it('names a misspelt attribute, with a did-you-mean, instead of falling back to the default', () => {
      const found = lintQuiz('<!-- question id=n type=multiple wieght=2 -->');
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(
        found[0]!.message,
        /^Expected the question comment's attributes to be id, type, weight, scoring, words; found "wieght"\. Did you mean weight\? Write weight=2\.$/,
      );
      assert.equal(found[0]!.severity, 'error');
    });

    it('names a misspelt scoring value (did-you-mean) and an unknown one (how to write it)', () => {
      const typo = lintQuiz('<!-- question id=n type=multiple scoring=all-or-nothin -->');
      assert.match(
        typo[0]!.message,
        /Expected scoring= to be partial or all-or-nothing; found "all-or-nothin"\. Did you mean all-or-nothing\? Write scoring=all-or-nothing\./,
      );
      const strict = lintQuiz('<!-- question id=n type=multiple scoring=strict -->');
      assert.match(
        strict[0]!.message,
        /found "strict"\. Write scoring=all-or-nothing for no partial credit/,
      );
      assert.deepEqual(
        lintQuiz('<!-- question id=n type=multiple weight=2 scoring=all-or-nothing -->'),
        [],
      );
      assert.deepEqual(lintQuiz('<!-- question id=n scoring=partial -->'), []);
    });

    it('names a misspelt type, a word that is not name=value and an attribute given twice', () => {
      assert.match(
        lintQuiz('<!-- question id=n type=mutliple -->')[0]!.message,
        /found "mutliple"\. Did you mean multiple\? Write type=multiple\./,
      );
      assert.match(
        lintQuiz('<!-- question id=n weight -->')[0]!.message,
        /Expected attributes written as name=value .*; found "weight"\. Did you mean weight\?/,
      );
      assert.match(
        lintQuiz('<!-- question id=n weight=2 weight=3 -->')[0]!.message,
        /Expected weight= once in the question comment; found it again \("weight=3"\)/,
      );
    });
  });

  describe('more than 26 choices', () => {
    const choices = Array.from(
      { length: 30 },
      (_, i) => `- [${i === 26 ? 'x' : ' '}] Option ${i + 1}`,
    ).join('\n');
    const quiz = quizOf(`## Which option?\n<!-- question id=pick type=single -->\n\n${choices}\n`);

    it('labels every choice distinctly: a … z, then aa, ab …', () => {
      const labels = quiz.questions[0]!.choices.map((c) => c.letter);
      assert.equal(new Set(labels).size, 30);
      assert.deepEqual(labels.slice(24), ['y', 'z', 'aa', 'ab', 'ac', 'ad']);
    });

    it('grades ticking choice 28 when 27 is right as wrong, and 27 as right', () => {
      const blank = answerSheetText(quiz, 'ana');
      const wrong = graded(quiz, blank.replace('- [ ] Option 28\n', '- [x] Option 28\n'));
      assert.equal(only(wrong).outcome, 'wrong');
      assert.equal(wrong.percent, 0);
      assert.equal(only(wrong).answer, 'ab) Option 28');
      const right = graded(quiz, blank.replace('- [ ] Option 27\n', '- [x] Option 27\n'));
      assert.equal(only(right).outcome, 'right');
    });

    it('keeps labels past z through a sealed key', () => {
      const sealed = sealQuiz(
        quiz,
        FRONT + `## Which option?\n<!-- question id=pick type=single -->\n\n${choices}\n`,
        'q.key.yml',
      );
      assert.ok(sealed.ok);
      assert.deepEqual(sealed.key.answers.pick!.correct, ['aa']);
      const reopened = applyKey(
        parseFile('q.md', sealed.sealedText).model.item as Quiz,
        sealed.key,
      );
      assert.equal(
        only(
          graded(
            reopened,
            answerSheetText(reopened, 'ana').replace('- [ ] Option 28\n', '- [x] Option 28\n'),
          ),
        ).outcome,
        'wrong',
      );
    });
  });

  describe('numeric answers: the whole answer is one number', () => {
    const q = (key: string) =>
      quizOf(`## How many?\n<!-- question id=n type=numeric -->\n\nAnswer: ${key}\n`);
    const outcome = (key: string, answer: string, mark?: '.' | ',') =>
      only(graded(q(key), answering(q(key), answer), policy(mark ? { decimalMark: mark } : {})))
        .outcome;

    it('is "not a number", with a hint, for 3 or 4, 3abc, 2.5.5 and 2½ against 2.5 ± 0.5', () => {
      for (const a of ['3 or 4', '3abc', '2.5.5', '2½', '3 4', '~3', '1e0'])
        assert.equal(outcome('2.5 ± 0.5', a), 'not-a-number', a);
      const g = graded(q('2.5 ± 0.5'), answering(q('2.5 ± 0.5'), '3 or 4'));
      assert.deepEqual(only(g).feedback, [
        'Expected one number after "Answer:", such as 2.5, -3 or 5,000; found "3 or 4". Write the number alone, with a point as the decimal mark.',
      ]);
      assert.equal(only(g).points, 0);
      assert.match(gradeMarkdown(g), /❌ not a number/);
      for (const a of ['3', '2', '2.0', '+2.9', ' 3 '])
        assert.equal(outcome('2.5 ± 0.5', a), 'right', a);
    });

    it('reads 5,000 as five thousand and .3 as 0.3; misplaced separators are not a number', () => {
      assert.equal(outcome('5000', '5,000'), 'right');
      assert.equal(outcome('5000', '5 000'), 'right');
      assert.equal(outcome('5000', '5000'), 'right');
      assert.equal(outcome('0.3', '.3'), 'right');
      assert.equal(outcome('-1.5', '−1.5'), 'right');
      assert.equal(outcome('5000', '50,00'), 'not-a-number');
      assert.equal(outcome('1.5', '1,5'), 'not-a-number');
      assert.equal(outcome('1234567', '1,234,567'), 'right');
    });

    it('reads with the decimal mark set in enablekit.yml (policies.decimal_mark)', () => {
      const config = parseConfig('enablekit.yml', 'version: 1\npolicies:\n  decimal_mark: ","\n');
      assert.deepEqual(config.problems, []);
      assert.equal(policyFor(q('2.5'), config).decimalMark, ',');
      assert.equal(outcome('2.5', '2,5', ','), 'right');
      assert.equal(outcome('5000', '5.000', ','), 'right');
      assert.equal(outcome('2.5', '2.5', ','), 'not-a-number');
      assert.equal(
        policyFor(q('2.5'), parseConfig('enablekit.yml', 'version: 1\n')).decimalMark,
        '.',
      );
      assert.ok(
        parseConfig('enablekit.yml', 'version: 1\npolicies:\n  decimal_mark: ";"\n').problems
          .length > 0,
      );
    });

    it("accepts the key's unit after the number, and no other", () => {
      for (const a of ['4 h', '4h', '4']) assert.equal(outcome('4 ± 0.5 h', a), 'right', a);
      assert.equal(outcome('4 ± 0.5 h', '4 hours'), 'not-a-number');
      assert.equal(outcome('4', '4 h'), 'not-a-number');
      assert.equal(outcome('80%', '80 %'), 'right');
    });

    it('keeps the unit through a sealed key', () => {
      const text = `${FRONT}## How long?\n<!-- question id=n type=numeric -->\n\nAnswer: 4 ± 0.5 h\n`;
      const sealed = sealQuiz(parseFile('q.md', text).model.item as Quiz, text, 'q.key.yml');
      assert.ok(sealed.ok);
      assert.equal(sealed.key.answers.n!.unit, 'h');
      const reopened = applyKey(
        parseFile('q.md', sealed.sealedText).model.item as Quiz,
        sealed.key,
      );
      assert.equal(only(graded(reopened, answering(reopened, '4h'))).outcome, 'right');
    });
  });

  describe('text answers fold typographic forms on both sides', () => {
    const q = (accepted: string) =>
      quizOf(
        `## Say it\n<!-- question id=t type=text -->\n\nAccepted answers:\n\n- \`${accepted}\`\n`,
      );
    const outcome = (accepted: string, answer: string) =>
      only(graded(q(accepted), answering(q(accepted), answer))).outcome;

    it("reads don’t as don't, curly quotes, dashes, non-breaking and other spaces, full-width forms", () => {
      assert.equal(outcome("don't", 'don’t'), 'right');
      assert.equal(outcome('don’t', "DON'T"), 'right');
      assert.equal(outcome('"quoted"', '“quoted”'), 'right');
      assert.equal(outcome('a-b', 'a–b'), 'right');
      assert.equal(outcome('first reply', 'first\u00a0reply'), 'right');
      assert.equal(outcome('first reply', 'first\u202freply'), 'right');
      assert.equal(outcome('X-Request-Id', 'Ｘ-Ｒｅｑｕｅｓｔ-Ｉｄ'), 'right');
      assert.equal(outcome("/^can't$/i", 'CAN’T'), 'right');
      assert.equal(outcome("don't", 'do not'), 'wrong');
    });
  });

  describe('feedback never reveals what the policy hides', () => {
    const multi = quizOf(
      '## Which numbers matter?\n<!-- question id=m type=multiple -->\n\n- [x] First reply\n  > RIGHT-A\n- [x] Resolution\n  > RIGHT-B\n- [ ] Seats\n  > WRONG-C\n\n> EXPLANATION\n\n## Which queue?\n<!-- question id=s type=single -->\n\n- [ ] Tier 1\n  > WRONG-TIER\n- [x] Incident\n  > RIGHT-INCIDENT\n',
    );
    const sheet = (ticks: string[]) => {
      let s = answerSheetText(multi, 'ana');
      for (const t of ticks) s = s.replace(`- [ ] ${t}\n`, `- [x] ${t}\n`);
      return s;
    };

    it('shows no choice feedback on a multiple-choice question that is not fully right, under never and after-last-attempt', () => {
      for (const revealAnswers of ['never', 'after-last-attempt', 'after-pass'] as const) {
        const g = graded(
          multi,
          sheet(['First reply', 'Seats', 'Tier 1']),
          policy({ revealAnswers }),
        );
        assert.equal(g.revealed, false);
        assert.equal(g.questions[0]!.outcome, 'wrong');
        assert.deepEqual(g.questions[0]!.feedback, [], revealAnswers);
        assert.doesNotMatch(gradeMarkdown(g), /RIGHT-|EXPLANATION|WRONG-C/);
        // One tick on a single-choice question, wrong: its feedback says no more than "wrong" does.
        assert.deepEqual(g.questions[1]!.feedback, ['WRONG-TIER']);
      }
      const partial = graded(multi, sheet(['First reply']), policy());
      assert.equal(partial.questions[0]!.outcome, 'partial');
      assert.deepEqual(partial.questions[0]!.feedback, []);
    });

    it('shows feedback of the ticked choices once the question is right, or once answers are revealed', () => {
      const right = graded(multi, sheet(['First reply', 'Resolution', 'Incident']), policy());
      assert.deepEqual(right.questions[0]!.feedback, ['RIGHT-A', 'RIGHT-B']);
      assert.deepEqual(right.questions[1]!.feedback, ['RIGHT-INCIDENT']);
      const revealed = graded(
        multi,
        sheet(['First reply', 'Seats']),
        policy({ revealAnswers: 'always' }),
      );
      assert.deepEqual(revealed.questions[0]!.feedback, ['RIGHT-A', 'WRONG-C', 'EXPLANATION']);
    });
  });
});
