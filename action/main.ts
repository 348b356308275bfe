import * as core from '@actions/core';
import { readContext, type RunContext } from './context.js';
import { client as githubClient } from '../github/calls.js';
import { loadConfig, loadIndex } from '../host/analyse.js';
import { curriculaToday } from '../core/config/clock.js';
import { resolveTargets } from '../host/workspace-files.js';
import { gradePull, type PullOutcome } from './grade-pull.js';
import { onAppraise, onPullComment, onReview } from './review-events.js';
import { PROGRESS_LABEL } from '../core/progress/ledger.js';
import { runFreshness, UsageProblem } from './freshness-run.js';
import { rebuildProgress } from '../github/progress-rebuild.js';
import { runProgressSchedule } from './progress-schedule.js';
import { readRunState, writeRunState } from './run-state.js';
import { conditionalReads } from '../github/conditional-reads.js';

const GRADED_ACTIONS = new Set(['opened', 'synchronize', 'reopened']);
/** The Action's GitHub client: what the GitHub layer says goes to the workflow log, warnings as annotations. */
const client = (ctx: RunContext) =>
  githubClient({
    token: ctx.token,
    apiUrl: ctx.apiUrl,
    log: { debug: core.debug, info: core.info, warn: core.warning, error: core.error },
  });
/**
 * The current instant, to the second. ENABLEKIT_NOW (an ISO time) is a testing hook that
 * fixes it, so a test can put the clock at 23:30 in some zone; workflows leave it unset.
 */
function nowIso(): string {
  const fixed = process.env.ENABLEKIT_NOW;
  const at = fixed ? new Date(fixed) : new Date();
  if (fixed && (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(at.getTime())))
    throw new UsageProblem(
      `Expected ENABLEKIT_NOW (a testing hook) to be an ISO time such as 2026-03-05T07:30:00Z; found "${fixed}". Remove it from the workflow's env.`,
    );
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Today in the curricula's time zone (enablekit.yml `timezone:`), for the jobs that are handed only the day. */
const curriculaDay = (ctx: RunContext) =>
  curriculaToday(loadConfig(resolveTargets(ctx.workspace, [ctx.curricula])), new Date(nowIso()));

type Job = 'grade' | 'freshness' | 'schedule' | 'rebuild' | 'pull-comment' | 'review' | 'appraise';
/** An event with nothing to do, and the line that says why. */
type Nothing = { nothing: string };
const nothing = (why: string): Nothing => ({ nothing: why });

/** Which job an event asks for: grading a pull request, the freshness of the curricula, progress, or a reviewer's command. */
function jobOf(ctx: RunContext): Job | Nothing {
  switch (ctx.eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return GRADED_ACTIONS.has(ctx.action ?? '')
        ? 'grade'
        : nothing(`Nothing to grade on pull_request ${ctx.action ?? ''}.`);
    case 'workflow_dispatch':
      return ctx.pullNumber
        ? 'grade'
        : ctx.rebuildProgress
          ? 'rebuild'
          : ctx.release
            ? 'freshness'
            : 'schedule';
    case 'release':
      return ctx.action === 'published'
        ? 'freshness'
        : nothing(`Nothing to check on release ${ctx.action ?? ''}: only published releases are.`);
    case 'repository_dispatch':
      if (!ctx.release)
        throw new UsageProblem(
          'Expected the repository_dispatch payload to name the release (client_payload.release, e.g. "v4.3.0"); found none. Fix the product repository\'s dispatch step (docs/action.md shows it).',
        );
      return 'freshness';
    case 'schedule':
      return 'schedule';
    case 'push':
      return 'freshness';
    case 'issue_comment':
      // Only new comments: editing a comment must not grade or record anything again.
      if (ctx.action !== 'created' || !ctx.comment)
        return nothing(
          `Nothing to do on issue_comment ${ctx.action ?? ''}: only new comments are read.`,
        );
      if (ctx.comment.authorIsBot) return nothing('A comment by a bot: ignored.');
      return ctx.comment.isPull
        ? 'pull-comment'
        : ctx.comment.issueLabels.includes(PROGRESS_LABEL)
          ? 'appraise'
          : nothing('A comment on an issue that is not a progress issue: nothing to do.');
    case 'pull_request_review':
      if (ctx.action !== 'submitted' || !ctx.review)
        return nothing(
          `Nothing to do on pull_request_review ${ctx.action ?? ''}: only submitted reviews are read.`,
        );
      return ctx.review.authorIsBot ? nothing('A review by a bot: ignored.') : 'review';
    default:
      return nothing(
        `enablekit runs on pull_request, pull_request_target, issue_comment, pull_request_review, workflow_dispatch, release, repository_dispatch, schedule and push events; this is ${ctx.eventName}.`,
      );
  }
}

async function grade(ctx: RunContext): Promise<void> {
  report(await gradePull(ctx, client(ctx), nowIso()));
}

async function reviewEvent(
  ctx: RunContext,
  job: 'pull-comment' | 'review' | 'appraise',
): Promise<void> {
  const gh = client(ctx);
  const o =
    job === 'review'
      ? await onReview(ctx, gh, nowIso())
      : job === 'appraise'
        ? await onAppraise(ctx, gh, nowIso())
        : await onPullComment(ctx, gh, nowIso());
  if (o.kind === 'graded') report(o.outcome);
  else if (o.kind === 'participation') {
    core.setOutput('summary', JSON.stringify(o));
    core.info(`Participation: ${o.recorded} record(s) added.`);
  } else if (o.kind === 'hint') {
    core.setOutput('summary', JSON.stringify(o));
    core.info(`Hint: ${o.recorded ? 'opened and recorded' : 'nothing recorded'}: ${o.reply ?? ''}`);
  } else if (o.kind === 'appraisal') {
    core.setOutput('summary', JSON.stringify(o));
    core.info(o.recorded ? 'Appraisal recorded.' : `Appraisal not recorded: ${o.reply ?? ''}`);
  } else core.info(o.why);
}

function report(outcome: PullOutcome): void {
  // The learner's comment is written; what the maintainers must fix fails the run.
  if (outcome.keyFailures.length) core.setFailed(outcome.keyFailures.join('\n'));
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
      sheets: outcome.results.map(({ path, result }) =>
        result.ok
          ? {
              path,
              checkpoint: result.grade.checkpoint,
              percent: result.grade.percent,
              passed: result.grade.passed,
              attempt: result.grade.attempt,
            }
          : { path, refused: result.refusal.reason },
      ),
      reviews: outcome.reviews,
    }),
  );
  core.info(
    `Graded ${outcome.graded} answer sheet(s): ${outcome.passed} passed, ${outcome.failed} not passed${outcome.pending ? `, ${outcome.pending} waiting for a reviewer` : ''}${outcome.refusals.length ? `; ${outcome.refusals.length} refusal(s)` : ''}.`,
  );
}

async function schedule(ctx: RunContext): Promise<void> {
  // One client for the whole run, its GETs conditional on what the last run kept.
  const gh = client(ctx);
  const last = readRunState(ctx.stateDir, ctx, (m) => core.warning(m));
  const reads = conditionalReads(gh, last?.answers);
  await freshness(ctx, gh);
  const p = await runProgressSchedule(ctx, gh, nowIso(), last?.progress);
  if (p.snapshot) writeRunState(ctx.stateDir, ctx, { progress: p.snapshot, answers: reads.kept() });
  delete p.snapshot;
  p.notModified = reads.notModified();
  core.setOutput('progress', JSON.stringify(p));
  if (p.matrix) {
    core.setOutput('dashboard-csv', p.matrix.csv);
    core.setOutput('dashboard-json', p.matrix.json);
  }
  const line = p.learners
    ? `Progress: ${p.learners} learner(s); ${p.opened} issue(s) opened, ${p.reminded} reminder(s), ${p.followedUp} follow-up(s), ${p.reportCards} report card(s), ${p.surveyed} survey invitation(s), dashboard ${p.dashboard}${p.deferred ? `; ${p.deferred} write(s) left for the next run` : ''}.`
    : 'Progress: no learners in enablekit.yml or its teams yet.';
  core.info(line);
  await core.summary.addRaw(`${line}\n`).write();
}

async function freshness(ctx: RunContext, gh = client(ctx)): Promise<void> {
  const o = await runFreshness(ctx, gh, curriculaDay(ctx), nowIso());
  core.setOutput('opened', o.opened);
  core.setOutput('updated', o.updated);
  core.setOutput('closed', o.closed);
  core.setOutput('summary', JSON.stringify(o));
  const line = `${o.mode === 'release' ? `Release ${o.release}: ` : ''}${o.opened} stale issue(s) opened, ${o.updated} updated, ${o.closed} closed${o.deferred ? `; ${o.deferred} left for the next run (operations-per-run reached)` : ''}${ctx.dryRun ? ' (dry run: nothing written)' : ''}.`;
  const r = o.recertified;
  const again = r?.learners
    ? ` ${r.records} pass(es) of ${r.learners} learner(s) marked to recertify${r.deferred ? `; ${r.deferred} learner(s) left for a re-run` : ''}.`
    : '';
  core.info(line + again);
  await core.summary.addRaw(`### enablekit freshness\n\n${line}${again}\n`).write();
}

async function run(): Promise<void> {
  const ctx = readContext();
  const job = jobOf(ctx);
  if (job === 'grade') await grade(ctx);
  else if (job === 'freshness') await freshness(ctx);
  else if (job === 'schedule') await schedule(ctx);
  else if (job === 'pull-comment' || job === 'review' || job === 'appraise')
    await reviewEvent(ctx, job);
  else if (job === 'rebuild') {
    const curricula = await loadIndex({
      cwd: ctx.workspace,
      cache: false,
      version: 'action',
      targets: resolveTargets(ctx.workspace, [ctx.curricula]),
    });
    const r = await rebuildProgress(
      ctx,
      client(ctx),
      curricula,
      curriculaToday(curricula.config, new Date(nowIso())),
    );
    core.setOutput('summary', JSON.stringify(r));
    core.info(
      `Rebuilt the progress of ${r.learners} learner(s): ${r.rewritten} body(ies) rewritten.`,
    );
  } else core.info(job.nothing);
}

run().catch((e: unknown) => {
  const err = e as Error & { status?: number };
  if (err instanceof UsageProblem) core.setFailed(err.message);
  else
    core.setFailed(
      err.status
        ? `GitHub answered ${err.status}: ${err.message}. Re-run the job: it finds what this run wrote and carries on.`
        : err.message,
    );
});
