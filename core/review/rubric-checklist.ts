import type { Scenario } from '../model.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { toLf } from '../text/line-endings.js';

/** One checklist per scenario on a pull request, found again by this marker. */
export const rubricMarker = (scenario: string) => `<!-- enablekit:rubric scenario=${scenario} -->`;

/** The checklist posted on a mock's pull request: reviewers tick what the learner met. */
export function rubricChecklist(s: Scenario): string {
  const items = s.rubric.map(
    (c) =>
      `- [ ] ${escapeMarkdown(c.text.replace(/\s*\(required\)\s*/i, ' '), 500).trim()}${c.required ? ' **(required)**' : ''} <!-- criterion:${c.id} -->`,
  );
  return `${rubricMarker(s.id)}\n### Rubric: ${escapeMarkdown(s.title)}\n\nReviewers: tick each criterion the learner met, then comment \`/grade pass\` or \`/grade fail\` with your notes.\n\n${items.join('\n')}\n`;
}

/** The criteria ticked in the checklist comment, by id; only ids of this scenario count. */
export function tickedCriteria(body: string, s: Scenario): Set<string> {
  const known = new Set(s.rubric.map((c) => c.id));
  const ticked = new Set<string>();
  for (const m of toLf(body).matchAll(
    /^\s*[-*] \[([ xX])\] .*<!-- criterion:([a-z0-9-]+) -->\s*$/gm,
  )) {
    if (m[1] !== ' ' && known.has(m[2]!)) ticked.add(m[2]!);
  }
  return ticked;
}
