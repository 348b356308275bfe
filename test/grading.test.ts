import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { answerSheetText } from '../core/grading/sheet-template.js';
import { shuffledItems } from '../core/grading/shuffled-order.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { gradeMarkdown } from '../core/grading/render-grade.js';
import type { Grade, GradePolicy } from '../core/grading/types.js';
import type { Quiz } from '../core/model.js';

const QUIZ = `---
type: quiz
id: q
title: Q
module: m
---
# Q

## Which queue takes P1 tickets?
<!-- question id=single type=single -->

- [ ] Tier 1
  > Tier 1 handles routine work.
- [x] Incident

> SECRET-EXPLANATION P1s page the on-call engineer.

## Which numbers matter?
<!-- question id=multi type=multiple weight=2 -->

- [x] First reply
- [x] Resolution
- [ ] Seats

## Which header?
<!-- question id=text type=text -->

Accepted answers:

- \`X-Request-Id\`
- \`/^x-req(uest)?-id$/i\`

## P2 hours?
<!-- question id=num type=numeric -->

Answer: 4 ± 0.5

## Order
<!-- question id=order type=ordering -->

1. Alpha
2. Beta
3. Gamma
`;

const quiz = parseFile('q.md', QUIZ).model.item as Quiz;
const POLICY: GradePolicy = {
  passMark: 80,
  attempts: 3,
  retakeCooldownMs: 24 * 3600_000,
  revealAnswers: 'after-pass',
};
const NOW = '2027-01-10T12:00:00Z';

function sheetWith(edit: (s: string) => string, learner = 'ana'): string {
  return edit(answerSheetText(quiz, learner));
}

function grade(
  text: string,
  policy = POLICY,
  prior: { at: string; passed: boolean; percent: number }[] = [],
): Grade {
  const read = readAnswerSheet(text);
  assert.ok(read.ok, read.ok ? '' : read.message);
  const r = gradeQuiz({ sheet: read.sheet, quiz, policy, prior, now: NOW });
  assert.ok(r.ok, r.ok ? '' : r.refusal.message);
  return r.grade;
}

const tick = (s: string, choice: string) => s.replace(`- [ ] ${choice}`, `- [x] ${choice}`);
const answer = (s: string, n: number, value: string) => {
  let i = -1;
  for (let k = 0; k < n; k++) i = s.indexOf('Answer: ', i + 1);
  return `${s.slice(0, i)}Answer: ${value}${s.slice(i + 'Answer: '.length)}`;
};
const ordered = (s: string, items: string[]) => {
  const start = s.indexOf('<!-- question id=order');
  const listStart = s.indexOf('1. ', start);
  return `${s.slice(0, listStart)}${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`;
};
const allRight = (s: string) =>
  ordered(
    answer(
      answer(tick(tick(tick(s, 'Incident'), 'First reply'), 'Resolution'), 1, 'x-request-id'),
      2,
      '4.4',
    ),
    ['Alpha', 'Beta', 'Gamma'],
  );

describe('grading a quiz answer sheet', () => {
  it('a blank sheet carries no key: no ticks, no feedback, no explanation, ordering shuffled', () => {
    const blank = answerSheetText(quiz, 'ana');
    assert.doesNotMatch(blank, /^- \[x\]/m);
    assert.doesNotMatch(blank, /SECRET|Tier 1 handles|X-Request-Id|4 ± 0.5/);
    const order = quiz.questions.find((q) => q.id === 'order')!;
    assert.notDeepEqual(shuffledItems(order, 'ana'), ['Alpha', 'Beta', 'Gamma']);
    assert.deepEqual(
      shuffledItems(order, 'ana'),
      shuffledItems(order, 'ana'),
      'stable per learner',
    );
  });

  it('grades every question type right, and passes', () => {
    const g = grade(sheetWith(allRight));
    assert.deepEqual(
      g.questions.map((q) => [q.id, q.outcome, q.points]),
      [
        ['single', 'right', 1],
        ['multi', 'right', 2],
        ['text', 'right', 1],
        ['num', 'right', 1],
        ['order', 'right', 1],
      ],
    );
    assert.equal(g.percent, 100);
    assert.equal(g.passed, true);
  });

  it('gives partial credit for multiple choice: right ticks minus wrong ticks over right choices', () => {
    const g = grade(sheetWith((s) => tick(tick(s, 'First reply'), 'Seats')));
    const multi = g.questions.find((q) => q.id === 'multi')!;
    assert.equal(multi.outcome, 'wrong');
    assert.equal(multi.points, 0);
    const half = grade(sheetWith((s) => tick(s, 'First reply'))).questions.find(
      (q) => q.id === 'multi',
    )!;
    assert.deepEqual([half.outcome, half.points], ['partial', 1]);
  });

  it('matches text plainly (case and spaces folded) or by pattern, and numbers within tolerance', () => {
    const plain = grade(sheetWith((s) => answer(s, 1, '  x-REQUEST-id '))).questions.find(
      (q) => q.id === 'text',
    )!;
    assert.equal(plain.outcome, 'right');
    const pattern = grade(sheetWith((s) => answer(s, 1, 'X-Req-Id'))).questions.find(
      (q) => q.id === 'text',
    )!;
    assert.equal(pattern.outcome, 'right');
    const wrong = grade(sheetWith((s) => answer(s, 2, '5'))).questions.find((q) => q.id === 'num')!;
    assert.equal(wrong.outcome, 'wrong');
  });

  it('fails below the pass mark, shows per-choice feedback, and hides the right answers', () => {
    const g = grade(sheetWith((s) => tick(s, 'Tier 1')));
    assert.equal(g.passed, false);
    const single = g.questions.find((q) => q.id === 'single')!;
    assert.deepEqual(single.feedback, ['Tier 1 handles routine work.']);
    assert.equal(g.revealed, false);
    const md = gradeMarkdown(g);
    assert.doesNotMatch(md, /SECRET|Incident|X-Request-Id|Right answer/);
  });

  it('reveals right answers and explanations after a pass when the policy says after-pass, never when it says never', () => {
    const g = grade(sheetWith((s) => tick(allRight(s), 'Seats')));
    assert.equal(g.passed, true);
    assert.equal(g.revealed, true);
    assert.match(gradeMarkdown(g), /SECRET-EXPLANATION/);
    const never = grade(
      sheetWith((s) => tick(allRight(s), 'Seats')),
      { ...POLICY, revealAnswers: 'never' },
    );
    assert.equal(never.revealed, false);
    assert.doesNotMatch(gradeMarkdown(never), /SECRET|Right answer/);
  });

  it('reports a question whose choices changed since the sheet was made instead of grading it wrong', () => {
    const g = grade(sheetWith((s) => s.replace('- [ ] Tier 1', '- [x] Tier One')));
    const single = g.questions.find((q) => q.id === 'single')!;
    assert.equal(single.outcome, 'changed');
    assert.match(single.feedback[0]!, /changed after your sheet was made/);
  });

  it('counts attempts, refuses when none are left and during the cooldown after a failure', () => {
    const text = sheetWith(allRight);
    const read = readAnswerSheet(text);
    assert.ok(read.ok);
    const fail = (at: string) => ({ at, passed: false, percent: 20 });
    const second = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: POLICY,
      prior: [fail('2027-01-08T12:00:00Z')],
      now: NOW,
    });
    assert.ok(second.ok && second.grade.attempt === 2);
    const cooling = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: POLICY,
      prior: [fail('2027-01-10T06:00:00Z')],
      now: NOW,
    });
    assert.ok(!cooling.ok && cooling.refusal.reason === 'cooldown');
    assert.match(cooling.refusal.message, /2027-01-11T06:00:00Z/);
    const out = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: POLICY,
      prior: [
        fail('2027-01-01T00:00:00Z'),
        fail('2027-01-02T00:00:00Z'),
        fail('2027-01-03T00:00:00Z'),
      ],
      now: NOW,
    });
    assert.ok(!out.ok && out.refusal.reason === 'no-attempts-left');
  });

  it('escapes learner text in the Markdown it writes', () => {
    const g = grade(
      sheetWith((s) =>
        answer(s, 1, '@everyone <img src=x onerror=alert(1)> [click](https://evil) | `code`'),
      ),
    );
    const row = gradeMarkdown(g)
      .split('\n')
      .find((l) => l.includes('Which header'))!;
    assert.doesNotMatch(row, /@everyone|<img|\[click\]|`code`/);
    assert.equal(row.split(' | ').length, 5, 'no extra table cells');
  });

  it('refuses to grade a quiz whose answers live in a key file it was not given', () => {
    const read = readAnswerSheet(sheetWith(allRight));
    assert.ok(read.ok);
    const r = gradeQuiz({
      sheet: read.sheet,
      quiz: { ...quiz, key: 'q.key.yml' },
      policy: POLICY,
      prior: [],
      now: NOW,
    });
    assert.ok(!r.ok && r.refusal.reason === 'key-unavailable');
    assert.match(r.refusal.message, /your answers are kept/);
  });

  it('refuses a malformed sheet with a line and what to do', () => {
    const r = readAnswerSheet('---\ntype: answer-sheet\ncheckpoint: q\n---\n');
    assert.ok(!r.ok);
    assert.match(r.message, /learner/);
    assert.equal(r.line, 2);
  });
});

describe('which files a checkpoint pull request may change', () => {
  it("grades only the author's own sheets and refuses everything else with the reason", async () => {
    const { classifyPull } = await import('../core/grading/classify-pull.js');
    const ok = classifyPull(
      [{ filename: 'submissions/Ana/q.md', status: 'added' }],
      'Ana',
      'submissions',
      'curricula',
    );
    assert.deepEqual(ok, {
      sheets: [{ path: 'submissions/Ana/q.md', checkpoint: 'q' }],
      refusals: [],
    });
    const cases: [{ filename: string; status: string; previous?: string }, RegExp][] = [
      [{ filename: 'submissions/kofi/q.md', status: 'added' }, /in kofi's folder/],
      [
        { filename: 'submissions/ana/q.md', status: 'renamed', previous: 'submissions/kofi/q.md' },
        /moved from submissions\/kofi\/q.md/,
      ],
      [{ filename: 'submissions/ana/q.md', status: 'removed' }, /never deleted/],
      [{ filename: 'curricula/q.md', status: 'modified' }, /change to curricula\/q.md/],
      [{ filename: 'enablekit.yml', status: 'modified' }, /configuration or answer keys/],
      [{ filename: 'README.md', status: 'modified' }, /only answer sheets/],
      [{ filename: 'submissions/ana/notes/q.md', status: 'added' }, /Move it there/],
    ];
    for (const [file, reason] of cases) {
      const plan = classifyPull([file], 'ana', 'submissions', 'curricula');
      assert.equal(plan.sheets.length, 0, file.filename);
      assert.match(plan.refusals.join('\n'), reason);
    }
  });
});
