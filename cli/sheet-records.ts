import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradeQuiz, policyFor } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { checkReflection } from '../core/grading/reflection-complete.js';
import { surveyOutcome } from '../core/review/survey-outcome.js';
import type { Config } from '../core/config/config.js';
import type { ProgressRecord } from '../core/progress/records.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { timedMatcher } from '../host/timed-matcher.js';
import { questionMarks } from '../core/progress/question-marks.js';

/**
 * Every sheet under submissions/<login>/ (or only `learner`'s) graded as of now: quizzes
 * scored, reflections checked, surveys' answers read; mocks and open answers wait for a reviewer. The records `progress` and `take`
 * judge by when no repository is named.
 */
export function recordsFromSheets(
  a: { cwd: string; submissions: string; now: string; learner?: string },
  index: WorkspaceIndex,
  config: Config,
): Map<string, ProgressRecord[]> {
  const out = new Map<string, ProgressRecord[]>();
  const root = resolve(a.cwd, a.submissions);
  if (!existsSync(root)) return out;
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    if (a.learner && folder.name.toLowerCase() !== a.learner.toLowerCase()) continue;
    for (const file of readdirSync(join(root, folder.name))
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const text = readFileSync(join(root, folder.name, file), 'utf8');
      const read = readAnswerSheet(text, sheetLimit(index.item(file.replace(/\.md$/, ''))));
      if (!read.ok || read.sheet.learner.toLowerCase() !== folder.name.toLowerCase()) continue;
      const item = index.item(read.sheet.checkpoint);
      const base = {
        learner: folder.name.toLowerCase(),
        checkpoint: read.sheet.checkpoint,
        pr: 0,
        sha: createHash('sha1').update(text).digest('hex').slice(0, 12),
        at: a.now,
      };
      let record: ProgressRecord | undefined;
      if (item?.type === 'quiz') {
        const g = gradeQuiz({
          sheet: read.sheet,
          quiz: item,
          policy: policyFor(item, config),
          prior: [],
          now: a.now,
          match: timedMatcher,
        });
        // Open answers wait for a reviewer, as mocks do: no outcome to record yet.
        if (g.ok && !g.grade.pending)
          record = {
            ...base,
            kind: 'quiz',
            passed: g.grade.passed,
            percent: g.grade.percent,
            attempt: 1,
            ...questionMarks(g.grade.questions),
          };
      } else if (item?.type === 'reflection') {
        record = {
          ...base,
          kind: 'reflection',
          passed: checkReflection(read.sheet.body, item).complete,
        };
      } else if (item?.type === 'survey') {
        // On disk nothing says when a sheet was written: every occasion of the survey counts as come.
        const open = item.ask.map((occasion) => ({ survey: item, occasion, answered: false }));
        const o = surveyOutcome(item, read.sheet, open, base.pr, base.sha, base.at);
        if (o.ok) record = { ...o.record, learner: base.learner };
      }
      if (record) out.set(record.learner, [...(out.get(record.learner) ?? []), record]);
    }
  }
  return out;
}
