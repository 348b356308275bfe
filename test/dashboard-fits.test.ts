import assert from 'node:assert/strict';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { cohort, dashboardBody, DASHBOARD_LIMIT, type Cohort } from '../core/progress/cohort.js';
import { matrixCsv, matrixJson } from '../core/progress/dashboard-matrix.js';
import { progressBody } from '../core/progress/progress-body.js';
import { progressMarker } from '../core/progress/ledger.js';
import { GITHUB_BODY_LIMIT } from '../core/text/github-body.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { LearnerFacts } from '../core/progress/schedule-plan.js';

const TODAY = '2026-11-23';
const MODULES = 50;
const login = (i: number) => `learner-${String(i).padStart(4, '0')}`;

/** One track of 50 modules with a quiz each, the first ten due in February; every learner in role support. */
function curriculum(learners: number) {
  const files: Record<string, string> = {
    'enablekit.yml': `version: 1\nroles:\n  support:\n    learners: [${Array.from({ length: learners }, (_, i) => login(i)).join(', ')}]\n`,
    'track.md': `---\ntype: track\nid: onboarding\ntitle: Onboarding\nroles: [support]\nphase: foundation\nowner: lead\nmodules:\n${Array.from(
      { length: MODULES },
      (_, m) =>
        `  - module: m${m}\n    window: {opens: 2026-01-01, due: ${m < 10 ? '2026-02-01' : '2099-01-01'}}`,
    ).join('\n')}\n---\n# Onboarding\n`,
  };
  for (let m = 0; m < MODULES; m++) {
    files[`m${m}.md`] =
      `---\ntype: module\nid: m${m}\ntitle: Module ${m}\nowner: lead\n---\n# Module ${m}\n\nThe lesson.\n`;
    files[`q${m}.md`] =
      `---\ntype: quiz\nid: q${m}\ntitle: Quiz ${m}\nmodule: m${m}\nowner: lead\n---\n# Quiz ${m}\n\n## First?\n<!-- question id=a type=single -->\n\n- [x] Yes\n- [ ] No\n`;
  }
  return lintInMemory(files, TODAY).index;
}

const pass = (who: string, m: number): ProgressRecord => ({
  learner: who,
  checkpoint: `q${m}`,
  kind: 'quiz',
  pr: m + 1,
  sha: `s${m}`,
  at: '2026-01-10T10:00:00Z',
  passed: true,
  percent: 100,
  attempt: 1,
});

/** A quarter each: every module passed; the ten due passed (in progress); nothing (overdue); nine of the ten due (overdue on one). */
function learners(n: number): LearnerFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const who = login(i);
    const passed = [MODULES, 10, 0, 9][i % 4]!;
    return {
      login: who,
      roles: ['support'],
      records: Array.from({ length: passed }, (_, m) => pass(who, m)),
      notices: [],
    };
  });
}

describe('the cohort dashboard fits in a GitHub issue for any cohort (issue #22)', function () {
  this.timeout(120_000);

  it('5,000 learners × 50 modules: the body is within 65,536 characters, summarises each role and track, names the longest overdue and says where the full matrix is', () => {
    const index = curriculum(5000);
    const c = cohort(index, learners(5000), TODAY);
    const body = dashboardBody(c, index, TODAY);
    // JavaScript's length counts UTF-16 code units: never fewer than GitHub's characters.
    assert.ok(body.length <= DASHBOARD_LIMIT, `${body.length} characters`);
    assert.ok(body.startsWith('<!-- enablekit:dashboard -->'));
    assert.match(
      body,
      /The full learner × module matrix of 5,000 learners is longer than a GitHub issue can hold: download it \(CSV and JSON\) from the scheduled run's `enablekit-dashboard` artifact, or run `enablekit progress --format csv`\./,
    );
    assert.match(
      body,
      /\| role \| track \| learners \| complete \| in progress \| overdue \| not started \|\n\|---\|---\|--:\|--:\|--:\|--:\|--:\|\n\| support \| Onboarding \| 5000 \| 1250 \| 1250 \| 2500 \| 0 \|/,
    );
    // Those with nothing passed are overdue on ten modules; the same due date, so the most modules first.
    assert.match(
      body,
      /\*\*support: Onboarding\*\*, 2500 overdue, the 20 longest overdue:\n\n- @learner-0002: 10 modules overdue, due since 2026-02-01\n- @learner-0006: 10 modules overdue/,
    );
    assert.match(body, /\n- and 2,480 more\n/);
    assert.equal(body.match(/^- @/gm)!.length, 20);
    assert.doesNotMatch(body, /\| learner \|/, 'no learner × module matrix');
    assert.match(body, /| Quiz 0 \| 3750 \| 3750 \| 100% \| 1 \|/);
    assert.match(body, /\| Quiz 8 \| 3750 \| 3750 \| 100% \| 1 \|/);
    assert.match(body, /\| Quiz 9 \| 2500 \| 2500 \| 100% \| 1 \|/);
    assert.match(body, /\| Quiz 49 \| 1250 \| 1250 \| 100% \| 1 \|/);
  });

  it('a small cohort keeps the learner × module matrix, as before', () => {
    const index = curriculum(8);
    const body = dashboardBody(cohort(index, learners(8), TODAY), index, TODAY);
    assert.match(body, /### support: Onboarding \(2 of 8 complete\)\n\n\| learner \| Module 0 \|/);
    assert.match(body, /\| @learner-0002 \| ⚠ \| ⚠ /);
    assert.doesNotMatch(body, /artifact/);
  });

  it('stays within the limit however many roles and tracks there are, saying what it left off', () => {
    const tracks: Cohort['tracks'] = Array.from({ length: 3000 }, (_, k) => ({
      role: `role-${k}`,
      track: `track-${k}`,
      modules: ['m'],
      learners: Array.from({ length: 30 }, (_, i) => ({
        login: `l${k}-${i}`,
        states: ['overdue' as const],
        complete: false,
        overdueSince: '2026-02-01',
      })),
    }));
    const index = curriculum(1);
    const body = dashboardBody({ tracks, checkpoints: [], mostMissed: [] }, index, TODAY);
    assert.ok(body.length <= DASHBOARD_LIMIT, `${body.length} characters`);
    assert.match(
      body,
      /\n\n… [\d,]+ more line\(s\) left off to stay within GitHub's 65,536-character issue body; the full matrix is in the artifact\.$/,
    );
  });

  it('the full matrix as CSV and JSON: a row per learner and track, a column per module', () => {
    const index = curriculum(5000);
    const c = cohort(index, learners(5000), TODAY);
    const csv = matrixCsv(c).split('\r\n');
    assert.equal(csv.length, 5000 + 2, 'header, 5,000 rows, the last line end');
    assert.equal(
      csv[0],
      `role,track,learner,standing,overdue since,${Array.from({ length: MODULES }, (_, m) => `m${m}`).join(',')}`,
    );
    assert.ok(
      csv[3]!.startsWith(
        'support,onboarding,learner-0002,overdue,2026-02-01,overdue,overdue,overdue,overdue,overdue,overdue,overdue,overdue,overdue,overdue,open,',
      ),
    );
    assert.ok(csv[1]!.startsWith('support,onboarding,learner-0000,complete,,passed,passed,'));
    const json = JSON.parse(matrixJson(c, TODAY));
    assert.equal(json.today, TODAY);
    assert.equal(json.tracks[0].learners.length, 5000);
    assert.deepEqual(json.tracks[0].learners[3].states.slice(8, 11), ['passed', 'overdue', 'open']);
    assert.equal(json.tracks[0].learners[3].standing, 'overdue');
  });

  it('CSV cells a spreadsheet would run as formulas are made text; commas and quotes are quoted', () => {
    const csv = matrixCsv({
      tracks: [
        {
          role: '=HYPERLINK("x")',
          track: 'a,b',
          modules: ['m'],
          learners: [{ login: 'ana', states: ['open'], complete: false }],
        },
      ],
      checkpoints: [],
      mostMissed: [],
    });
    assert.equal(csv.split('\r\n')[1], `"'=HYPERLINK(""x"")","a,b",ana,not started,,open`);
  });

  it("a learner's progress issue body fits too: 50 modules and 3,000 copied records flagged, cut at a whole line, the record count kept, saying where all of it is", () => {
    const index = curriculum(1);
    const who = login(0);
    const records = Array.from({ length: MODULES }, (_, m) => pass(who, m));
    // Anyone can comment a copy of a record on the issue; each is flagged in the body, with its link.
    const flagged = Array.from({ length: 3000 }, (_, k) => ({
      comment: 10_000 + k,
      url: `https://github.com/acme/training/issues/1#issuecomment-${10_000 + k}`,
      why: 'not-written-by-enablekit' as const,
    }));
    const whole = progressBody(who, ['support'], index, { records, flagged }, TODAY, false);
    assert.ok(whole.length > GITHUB_BODY_LIMIT, `the whole view is ${whole.length} characters`);
    const body = progressBody(who, ['support'], index, { records, flagged }, TODAY);
    assert.ok(body.length <= GITHUB_BODY_LIMIT, `${body.length} characters`);
    assert.ok(body.startsWith(progressMarker(who)), 'the marker that finds the issue is kept');
    assert.match(
      body,
      /\| Module 49 \| ✅ passed \|/,
      'every module row is kept: the flagged list is cut',
    );
    assert.match(
      body,
      /> \d+ lines of results left out here to fit GitHub's 65,536-character limit\. Every record is in the comments below, and `enablekit progress --learner learner-0000 --repo <owner\/name>` shows every module and checkpoint\.\n\n<sub>50 records\.<\/sub>$/,
    );
    for (const line of body.split('\n'))
      assert.ok(
        !line.startsWith('> - https') || line.endsWith(': not written by enablekit'),
        'no line cut in the middle',
      );
    // Within the limit, the body is what it was: nothing rewritten on the next run.
    const small = progressBody(who, ['support'], index, { records, flagged: [] }, TODAY);
    assert.ok(small.endsWith('\n<sub>50 records.</sub>') && !small.includes('left out'));
  });
});
