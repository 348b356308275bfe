import type { Track } from '../model.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { ProgressRecord } from './records.js';
import { checkpointCycles } from './recertification.js';
import { appraisalLines } from './appraisal-lines.js';

export const TRACK_COMPLETE_LABEL = 'enablekit:track-complete';

/**
 * The report card posted when a learner completes a track: per module and checkpoint the
 * result, best score, attempts and the day it was passed; mock verdicts with their
 * reviewer notes and reflections as recorded. Results are those of the current cycle: a pass
 * a release called into question is no result here (to recertify).
 */
export function reportCard(
  login: string,
  track: Track,
  index: WorkspaceIndex,
  records: readonly ProgressRecord[],
): string {
  const title = (id: string) => escapeMarkdown(index.item(id)?.title ?? id, 100);
  const rows: string[] = [];
  const notes: string[] = [];
  const cycleOf = checkpointCycles(records, login);
  for (const entry of track.modules) {
    for (const c of index.checkpointsOf(entry.module)) {
      const cycle = cycleOf(c.id);
      const rs = cycle.results;
      const passed = rs.find((r) => r.passed);
      const scores = rs.flatMap((r) => (r.percent === undefined ? [] : [r.percent]));
      const result = passed
        ? c.type === 'reflection'
          ? 'complete'
          : 'passed'
        : cycle.recertify
          ? 'to recertify'
          : rs.length
            ? 'not passed'
            : entry.optional
              ? 'optional, not taken'
              : 'not taken';
      rows.push(
        `| ${title(entry.module)} | ${title(c.id)} (${c.type}) | ${result} | ${scores.length ? `${Math.max(...scores)}%` : ''} | ${rs.length || ''} | ${passed ? passed.at.slice(0, 10) : ''} |`,
      );
      for (const r of rs)
        if (r.kind === 'mock' && r.notes)
          notes.push(
            `- ${title(c.id)}, ${r.passed ? 'pass' : 'fail'}${r.reviewer ? ` (@${escapeMarkdown(r.reviewer, 40)})` : ''}: ${escapeMarkdown(r.notes, 500)}`,
          );
    }
  }
  return [
    `## 🎓 Report card: ${title(track.id)}`,
    '',
    `@${login} completed **${title(track.id)}**.`,
    '',
    '| module | checkpoint | result | best | attempts | passed on |',
    '|---|---|---|--:|--:|---|',
    ...rows,
    ...(notes.length ? ['', '### Reviewer notes on the mock scenarios', '', ...notes] : []),
    ...appraisalLines(records, track.id, '### Appraisals'),
  ].join('\n');
}
