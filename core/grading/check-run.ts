import { escapeMarkdown } from '../text/markdown-escape.js';
import type { PullOutcome } from './pull-outcome.js';

/** GitHub accepts at most 50 annotations a request; the full table is in the comment and the summary. */
export const MAX_ANNOTATIONS = 50;

export function checkRunFor(o: PullOutcome, success: boolean) {
  const annotations = o.results
    .flatMap(({ path, result }) =>
      result.ok
        ? result.grade.questions.map((q) => ({
            path,
            start_line: q.line,
            end_line: q.line,
            annotation_level:
              q.outcome === 'right' || q.outcome === 'pending'
                ? ('notice' as const)
                : ('failure' as const),
            title: `${q.id}: ${q.outcome}`,
            message: [
              `${q.points} of ${q.weight} points.`,
              ...q.feedback,
              ...(q.correctAnswer ? [`Right answer: ${q.correctAnswer}`] : []),
            ].join(' '),
          }))
        : [
            {
              path,
              start_line: result.refusal.line ?? 1,
              end_line: result.refusal.line ?? 1,
              annotation_level: 'failure' as const,
              title: 'Not graded',
              message: result.refusal.message,
            },
          ],
    )
    .slice(0, MAX_ANNOTATIONS);
  const waiting = !o.refusals.length && !o.failed && o.pending > 0;
  // Every sheet practice: nothing passed or failed here, the checkpoint was passed before.
  const practice = success && o.passed === 0;
  const title = o.refusals.length
    ? 'Not graded'
    : waiting
      ? `Waiting for a reviewer (${o.pending} ${o.pending > 1 ? 'sheets' : 'sheet'})`
      : practice
        ? 'Practice: passed before, nothing counted'
        : success
          ? `Passed ${o.passed} of ${o.graded}`
          : `${o.failed} of ${o.graded} not passed yet`;
  // The summary is Markdown; refusals quote file names from the pull request, so they are escaped.
  const summary = o.refusals.length
    ? o.refusals.map((r) => `- ${escapeMarkdown(r, 1000)}`).join('\n')
    : [
        ...o.results.map(
          ({ path, result }) =>
            `- ${path}: ${result.ok ? `${result.grade.percent}% (${result.grade.practice ? 'practice, not counted' : result.grade.passed ? 'passed' : result.grade.pending ? 'so far; open answers wait for a reviewer' : 'not passed'})` : 'not graded'}`,
        ),
        ...o.reviews.map(
          (r) =>
            `- ${r.path}: ${r.state === 'pending' ? 'waiting for a reviewer' : r.state === 'recorded' ? 'feedback recorded' : r.state === 'passed' ? 'passed' : 'not passed yet'}`,
        ),
      ].join('\n');
  return {
    name: 'enablekit checkpoint',
    status: 'completed' as const,
    conclusion: practice
      ? ('neutral' as const)
      : success
        ? ('success' as const)
        : waiting
          ? ('neutral' as const)
          : ('failure' as const),
    output: {
      title,
      summary: `${summary}\n\nThe full results are in the pull request comment.`,
      annotations,
    },
  };
}
