import assert from 'node:assert/strict';
import { planRecertification, recertifyPolicy } from '../core/freshness/recertify.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { checkpointResults, resultLine } from '../core/progress/checkpoint-results.js';
import { cohort, dashboardBody } from '../core/progress/cohort.js';
import { learnerStatus } from '../core/progress/learner-status.js';
import { readLedger, recordComment } from '../core/progress/ledger.js';
import { progressBody } from '../core/progress/progress-body.js';
import { attemptsOfCycle, recertifyRecord } from '../core/progress/recertification.js';
import { recordKey, type ProgressRecord } from '../core/progress/records.js';
import { reportCard } from '../core/progress/report-card.js';
import type { Scenario, Track } from '../core/model.js';
import { mockOutcome } from '../core/review/mock-outcome.js';

const CONFIG = (policy = '') =>
  `version: 1\nroles:\n  support:\n    learners: [ana, bo]\nfeatures:\n  - id: sla-policies\n  - id: routing\n  - id: inbox\n${policy}`;
const files = (policy = '', quizExtra = '') => ({
  'enablekit.yml': CONFIG(policy),
  't.md':
    '---\ntype: track\nid: t\ntitle: T\nroles: [support]\nowner: l\nmodules:\n  - module: sla\n  - module: routing\n---\n# T\n',
  'sla.md':
    '---\ntype: module\nid: sla\ntitle: SLA\nowner: l\ncovers: [sla-policies]\n---\n# SLA\n',
  'routing.md':
    '---\ntype: module\nid: routing\ntitle: Routing\nowner: l\ncovers: [routing]\n---\n# Routing\n',
  'sla-quiz.md': `---\ntype: quiz\nid: sla-quiz\ntitle: SLA quiz\nmodule: sla\nowner: l\n${quizExtra}---\n# Q\n\n## A?\n<!-- question id=a -->\n\n- [x] y\n- [ ] n\n`,
  'routing-quiz.md':
    '---\ntype: quiz\nid: routing-quiz\ntitle: Routing quiz\nmodule: routing\nowner: l\ncovers: [inbox]\n---\n# Q\n\n## A?\n<!-- question id=a -->\n\n- [x] y\n- [ ] n\n',
});
const TODAY = '2027-01-20';
const quiz = (
  learner: string,
  checkpoint: string,
  sha: string,
  at: string,
  passed: boolean,
  percent = passed ? 100 : 0,
): ProgressRecord => ({ learner, checkpoint, kind: 'quiz', pr: 1, sha, at, passed, percent });
const release = (tag: string, ...features: string[]) => ({ tag, features: new Set(features) });

describe('recertification', () => {
  const { index, config } = lintInMemory(files(), TODAY);
  const passed = [
    quiz('ana', 'sla-quiz', 'h1', '2027-01-05T10:00:00Z', false, 50),
    quiz('ana', 'sla-quiz', 'h2', '2027-01-06T10:00:00Z', true),
    quiz('ana', 'routing-quiz', 'h3', '2027-01-07T10:00:00Z', true),
  ];

  it('marks the passes of checkpoints covering a touched feature, directly or through their module, naming the release and the features, and mentions the learner once', () => {
    const marks = planRecertification({
      index,
      config,
      release: release('v4.3.0', 'sla-policies', 'inbox'),
      learners: [
        { login: 'ana', records: passed },
        { login: 'bo', records: [quiz('bo', 'sla-quiz', 'h9', '2027-01-05T10:00:00Z', false)] },
      ],
      now: '2027-01-10T09:00:00Z',
    });
    assert.equal(marks.length, 1, 'bo never passed: nothing to recertify');
    const [m] = marks;
    assert.deepEqual(
      m!.records.map((r) => [r.checkpoint, r.release, r.features]),
      [
        ['sla-quiz', 'v4.3.0', ['sla-policies']],
        ['routing-quiz', 'v4.3.0', ['inbox']],
      ],
    );
    const comment = recordComment(m!.records);
    assert.equal(comment.match(/@ana\b/g)?.length, 1, 'the learner is mentioned once');
    assert.match(
      comment,
      /^@ana, release v4\.3\.0 changed sla-policies, inbox, which 2 checkpoints you passed cover/,
    );
    assert.match(
      recordComment(m!.records),
      /\*\*sla-quiz\*\*: to recertify: release v4\.3\.0 changed sla-policies/,
    );
  });

  it('a re-run marks nobody twice; a later release marks again, for itself', () => {
    const first = planRecertification({
      index,
      config,
      release: release('v4.3.0', 'sla-policies'),
      learners: [{ login: 'ana', records: passed }],
      now: '2027-01-10T09:00:00Z',
    })[0]!.records;
    const after = [...passed, ...first];
    const again = (tag: string) =>
      planRecertification({
        index,
        config,
        release: release(tag, 'sla-policies'),
        learners: [{ login: 'ana', records: after }],
        now: '2027-01-11T09:00:00Z',
      });
    assert.deepEqual(again('v4.3.0'), []);
    // bo passed after the first run marked ana (a run cut short, say): a re-run leaves his pass alone.
    const bo = [quiz('bo', 'sla-quiz', 'b1', '2027-01-10T12:00:00Z', true)];
    const rerun = (boRecords: ProgressRecord[]) =>
      planRecertification({
        index,
        config,
        release: release('v4.3.0', 'sla-policies'),
        learners: [
          { login: 'ana', records: after },
          { login: 'bo', records: boRecords },
        ],
        now: '2027-01-11T09:00:00Z',
      }).map((m) => m.login);
    assert.deepEqual(rerun(bo), []);
    assert.deepEqual(
      rerun([{ ...bo[0]!, at: '2027-01-09T12:00:00Z' }]),
      ['bo'],
      'a pass before it is marked',
    );
    assert.deepEqual(
      again('v4.4.0').flatMap((m) => m.records.map(recordKey)),
      ['sla-quiz#0@v4.4.0/recertify'],
    );
  });

  it('policies.recertify: never marks nothing; a checkpoint or its module overrides the policy', () => {
    const never = lintInMemory(files('policies:\n  recertify: never\n'), TODAY);
    const plan = (c: typeof never) =>
      planRecertification({
        index: c.index,
        config: c.config,
        release: release('v4.3.0', 'sla-policies'),
        learners: [{ login: 'ana', records: passed }],
        now: '2027-01-10T09:00:00Z',
      }).flatMap((m) => m.records.map((r) => r.checkpoint));
    assert.equal(never.config.policies.recertify, 'never');
    assert.deepEqual(plan(never), []);
    const quizOn = lintInMemory(
      files('policies:\n  recertify: never\n', 'recertify: on-release\n'),
      TODAY,
    );
    assert.equal(
      recertifyPolicy(quizOn.index, quizOn.config, quizOn.index.item('sla-quiz') as never),
      'on-release',
    );
    assert.deepEqual(plan(quizOn), ['sla-quiz']);
    const quizOff = lintInMemory(files('', 'recertify: never\n'), TODAY);
    assert.deepEqual(plan(quizOff), []);
    assert.deepEqual(
      [...quizOn.diagnostics, ...never.diagnostics, ...never.config.problems].map((d) => d.message),
      [],
      'the schema knows recertify: in enablekit.yml and in front matter',
    );
  });

  it('a pass before a recertify record is not current: the module and checkpoint are to recertify until a new pass, with attempts counted afresh', () => {
    const mark = recertifyRecord(
      'ana',
      'sla-quiz',
      'v4.3.0',
      ['sla-policies'],
      '2027-01-10T09:00:00Z',
    );
    const records = [...passed, mark];
    const status = learnerStatus('ana', ['support'], index, records, TODAY)[0]!;
    assert.equal(status.complete, false);
    assert.equal(status.modules[0]!.state, 'recertify');
    assert.deepEqual(status.modules[0]!.checkpoints, [
      {
        id: 'sla-quiz',
        passed: false,
        attempts: 0,
        recertify: { release: 'v4.3.0', features: ['sla-policies'] },
      },
    ]);
    assert.equal(status.modules[1]!.state, 'passed');
    const result = checkpointResults(records, 'ana').get('sla-quiz')!;
    assert.equal(result.passed, false);
    assert.match(resultLine(result), /^To recertify: release v4\.3\.0 changed sla-policies/);
    const body = progressBody('ana', ['support'], index, { records, flagged: [] }, TODAY);
    assert.match(body, /\| SLA \| 🔄 to recertify \|/);
    assert.match(body, /SLA quiz: to recertify after v4\.3\.0 \(sla-policies\)/);
    const c = cohort(index, [{ login: 'ana', roles: ['support'], records, notices: [] }], TODAY);
    assert.deepEqual(c.tracks[0]!.learners[0]!.states, ['recertify', 'passed']);
    assert.equal(c.checkpoints.find((x) => x.id === 'sla-quiz')!.passed, 0);
    assert.match(dashboardBody(c, index, TODAY), /\| SLA quiz \| 1 \| 0 \(1 to recertify\) \|/);
    assert.match(
      reportCard('ana', index.item('t') as Track, index, records),
      /\| SLA quiz \(quiz\) \| to recertify \|/,
    );

    // A failed attempt of the new cycle is attempt 1; a pass after it makes the checkpoint current.
    const again = [
      ...records,
      quiz('ana', 'sla-quiz', 'h4', '2027-01-11T10:00:00Z', false, 40),
      quiz('ana', 'sla-quiz', 'h5', '2027-01-12T10:00:00Z', true, 90),
    ];
    const now = learnerStatus('ana', ['support'], index, again, TODAY)[0]!;
    assert.equal(now.complete, true);
    assert.deepEqual(now.modules[0]!.checkpoints, [
      { id: 'sla-quiz', passed: true, attempts: 2, best: 90 },
    ]);
    const r = checkpointResults(again, 'ana').get('sla-quiz')!;
    assert.deepEqual([r.passed, r.attempts, r.best, r.recertify], [true, 2, 90, undefined]);
  });

  it('grades a new attempt against the attempts of the current cycle, and a re-run of an earlier commit in its own cycle', () => {
    const mark = recertifyRecord(
      'ana',
      'sla-quiz',
      'v4.3.0',
      ['sla-policies'],
      '2027-01-10T09:00:00Z',
    );
    const records = [...passed, mark];
    const attempts = passed.map((r) => ({ ...r }));
    assert.deepEqual(
      attemptsOfCycle(attempts, records, 'new', '2027-01-11T00:00:00Z').map((a) => a.sha),
      ['h3'],
    );
    assert.deepEqual(
      attemptsOfCycle(attempts, records, 'h2', '2027-01-11T00:00:00Z').map((a) => a.sha),
      ['h1', 'h2', 'h3'],
      'a re-run of h2 is graded in the cycle it was first graded in',
    );
  });

  it('a recertify record reads back from the ledger as no result, and is one per checkpoint and release', () => {
    const mark = recertifyRecord(
      'ana',
      'sla-quiz',
      'v4.3.0',
      ['sla-policies'],
      '2027-01-10T09:00:00Z',
    );
    const comment = (id: number, body: string) => ({
      id,
      body,
      byEnablekit: true,
      createdAt: '2027-01-10T09:00:00Z',
      updatedAt: '2027-01-10T09:00:00Z',
    });
    const ledger = readLedger(
      [comment(1, recordComment(passed)), comment(2, `@ana, hello\n\n${recordComment([mark])}`)],
      'ana',
    );
    assert.deepEqual(ledger.records.filter((r) => r.kind === 'recertify').map(recordKey), [
      'sla-quiz#0@v4.3.0/recertify',
    ]);
    assert.equal(checkpointResults(ledger.records, 'ana').get('sla-quiz')!.passed, false);
  });
});

describe('recertification of a mock scenario', () => {
  const { index, config } = lintInMemory(
    {
      'enablekit.yml':
        'version: 1\nroles:\n  support:\n    learners: [ana]\n    reviewers: [lena]\nfeatures:\n  - id: sla-policies\n',
      'm.md': '---\ntype: module\nid: m\ntitle: M\nowner: l\n---\n# M\n',
      's.md':
        '---\ntype: scenario\nid: call\ntitle: Call\nmodule: m\nlevel: beginner\nowner: l\ncovers: [sla-policies]\n---\n# Call\n\n## Rubric\n\n- [ ] Sets a next step (required)\n',
    },
    TODAY,
  );
  const verdict = (pr: number, sha: string, at: string): ProgressRecord => ({
    learner: 'ana',
    checkpoint: 'call',
    kind: 'mock',
    pr,
    sha,
    ref: `comment-${pr}`,
    at,
    passed: true,
    attempt: 1,
    reviewer: 'lena',
  });
  const review = (records: ProgressRecord[]) =>
    mockOutcome({
      scenario: index.item('call') as Scenario,
      learner: 'ana',
      learnerRoles: ['support'],
      config,
      pr: 2,
      sha: 's2',
      records,
      review: {
        reviewer: { login: 'lena', teams: [] },
        command: { verdict: 'pass', notes: '' },
        ref: 'comment-9',
        at: '2027-01-12T10:00:00Z',
        ticked: new Set(['sets-a-next-step']),
      },
    }).record;

  it('counts the verdicts of the new cycle only: the first review after a recertification is attempt 1', () => {
    const before = [verdict(1, 's1', '2027-01-05T10:00:00Z')];
    assert.equal(review(before)?.attempt, 2, 'without a recertification, the second attempt');
    const marked = [
      ...before,
      recertifyRecord('ana', 'call', 'v4.3.0', ['sla-policies'], '2027-01-10T09:00:00Z'),
    ];
    assert.equal(checkpointResults(marked, 'ana').get('call')!.recertify?.release, 'v4.3.0');
    const again = review(marked)!;
    assert.deepEqual([again.passed, again.attempt], [true, 1]);
    assert.equal(checkpointResults([...marked, again], 'ana').get('call')!.passed, true);
  });
});
