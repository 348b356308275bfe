import type { Cohort } from './cohort.js';
import { standing } from './dashboard-summary.js';

/**
 * The full learner × module matrix, which the dashboard issue cannot hold for a large cohort,
 * as CSV: one row per learner and track (role, track, learner, standing, the earliest due
 * date overdue), then one column per module of any track, in the order the tracks list them;
 * a module not on the row's track is empty. Cells are the state names of `enablekit progress --format json`.
 */
export function matrixCsv(c: Cohort): string {
  const modules = [...new Set(c.tracks.flatMap((t) => t.modules))];
  const rows = [['role', 'track', 'learner', 'standing', 'overdue since', ...modules]];
  for (const t of c.tracks) {
    const column = new Map(t.modules.map((m, k) => [m, k]));
    for (const l of t.learners)
      rows.push([
        t.role,
        t.track,
        l.login,
        standing(l),
        l.overdueSince ?? '',
        ...modules.map((m) => {
          const k = column.get(m);
          return k === undefined ? '' : (l.states[k] ?? '');
        }),
      ]);
  }
  // CRLF line ends, as RFC 4180 and spreadsheets expect.
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The same matrix as JSON: per role and track, its modules and each learner's state of each. */
export function matrixJson(c: Cohort, today: string): string {
  return `${JSON.stringify(
    {
      today,
      tracks: c.tracks.map((t) => ({
        ...t,
        learners: t.learners.map((l) => ({ ...l, standing: standing(l) })),
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a field a spreadsheet
 * would run as a formula (=, +, -, @ first) is prefixed with an apostrophe, as OWASP advises.
 */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
