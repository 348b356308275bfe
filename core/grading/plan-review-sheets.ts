import type { Config } from '../config/config.js';
import type { Reflection, Scenario, Survey } from '../model.js';
import { learnerStatus, rolesOf } from '../progress/learner-status.js';
import { openOccasions } from '../progress/survey-occasions.js';
import { curriculaToday } from '../config/clock.js';
import type { ProgressRecord } from '../progress/records.js';
import { surveyOutcome } from '../review/survey-outcome.js';
import { mockOutcome } from '../review/mock-outcome.js';
import { reflectionOutcome } from '../review/reflection-outcome.js';
import { rubricChecklist, rubricMarker, tickedCriteria } from '../review/rubric-checklist.js';
import { isMark } from '../review/grade-command.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { Sheet } from './grade-quiz-sheet.js';
import type { PullOutcome } from './pull-outcome.js';
import type { PullReads } from './plan-pull.js';

/**
 * The sheets no score decides, one kind each: a survey's answers recorded, a reflection
 * checked for completeness, a mock given its rubric checklist to wait for a reviewer (or
 * take the reviewer's command). Each says what it adds to the pull request's plan; planPull
 * puts it there. Nothing is written here.
 */
export interface ReviewSheetPlan {
  record?: ProgressRecord;
  markdown?: string;
  state?: PullOutcome['reviews'][number]['state'];
  reply?: { to: string; text: string };
  checklist?: { checkpoint: string; body: string };
  /** Why the sheet is refused (a survey answered out of its occasion, or wrongly). */
  refusal?: string;
}

interface Context {
  r: PullReads;
  index: WorkspaceIndex;
  config: Config;
  path: string;
  sheet: Sheet;
  /** Reflection, mock and survey records of this pull request and the learner's progress issue. */
  reviews: readonly ProgressRecord[];
}

/** The record this pull request's head already has of this kind and item: a re-run keeps its time. */
const priorAt = (c: Context, kind: ProgressRecord['kind'], id: string) =>
  c.reviews.find(
    (x) =>
      x.kind === kind &&
      x.checkpoint === id &&
      x.pr === c.r.pull.number &&
      x.sha === c.r.pull.headSha,
  )?.at;

export function planSurveySheet(c: Context, item: Survey): ReviewSheetPlan {
  const { r, index, config } = c;
  const records = r.ledger?.records ?? [];
  const today = curriculaToday(config, new Date(r.now));
  const roles = rolesOf(r.pull.author, config);
  const open = openOccasions(
    index,
    learnerStatus(r.pull.author, roles, index, records, today),
    records,
    r.pull.author,
    r.now,
  );
  const o = surveyOutcome(
    item,
    c.sheet,
    open,
    r.pull.number,
    r.pull.headSha,
    priorAt(c, 'survey', item.id) ?? r.now,
  );
  if (!o.ok) return { refusal: `${c.path}: ${o.message}` };
  return { record: o.record, markdown: o.markdown, state: 'recorded' };
}

export function planReflectionSheet(c: Context, item: Reflection): ReviewSheetPlan {
  const { r } = c;
  const o = reflectionOutcome(
    item,
    c.sheet.body,
    r.pull.author,
    r.pull.number,
    r.pull.headSha,
    priorAt(c, 'reflection', item.id) ?? r.now,
  );
  return { record: o.record, markdown: o.markdown, state: o.state };
}

export function planMockSheet(c: Context, scenario: Scenario): ReviewSheetPlan {
  const { r, config } = c;
  const checklist = r.comments.find((x) => (x.body ?? '').includes(rubricMarker(scenario.id)));
  // A mark (`/grade q 75%`) is for a quiz's open answer, never a mock's verdict.
  const review = r.review && !isMark(r.review.event.command) ? r.review : undefined;
  const o = mockOutcome({
    scenario,
    learner: r.pull.author,
    learnerRoles: rolesOf(r.pull.author, config),
    config,
    pr: r.pull.number,
    sha: r.pull.headSha,
    records: [...(r.ledger?.records ?? []), ...c.reviews],
    ...(review
      ? {
          review: {
            reviewer: review.reviewer,
            command: review.event.command,
            ref: review.event.ref,
            at: review.event.at,
            ticked: tickedCriteria(checklist?.body ?? '', scenario),
          },
        }
      : {}),
  });
  return {
    ...(o.record ? { record: o.record } : {}),
    markdown: o.markdown,
    state: o.state,
    ...(o.reply && review ? { reply: { to: review.event.login, text: o.reply } } : {}),
    ...(!checklist && !r.dryRun
      ? { checklist: { checkpoint: scenario.id, body: rubricChecklist(scenario) } }
      : {}),
  };
}
