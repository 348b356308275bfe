import { csvCell } from '../progress/dashboard-matrix.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { THRESHOLDS, type ItemAnalysis, type ItemFlag, type ItemStats } from './item-analysis.js';
import { SHIFT_Z, type ReleaseShift } from './release-shifts.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A flag in words, with the counts behind it. `letters` false (the dashboard issue, which
 * learners can read) names no choice: the counts say what is wrong without saying which
 * choice is right.
 */
export function flagText(f: ItemFlag, letters = true): string {
  switch (f.kind) {
    case 'too-easy':
      return `too easy: ${f.right} of ${f.n} right (flagged above ${pct(THRESHOLDS.easy)})`;
    case 'too-hard':
      return `too hard: ${f.right} of ${f.n} right (flagged below ${pct(THRESHOLDS.hard)})`;
    case 'not-discriminating':
      return `does not discriminate: r = ${f.r.toFixed(2)} over ${f.n} (flagged below ${THRESHOLDS.discrimination.toFixed(2)})`;
    case 'distractor-outdraws-key':
      return letters
        ? `distractor ${f.distractor} outdraws the right answer: ticked by ${f.picks} of ${f.n}, the right answer by ${f.keyPicks}`
        : `a distractor outdraws the right answer: ticked by ${f.picks} of ${f.n}, the right answer by ${f.keyPicks}`;
  }
}

/** One line of figures: `62% right · r = 0.31 · n = 48`. */
export function figuresText(s: Pick<ItemStats, 'p' | 'r' | 'n'>): string {
  if (!s.n) return 'no first attempts recorded';
  return `${s.p === null ? '–' : pct(s.p)} right · r = ${s.r === null ? '–' : s.r.toFixed(2)} · n = ${s.n}`;
}

/** What the figures are and when a flag shows: said under every report, so no flag is read without its basis. */
export function basisText(a: ItemAnalysis): string {
  const old = a.uncounted
    ? ` ${a.uncounted} first attempt(s) recorded before per-question results were kept are not counted.`
    : '';
  return `From ${a.attempts} first attempt(s) (retakes come after feedback, so they are left out). Right: the share answered fully right. r: the point-biserial of the question against the rest of the same attempt. No question is flagged on fewer than ${a.minAnswers} answers (policies.item_min_answers), nor a release's change on fewer than ${a.minAnswers} on each side; a change is flagged when a two-proportion test gives |z| ≥ ${SHIFT_Z}.${old}`;
}

export function shiftText(s: ReleaseShift): string {
  const rate = (x: { n: number; missed: number }) =>
    `${x.missed} of ${x.n} (${pct(x.missed / x.n)})`;
  return `missed ${rate(s.before)} before release ${escapeMarkdown(s.release, 40)}, ${rate(s.after)} after (z = ${s.z.toFixed(2)})`;
}

const choicesText = (s: ItemStats) =>
  (s.choices ?? []).map((c) => `${c.letter}${c.key ? '✓' : ''} ${c.picks}`).join(' · ');

/** The whole analysis for an author (`enablekit progress --items`): a table per quiz, then the releases. */
export function itemsMarkdown(a: ItemAnalysis, title: (id: string) => string): string {
  const parts = ['## Item analysis', '', basisText(a), ''];
  const quizzes = [...new Set(a.items.map((i) => i.checkpoint))];
  for (const quiz of quizzes) {
    parts.push(
      `### ${title(quiz)}`,
      '',
      '| question | n | right | r | choices (✓ right) | flags |',
      '|---|--:|--:|--:|---|---|',
    );
    for (const s of a.items.filter((i) => i.checkpoint === quiz))
      parts.push(
        `| \`${escapeMarkdown(s.question, 80)}\` | ${s.n} | ${s.p === null ? '–' : pct(s.p)} | ${s.r === null ? '–' : s.r.toFixed(2)} | ${choicesText(s)} | ${s.flags.map((f) => flagText(f)).join('; ')} |`,
      );
    parts.push('');
  }
  if (!quizzes.length) parts.push('No quiz in these curricula.', '');
  parts.push('### After releases', '');
  if (!a.shifts.length) parts.push('No question missed more or less often after a release.');
  for (const s of a.shifts)
    parts.push(`- ${title(s.checkpoint)}, \`${escapeMarkdown(s.question, 80)}\`: ${shiftText(s)}`);
  return `${parts.join('\n')}\n`;
}

/** The flagged questions the dashboard issue names at most; the rest are counted, all are in the artifact. */
const DASHBOARD_FLAGGED = 20;

/**
 * The dashboard's section: flagged questions and release changes only, each list bounded, so
 * it stays short whatever the curricula; the full table is in the artifact (items.csv).
 */
export function flaggedLines(a: ItemAnalysis, title: (id: string) => string): string[] {
  const flagged = a.items.filter((i) => i.flags.length);
  if (!a.attempts) return [];
  const parts = ['', '### Questions to review', ''];
  if (!flagged.length) parts.push('No question is flagged.');
  for (const s of flagged.slice(0, DASHBOARD_FLAGGED))
    parts.push(
      `- ${title(s.checkpoint)}, \`${escapeMarkdown(s.question, 80)}\` (${figuresText(s)}): ${s.flags.map((f) => flagText(f, false)).join('; ')}`,
    );
  if (flagged.length > DASHBOARD_FLAGGED)
    parts.push(`- and ${flagged.length - DASHBOARD_FLAGGED} more, in the artifact's items.csv`);
  for (const s of a.shifts.slice(0, DASHBOARD_FLAGGED))
    parts.push(`- ${title(s.checkpoint)}, \`${escapeMarkdown(s.question, 80)}\`: ${shiftText(s)}`);
  if (a.shifts.length > DASHBOARD_FLAGGED)
    parts.push(
      `- and ${a.shifts.length - DASHBOARD_FLAGGED} more release changes, in the artifact's items.json`,
    );
  parts.push('', basisText(a));
  return parts;
}

// Numbers as they are (a negative r stays a number); text made safe for spreadsheets.
const cell = (v: string | number) => (typeof v === 'number' ? String(v) : csvCell(v));

/** Every question's figures as CSV, for the dashboard artifact and spreadsheets. */
export function itemsCsv(a: ItemAnalysis): string {
  const rows: (string | number)[][] = [
    [
      'checkpoint',
      'question',
      'type',
      'answers',
      'right',
      'difficulty',
      'discrimination',
      'choice picks',
      'flags',
    ],
  ];
  for (const s of a.items)
    rows.push([
      s.checkpoint,
      s.question,
      s.type,
      s.n,
      s.right,
      s.p ?? '',
      s.r ?? '',
      (s.choices ?? []).map((c) => `${c.letter}:${c.picks}`).join(' '),
      s.flags.map((f) => f.kind).join(' '),
    ]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
