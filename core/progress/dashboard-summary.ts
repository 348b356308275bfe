import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import type { Cohort } from './cohort.js';

/** Per track, at most this many learners are named as needing attention; the rest are counted. */
const ATTENTION = 20;

type Learner = Cohort['tracks'][number]['learners'][number];

/**
 * Where a learner stands on a track, one answer each: complete; overdue (a module past due);
 * not started (nothing submitted yet); or in progress.
 */
export function standing(l: Learner): 'complete' | 'overdue' | 'not started' | 'in progress' {
  if (l.complete) return 'complete';
  if (l.states.includes('overdue')) return 'overdue';
  if (l.states.every((s) => s === 'not-started' || s === 'open' || s === 'locked'))
    return 'not started';
  return 'in progress';
}

const overdueCount = (l: Learner) => l.states.filter((s) => s === 'overdue').length;

/**
 * The dashboard for a cohort whose learner × module matrix does not fit in an issue: per role
 * and track how many learners stand where; per track the learners longest overdue (the
 * earliest due date first, then the most modules overdue), the rest counted; then the
 * checkpoint statistics. Lines past `limit` characters (UTF-16 code units) are left off with
 * a line saying so, so the body fits whatever the number of roles, tracks and checkpoints.
 */
export function summaryBody(
  c: Cohort,
  index: WorkspaceIndex,
  today: string,
  limit: number,
  framing: { marker: string; statistics: readonly string[] },
): string {
  const title = (id: string) => escapeMarkdown(index.item(id)?.title ?? id, 60);
  const learners = new Set(c.tracks.flatMap((t) => t.learners.map((l) => l.login))).size;
  const head = [
    framing.marker,
    `Cohort progress as of ${today}, recomputed from every learner's progress issue on each scheduled run. The full learner × module matrix of ${learners.toLocaleString('en')} learners is longer than a GitHub issue can hold: download it (CSV and JSON) from the scheduled run's \`enablekit-dashboard\` artifact, or run \`enablekit progress --format csv\`.`,
    '',
    '### By role and track',
    '',
    '| role | track | learners | complete | in progress | overdue | not started |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  const attention: string[] = [];
  for (const t of c.tracks) {
    const n = (k: ReturnType<typeof standing>) =>
      t.learners.filter((l) => standing(l) === k).length;
    head.push(
      `| ${escapeMarkdown(t.role, 40)} | ${title(t.track)} | ${t.learners.length} | ${n('complete')} | ${n('in progress')} | ${n('overdue')} | ${n('not started')} |`,
    );
    const overdue = t.learners
      .filter((l) => standing(l) === 'overdue')
      .sort(
        (a, b) =>
          (a.overdueSince ?? '').localeCompare(b.overdueSince ?? '') ||
          overdueCount(b) - overdueCount(a) ||
          a.login.localeCompare(b.login),
      );
    if (!overdue.length) continue;
    attention.push(
      `**${escapeMarkdown(t.role, 40)}: ${title(t.track)}**, ${overdue.length} overdue${overdue.length > ATTENTION ? `, the ${ATTENTION} longest overdue` : ''}:`,
      '',
    );
    for (const l of overdue.slice(0, ATTENTION))
      attention.push(
        `- @${l.login}: ${overdueCount(l)} module${overdueCount(l) === 1 ? '' : 's'} overdue${l.overdueSince ? `, due since ${l.overdueSince}` : ''}`,
      );
    if (overdue.length > ATTENTION)
      attention.push(`- and ${(overdue.length - ATTENTION).toLocaleString('en')} more`);
    attention.push('');
  }
  if (!c.tracks.length)
    head.push('', 'No learner has a track yet: add learners to roles in enablekit.yml.');
  const lines = [
    ...head,
    '',
    ...(attention.length ? ['### Needs attention', '', ...attention] : []),
    ...framing.statistics,
  ];
  return fitLines(lines, limit);
}

/** The lines joined, as many as fit in `limit` with room for a last line saying the rest was left off. */
function fitLines(lines: readonly string[], limit: number): string {
  const whole = lines.join('\n');
  if (whole.length <= limit) return whole;
  const note = (k: number) =>
    `\n\n… ${k} more line(s) left off to stay within GitHub's ${limit.toLocaleString('en')}-character issue body; the full matrix is in the artifact.`;
  let length = 0;
  let kept = 0;
  const room = limit - note(lines.length).length;
  while (kept < lines.length && length + lines[kept]!.length + 1 <= room)
    length += lines[kept++]!.length + 1;
  return `${lines.slice(0, kept).join('\n')}${note(lines.length - kept)}`;
}
