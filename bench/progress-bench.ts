import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintInMemory } from '../core/lint/lint-in-memory.js';
import { progressBody } from '../core/progress/progress-body.js';
import { progressMarker, recordComment } from '../core/progress/ledger.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { LocalGitHub } from '../test/github-api/server.js';
import { runAction } from '../test/helpers/run-action.js';

const LEARNERS = 500;
const MODULES = 50;
const BUDGET = 40;
const fmt = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const login = (i: number) => `learner-${String(i).padStart(3, '0')}`;

/** A curriculum of one track with 50 modules, each with a two-question quiz; the first ten are past due. */
function curriculum(): Record<string, string> {
  const files: Record<string, string> = {};
  files['enablekit.yml'] =
    `version: 1\nroles:\n  support:\n    learners: [${Array.from({ length: LEARNERS }, (_, i) => login(i)).join(', ')}]\n`;
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

/** Issue 6's figures: a body recomputed from 200 records, and a scheduled run over 500 learners and 50 modules. */
export async function benchProgress(): Promise<void> {
  const files = curriculum();
  const { index } = lintInMemory(files, '2026-11-23');
  const recs = records('learner-000');
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    progressBody('learner-000', ['support'], index, { records: recs, flagged: [] }, '2026-11-23');
    times.push(performance.now() - t);
  }

  const workspace = mkdtempSync(join(tmpdir(), 'enablekit-bench-progress-'));
  mkdirSync(join(workspace, 'curricula'));
  for (const [path, text] of Object.entries(files))
    writeFileSync(join(workspace, 'curricula', path), text);
  const gh = new LocalGitHub();
  await gh.start();
  const repo = gh.state.repo('acme', 'training');
  // Every learner has their issue already, with ten results recorded; ten modules are past due, so everyone is owed reminders.
  for (let i = 0; i < LEARNERS; i++) {
    const issue = repo.addIssue(
      `Training progress: @${login(i)}`,
      progressMarker(login(i)),
      'github-actions[bot]',
      ['enablekit:progress'],
    );
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
  const run = async () => {
    const before = gh.calls.length;
    const t = performance.now();
    const r = await runAction({
      apiUrl: gh.url,
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { 'operations-per-run': String(BUDGET) },
    });
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const calls = gh.calls.slice(before);
    return {
      ms: performance.now() - t,
      calls: calls.length,
      writes: calls.filter((c) => c.method !== 'GET').length,
      progress: JSON.parse(r.outputs.progress!) as { deferred: number; reminded: number },
    };
  };
  const first = await run();
  const second = await run();
  await gh.stop();
  console.log(`\nProgress (${LEARNERS} learners, ${MODULES} modules):`);
  console.log(
    `  progress body from 200 records           ${fmt(median(times))} median of 60  (target <= 20 ms)`,
  );
  console.log(
    `  scheduled run, operations-per-run ${BUDGET}     ${fmt(first.ms)}, ${first.calls} API calls, ${first.writes} writes (${first.progress.reminded} reminders, ${first.progress.deferred} left for the next run)`,
  );
  console.log(
    `  the next scheduled run (resumes)          ${fmt(second.ms)}, ${second.calls} API calls, ${second.writes} writes (${second.progress.reminded} reminders, ${second.progress.deferred} left)`,
  );
  if (first.writes > BUDGET || second.writes > BUDGET)
    throw new Error(`the schedule wrote more than operations-per-run (${BUDGET})`);
}
