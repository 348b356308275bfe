import { escapeMarkdown } from '../text/markdown-escape.js';
import { dedupeRecords, type ProgressRecord } from './records.js';

/** Appraisals of a track (self, trainer, manager), oldest first, as Markdown list lines; their text is escaped. */
export function appraisalLines(
  records: readonly ProgressRecord[],
  track: string,
  heading = '**Appraisals**',
): string[] {
  const appraisals = dedupeRecords(records).filter(
    (r) => r.kind === 'appraisal' && r.checkpoint === track,
  );
  if (!appraisals.length) return [];
  return [
    '',
    heading,
    '',
    ...appraisals.map(
      (a) =>
        `- ${a.as ?? ''}, @${escapeMarkdown(a.reviewer ?? '', 40)} on ${a.at.slice(0, 10)}: ${escapeMarkdown((a.notes ?? '').replace(/\s+/g, ' '), 1000)}`,
    ),
  ];
}
