import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cohort, dashboardBody } from '../core/progress/cohort.js';
import { matrixCsv } from '../core/progress/dashboard-matrix.js';
import { learnerStatus, rolesOf } from '../core/progress/learner-status.js';
import { markedLearner } from '../core/progress/ledger.js';
import { progressBody } from '../core/progress/progress-body.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { surveyResults, surveyResultsMarkdown } from '../core/progress/survey-results.js';
import { participationOf } from '../core/review/participation.js';
import { loadIndex } from '../host/analyse.js';
import { UsageError } from '../host/usage-error.js';
import { resolveTargets } from '../host/workspace-files.js';
import { ProgressBar } from './progress-bar.js';
import { recordsFromSheets } from './sheet-records.js';
import { curriculaToday } from '../core/config/clock.js';
import { itemAnalysis } from '../core/analysis/item-analysis.js';
import { itemsCsv, itemsMarkdown } from '../core/analysis/item-report.js';
import { escapeMarkdown } from '../core/text/markdown-escape.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';

export interface ProgressArgs {
  cwd: string;
  curricula?: string;
  submissions: string;
  format: string;
  learner?: string;
  /** owner/name: read the records from the repository's progress issues instead of local sheets. */
  repo?: string;
  apiUrl: string;
  token?: string;
  /** --today: judge dates as of this day instead of today (at `now`) in the curricula's time zone. */
  today?: string;
  now: string;
  version: string;
  cache: boolean;
  /** --surveys: the surveys' answers (feedback on the training) instead of progress. */
  surveys?: boolean;
  /** --items: the item analysis of every quiz question instead of where each learner stands. */
  items?: boolean;
}

/**
 * Where every learner stands, from the same pure core the Action uses: per learner the
 * progress issue's body, then the cohort dashboard (`--format csv`: the learner × module
 * matrix, as the Action's dashboard artifact holds it). Records come from the repository's
 * progress issues (`--repo`), or else from grading the answer sheets on disk now.
 */
export async function progressCommand(
  a: ProgressArgs,
): Promise<{ stdout: string; exitCode: number }> {
  if (!['markdown', 'json', 'csv'].includes(a.format))
    throw new UsageError(`Expected --format to be markdown, json or csv; found "${a.format}".`);
  if (a.repo && !/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(a.repo))
    throw new UsageError(`Expected --repo as owner/name; found "${a.repo}".`);
  if (a.repo && !a.token)
    throw new UsageError(
      "Expected a token to read the progress issues; found none. Set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's issues.",
    );
  const dir = a.curricula ?? (existsSync(resolve(a.cwd, 'curricula')) ? 'curricula' : '.');
  const { index, config } = await loadIndex({
    cwd: a.cwd,
    cache: a.cache,
    version: a.version,
    targets: resolveTargets(a.cwd, [dir]),
    progress: ProgressBar.onTerminal,
  });
  const records = a.repo
    ? await recordsFromGitHub(a)
    : recordsFromSheets({ cwd: a.cwd, submissions: a.submissions, now: a.now }, index, config);
  if (a.surveys) {
    if (a.format === 'csv')
      throw new UsageError(
        'Expected --format markdown or json with --surveys; found csv. Leave --format out for Markdown.',
      );
    const all = [...records.values()]
      .flat()
      .filter((r) => !a.learner || r.learner.toLowerCase() === a.learner.toLowerCase());
    const results = surveyResults(index, all);
    return {
      stdout:
        a.format === 'json'
          ? `${JSON.stringify({ source: a.repo ? `github:${a.repo}` : 'answer-sheets', surveys: results }, null, 2)}\n`
          : `## Feedback on the training\n\n${surveyResultsMarkdown(results, true)}\n`,
      exitCode: 0,
    };
  }
  const logins = new Set(
    [...config.roles.values()].flatMap((r) => r.learners.map((l) => l.toLowerCase())),
  );
  for (const login of records.keys()) logins.add(login);
  const wanted = [...logins].filter((l) => !a.learner || l === a.learner.toLowerCase()).sort();
  if (a.learner && !wanted.length)
    throw new UsageError(
      `Expected a learner "${a.learner}" in enablekit.yml or with records; found none. Check the login.`,
    );
  const learners = wanted.map((login) => ({
    login,
    roles: rolesOf(login, config),
    records: records.get(login) ?? [],
    notices: [],
  }));
  const today = curriculaToday(config, new Date(a.now), a.today);
  if (a.items) return itemsOutput(a.format, index, learners, config.policies.itemMinAnswers);
  // The full learner × module matrix, as the Action's dashboard artifact holds it.
  if (a.format === 'csv')
    return {
      stdout: matrixCsv(cohort(index, learners, today, config.policies.itemMinAnswers)),
      exitCode: 0,
    };
  if (a.format === 'json') {
    const out = {
      today,
      source: a.repo ? `github:${a.repo}` : 'answer-sheets',
      learners: learners.map((l) => ({
        login: l.login,
        roles: l.roles,
        tracks: learnerStatus(l.login, l.roles, index, l.records, today, config),
        participation: participationOf(l.records, l.login),
        records: l.records.length,
      })),
      ...(a.learner
        ? {}
        : { cohort: cohort(index, learners, today, config.policies.itemMinAnswers) }),
    };
    return { stdout: `${JSON.stringify(out, null, 2)}\n`, exitCode: 0 };
  }
  const parts = learners.map(
    (l) =>
      `## @${l.login}\n\n${progressBody(l.login, l.roles, index, { records: l.records, flagged: [] }, today, false, config)}`,
  );
  if (!a.learner)
    parts.push(
      `## Cohort\n\n${dashboardBody(cohort(index, learners, today, config.policies.itemMinAnswers), index, today, false)}`,
    );
  return { stdout: `${parts.join('\n\n')}\n`, exitCode: 0 };
}

/** `--items`: the analysis, as Markdown for people, JSON for tools, CSV for spreadsheets. */
function itemsOutput(
  format: string,
  index: WorkspaceIndex,
  learners: readonly { login: string; records: ProgressRecord[] }[],
  minAnswers: number | undefined,
): { stdout: string; exitCode: number } {
  const a = itemAnalysis(
    index,
    learners.flatMap((l) => l.records),
    minAnswers,
  );
  if (format === 'json') return { stdout: `${JSON.stringify(a, null, 2)}\n`, exitCode: 0 };
  if (format === 'csv') return { stdout: itemsCsv(a), exitCode: 0 };
  const title = (id: string) => escapeMarkdown(index.item(id)?.title ?? id, 60);
  return { stdout: itemsMarkdown(a, title), exitCode: 0 };
}

/**
 * `enablekit progress rebuild --repo owner/name`: recompute every progress issue's body
 * from its records, exactly as the Action's rebuild does (it is the same code); bodies that
 * already say what the records say are left alone, and `--dry-run` writes nothing.
 */
export async function rebuildCommand(
  a: ProgressArgs & { dryRun: boolean },
): Promise<{ stdout: string; exitCode: number }> {
  if (!a.repo || !/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(a.repo))
    throw new UsageError(
      `Expected --repo owner/name: the repository whose progress issues to rebuild; found ${a.repo ? `"${a.repo}"` : 'none'}.`,
    );
  if (!a.token)
    throw new UsageError(
      "Expected a token to rewrite the progress issues; found none. Set GITHUB_TOKEN (or GH_TOKEN) to a token that can write the repository's issues.",
    );
  const [owner = '', repo = ''] = a.repo.split('/');
  const { client } = await import('../github/calls.js');
  const { rebuildProgress } = await import('../github/progress-rebuild.js');
  const lines: string[] = [];
  const dir = a.curricula ?? (existsSync(resolve(a.cwd, 'curricula')) ? 'curricula' : '.');
  const curricula = await loadIndex({
    cwd: a.cwd,
    cache: false,
    version: 'action',
    targets: resolveTargets(a.cwd, [dir]),
  });
  const log = {
    debug: () => {},
    info: (l: string) => lines.push(l),
    warn: (l: string) => console.error(`Warning: ${l}`),
    error: (l: string) => console.error(l),
  };
  try {
    const r = await rebuildProgress(
      { owner, repo, dryRun: a.dryRun },
      client({ token: a.token, apiUrl: a.apiUrl, log }),
      curricula,
      curriculaToday(curricula.config, new Date(a.now), a.today),
    );
    lines.push(
      `Rebuilt the progress of ${r.learners} learner(s): ${r.rewritten} body(ies) ${a.dryRun ? 'would be ' : ''}rewritten.`,
    );
  } catch (e) {
    throw githubProblem(e, a, 'read and write', ' Run it again: it carries on from what is there.');
  }
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
}

/**
 * The records of every progress issue enablekit opened in the repository, read by the
 * Action's own ledger code: only bot-written, unedited records count.
 */
async function recordsFromGitHub(a: ProgressArgs): Promise<Map<string, ProgressRecord[]>> {
  const [{ client }, { loadLedger }, { readProgressIssues }] = await Promise.all([
    import('../github/calls.js'),
    import('../github/progress-ledger.js'),
    import('../github/progress-issues.js'),
  ]);
  const [owner = '', repo = ''] = a.repo!.split('/');
  const where = { owner, repo, dryRun: true };
  const gh = client({ token: a.token!, apiUrl: a.apiUrl });
  const out = new Map<string, ProgressRecord[]>();
  try {
    const issues = await readProgressIssues(gh, where);
    const logins = [...new Set(issues.flatMap((i) => markedLearner(i.body) ?? []))];
    for (const login of logins)
      out.set(login, (await loadLedger(gh, where, login, issues)).records);
  } catch (e) {
    throw githubProblem(e, a, 'read', '');
  }
  return out;
}

/** GitHub's answer as a message saying what to check; anything else stays an internal error. */
function githubProblem(e: unknown, a: ProgressArgs, access: string, then: string): unknown {
  const status = (e as { status?: number }).status;
  if (!status) return e;
  return new UsageError(
    `Expected to ${access} the issues of ${a.repo} at ${a.apiUrl}; GitHub answered ${status}. Check --repo, --api-url and that the token can ${access} issues.${then}`,
  );
}
