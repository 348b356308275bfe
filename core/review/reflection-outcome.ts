import type { Reflection } from '../model.js';
import { checkReflection } from '../grading/reflection-complete.js';
import type { SheetBody } from '../grading/read-answer-sheet.js';
import type { ProgressRecord } from '../progress/records.js';
import { escapeMarkdown } from '../text/markdown-escape.js';

export interface ReflectionOutcome {
  state: 'passed' | 'failed';
  record: ProgressRecord;
  markdown: string;
}

/** A submitted reflection: complete when it meets the prompts and minimum length; teammates are invited to reply. */
export function reflectionOutcome(
  r: Reflection,
  sheet: SheetBody,
  learner: string,
  pr: number,
  sha: string,
  at: string,
): ReflectionOutcome {
  const check = checkReflection(sheet, r);
  const title = escapeMarkdown(r.title, 120);
  const markdown = check.complete
    ? `**Reflection: ${title}**: complete. Teammates: reply here with a strategy of your own, or react; replies and reactions count as participation for you both.`
    : `**Reflection: ${title}**: not complete yet.\n\n${check.missing.map((m) => `- ${escapeMarkdown(m, 500)}`).join('\n')}\n\nPush the changes to this branch and it is checked again.`;
  return {
    state: check.complete ? 'passed' : 'failed',
    record: { learner, checkpoint: r.id, kind: 'reflection', pr, sha, at, passed: check.complete },
    markdown,
  };
}
