import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { isWrite, LocalGitHub } from './github-api/server.js';
import { ROOT } from './helpers/cli.js';
import { runAction, workspaceWith } from './helpers/run-action.js';

const CURRICULA = join(ROOT, 'test', 'fixtures', 'progress-curricula');
const BOT = 'github-actions[bot]';
const rec = (
  learner: string,
  checkpoint: string,
  kind: ProgressRecord['kind'],
  at: string,
  passed: boolean,
  missed: string[] = [],
): ProgressRecord => ({
  learner,
  checkpoint,
  kind,
  pr: 1,
  sha: `${learner}-${checkpoint}-${at}`,
  at,
  passed,
  ...(kind === 'quiz' ? { percent: passed ? 100 : 0, missed } : {}),
});

describe('the scheduled progress run: new learners, reminders, follow-ups, the cohort dashboard (real bundle, local GitHub API)', function () {
  this.timeout(120_000);
  let gh: LocalGitHub;
  let workspace: string;
  const repo = () => gh.state.repo('acme', 'training');
  const issueOf = (login: string) =>
    [...repo().issues.values()].find((i) => i.body.includes(progressMarker(login)));
  const commentsOn = (n: number) => repo().comments.filter((c) => c.issue === n);
  const schedule = (inputs: Record<string, string> = {}) =>
    runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      inputs,
    });
  const writes = (from: number) => gh.calls.slice(from).filter(isWrite).length;

  beforeEach(async () => {
    gh = new LocalGitHub();
    await gh.start();
    workspace = workspaceWith(CURRICULA);
    gh.state.teams.set('acme/support', ['dee', 'ana']);
    // ana and bo have results from January; their issues exist, written by the Action.
    const seed = (login: string, records: ProgressRecord[]) => {
      const issue = repo().addIssue(
        `Training progress: @${login}`,
        `${progressMarker(login)}\nold body`,
        BOT,
        ['enablekit:progress'],
      );
      repo().comments.push({
        id: gh.state.id(),
        issue: issue.number,
        author: BOT,
        body: recordComment(records),
        created_at: '2026-01-09T00:00:00Z',
        updated_at: '2026-01-09T00:00:00Z',
      });
    };
    seed('ana', [
      rec('ana', 'basics-quiz', 'quiz', '2026-01-05T10:00:00Z', false, ['p1']),
      rec('ana', 'basics-quiz', 'quiz', '2026-01-06T10:00:00Z', true),
      rec('ana', 'basics-reflection', 'reflection', '2026-01-07T10:00:00Z', true),
      rec('ana', 'tools-quiz', 'quiz', '2026-01-08T10:00:00Z', true),
    ]);
    seed('bo', [rec('bo', 'basics-quiz', 'quiz', '2026-01-05T11:00:00Z', false, ['p1', 'header'])]);
  });
  afterEach(async () => {
    await gh.stop();
    assert.deepEqual(gh.violations, [], "every request matched GitHub's OpenAPI description");
  });

  it("opens issues for new learners (from enablekit.yml and the role's team), reminds the overdue, follows up, and writes the dashboard", async () => {
    const r = await schedule();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const p = JSON.parse(r.outputs.progress!);
    assert.deepEqual(
      {
        learners: p.learners,
        opened: p.opened,
        reminded: p.reminded,
        followedUp: p.followedUp,
        reportCards: p.reportCards,
        dashboard: p.dashboard,
      },
      { learners: 4, opened: 2, reminded: 2, followedUp: 2, reportCards: 1, dashboard: 'opened' },
    );
    assert.ok(
      issueOf('cy') && issueOf('dee'),
      'cy (enablekit.yml) and dee (team acme/support) get issues',
    );
    assert.match(
      commentsOn(issueOf('bo')!.number).at(-1)!.body,
      /@bo, a reminder: \*\*Basics\*\* \(Support basics\) was due on 2026-01-10, and these checkpoints are not passed yet: Basics quiz, Basics reflection/,
    );
    assert.match(commentsOn(issueOf('dee')!.number).at(-1)!.body, /@dee, a reminder/);
    const ana = commentsOn(issueOf('ana')!.number)
      .map((c) => c.body)
      .join('\n');
    assert.match(
      ana,
      /3 weeks ago you reflected on \*\*Basics reflection\*\*\. You named a triage habit you would keep\. How did it work out\?/,
    );
    assert.match(ana, /you finished \*\*Support basics\*\* 2 weeks ago/);
    assert.doesNotMatch(ana, /a reminder/);
    assert.match(
      ana,
      /## 🎓 Report card: Support basics\n\n@ana completed \*\*Support basics\*\*\./,
    );
    assert.match(ana, /\| Basics \| Basics quiz \(quiz\) \| passed \| 100% \| 2 \| 2026-01-06 \|/);
    assert.match(ana, /\| Basics \| Basics reflection \(reflection\) \| complete \|/);
    assert.ok(issueOf('ana')!.labels.includes('enablekit:track-complete'));

    const dashboard = [...repo().issues.values()].find((i) =>
      i.labels.includes('enablekit:dashboard'),
    )!;
    // Hand-computed: ana passed both modules; bo and dee are overdue on Basics with Tools open; cy has no checkpoint to take.
    assert.match(
      dashboard.body,
      /### support: Support basics \(1 of 3 complete\)\n\n\| learner \| Basics \| Tools \|\n\|---\|:-:\|:-:\|\n\| @ana \| ✓ \| ✓ \|\n\| @bo \| ⚠ \| ○ \|\n\| @dee \| ⚠ \| ○ \|/,
    );
    assert.match(
      dashboard.body,
      /### success: Success basics \(0 of 1 complete\)\n\n\| learner \| Kickoff \|\n\|---\|:-:\|\n\| @cy \| ○ \|/,
    );
    // basics-quiz: ana 2 attempts (passed), bo 1 (not): 2 learners, 1 passed, 50%, median 1.5.
    assert.match(dashboard.body, /\| Basics quiz \| 2 \| 1 \| 50% \| 1\.5 \|/);
    assert.match(dashboard.body, /\| Tools quiz \| 1 \| 1 \| 100% \| 1 \|/);
    assert.match(
      dashboard.body,
      /- Basics quiz, `p1`: missed 2 times\n- Basics quiz, `header`: missed 1 time/,
    );
    // The same matrix as files for the workflow's artifact, named in the outputs.
    const dir = join(workspace, '.enablekit', 'dashboard');
    assert.equal(r.outputs['dashboard-csv'], join(dir, 'dashboard.csv'));
    assert.equal(r.outputs['dashboard-json'], join(dir, 'dashboard.json'));
    const csv = readFileSync(r.outputs['dashboard-csv'], 'utf8').split('\r\n');
    assert.deepEqual(csv.slice(0, 6), [
      'role,track,learner,standing,overdue since,kickoff,basics,tools',
      'success,success-basics,cy,not started,,open,,',
      'support,support-basics,ana,complete,,,passed,passed',
      'support,support-basics,bo,overdue,2026-01-10,,overdue,open',
      'support,support-basics,dee,overdue,2026-01-10,,overdue,open',
      '',
    ]);
    const json = JSON.parse(readFileSync(r.outputs['dashboard-json'], 'utf8'));
    assert.deepEqual(json.tracks[1].learners[0], {
      login: 'ana',
      states: ['passed', 'passed'],
      complete: true,
      standing: 'complete',
    });
  });

  it('a cohort too large for the matrix in an issue gets a dashboard GitHub accepts (within 65,536 characters), and the full matrix as files', async () => {
    const many = Array.from({ length: 4000 }, (_, i) => `learner-${String(i).padStart(4, '0')}`);
    const yml = join(workspace, 'curricula', 'enablekit.yml');
    writeFileSync(
      yml,
      readFileSync(yml, 'utf8').replace(
        'learners: [ana, bo]',
        `learners: [ana, bo, ${many.join(', ')}]`,
      ),
    );
    // One write, kept for the dashboard: the learners' issues wait for later runs.
    const r = await schedule({ 'operations-per-run': '1' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const p = JSON.parse(r.outputs.progress!);
    assert.equal(p.learners, 4004);
    assert.equal(p.dashboard, 'opened');
    const body = [...repo().issues.values()].find((i) =>
      i.labels.includes('enablekit:dashboard'),
    )!.body;
    assert.ok(body.length <= 65_536, `${body.length} characters`);
    assert.match(body, /\| support \| Support basics \| 4003 \| 1 \| 0 \| 4002 \| 0 \|/);
    assert.match(body, /`enablekit-dashboard` artifact/);
    const csv = readFileSync(r.outputs['dashboard-csv']!, 'utf8').trimEnd().split('\r\n');
    assert.equal(csv.length, 1 + 1 + 4003, 'the header, success, support');
  });

  it('does not repeat itself: a second run writes nothing; a week later the overdue are reminded again, follow-ups are not', async () => {
    await schedule();
    const before = gh.calls.length;
    const again = await schedule();
    assert.equal(again.code, 0);
    assert.equal(writes(before), 0, 'no reminder, follow-up or dashboard write');
    for (const c of repo().comments)
      c.body = c.body.replace(
        /"kind":"reminder","item":"basics","at":"[^"]+"/,
        `"kind":"reminder","item":"basics","at":"${new Date(Date.now() - 8 * 86_400_000).toISOString()}"`,
      );
    const later = JSON.parse((await schedule()).outputs.progress!);
    assert.deepEqual([later.reminded, later.followedUp, later.opened], [2, 0, 0]);
  });

  it('stays within the operations budget, keeps the dashboard for last, and the next run finishes the work', async () => {
    const first = JSON.parse((await schedule({ 'operations-per-run': '3' })).outputs.progress!);
    assert.equal(first.dashboard, 'opened');
    assert.ok(first.deferred > 0);
    const second = JSON.parse((await schedule()).outputs.progress!);
    const total = (k: string) => first[k] + second[k];
    assert.deepEqual(
      ['opened', 'reminded', 'followedUp', 'reportCards'].map(total),
      [2, 2, 2, 1],
      'everything done once across the two runs',
    );
    assert.equal(
      second.dashboard,
      'unchanged',
      'the dashboard was complete already: it reads records, not issues',
    );
  });

  it('warns and goes on when a team cannot be read', async () => {
    gh.state.teams.delete('acme/support');
    const r = await schedule({ 'dry-run': 'true' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /Expected to read the members of team acme\/support .* GitHub answered 404/,
    );
    assert.equal(JSON.parse(r.outputs.progress!).learners, 3);
    assert.match(r.stdout, /Dry run: would open the progress issue of @cy/);
  });
});
