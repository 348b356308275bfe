import { gradeMarkdown, refusalMarkdown } from './render-grade.js';
import type { GradeResult, PriorAttempt } from './types.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { hiddenJson, readHiddenJson } from '../text/hidden-json.js';
import { fitBody } from '../text/github-body.js';
import { isRecord } from '../progress/ledger.js';
import type { ProgressRecord } from '../progress/records.js';
import type { ShownState } from './shown-state.js';

export const COMMENT_MARKER = '<!-- enablekit:grade -->';

/** A graded attempt as kept in the pull request comment: keyed by head commit, so a re-run adds nothing. */
export interface AttemptRecord extends PriorAttempt {
  checkpoint: string;
  learner: string;
  sha: string;
}

/** The attempt records kept in a comment made by enablekit, or none. */
export function readAttemptRecords(body: string): AttemptRecord[] {
  const data = readHiddenJson('attempts', body)[0] as { records?: AttemptRecord[] } | undefined;
  return Array.isArray(data?.records)
    ? data.records.filter((r) => typeof r.checkpoint === 'string' && typeof r.sha === 'string')
    : [];
}

/** Mock verdicts and reflection results kept in the comment, for runs without progress issues. */
export function readReviewRecords(body: string): ProgressRecord[] {
  const data = readHiddenJson('attempts', body)[0] as { reviews?: unknown } | undefined;
  return Array.isArray(data?.reviews) ? data.reviews.filter(isRecord) : [];
}

/** A mock or reflection on the pull request, already rendered by core/review. */
export interface ReviewSection {
  path: string;
  markdown: string;
}

/**
 * The one comment enablekit keeps on a checkpoint pull request: results, then hidden records
 * (attempts, reviews, and what the pull request shows: see shown-state.ts).
 */
export function gradeCommentBody(
  results: { path: string; result: GradeResult }[],
  refusals: string[],
  records: AttemptRecord[],
  sections: ReviewSection[] = [],
  reviews: ProgressRecord[] = [],
  shown?: ShownState,
  outOfOrder: readonly string[] = [],
): string {
  const parts = [COMMENT_MARKER, '## enablekit checkpoint results', ''];
  if (refusals.length)
    parts.push('### Not graded', '', ...refusals.map((r) => `- ${escapeMarkdown(r, 1000)}`), '');
  if (outOfOrder.length)
    parts.push(
      '### Taken out of order',
      '',
      ...outOfOrder.map((r) => `- ${escapeMarkdown(r, 1000)}`),
      '',
    );
  for (const { path, result } of results) {
    parts.push(
      `#### \`${path.replace(/`/g, '')}\``,
      '',
      result.ok ? gradeMarkdown(result.grade) : refusalMarkdown(result.refusal),
    );
  }
  for (const { path, markdown } of sections)
    parts.push(`#### \`${path.replace(/`/g, '')}\``, '', markdown, '');
  const hidden = hiddenJson('attempts', {
    records,
    ...(reviews.length ? { reviews } : {}),
    ...(shown ? { heads: shown.heads, ...(shown.label ? { label: shown.label } : {}) } : {}),
  });
  // A long quiz with long answers can pass GitHub's body limit; the grade must still post.
  return fitBody(
    parts.join('\n'),
    hidden,
    "Run `enablekit grade` on the sheet to see every question's result.",
  );
}
