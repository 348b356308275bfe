import type { Survey } from '../model.js';
import type { SurveyOccasion } from '../survey-parts.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { TrackStatus } from './learner-status.js';
import { dedupeRecords, resultsOf, type ProgressRecord } from './records.js';

const WEEK = 7 * 86_400_000;

/** An occasion of a survey that has come for a learner, and whether they answered it. */
export interface OpenOccasion {
  survey: Survey;
  occasion: SurveyOccasion;
  answered: boolean;
}

/**
 * The survey occasions that have come for one learner, from their tracks' status: a
 * `during` occasion once its module's checkpoints are all passed, an `after` one the given
 * weeks after the last checkpoint of the track was passed. Surveys of tracks the learner is
 * not on never come.
 */
export function openOccasions(
  index: WorkspaceIndex,
  tracks: readonly TrackStatus[],
  records: readonly ProgressRecord[],
  login: string,
  now: string,
): OpenOccasion[] {
  const passes = resultsOf(records, login).filter((r) => r.passed);
  const passedAt = (ids: string[]) =>
    Math.max(0, ...passes.filter((r) => ids.includes(r.checkpoint)).map((r) => Date.parse(r.at)));
  const answered = new Set(
    dedupeRecords(records)
      .filter((r) => r.kind === 'survey' && r.learner.toLowerCase() === login.toLowerCase())
      .map((r) => `${r.checkpoint}/${r.occasion}`),
  );
  const out: OpenOccasion[] = [];
  for (const survey of index.items()) {
    if (survey.type !== 'survey') continue;
    const t = tracks.find((x) => x.track === survey.track);
    if (!t) continue;
    const trackDone = t.complete
      ? passedAt(t.modules.flatMap((m) => m.checkpoints.map((c) => c.id)))
      : 0;
    for (const occasion of survey.ask) {
      if (occasion.problem) continue;
      let open = false;
      if (occasion.when === 'during') {
        const m = t.modules.find((x) => x.module === occasion.afterModule);
        open = !!m && m.state === 'passed';
      } else open = t.complete && trackDone + (occasion.weeks ?? 0) * WEEK <= Date.parse(now);
      if (open)
        out.push({ survey, occasion, answered: answered.has(`${survey.id}/${occasion.id}`) });
    }
  }
  return out;
}
