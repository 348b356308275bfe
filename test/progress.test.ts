import assert from 'node:assert/strict';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { learnerStatus, rolesOf } from '../core/progress/learner-status.js';
import { dedupeRecords, type ProgressRecord } from '../core/progress/records.js';
import {
  readLedger,
  readRecords,
  recordComment,
  type LedgerComment,
} from '../core/progress/ledger.js';
import { checkpointResults, resultLine } from '../core/progress/checkpoint-results.js';
import fc from 'fast-check';

const files = {
  'enablekit.yml':
    'version: 1\nroles:\n  support:\n    learners: [Ana]\n  sales:\n    learners: [bo]\n',
  't.md':
    '---\ntype: track\nid: t\ntitle: T\nroles: [support]\nowner: l\nwindow: {opens: 2027-01-04, due: 2027-02-26}\nmodules:\n  - module: read\n  - module: m1\n    window: {opens: 2027-01-04, due: 2027-01-15}\n  - module: m2\n    window: {opens: 2027-01-18, due: 2027-01-29}\n---\n# T\n',
  'read.md': '---\ntype: module\nid: read\ntitle: R\nowner: l\n---\n# R\n',
  'm1.md': '---\ntype: module\nid: m1\ntitle: M1\nowner: l\n---\n# M1\n',
  'm2.md': '---\ntype: module\nid: m2\ntitle: M2\nowner: l\n---\n# M2\n',
  'q1.md':
    '---\ntype: quiz\nid: q1\ntitle: Q\nmodule: m1\nowner: l\n---\n# Q\n\n## A?\n<!-- question id=a -->\n\n- [x] y\n- [ ] n\n',
  'r2.md':
    '---\ntype: reflection\nid: r2\ntitle: R\nmodule: m2\nowner: l\n---\n# R\n\n- [ ] I have read it\n\n## Prompts\n\n1. Share.\n',
};
const { index, config } = lintInMemory(files, '2027-01-10');
const rec = (
  checkpoint: string,
  sha: string,
  at: string,
  passed: boolean,
  percent?: number,
): ProgressRecord => ({
  learner: 'ana',
  checkpoint,
  kind: checkpoint.startsWith('q') ? 'quiz' : 'reflection',
  pr: 1,
  sha,
  at,
  passed,
  ...(percent === undefined ? {} : { percent }),
});

describe('learner progress from records', () => {
  it("finds a learner's roles case-insensitively", () => {
    assert.deepEqual(rolesOf('ana', config), ['support']);
    assert.deepEqual(rolesOf('bo', config, ['support']), ['sales', 'support']);
  });

  it('a re-run adds nothing: records are a set by checkpoint, pull request and head commit', () => {
    const r = rec('q1', 'h1', '2027-01-05T10:00:00Z', false, 50);
    assert.equal(
      dedupeRecords([r, { ...r }, rec('q1', 'h2', '2027-01-06T10:00:00Z', true, 100)]).length,
      2,
    );
  });

  it('moves modules through open, failed, passed and overdue, and completes the track', () => {
    const states = (records: ProgressRecord[], today: string) =>
      learnerStatus('Ana', ['support'], index, records, today)[0]!.modules.map(
        (m) => `${m.module}:${m.state}`,
      );
    assert.deepEqual(states([], '2027-01-10'), ['read:open', 'm1:open', 'm2:not-started']);
    const fail = rec('q1', 'h1', '2027-01-05T10:00:00Z', false, 50);
    assert.deepEqual(states([fail], '2027-01-10'), ['read:open', 'm1:failed', 'm2:not-started']);
    assert.deepEqual(states([fail], '2027-01-20'), ['read:open', 'm1:overdue', 'm2:open']);
    const pass = rec('q1', 'h2', '2027-01-12T10:00:00Z', true, 100);
    const status = learnerStatus(
      'ana',
      ['support'],
      index,
      [fail, pass, rec('r2', 'h3', '2027-01-20T10:00:00Z', true)],
      '2027-01-21',
    );
    assert.deepEqual(
      status[0]!.modules.map((m) => m.state),
      ['open', 'passed', 'passed'],
    );
    assert.deepEqual(status[0]!.modules[1]!.checkpoints, [
      { id: 'q1', passed: true, attempts: 2, best: 100 },
    ]);
    assert.equal(status[0]!.complete, true);
  });

  it("gives each checkpoint's standing for the editor: passed once is passed, and the latest attempt otherwise", () => {
    const fail = { ...rec('q1', 'h1', '2027-01-05T10:00:00Z', false, 50), pr: 3, attempt: 1 };
    const results = checkpointResults(
      [fail, { ...rec('r2', 'h9', '2027-01-06T10:00:00Z', true), learner: 'bo' }],
      'Ana',
    );
    assert.deepEqual([...results.keys()], ['q1'], "only this learner's results");
    assert.equal(
      resultLine(results.get('q1')!),
      'Not passed yet · 50% · attempt 1 · pull request #3',
    );
    const pass = { ...rec('q1', 'h2', '2027-01-07T10:00:00Z', true, 87.5), pr: 4, attempt: 2 };
    const retake = { ...rec('q1', 'h3', '2027-01-08T10:00:00Z', false, 40), pr: 5, attempt: 3 };
    const after = checkpointResults([retake, fail, pass], 'ana').get('q1')!;
    assert.deepEqual(
      [after.passed, after.attempts, after.best, after.latest.pr],
      [true, 3, 87.5, 5],
    );
    assert.equal(resultLine(after), 'Passed · best 87.5% · 3 attempts · pull request #5');
    const mock = checkpointResults(
      [
        {
          ...rec('m', 'h4', '2027-01-09T10:00:00Z', false),
          kind: 'mock',
          pr: 7,
          attempt: 1,
          reviewer: 'lead',
        },
      ],
      'ana',
    ).get('m')!;
    assert.equal(
      resultLine(mock),
      'Not passed yet · attempt 1 · graded by @lead · pull request #7',
    );
  });

  it("lists only the tracks of the learner's roles", () => {
    assert.deepEqual(learnerStatus('bo', ['sales'], index, [], '2027-01-10'), []);
  });
});

describe('progress ledger (records in issue comments)', () => {
  const r = (checkpoint: string, sha: string, passed = true): ProgressRecord => ({
    learner: 'ana',
    checkpoint,
    kind: 'quiz',
    pr: 3,
    sha,
    at: '2026-11-20T10:00:00Z',
    passed,
    percent: passed ? 100 : 0,
  });
  const comment = (id: number, body: string, bot = true, edited = false): LedgerComment => ({
    id,
    body,
    byEnablekit: bot,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: edited ? '2026-11-21T10:00:00Z' : '2026-11-20T10:00:00Z',
  });

  it("one comment holds a run's records, and they read back exactly, whatever the checkpoint is called", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }),
        (names) => {
          const records = names.map((n, k) => r(n, `s${k}`));
          assert.deepEqual(readRecords(recordComment(records)), records);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts only unedited records the Action wrote, flags the rest, and keeps one record per key', () => {
    const ledger = readLedger(
      [
        comment(1, recordComment([r('q', 'a'), r('q', 'a')])),
        comment(2, recordComment([r('q', 'b')]), false),
        comment(3, recordComment([r('q', 'c')]), true, true),
        comment(4, 'thanks!', false),
      ],
      'ANA',
    );
    assert.deepEqual(
      ledger.records.map((x) => x.sha),
      ['a'],
    );
    assert.deepEqual(
      ledger.flagged.map((f) => [f.comment, f.why]),
      [
        [2, 'not-written-by-enablekit'],
        [3, 'edited'],
      ],
    );
  });
});
