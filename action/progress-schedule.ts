import * as core from '@actions/core';
import type { Config } from '../core/config/config.js';
import { curriculaToday } from '../core/config/clock.js';
import {
  cohort,
  DASHBOARD_LABEL,
  DASHBOARD_MARKER,
  dashboardBody,
} from '../core/progress/cohort.js';
import { markedLearner } from '../core/progress/ledger.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import { noticesDue, type LearnerFacts } from '../core/progress/schedule-plan.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import type { RunContext } from './context.js';
import { botIssues, type Client } from '../github/calls.js';
import { teamMembers } from '../github/team-members.js';
import { readProgressIssuesSince, type ProgressSnapshot } from '../github/progress-issues.js';
import {
  loadLedger,
  openProgressIssue,
  postNotice,
  type LearnerLedger,
} from '../github/progress-ledger.js';
import { OperationBudget } from '../github/operation-budget.js';
import { createIssue } from '../github/keyed-create.js';
import { surveyDashboardSection, surveyResults } from '../core/progress/survey-results.js';
import { writeDashboardFiles, type DashboardFiles } from './dashboard-files.js';
import { certificateIssuer } from './certificate-issuer.js';

export interface ScheduleOutcome {
  learners: number;
  opened: number;
  reminded: number;
  followedUp: number;
  reportCards: number;
  /** Survey invitations posted (feedback on the training). */
  surveyed: number;
  dashboard: 'opened' | 'updated' | 'unchanged' | 'none' | 'deferred';
  /** Writes left for the next run: the operations budget ran out. */
  deferred: number;
  /** Where the full learner × module matrix was written (CSV and JSON), for the artifact. */
  matrix?: DashboardFiles;
  /** Whether every progress issue was read (no state from the last run, or a week since the last full read). */
  fullRead: boolean;
  /** Progress issues read this run: all of them, or those changed since the last run. */
  issuesRead: number;
  /** REST reads GitHub answered 304 (not modified): not counted against the rate limit. */
  notModified?: number;
  /** What the next run reads from (kept in the run state, not an output). */
  snapshot?: ProgressSnapshot;
}

/** Members of the GitHub teams mapped to roles; a team the token cannot read is warned about and skipped. */
async function teamRoles(gh: Client, config: Config): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const role of config.roles.values()) {
    for (const team of role.teams) {
      for (const m of await teamMembers(gh, team, `role ${role.id}`))
        out.set(m, [...(out.get(m) ?? []), role.id]);
    }
  }
  return out;
}

/**
 * The scheduled progress run: open an issue for each learner who has none, remind those
 * overdue (once per remind_every per module), follow up N weeks after a reflection or a
 * track, and rewrite the cohort dashboard. At most operations-per-run writes, the dashboard
 * last; what is left is done by the next run, which finds the same work still due.
 */
export async function runProgressSchedule(
  ctx: RunContext,
  gh: Client,
  now: string,
  last?: ProgressSnapshot,
): Promise<ScheduleOutcome> {
  const { index, config } = await loadIndex({
    cwd: ctx.workspace,
    cache: false,
    version: 'action',
    targets: resolveTargets(ctx.workspace, [ctx.curricula]),
  });
  const today = curriculaToday(config, new Date(now));
  const outcome: ScheduleOutcome = {
    learners: 0,
    opened: 0,
    reminded: 0,
    followedUp: 0,
    reportCards: 0,
    surveyed: 0,
    dashboard: 'none',
    deferred: 0,
    fullRead: true,
    issuesRead: 0,
  };
  // Every progress issue with its comments, 100 issues a request (reads grow by pages, not by
  // learners), or only those changed since the last run's mark, the rest as it kept them.
  const read = await readProgressIssuesSince(gh, ctx, last, now);
  const issues = read.issues;
  outcome.fullRead = read.full;
  outcome.issuesRead = read.read;
  if (read.snapshot) outcome.snapshot = read.snapshot;
  const readUpTo = Math.max(0, ...issues.map((i) => i.number));
  const fromTeams = await teamRoles(gh, config);
  const logins = new Map<string, string>();
  for (const role of config.roles.values())
    for (const l of role.learners) logins.set(l.toLowerCase(), l);
  for (const l of fromTeams.keys()) if (!logins.has(l)) logins.set(l, l);
  for (const i of issues) {
    const l = markedLearner(i.body);
    if (l && !logins.has(l)) logins.set(l, l);
  }
  outcome.learners = logins.size;
  if (!logins.size) return outcome;
  const budget = new OperationBudget(ctx.freshness.operationsPerRun, ctx.dryRun, core.info);
  const write = async (what: string, call: () => Promise<unknown>, cost = 1): Promise<boolean> => {
    // One write is kept back for the dashboard.
    const done = await budget.spend(what, call, { cost, reserve: 1 });
    if (!done) outcome.deferred++;
    return done;
  };
  const facts: LearnerFacts[] = [];
  const certify = certificateIssuer(ctx, config, index, ctx.sha);
  for (const login of [...logins.values()].sort()) {
    const roles = [
      ...new Set([...rolesOf(login, config), ...(fromTeams.get(login.toLowerCase()) ?? [])]),
    ];
    const ledger: LearnerLedger = await loadLedger(gh, ctx, login, issues);
    facts.push({ login, roles, records: ledger.records, notices: ledger.notices });
    let number = ledger.issue?.number;
    if (number === undefined) {
      const body = progressBody(login, roles, index, ledger, today, true, config);
      const opened = await write(`open the progress issue of @${login}`, async () => {
        number = (await openProgressIssue(gh, ctx, login, body, readUpTo)).number;
      });
      if (!opened) continue;
      outcome.opened++;
    }
    for (const due of noticesDue(
      index,
      config,
      { login, roles, records: ledger.records, notices: ledger.notices },
      now,
    )) {
      const verb = {
        reminder: 'remind',
        'follow-up': 'follow up with',
        'report-card': 'post the report card of',
        survey: 'ask for feedback from',
      }[due.notice.kind];
      const posted = await write(
        `${verb} @${login} about ${due.notice.item}`,
        () => postNotice(gh, ctx, number!, due, certify),
        due.notice.kind === 'report-card' ? 2 : 1,
      );
      if (posted)
        outcome[
          (
            {
              reminder: 'reminded',
              'follow-up': 'followedUp',
              'report-card': 'reportCards',
              survey: 'surveyed',
            } as const
          )[due.notice.kind]
        ]++;
    }
  }
  const c = cohort(index, facts, today, config.policies.itemMinAnswers);
  outcome.matrix = writeDashboardFiles(ctx.dashboardDir, c, today);
  const feedback = surveyDashboardSection(
    surveyResults(
      index,
      facts.flatMap((f) => f.records),
    ),
  );
  const body = dashboardBody(c, index, today, true, feedback);
  const [existing] = (await botIssues(gh, ctx, DASHBOARD_LABEL, 'open')).filter((i) =>
    (i.body ?? '').includes(DASHBOARD_MARKER),
  );
  if (existing?.body === body) outcome.dashboard = 'unchanged';
  else {
    const written = await budget.spend(
      `${existing ? 'update' : 'open'} the cohort dashboard`,
      () =>
        existing
          ? gh.rest.issues.update({
              owner: ctx.owner,
              repo: ctx.repo,
              issue_number: existing.number,
              body,
            })
          : createIssue(
              gh,
              ctx,
              { title: 'Training dashboard', body, labels: [DASHBOARD_LABEL] },
              DASHBOARD_MARKER,
            ),
    );
    outcome.dashboard = !written ? 'deferred' : existing ? 'updated' : 'opened';
  }
  return outcome;
}
