import assert from 'node:assert/strict';
import { parseGradeCommand } from '../core/review/grade-command.js';
import { rubricChecklist, tickedCriteria } from '../core/review/rubric-checklist.js';
import { rubricVerdict, type VerdictInput } from '../core/review/rubric-verdict.js';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import type { Scenario } from '../core/model.js';

const CONFIG = 'version: 1\nroles:\n  support:\n    reviewers: [lena, acme/trainers]\n';
const scenario = (id: string, extra = '') =>
  `---\ntype: scenario\nid: ${id}\ntitle: ${id}\nmodule: m\nlevel: beginner\nowner: lead\n${extra}---\n# ${id}\n\n## Rubric\n\n- [ ] Acknowledges the impact (required)\n- [ ] Finds the SSO change <!-- criterion id=sso -->\n- [ ] Sets a next step (required)\n`;
const { index, config } = lintInMemory(
  {
    'enablekit.yml': CONFIG,
    'b.md': scenario('beginner'),
    'a.md': scenario('advanced', 'prerequisites: [beginner]\n'),
    'c.md': scenario('custom', 'reviewers: [omar]\n'),
  },
  '2026-11-22',
);
const get = (id: string) => index.item(id) as Scenario;

function input(over: Partial<VerdictInput>): VerdictInput {
  return {
    scenario: get('beginner'),
    learner: 'ana',
    learnerRoles: ['support'],
    reviewer: { login: 'lena', teams: [] },
    command: { verdict: 'pass', notes: '' },
    ticked: new Set(),
    config,
    attemptsBefore: 0,
    passed: new Set(),
    ...over,
  };
}

describe('mock scenarios graded by reviewers', () => {
  it('reads /grade commands strictly, with notes', () => {
    assert.deepEqual(parseGradeCommand('/grade pass Great call.\nListened first.'), {
      verdict: 'pass',
      notes: 'Great call.\nListened first.',
    });
    assert.deepEqual(parseGradeCommand('/GRADE fail'), { verdict: 'fail', notes: '' });
    assert.match(
      (parseGradeCommand('/grade maybe') as { error: string }).error,
      /Expected "\/grade pass" or "\/grade fail"/,
    );
    assert.equal(
      parseGradeCommand('Looks good to me\n/grade pass'),
      undefined,
      'only on the first line',
    );
  });

  it("posts a rubric checklist and reads back only this scenario's ticked criteria", () => {
    const list = rubricChecklist(get('beginner'));
    assert.match(
      list,
      /- \[ \] Acknowledges the impact \*\*\(required\)\*\* <!-- criterion:acknowledges-the-impact -->/,
    );
    const ticked =
      list.replace('- [ ] Finds', '- [x] Finds').replace('- [ ] Sets', '- [X] Sets') +
      '\n- [x] forged <!-- criterion:not-in-rubric -->\n';
    assert.deepEqual([...tickedCriteria(ticked, get('beginner'))].sort(), [
      'sets-a-next-step',
      'sso',
    ]);
  });

  it('records a pass when every required criterion is met, and counts attempts', () => {
    const r = rubricVerdict(
      input({
        ticked: new Set(['acknowledges-the-impact', 'sets-a-next-step']),
        attemptsBefore: 1,
        command: { verdict: 'pass', notes: 'ok' },
      }),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      [r.verdict.verdict, r.verdict.attempt, r.verdict.met],
      ['pass', 2, ['acknowledges-the-impact', 'sets-a-next-step']],
    );
  });

  it('refuses a pass with a required criterion unticked, but takes a fail', () => {
    const pass = rubricVerdict(input({ ticked: new Set(['acknowledges-the-impact']) }));
    assert.ok(!pass.ok && pass.reason === 'required-unmet');
    assert.match(pass.message, /sets-a-next-step not ticked/);
    const fail = rubricVerdict(input({ command: { verdict: 'fail', notes: 'again' } }));
    assert.ok(
      fail.ok && fail.verdict.verdict === 'fail' && fail.verdict.unmetRequired.length === 2,
    );
  });

  it("ignores graders who are not reviewers (role, team or the scenario's own list), and learners grading themselves", () => {
    assert.equal(
      rubricVerdict(input({ reviewer: { login: 'mallory', teams: [] } })).ok === false &&
        (rubricVerdict(input({ reviewer: { login: 'mallory', teams: [] } })) as { reason: string })
          .reason,
      'not-a-reviewer',
    );
    assert.ok(
      rubricVerdict(
        input({
          reviewer: { login: 'sam', teams: ['acme/trainers'] },
          command: { verdict: 'fail', notes: '' },
        }),
      ).ok,
      'team member',
    );
    assert.ok(
      !rubricVerdict(input({ scenario: get('custom'), command: { verdict: 'fail', notes: '' } }))
        .ok,
      "lena is not in custom's own list",
    );
    assert.ok(
      rubricVerdict(
        input({
          scenario: get('custom'),
          reviewer: { login: 'omar', teams: [] },
          command: { verdict: 'fail', notes: '' },
        }),
      ).ok,
    );
    const own = rubricVerdict(input({ reviewer: { login: 'ANA', teams: [] } }));
    assert.ok(!own.ok && own.reason === 'own-submission');
  });

  it('gates the advanced mock behind the beginner one', () => {
    const blocked = rubricVerdict(
      input({ scenario: get('advanced'), command: { verdict: 'fail', notes: '' } }),
    );
    assert.ok(!blocked.ok && blocked.reason === 'prerequisite');
    assert.match(blocked.message, /Expected beginner passed before "advanced"/);
    assert.ok(
      rubricVerdict(
        input({
          scenario: get('advanced'),
          passed: new Set(['beginner']),
          command: { verdict: 'fail', notes: '' },
        }),
      ).ok,
    );
  });
});
