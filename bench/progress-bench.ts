import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { progressBody } from '../core/progress/progress-body.js';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { isWrite, LocalGitHub } from '../test/github-api/server.js';
import { runAction } from '../test/helpers/run-action.js';

/** Issue 22's sizes: a team, a department, an organisation. */
const SIZES = [500, 2000, 5000];
const MODULES = 50;
const BUDGET = 40;
const fmt = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const login = (i: number) => `learner-${String(i).padStart(4, '0')}`;

/** A curriculum of one track with 50 modules, each with a two-question quiz; the first ten are past due. */
function curriculum(learners: number): Record<string, string> {
  const files: Record<string, string> = {};
  files['enablekit.yml'] =
    `version: 1\nroles:\n  support:\n    learners: [${Array.from({ length: learners }, (_, i) => login(i)).join(', ')}]\n`;
  const modules = Array.from(
    { length: MODULES },
    (_, m) =>
      `  - module: m${m}\n    window: {opens: 2026-01-01, due: ${m < 10 ? '2026-02-01' : '2099-01-01'}}`,
  ).join('\n');
  files['track.md'] =
    `---\ntype: track\nid: onboarding\ntitle: Onboarding\nroles: [support]\nphase: foundation\nowner: lead\nmodules:\n${modules}\n---\n# Onboarding\n`;
  for (let m = 0; m < MODULES; m++) {
    files[`m${m}.md`] =
      `---\ntype: module\nid: m${m}\ntitle: Module ${m}\nowner: lead\n---\n# Module ${m}\n\nThe lesson.\n`;
    files[`q${m}.md`] =
      `---\ntype: quiz\nid: q${m}\ntitle: Quiz ${m}\nmodule: m${m}\nowner: lead\n---\n# Quiz ${m}\n\n## First?\n<!-- question id=a type=single -->\n\n- [x] Yes\n- [ ] No\n\n## Second?\n<!-- question id=b type=single -->\n\n- [x] Yes\n- [ ] No\n`;
  }
  return files;
}

/** Four attempts at each of 50 quizzes: 200 records, the last attempt passed. */
function records(who: string): ProgressRecord[] {
  const out: ProgressRecord[] = [];
  for (let m = 0; m < MODULES; m++) {
    for (let a = 1; a <= 4; a++)
      out.push({
        learner: who,
        checkpoint: `q${m}`,
        kind: 'quiz',
        pr: m * 10 + a,
        sha: `s${m}-${a}`,
        at: `2026-03-${String(a + 1).padStart(2, '0')}T10:00:00Z`,
        passed: a === 4,
        percent: a === 4 ? 100 : 50,
        attempt: a,
        missed: a === 4 ? [] : ['b'],
      });
  }
  return out;
}

/** Issue 6's figure (a body recomputed from 200 records) and issue 22's: scheduled runs over 500, 2,000 and 5,000 learners and 50 modules. */
export async function benchProgress(sizes = SIZES): Promise<void> {
  const { index } = lintInMemory(curriculum(1), '2026-11-23');
  const recs = records('learner-0000');
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    progressBody('learner-0000', ['support'], index, { records: recs, flagged: [] }, '2026-11-23');
    times.push(performance.now() - t);
  }
  console.log(`\nProgress (${MODULES} modules):`);
  console.log(
    `  progress body from 200 records           ${fmt(median(times))} median of 60  (target <= 20 ms)`,
  );
  for (const learners of sizes) await scheduledRuns(learners);
}

/**
 * Scheduled runs over this many learners, each owed ten reminders, one after the other on the
 * same workspace (the state a run keeps for the next, as actions/cache carries it) and token:
 * the first reads everything, the second resumes the writes the first left; then dry runs
 * (which read as a run does and write nothing): one reading what the second wrote to, one with
 * nothing changed, and one after ten learners got a new result.
 */
async function scheduledRuns(learners: number): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'enablekit-bench-progress-'));
  mkdirSync(join(workspace, 'curricula'));
  for (const [path, text] of Object.entries(curriculum(learners)))
    writeFileSync(join(workspace, 'curricula', path), text);
  const gh = new LocalGitHub();
  await gh.start();
  const repo = gh.state.repo('acme', 'training');
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Every learner has their issue already, with ten results recorded; ten modules are past due, so everyone is owed reminders.
  const issues: number[] = [];
  for (let i = 0; i < learners; i++) {
    const issue = repo.addIssue(
      `Training progress: @${login(i)}`,
      progressMarker(login(i)),
      'github-actions[bot]',
      ['enablekit:progress'],
    );
    issue.updated_at = hourAgo;
    issues.push(issue.number);
    const mine = records(login(i)).filter(
      (r) => Number(r.checkpoint.slice(1)) >= 40 && Number(r.checkpoint.slice(1)) < 45,
    );
    repo.comments.push({
      id: gh.state.id(),
      issue: issue.number,
      author: 'github-actions[bot]',
      body: recordComment(mine),
      created_at: '2026-03-05T10:00:00Z',
      updated_at: '2026-03-05T10:00:00Z',
    });
  }
  const run = async (dryRun = false) => {
    const before = gh.calls.length;
    const t = performance.now();
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'operations-per-run': String(BUDGET), 'dry-run': String(dryRun) },
    });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const calls = gh.calls.slice(before);
    const reads = calls.filter((c) => !isWrite(c));
    return {
      ms: performance.now() - t,
      reads: reads.length,
      graphql: reads.filter((c) => c.graphql).length,
      notModified: reads.filter((c) => !c.counted).length,
      writes: calls.filter(isWrite).length,
      progress: JSON.parse(r.outputs.progress!) as {
        deferred: number;
        reminded: number;
        issuesRead: number;
      },
    };
  };
  // Scheduled runs are a day apart or more: GitHub's clock moves a day between them, so the
  // 10-minute overlap each run reads again holds only what changed in its last minutes.
  const nextDay = () => (gh.state.clockOffsetMs += 86_400_000);
  const first = await run();
  nextDay();
  const second = await run();
  const dashboard = [...repo.issues.values()].find((i) => i.labels.includes('enablekit:dashboard'));
  nextDay();
  const third = await run(true);
  nextDay();
  const quiet = await run(true);
  for (let k = 0; k < 10; k++)
    repo.comments.push({
      id: gh.state.id(),
      issue: issues[k * Math.floor(learners / 10)]!,
      author: 'github-actions[bot]',
      body: recordComment(records(login(k * Math.floor(learners / 10))).slice(0, 1)),
      created_at: gh.state.now(),
      updated_at: gh.state.now(),
    });
  const ten = await run(true);
  await gh.stop();
  const line = (what: string, r: Awaited<ReturnType<typeof run>>) =>
    console.log(
      `    ${what.padEnd(44)} ${fmt(r.ms)}, ${r.reads} reads (${r.graphql} GraphQL, ${r.notModified} answered 304: ${r.reads - r.notModified} counted), ${r.progress.issuesRead} issues read, ${r.writes} writes (${r.progress.reminded} reminders, ${r.progress.deferred} left)`,
    );
  console.log(`  ${learners} learners:`);
  line(`scheduled run, operations-per-run ${BUDGET}`, first);
  line('the next scheduled run (resumes)', second);
  line('a dry run after it (reads what it wrote to)', third);
  line('a dry run, nothing changed', quiet);
  line('a dry run, ten learners with a new result', ten);
  const size = (f: string) =>
    statSync(join(workspace, '.enablekit', 'dashboard', f)).size.toLocaleString('en');
  console.log(
    `    dashboard body ${(dashboard?.body.length ?? 0).toLocaleString('en')} characters (GitHub's limit: 65,536); the full matrix: dashboard.csv ${size('dashboard.csv')} bytes, dashboard.json ${size('dashboard.json')} bytes; the run state ${statSync(join(workspace, '.enablekit', 'state', 'run-state.json.gz')).size.toLocaleString('en')} bytes`,
  );
  if (first.writes > BUDGET || second.writes > BUDGET)
    throw new Error(`the schedule wrote more than operations-per-run (${BUDGET})`);
  if (quiet.progress.issuesRead !== 0 || ten.progress.issuesRead !== 10)
    throw new Error('the dry runs read other than what changed');
}
