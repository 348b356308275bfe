import assert from 'node:assert/strict';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { readSurveyAnswers, surveySheetText } from '../core/grading/survey-sheet.js';
import { answered, survey } from './helpers/survey.js';

describe('surveys: read from Markdown, sheets written and read back', () => {
  it('reads occasions, a rating, a choice and free text', () => {
    const s = survey();
    assert.deepEqual(
      s.ask.map((o) => o.id),
      ['during-basics', 'after-1w', 'after-12w'],
    );
    assert.deepEqual(
      s.questions.map((q) => [q.kind, q.scale?.min, q.scale?.max, q.options]),
      [
        ['rating', 1, 5, []],
        ['choice', undefined, undefined, ['Lessons', 'Quizzes']],
        ['text', undefined, undefined, []],
      ],
    );
    assert.match(s.intro, /reads them with your login/);
  });

  it('a sheet answered reads back as its answers; CRLF alike', () => {
    const text = answered('ana', 'after-1w');
    for (const t of [text, text.replace(/\n/g, '\r\n')]) {
      const read = readAnswerSheet(t);
      assert.ok(read.ok);
      assert.equal(read.sheet.occasion, 'after-1w');
      assert.deepEqual(readSurveyAnswers(read.sheet.body, survey()), {
        answers: [4, 'Quizzes', 'More mocks.'],
        problems: [],
      });
    }
  });

  it('says what is unclear: a rating off the scale, two ticks, nothing answered', () => {
    const read = (t: string) => {
      const r = readAnswerSheet(t);
      assert.ok(r.ok);
      return readSurveyAnswers(r.sheet.body, survey()).problems;
    };
    assert.match(
      read(answered('ana', 'after-1w', '9'))[0]!,
      /expected one number from 1 to 5; found "9"/,
    );
    assert.match(
      read(answered('ana', 'after-1w').replace('- [ ] Lessons', '- [x] Lessons'))[0]!,
      /expected one choice ticked; found 2/,
    );
    const s = survey();
    assert.match(
      read(surveySheetText(s, 'ana', s.ask[1]!))[0]!,
      /Expected at least one question answered/,
    );
  });
});
