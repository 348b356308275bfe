import { markedLearner } from '../core/progress/ledger.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import type { Config } from '../core/config/config.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { RepoRef } from './repo-ref.js';
import type { Client } from './calls.js';
import { loadLedger } from './progress-ledger.js';
import { readProgressIssues } from './progress-issues.js';

/**
 * Recompute every learner's progress body from the records alone. A body that already
 * says what the records say is left untouched, so a rebuild after incremental runs on
 * the same day writes nothing.
 */
export async function rebuildProgress(
  ctx: RepoRef,
  gh: Client,
  curricula: { index: WorkspaceIndex; config: Config },
  today: string,
): Promise<{ learners: number; rewritten: number }> {
  const { index, config } = curricula;
  const issues = await readProgressIssues(gh, ctx);
  const logins = [...new Set(issues.flatMap((i) => markedLearner(i.body) ?? []))].sort();
  let rewritten = 0;
  for (const login of logins) {
    const ledger = await loadLedger(gh, ctx, login, issues);
    if (!ledger.issue) continue;
    const body = progressBody(login, rolesOf(login, config), index, ledger, today, true, config);
    if (body === ledger.issue.body) continue;
    rewritten++;
    if (ctx.dryRun)
      gh.log.info(
        `Dry run: would rewrite the progress body of @${login} (#${ledger.issue.number}).`,
      );
    else
      await gh.rest.issues.update({
        owner: ctx.owner,
        repo: ctx.repo,
        issue_number: ledger.issue.number,
        body,
      });
  }
  return { learners: logins.length, rewritten };
}
