import assert from 'node:assert/strict';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { readSurveyAnswers, surveySheetText } from '../core/grading/survey-sheet.js';
import { answered, survey } from './helpers/survey.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { Gate } from '../core/progress/gate.js';
import { learnerStatus } from '../core/progress/learner-status.js';
import { noticesDue } from '../core/progress/schedule-plan.js';
import { openOccasions } from '../core/progress/survey-occasions.js';
import type { ProgressRecord } from '../core/progress/records.js';

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

  it('keeps at most 2,000 characters of an answer and 20,000 of a response, so its record fits in a comment', () => {
    const long = 'word '.repeat(1000);
    const read = readAnswerSheet(answered('ana', 'after-1w', '4', long));
    assert.ok(read.ok);
    const [, , text] = readSurveyAnswers(read.sheet.body, survey()).answers;
    assert.equal(String(text).length, 2000);
    const many = { ...survey() };
    many.questions = Array.from({ length: 12 }, () => survey().questions[2]!);
    const sheet = `---\ntype: answer-sheet\ncheckpoint: support-feedback\nlearner: ana\noccasion: after-1w\n---\n\n${many.questions.map((q, i) => `## ${i + 1}. ${q.prompt}\n\n${long}\n\n`).join('')}`;
    const r = readAnswerSheet(sheet);
    assert.ok(r.ok);
    const kept = readSurveyAnswers(r.sheet.body, many).answers;
    assert.equal(
      kept.reduce((n: number, a) => n + String(a ?? '').length, 0),
      20_000,
    );
    assert.equal(kept.at(-1), null, 'past the budget, an answer is not kept');
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

describe('surveys are never gated, never count, and come as the track does', () => {
  const files = {
    'enablekit.yml':
      'version: 1\nroles:\n  support:\n    learners: [ana]\npolicies:\n  gating: strict\n',
    't.md':
      '---\ntype: track\nid: t\ntitle: T\nroles: [support]\nphase: advanced\nowner: l\nmodules: [m]\n---\n# T\n',
    'm.md': '---\ntype: module\nid: m\ntitle: M\nowner: l\n---\n# M\n',
    'q.md':
      '---\ntype: quiz\nid: q\ntitle: Q\nmodule: m\nowner: l\n---\n# Q\n\n## A?\n<!-- question id=a -->\n\n- [x] y\n- [ ] n\n',
    's.md':
      '---\ntype: survey\nid: s\ntitle: S\nowner: l\ntrack: t\nask:\n  - when: during\n    after_module: m\n  - when: after\n    weeks: 1\n---\n# S\n\n## How was it?\n',
  };
  const { index, config, diagnostics } = lintInMemory(files, '2027-01-01');
  const pass: ProgressRecord = {
    learner: 'ana',
    checkpoint: 'q',
    kind: 'quiz',
    pr: 1,
    sha: 'q',
    at: '2027-01-01T10:00:00Z',
    passed: true,
    percent: 100,
  };
  const response: ProgressRecord = {
    learner: 'ana',
    checkpoint: 's',
    kind: 'survey',
    pr: 2,
    sha: 's',
    at: '2027-01-02T10:00:00Z',
    passed: false,
    occasion: 'during-m',
    answers: ['fine'],
  };

  it('lints clean, is open under strict gating, and is no checkpoint of the module', () => {
    assert.deepEqual(
      diagnostics.filter((d) => d.file === 's.md'),
      [],
    );
    const gate = new Gate({
      index,
      config,
      login: 'ana',
      roles: ['support'],
      records: [],
      today: '2027-01-01',
    });
    assert.equal(gate.checkpoint('s').open, true);
    const [track] = learnerStatus('ana', ['support'], index, [response], '2027-01-03');
    assert.deepEqual(
      track!.modules[0]!.checkpoints.map((c) => c.id),
      ['q'],
    );
    assert.equal(track!.complete, false, 'a survey answered completes nothing');
    assert.equal(learnerStatus('ana', ['support'], index, [pass], '2027-01-03')[0]!.complete, true);
  });

  it('during: once the module is passed; after: the weeks after the track; invited once, not when answered', () => {
    const open = (records: ProgressRecord[], now: string) =>
      openOccasions(
        index,
        learnerStatus('ana', ['support'], index, records, now.slice(0, 10)),
        records,
        'ana',
        now,
      ).map((o) => `${o.occasion.id}${o.answered ? ' (answered)' : ''}`);
    assert.deepEqual(open([], '2027-01-20T00:00:00Z'), []);
    assert.deepEqual(open([pass], '2027-01-05T00:00:00Z'), ['during-m']);
    assert.deepEqual(open([pass, response], '2027-01-09T00:00:00Z'), [
      'during-m (answered)',
      'after-1w',
    ]);
    const facts = { login: 'ana', roles: ['support'], records: [pass, response], notices: [] };
    const due = noticesDue(index, config, facts, '2027-01-09T00:00:00Z').filter(
      (n) => n.notice.kind === 'survey',
    );
    assert.deepEqual(
      due.map((n) => n.notice.item),
      ['s/after-1w'],
    );
    assert.match(due[0]!.text, /enablekit take s --occasion after-1w/);
    const again = noticesDue(
      index,
      config,
      { ...facts, notices: due.map((n) => n.notice) },
      '2027-01-16T00:00:00Z',
    );
    assert.equal(again.filter((n) => n.notice.kind === 'survey').length, 0);
  });
});
