import * as core from '@actions/core';
import type { Config } from '../core/config/config.js';
import { planRecertification, recertifyTargets } from '../core/freshness/recertify.js';
import { markedLearner, type Ledger } from '../core/progress/ledger.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { Client } from '../github/calls.js';
import { OperationBudget } from '../github/operation-budget.js';
import { appendRecords, loadLedger } from '../github/progress-ledger.js';
import { readProgressIssues } from '../github/progress-issues.js';
import type { RunContext } from './context.js';

export interface RecertifyOutcome {
  /** Learners marked: one comment each, mentioning them once. */
  learners: number;
  /** Recertify records appended (one per learner and checkpoint). */
  records: number;
  /** Learners left for a re-run of the job: operations-per-run was reached. */
  deferred: number;
}

/**
 * After a release's stale issues: mark each learner's passes that the release calls into
 * question (planRecertification), one comment per learner naming the release and the features,
 * then rewrite their progress body. Two writes a learner, within the operations left; a
 * re-run marks only those not marked yet.
 */
export async function markRecertification(
  ctx: RunContext,
  gh: Client,
  curricula: { index: WorkspaceIndex; config: Config },
  release: { tag: string; features: ReadonlySet<string> },
  operations: number,
  at: { now: string; today: string },
): Promise<RecertifyOutcome> {
  const outcome: RecertifyOutcome = { learners: 0, records: 0, deferred: 0 };
  const { index, config } = curricula;
  // Nothing to ask of anyone: the progress issues are not read.
  if (!recertifyTargets(index, config, release.features).length) return outcome;
  const issues = await readProgressIssues(gh, ctx);
  const logins = [...new Set(issues.flatMap((i) => markedLearner(i.body) ?? []))].sort();
  const ledgers = [];
  for (const login of logins) ledgers.push(await loadLedger(gh, ctx, login, issues));
  const marks = planRecertification({
    index,
    config,
    release,
    learners: ledgers.map((l) => ({ login: l.login, records: l.records })),
    now: at.now,
  });
  const budget = new OperationBudget(operations, ctx.dryRun, core.info);
  for (const m of marks) {
    const ledger = ledgers.find((l) => l.login.toLowerCase() === m.login.toLowerCase())!;
    const body = (l: Ledger) =>
      progressBody(m.login, rolesOf(m.login, config), index, l, at.today, true, config);
    const done = await budget.spend(
      `mark ${m.records.map((r) => r.checkpoint).join(', ')} of @${m.login} to recertify after ${release.tag}`,
      () => appendRecords(gh, ctx, ledger, m.records, body),
      { cost: 2 },
    );
    if (!done) {
      outcome.deferred++;
      continue;
    }
    outcome.learners++;
    outcome.records += m.records.length;
  }
  if (outcome.deferred)
    core.warning(
      `Expected to mark every learner whose pass ${release.tag} calls into question; found operations-per-run reached with ${outcome.deferred} learner(s) left. Re-run this job: it marks only those not marked yet.`,
    );
  return outcome;
}
