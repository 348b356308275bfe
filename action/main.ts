import * as core from '@actions/core';
import { readContext } from './context.js';
import { client } from './github-calls.js';
import { gradePull } from './grade-pull.js';

const GRADED_ACTIONS = new Set(['opened', 'synchronize', 'reopened']);

async function run(): Promise<void> {
  const ctx = readContext();
  const isPull = ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
  if (isPull && !GRADED_ACTIONS.has(ctx.action ?? '')) {
    core.info(`Nothing to grade on pull_request ${ctx.action ?? ''}.`);
    return;
  }
  if (!isPull && ctx.eventName !== 'workflow_dispatch') {
    core.info(`enablekit grades pull_request, pull_request_target and workflow_dispatch events; this is ${ctx.eventName}.`);
    return;
  }
  const outcome = await gradePull(ctx, client(ctx), new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
  core.setOutput('graded', outcome.graded);
  core.setOutput('passed', outcome.passed);
  core.setOutput('failed', outcome.failed);
  core.setOutput(
    'summary',
    JSON.stringify({
      pull: outcome.pull,
      graded: outcome.graded,
      passed: outcome.passed,
      failed: outcome.failed,
      refusals: outcome.refusals,
      sheets: outcome.results.map(({ path, result }) => (result.ok ? { path, checkpoint: result.grade.checkpoint, percent: result.grade.percent, passed: result.grade.passed, attempt: result.grade.attempt } : { path, refused: result.refusal.reason })),
    }),
  );
  core.info(`Graded ${outcome.graded} answer sheet(s): ${outcome.passed} passed, ${outcome.failed} not passed${outcome.refusals.length ? `; ${outcome.refusals.length} refusal(s)` : ''}.`);
}

run().catch((e: unknown) => {
  const err = e as Error & { status?: number };
  core.setFailed(err.status ? `GitHub answered ${err.status}: ${err.message}. The results were not written; re-run the job.` : err.message);
});
