import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { GITHUB_BODY_LIMIT } from '../text/github-body.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { summaryBody } from './dashboard-summary.js';
import { learnerStatus, type ModuleState } from './learner-status.js';
import { resultsOf } from './records.js';
import { checkpointCycles } from './recertification.js';
import { itemAnalysis, type ItemAnalysis } from '../analysis/item-analysis.js';
import { flaggedLines } from '../analysis/item-report.js';
import type { LearnerFacts } from './schedule-plan.js';

export const DASHBOARD_LABEL = 'enablekit:dashboard';
export const DASHBOARD_MARKER = '<!-- enablekit:dashboard -->';

export interface CheckpointStats {
  id: string;
  /** Learners with at least one graded attempt. */
  attempted: number;
  passed: number;
  /** Percent of those who attempted that passed, rounded. */
  passRate: number;
  /** Median attempts per learner who attempted. */
  medianAttempts: number;
  /** Learners whose pass a release called into question, not passed again yet (not counted in `passed`). */
  toRecertify?: number;
}

export interface Cohort {
  tracks: {
    role: string;
    track: string;
    modules: string[];
    learners: {
      login: string;
      states: ModuleState[];
      complete: boolean;
      /** The earliest due date of the learner's overdue modules on this track. */
      overdueSince?: string;
    }[];
  }[];
  checkpoints: CheckpointStats[];
  mostMissed: { checkpoint: string; question: string; count: number }[];
  /** Every quiz question's difficulty, discrimination and choice picks, from first attempts; the flagged ones shown. */
  items?: ItemAnalysis;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Per role and track, every learner's module states; per checkpoint, pass rate and median attempts; the questions most often missed. */
export function cohort(
  index: WorkspaceIndex,
  learners: readonly LearnerFacts[],
  today: string,
  /** policies.item_min_answers: no question is flagged on fewer answers. */
  minAnswers?: number,
): Cohort {
  const tracks: Cohort['tracks'] = [];
  const roles = [...new Set(learners.flatMap((l) => l.roles))].sort();
  for (const role of roles) {
    const members = learners
      .filter((l) => l.roles.includes(role))
      .sort((a, b) => a.login.localeCompare(b.login));
    const byTrack = new Map<string, Cohort['tracks'][number]>();
    for (const l of members) {
      for (const t of learnerStatus(l.login, [role], index, l.records, today)) {
        let row = byTrack.get(t.track);
        if (!row)
          byTrack.set(
            t.track,
            (row = { role, track: t.track, modules: t.modules.map((m) => m.module), learners: [] }),
          );
        const since = t.modules
          .flatMap((m) => (m.state === 'overdue' && m.due ? [m.due] : []))
          .sort()[0];
        row.learners.push({
          login: l.login,
          states: t.modules.map((m) => m.state),
          complete: t.complete,
          ...(since ? { overdueSince: since } : {}),
        });
      }
    }
    tracks.push(...byTrack.values());
  }
  const read = learners.map((l) => ({
    results: resultsOf(l.records, l.login),
    cycleOf: checkpointCycles(l.records, l.login),
  }));
  const all = read.flatMap((l) => l.results);
  const ids = [...new Set(all.map((r) => r.checkpoint))].sort();
  // Passes are current ones: a pass a release called into question counts as not passed (to recertify).
  const checkpoints = ids.map((id): CheckpointStats => {
    const v = read.flatMap((l) => {
      const rs = l.results.filter((r) => r.checkpoint === id);
      if (!rs.length) return [];
      const cycle = l.cycleOf(id);
      return [{ attempts: rs.length, passed: cycle.passed, again: !!cycle.recertify }];
    });
    const passed = v.filter((x) => x.passed).length;
    const again = v.filter((x) => x.again).length;
    return {
      id,
      attempted: v.length,
      passed,
      passRate: v.length ? Math.round((passed / v.length) * 100) : 0,
      medianAttempts: median(v.map((x) => x.attempts)),
      ...(again ? { toRecertify: again } : {}),
    };
  });
  const missed = new Map<string, { checkpoint: string; question: string; count: number }>();
  for (const r of all) {
    for (const q of r.missed ?? []) {
      const k = `${r.checkpoint}#${q}`;
      const m = missed.get(k) ?? { checkpoint: r.checkpoint, question: q, count: 0 };
      m.count++;
      missed.set(k, m);
    }
  }
  const mostMissed = [...missed.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.checkpoint.localeCompare(b.checkpoint) ||
        a.question.localeCompare(b.question),
    )
    .slice(0, 10);
  const items = itemAnalysis(
    index,
    learners.flatMap((l) =>
      l.records.filter((r) => r.learner.toLowerCase() === l.login.toLowerCase()),
    ),
    minAnswers,
  );
  return { tracks, checkpoints, mostMissed, items };
}

const ICON: Record<ModuleState, string> = {
  'not-started': '·',
  open: '○',
  locked: '🔒',
  submitted: '◐',
  failed: '✗',
  passed: '✓',
  overdue: '⚠',
  recertify: '↻',
};

/** The dashboard is an issue body: GitHub's limit (github-body.ts says how it is measured). */
export const DASHBOARD_LIMIT = GITHUB_BODY_LIMIT;

/**
 * The cohort dashboard issue: a completion matrix per role and track, checkpoint statistics,
 * the most-missed questions. When the matrix would take the issue past GitHub's limit, the
 * summary per role and track and the learners who need attention instead (summaryBody); the
 * full matrix is then in the run's artifact and `enablekit progress --format csv`. Off the
 * issue (`forIssue` false: the CLI's Markdown) there is no limit and the matrix is always there.
 */
export function dashboardBody(
  c: Cohort,
  index: WorkspaceIndex,
  today: string,
  forIssue = true,
  /** A section of its own to end the body with (the surveys'), kept whole: the rest fits around it. */
  extra = '',
): string {
  const tail = extra ? `\n\n${extra}` : '';
  const limit = DASHBOARD_LIMIT - tail.length;
  const full = matrixBody(c, index, today, forIssue);
  return (
    (!forIssue || full.length <= limit
      ? full
      : summaryBody(c, index, today, limit, {
          marker: DASHBOARD_MARKER,
          statistics: statisticsLines(c, titleIn(index)),
        })) + tail
  );
}

const titleIn = (index: WorkspaceIndex) => (id: string) =>
  escapeMarkdown(index.item(id)?.title ?? id, 60);

function matrixBody(c: Cohort, index: WorkspaceIndex, today: string, forIssue: boolean): string {
  const title = titleIn(index);
  const intro = `Cohort progress as of ${today}${forIssue ? ", recomputed from every learner's progress issue on each scheduled run" : ''}.`;
  const parts = [
    ...(forIssue ? [DASHBOARD_MARKER] : []),
    `${intro} ✓ passed · ✗ not passed yet · ◐ submitted · ○ open · ⚠ overdue · · not open yet${c.tracks.some((t) => t.learners.some((l) => l.states.includes('recertify'))) ? ' · ↻ to recertify' : ''}`,
    '',
  ];
  for (const t of c.tracks) {
    const done = t.learners.filter((l) => l.complete).length;
    parts.push(
      `### ${escapeMarkdown(t.role, 40)}: ${title(t.track)} (${done} of ${t.learners.length} complete)`,
      '',
      `| learner | ${t.modules.map(title).join(' | ')} |`,
      `|---|${t.modules.map(() => ':-:').join('|')}|`,
    );
    for (const l of t.learners)
      parts.push(`| @${l.login} | ${l.states.map((s) => ICON[s]).join(' | ')} |`);
    parts.push('');
  }
  if (!c.tracks.length)
    parts.push('No learner has a track yet: add learners to roles in enablekit.yml.', '');
  parts.push(...statisticsLines(c, title));
  return parts.join('\n');
}

/** The checkpoint table and the most-missed questions: as long as the curricula, whatever the cohort. */
function statisticsLines(c: Cohort, title: (id: string) => string): string[] {
  const parts = [
    '### Checkpoints',
    '',
    '| checkpoint | learners | passed | pass rate | median attempts |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const s of c.checkpoints)
    parts.push(
      `| ${title(s.id)} | ${s.attempted} | ${s.passed}${s.toRecertify ? ` (${s.toRecertify} to recertify)` : ''} | ${s.passRate}% | ${s.medianAttempts} |`,
    );
  if (c.mostMissed.length) {
    parts.push('', '### Most-missed questions', '');
    for (const m of c.mostMissed)
      parts.push(
        `- ${title(m.checkpoint)}, \`${escapeMarkdown(m.question, 80)}\`: missed ${m.count} time${m.count === 1 ? '' : 's'}`,
      );
  }
  if (c.items) parts.push(...flaggedLines(c.items, title));
  return parts;
}
