import assert from 'node:assert/strict';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { Gate, reasonsText } from '../core/progress/gate.js';
import { learnerStatus } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import { recertifyRecord } from '../core/progress/recertification.js';
import { completionsAt } from '../core/schema/front-matter-place.js';
import { noticesDue } from '../core/progress/schedule-plan.js';
import type { ProgressRecord } from '../core/progress/records.js';

const quiz = (id: string, module: string) =>
  `---\ntype: quiz\nid: ${id}\ntitle: ${id} title\nmodule: ${module}\nowner: l\n---\n# Q\n\n## A?\n<!-- question id=a -->\n\n- [x] y\n- [ ] n\n`;
const module = (id: string, extra = '') =>
  `---\ntype: module\nid: ${id}\ntitle: ${id} title\nowner: l\n${extra}---\n# M\n`;

/** Foundations (one module, one quiz) before an advanced track whose module needs the foundation module. */
const files = (gating: string, trackGating = '') => ({
  'enablekit.yml': `version: 1\nroles:\n  support:\n    learners: [ana]\n${gating ? `policies:\n  gating: ${gating}\n` : ''}`,
  'found.md':
    '---\ntype: track\nid: found\ntitle: Foundations\nroles: [support]\nphase: foundation\nowner: l\nmodules: [basics]\n---\n# F\n',
  'adv.md': `---\ntype: track\nid: adv\ntitle: Advanced\nroles: [support]\nphase: advanced\nprerequisites: [found]\nowner: l\n${trackGating}modules:\n  - module: deep\n    window: {opens: 2027-02-01, due: 2027-02-26}\n---\n# A\n`,
  'basics.md': module('basics'),
  'deep.md': module('deep', 'prerequisites: [basics]\n'),
  'basics-quiz.md': quiz('basics-quiz', 'basics'),
  'deep-quiz.md': quiz('deep-quiz', 'deep'),
  'mock.md':
    '---\ntype: scenario\nid: deep-mock\ntitle: Deep mock\nmodule: deep\nowner: l\nprerequisites: [deep-quiz]\n---\n# Mock\n\n## Situation\n\nS.\n\n## Your task\n\nT.\n\n## Rubric\n\n- [ ] Did it <!-- id=did -->\n',
});
const pass = (checkpoint: string, at = '2027-01-10T10:00:00Z'): ProgressRecord => ({
  learner: 'ana',
  checkpoint,
  kind: 'quiz',
  pr: 1,
  sha: checkpoint,
  at,
  passed: true,
  percent: 100,
});

function gateOf(gating: string, records: ProgressRecord[] | undefined, today: string, track = '') {
  const { index, config } = lintInMemory(files(gating, track), today);
  return {
    gate: new Gate({ index, config, login: 'ana', roles: ['support'], records, today }),
    index,
    config,
  };
}

describe('gating: prerequisites, phases and windows (core/progress/gate.ts)', () => {
  it('is off when enablekit.yml says nothing: every checkpoint is open, as before gating existed', () => {
    const { gate } = gateOf('', [], '2027-01-10');
    const g = gate.checkpoint('deep-quiz');
    assert.equal(g.mode, 'off');
    assert.equal(g.open, true);
  });

  it('locks an advanced checkpoint, naming the prerequisite module and its checkpoint, the earlier track and the window', () => {
    const { gate } = gateOf('strict', [], '2027-01-10');
    const g = gate.checkpoint('deep-quiz');
    assert.equal(g.open, false);
    assert.equal(g.mode, 'strict');
    assert.deepEqual(
      g.reasons.map((r) => r.kind),
      ['module', 'track', 'window'],
    );
    assert.equal(
      reasonsText(g),
      'Finish the module "basics title" (basics) first: pass "basics-quiz title" (basics-quiz). ' +
        'Finish the track "Foundations" (found) first: "basics title" (basics) ("basics-quiz title" (basics-quiz)) is not passed yet. ' +
        '"deep title" (deep) opens on 2027-02-01 in "Advanced" (adv); take it from then.',
    );
    assert.equal(gate.checkpoint('basics-quiz').open, true, 'the foundation is open');
  });

  it('a failed prerequisite keeps it locked; a pass opens it once the window is open', () => {
    const failed = { ...pass('basics-quiz'), sha: 'f1', passed: false, percent: 40 };
    assert.equal(gateOf('strict', [failed], '2027-02-02').gate.checkpoint('deep-quiz').open, false);
    const { gate } = gateOf('strict', [failed, pass('basics-quiz')], '2027-02-02');
    assert.deepEqual(gate.checkpoint('deep-quiz'), { open: true, mode: 'strict', reasons: [] });
    // The window gates before it opens only: a due date passed is overdue, never locked.
    assert.equal(
      gateOf('strict', [pass('basics-quiz')], '2027-06-01').gate.checkpoint('deep-quiz').open,
      true,
    );
  });

  it("a scenario's own prerequisite checkpoints gate it too", () => {
    const { gate } = gateOf('strict', [pass('basics-quiz')], '2027-02-02');
    const g = gate.checkpoint('deep-mock');
    assert.equal(g.open, false);
    assert.deepEqual(
      g.reasons.map((r) => r.kind),
      ['checkpoint'],
    );
    assert.match(reasonsText(g), /Pass "deep-quiz title" \(deep-quiz\) first\./);
  });

  it('a recertification does not lock again what a pass opened; a checkpoint passed already is open', () => {
    const records = [
      pass('basics-quiz'),
      recertifyRecord('ana', 'basics-quiz', '4.3.0', ['inbox'], '2027-01-20T00:00:00Z'),
    ];
    assert.equal(gateOf('strict', records, '2027-02-02').gate.checkpoint('deep-quiz').open, true);
    assert.equal(
      gateOf('strict', [pass('deep-quiz')], '2027-01-10').gate.checkpoint('deep-quiz').open,
      true,
    );
  });

  it('without records (the Action with progress: false) only the window is checked', () => {
    const g = gateOf('strict', undefined, '2027-01-10').gate.checkpoint('deep-quiz');
    assert.deepEqual(
      g.reasons.map((r) => r.kind),
      ['window'],
    );
    assert.equal(gateOf('strict', undefined, '2027-02-02').gate.checkpoint('deep-quiz').open, true);
  });

  it("a track's gating overrides the policy: off opens it, advisory keeps the reasons", () => {
    assert.equal(
      gateOf('strict', [], '2027-01-10', 'gating: off\n').gate.checkpoint('deep-quiz').open,
      true,
    );
    const g = gateOf('strict', [], '2027-01-10', 'gating: advisory\n').gate.checkpoint('deep-quiz');
    assert.equal(g.mode, 'advisory');
    assert.equal(g.open, false);
    const s = gateOf('', [], '2027-01-10', 'gating: strict\n').gate.checkpoint('deep-quiz');
    assert.equal(s.mode, 'strict');
  });

  it('progress shows a module locked, with the reason, instead of open; without the config nothing changes', () => {
    const { index, config } = gateOf('advisory', [], '2027-02-02');
    const deep = (c?: typeof config) =>
      learnerStatus('ana', ['support'], index, [], '2027-02-02', c)
        .find((t) => t.track === 'adv')!
        .modules.find((m) => m.module === 'deep')!;
    assert.equal(deep().state, 'open');
    assert.equal(deep(config).state, 'locked');
    assert.match(deep(config).locked!.join(' '), /Finish the module "basics title"/);
    const body = progressBody(
      'ana',
      ['support'],
      index,
      { records: [], flagged: [] },
      '2027-02-02',
      false,
      config,
    );
    assert.match(body, /\| deep title \| 🔒 locked: Finish the module/);
  });

  it('lint: an unknown gating value is an error naming the closest known one, with a suggestion to change it', () => {
    const { diagnostics } = lintInMemory(
      { ...files('strictt'), 'adv.md': files('', 'gating: advisry\n')['adv.md'] },
      '2027-01-10',
    );
    const about = diagnostics.filter((d) => /gating/.test(d.message));
    assert.equal(about.length, 2, JSON.stringify(diagnostics, null, 1));
    assert.ok(about.every((d) => d.severity === 'error'));
    assert.ok(about.some((d) => d.file === 'enablekit.yml' && /strict/.test(d.message)));
    assert.ok(about.some((d) => d.file === 'adv.md' && /advisory/.test(d.message)));
    assert.ok(about.every((d) => d.fix?.suggestion));
  });

  it("completion offers a track's gating values", () => {
    const lines = ['type: track', 'id: adv', 'title: A', 'gating: '];
    const found = completionsAt({ lines, line: 3, character: 8, ids: () => [] });
    assert.deepEqual(
      found.map((c) => c.label),
      ['strict', 'advisory', 'off'],
    );
  });

  it('an overdue module stays overdue, and its reminder says what to finish first before taking it', () => {
    const { index, config } = gateOf('strict', [], '2027-03-10');
    const [reminder] = noticesDue(
      index,
      config,
      { login: 'ana', roles: ['support'], records: [], notices: [] },
      '2027-03-10T09:00:00Z',
    ).filter((n) => n.notice.item === 'deep');
    assert.match(
      reminder!.text,
      /was due on 2027-02-26, and these checkpoints are not passed yet: deep-quiz title, Deep mock\. They cannot be taken yet: Finish the module "basics title" \(basics\) first: pass "basics-quiz title" \(basics-quiz\)\. .* Then take them, or tell your manager/,
    );
    const deep = learnerStatus('ana', ['support'], index, [], '2027-03-10', config)
      .flatMap((t) => t.modules)
      .find((m) => m.module === 'deep')!;
    assert.equal(deep.state, 'overdue');
    assert.equal(deep.locked!.length, 2);
  });
});
