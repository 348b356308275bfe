import * as core from '@actions/core';
import type { Config } from '../core/config/config.js';
import {
  planRecertification,
  recertifyTargets,
  type RecertifyMark,
} from '../core/freshness/recertify.js';
import { markedLearner, type Ledger } from '../core/progress/ledger.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { Client } from '../github/calls.js';
import { OperationBudget } from '../github/operation-budget.js';
import { appendRecords, loadLedger, type LearnerLedger } from '../github/progress-ledger.js';
import { readProgressIssues, type ProgressIssue } from '../github/progress-issues.js';
import { revokeInRepository } from '../github/revocation-file.js';
import { revocationsAfterRelease } from '../core/certificates/recertify-revocations.js';
import { readHiddenJson } from '../core/text/hidden-json.js';
import { writtenBy } from '../core/progress/writer.js';
import { CERTIFICATE_TAG, statusListUrl } from './certificate-issuer.js';
import { posix } from 'node:path';
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
  await revokeCertificates(ctx, gh, curricula, release.tag, ledgers, marks, issues, budget, at.now);
  if (outcome.deferred)
    core.warning(
      `Expected to mark every learner whose pass ${release.tag} calls into question; found operations-per-run reached with ${outcome.deferred} learner(s) left. Re-run this job: it marks only those not marked yet.`,
    );
  return outcome;
}

/**
 * End early the certificates of the tracks a release asks learners to recertify: every learner
 * with recertify records for this release (marked now or by an earlier run of it), their
 * certificates for tracks holding those checkpoints, as the report cards the Action posted
 * record them (only the Action's own comments are read). One write, the revocation list.
 */
async function revokeCertificates(
  ctx: RunContext,
  gh: Client,
  curricula: { index: WorkspaceIndex; config: Config },
  tag: string,
  ledgers: readonly LearnerLedger[],
  marks: readonly RecertifyMark[],
  issues: readonly ProgressIssue[],
  budget: OperationBudget,
  now: string,
): Promise<void> {
  const settings = curricula.config.certificates;
  if (!settings) return;
  const learners = ledgers.map((l) => {
    const own = new Set(
      issues
        .filter((i) => markedLearner(i.body)?.toLowerCase() === l.login.toLowerCase())
        .map((i) => i.number),
    );
    const certificates = issues
      .filter((i) => own.has(i.number))
      .flatMap((i) => i.thread)
      .filter((c) => writtenBy(c.user, ctx.writer))
      .flatMap((c) =>
        readHiddenJson(CERTIFICATE_TAG, c.body).flatMap((d) => {
          const x = d as { id?: unknown; track?: unknown };
          return typeof x.id === 'string' && typeof x.track === 'string'
            ? [{ id: x.id, track: x.track, at: c.created_at }]
            : [];
        }),
      );
    const marked = marks.find((m) => m.login.toLowerCase() === l.login.toLowerCase());
    return { records: [...l.records, ...(marked?.records ?? [])], certificates };
  });
  const revoke = revocationsAfterRelease({ index: curricula.index, release: tag, learners, now });
  if (!revoke.length) return;
  const path = posix.join(ctx.curricula, settings.revocations);
  let added = 0;
  try {
    const done = await budget.spend(
      `revoke ${revoke.length} certificate(s) in ${path}`,
      async () => {
        added = await revokeInRepository(
          gh,
          ctx,
          path,
          revoke,
          { id: statusListUrl(ctx, settings), issuer: settings.issuer.id },
          `enablekit: revoke certificates after ${tag}`,
        );
      },
    );
    if (!done)
      core.warning(
        `Expected to revoke ${revoke.length} certificate(s) after ${tag}; found operations-per-run reached. Re-run this job: it revokes only those not revoked yet.`,
      );
    else if (added) core.info(`Revoked ${added} certificate(s) in ${path} after ${tag}.`);
  } catch (e) {
    const status = (e as { status?: number }).status;
    core.warning(
      `Expected to revoke ${revoke.length} certificate(s) in ${path} after ${tag}; GitHub refused${status ? ` (${status})` : ''}: ${(e as Error).message}. Give the workflow contents: write (docs/certificates.md), or run "enablekit certificate revoke" for them and commit the list: ${revoke.map((r) => r.id).join(', ')}.`,
    );
  }
}
