import assert from 'node:assert/strict';
import { parseFile } from '../core/parse/parse-file.js';
import { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { learnerSheetText } from '../core/grading/learner-sheet.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { gradeQuiz } from '../core/grading/grade-quiz.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import type { Quiz } from '../core/model.js';
import { ITEMS_BUDGET, questionMarks } from '../core/progress/question-marks.js';
import type { ItemMark, ProgressRecord } from '../core/progress/records.js';
import { correlation, itemAnalysis } from '../core/analysis/item-analysis.js';
import { twoProportionZ } from '../core/analysis/release-shifts.js';
import { flaggedLines, itemsCsv, itemsMarkdown } from '../core/analysis/item-report.js';
import { recertifyRecord } from '../core/progress/recertification.js';
import { cohort, DASHBOARD_LIMIT, dashboardBody } from '../core/progress/cohort.js';
import { readRecords, recordComment } from '../core/progress/ledger.js';
import { GITHUB_BODY_LIMIT } from '../core/text/github-body.js';
import { policy } from './helpers/grade-sheet.js';
import { answered, poolQuiz } from './helpers/pool-quiz.js';

/** Three single-choice questions, a the right answer of each. */
const QUIZ = `---\ntype: quiz\nid: qz\ntitle: Basics\nmodule: m\nowner: alice\n---\n# Basics\n\n${[
  'q1',
  'q2',
  'q3',
]
  .map(
    (id) => `## ${id}?\n<!-- question id=${id} -->\n\n- [x] right\n- [ ] wrong b\n- [ ] wrong c\n`,
  )
  .join('\n')}`;

const indexOf = (...files: [string, string][]) =>
  new WorkspaceIndex(files.map(([f, t]) => parseFile(f, t).model));

let seq = 0;
/** A first attempt's record: each question right (1) or not (0), with the letter ticked. */
function attempt(
  scores: Record<string, 0 | 1>,
  over: Partial<ProgressRecord> = {},
  picks: Record<string, string> = {},
): ProgressRecord {
  const items: Record<string, ItemMark> = {};
  for (const [q, s] of Object.entries(scores)) items[q] = [s, 1, picks[q] ?? (s ? 'a' : 'b')];
  seq++;
  return {
    learner: `l${seq}`,
    checkpoint: 'qz',
    kind: 'quiz',
    pr: seq,
    sha: `s${seq}`,
    at: '2027-01-10T12:00:00Z',
    passed: false,
    attempt: 1,
    items,
    ...over,
  };
}

describe('item analysis', () => {
  it('works out difficulty and the point-biserial against the rest of the attempt, as by hand', () => {
    // q1 = [1,1,0,1,0]; the rest (q2+q3)/2 = [1, .5, .5, .5, 0]. By hand: Σdxdy = .5, Σdx² = 1.2,
    // Σdy² = .5, r = .5/√.6 = 0.6455; and by the point-biserial formula (M1−M0)/s·√(pq) =
    // (.6667−.25)/.3162·.4899 = 0.6455.
    const rows: Record<string, 0 | 1>[] = [
      { q1: 1, q2: 1, q3: 1 },
      { q1: 1, q2: 0, q3: 1 },
      { q1: 0, q2: 0, q3: 1 },
      { q1: 1, q2: 1, q3: 0 },
      { q1: 0, q2: 0, q3: 0 },
    ];
    const a = itemAnalysis(
      indexOf(['qz.md', QUIZ]),
      rows.map((r) => attempt(r)),
      5,
    );
    const q1 = a.items.find((i) => i.question === 'q1')!;
    assert.equal(q1.n, 5);
    assert.equal(q1.right, 3);
    assert.equal(q1.p, 0.6);
    assert.equal(q1.r, 0.65);
    assert.ok(Math.abs(correlation([1, 1, 0, 1, 0], [1, 0.5, 0.5, 0.5, 0])! - 0.6455) < 1e-4);
    // q2 = [1,0,0,1,0] against (q1+q3)/2 = [1,1,.5,.5,0]: Σdxdy = .3, Σdx² = 1.2, Σdy² = .7: r = 0.327.
    assert.equal(a.items.find((i) => i.question === 'q2')!.r, 0.33);
    // q3 = [1,1,1,0,0] against (q1+q2)/2 = [1,.5,0,1,0]: Σdxdy = .2 + 0 − .2 − .3 + .3 = 0.
    const q3 = a.items.find((i) => i.question === 'q3')!;
    assert.equal(q3.r, 0);
    assert.deepEqual(q3.flags, [{ kind: 'not-discriminating', r: 0, n: 5 }]);
    assert.deepEqual(q1.choices, [
      { letter: 'a', picks: 3, key: true },
      { letter: 'b', picks: 2, key: false },
      { letter: 'c', picks: 0, key: false },
    ]);
    assert.equal(a.attempts, 5);
  });

  it('flags nothing below the minimum, and says what the minimum is', () => {
    const all = Array.from({ length: 19 }, () => attempt({ q1: 1, q2: 0, q3: 1 }));
    const index = indexOf(['qz.md', QUIZ]);
    const under = itemAnalysis(index, all);
    assert.equal(under.minAnswers, 20);
    assert.ok(under.items.every((i) => i.flags.length === 0));
    assert.match(
      itemsMarkdown(under, (id) => id),
      /No question is flagged on fewer than 20 answers/,
    );
    const over = itemAnalysis(index, [...all, attempt({ q1: 1, q2: 0, q3: 1 })]);
    const q1 = over.items.find((i) => i.question === 'q1')!;
    const q2 = over.items.find((i) => i.question === 'q2')!;
    assert.deepEqual(q1.flags, [{ kind: 'too-easy', right: 20, n: 20 }]);
    // Everyone ticked b: too hard, and a distractor outdraws the right answer (r cannot be worked out: no one differs).
    assert.deepEqual(q2.flags, [
      { kind: 'too-hard', right: 0, n: 20 },
      { kind: 'distractor-outdraws-key', distractor: 'b', picks: 20, keyPicks: 0, n: 20 },
    ]);
    assert.equal(q2.r, null);
  });

  it('counts first attempts only, and says how many records carry no per-question results', () => {
    const index = indexOf(['qz.md', QUIZ]);
    const a = itemAnalysis(index, [
      attempt({ q1: 0, q2: 0, q3: 0 }),
      attempt({ q1: 1, q2: 1, q3: 1 }, { attempt: 2 }),
      attempt({ q1: 1, q2: 1, q3: 1 }, { items: undefined }),
      attempt({ q1: 1, q2: 1, q3: 1 }, { ref: 'claim' }),
    ]);
    assert.equal(a.attempts, 1);
    assert.equal(a.uncounted, 1);
    assert.equal(a.items.find((i) => i.question === 'q1')!.right, 0);
    assert.match(
      itemsMarkdown(a, (id) => id),
      /1 first attempt\(s\) recorded before per-question results were kept are not counted/,
    );
  });

  it('records the letters ticked as the quiz names them, through a pool with shuffled choices', () => {
    const text = poolQuiz();
    const quiz = parseFile('pool.md', text).model.item as Quiz;
    const sheet = answered(learnerSheetText(quiz, 'ana', 1)).replace(
      /- \[x\] Right 1\n/,
      '- [ ] Right 1\n',
    );
    const read = readAnswerSheet(sheet, sheetLimit(quiz));
    assert.ok(read.ok);
    const g = gradeQuiz({
      sheet: read.sheet,
      quiz,
      policy: policy(),
      prior: [],
      now: '2027-01-10T12:00:00Z',
      learner: 'ana',
    });
    assert.ok(g.ok);
    const { items = {} } = questionMarks(g.grade.questions);
    // Three drawn of eight; each right answer is b in the quiz file, whatever order ana's sheet listed them in.
    assert.equal(Object.keys(items).length, 3);
    for (const [id, mark] of Object.entries(items))
      assert.deepEqual(mark, id === 'q1' ? [0, 1] : id === 'q8' ? [1, 1, 'b,d'] : [1, 1, 'b']);
    // The rest of a pooled attempt is the questions that attempt asked: a learner asked q1 and q2
    // gets q1's rest from q2 alone.
    const index = indexOf(['pool.md', text]);
    const rec = (marks: Record<string, ItemMark>): ProgressRecord => ({
      ...attempt({}),
      checkpoint: 'pool',
      items: marks,
    });
    const a = itemAnalysis(
      index,
      [
        rec({ q1: [1, 1, 'b'], q2: [1, 1, 'b'] }),
        rec({ q1: [0, 1, 'a'], q3: [0, 1, 'a'] }),
        rec({ q1: [1, 1, 'b'], q4: [0, 1, 'c'] }),
      ],
      1,
    );
    // q1 = [1,0,1] against the rest [1,0,0]: r = 0.5 by hand (Σdxdy = 1/3, Σdx² = 2/3, Σdy² = 2/3).
    assert.equal(a.items.find((i) => i.question === 'q1')!.r, 0.5);
  });

  it('keeps a record small: a quiz asking too many questions at once records no items, only what was missed', () => {
    const results = Array.from({ length: 800 }, (_, k) => ({
      id: `question-number-${k}`,
      type: 'single' as const,
      prompt: 'p',
      answer: 'a) x',
      outcome: 'wrong' as const,
      points: 0,
      weight: 1,
      feedback: [],
      picked: ['a'],
      line: k + 1,
    }));
    const big = questionMarks(results);
    assert.equal(big.items, undefined);
    assert.equal(big.missed.length, 800);
    const fits = questionMarks(results.slice(0, 300));
    assert.ok(JSON.stringify(fits.items).length <= ITEMS_BUDGET);
    // Many such sheets in one pull request: the record comment drops their items to stay within GitHub's limit.
    const record = (k: number): ProgressRecord => ({ ...attempt({}), pr: 900 + k, ...fits });
    const comment = recordComment(Array.from({ length: 8 }, (_, k) => record(k)));
    assert.ok(comment.length <= GITHUB_BODY_LIMIT);
    assert.deepEqual(
      readRecords(comment).map((r) => [r.items, r.missed?.length]),
      Array.from({ length: 8 }, () => [undefined, 300]),
    );
    assert.ok(readRecords(recordComment([record(0)]))[0]!.items, 'one sheet keeps its items');
  });

  it('flags, per release, a question missed more often after it', () => {
    // Pooled 18/40 = .45; se = √(.45·.55·(1/20 + 1/20)) = .1573; (.7 − .2)/.1573 = 3.178.
    assert.ok(Math.abs(twoProportionZ(4, 20, 14, 20) - 3.178) < 0.001);
    const index = indexOf(['qz.md', QUIZ]);
    const before = Array.from({ length: 20 }, (_, k) =>
      attempt({ q1: k < 16 ? 1 : 0, q2: 1, q3: 0 }, { at: '2027-01-05T10:00:00Z' }),
    );
    const after = Array.from({ length: 20 }, (_, k) =>
      attempt({ q1: k < 6 ? 1 : 0, q2: 1, q3: 0 }, { at: '2027-02-05T10:00:00Z' }),
    );
    const release = recertifyRecord('l1', 'qz', 'v2.0', ['search'], '2027-02-01T00:00:00Z');
    const a = itemAnalysis(index, [...before, ...after, release]);
    assert.deepEqual(
      a.shifts.map((s) => [s.release, s.question, s.before, s.after, s.z]),
      [['v2.0', 'q1', { n: 20, missed: 4 }, { n: 20, missed: 14 }, 3.18]],
    );
    // Fewer than the minimum on one side: no flag.
    assert.deepEqual(itemAnalysis(index, [...before, ...after.slice(1), release]).shifts, []);
    const lines = flaggedLines(a, (id) => id).join('\n');
    assert.match(
      lines,
      /missed 4 of 20 \(20%\) before release v2\.0, 14 of 20 \(70%\) after \(z = 3\.18\)/,
    );
  });

  it("the dashboard names at most 20 flagged questions and counts the rest, within GitHub's limit", () => {
    const many = `---\ntype: quiz\nid: big\ntitle: Big\nmodule: m\nowner: alice\n---\n# Big\n\n${Array.from(
      { length: 300 },
      (_, k) =>
        `## Question ${k}?\n<!-- question id=${'q'.repeat(60)}${k} -->\n\n- [x] right\n- [ ] wrong\n`,
    ).join('\n')}`;
    const index = indexOf(['big.md', many]);
    const learners = Array.from({ length: 3 }, (_, k) => {
      const items: Record<string, ItemMark> = {};
      for (let q = 0; q < 300; q++) items[`${'q'.repeat(60)}${q}`] = [1, 1, 'a'];
      return {
        login: `l${k}`,
        roles: [],
        notices: [],
        records: [{ ...attempt({}, { learner: `l${k}`, checkpoint: 'big' }), items }],
      };
    });
    const c = cohort(index, learners, '2027-01-10', 3);
    assert.equal(c.items?.items.filter((i) => i.flags.length).length, 300);
    const body = dashboardBody(c, index, '2027-01-10');
    assert.ok(body.length <= DASHBOARD_LIMIT);
    assert.equal(body.match(/: too easy: 3 of 3 right/g)?.length, 20);
    assert.match(body, /- and 280 more, in the artifact's items\.csv/);
  });

  it('names no choice letter on the dashboard, and writes every question to CSV', () => {
    const index = indexOf(['qz.md', QUIZ]);
    const a = itemAnalysis(
      index,
      Array.from({ length: 20 }, (_, k) =>
        attempt({ q1: k < 5 ? 1 : 0, q2: 1, q3: 1 }, {}, { q1: k < 5 ? 'a' : 'c' }),
      ),
    );
    const lines = flaggedLines(a, (id) => id).join('\n');
    assert.match(
      lines,
      /`q1` \(25% right · r = – · n = 20\): a distractor outdraws the right answer: ticked by 15 of 20, the right answer by 5/,
    );
    assert.doesNotMatch(lines, /distractor c/);
    assert.match(
      itemsMarkdown(a, (id) => id),
      /distractor c outdraws the right answer/,
    );
    assert.match(
      itemsCsv(a),
      /^checkpoint,question,type,answers,right,difficulty,discrimination,choice picks,flags\r\nqz,q1,single,20,5,0\.25,,a:5 b:0 c:15,distractor-outdraws-key\r\n/,
    );
  });
});
