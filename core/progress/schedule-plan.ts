import type { Config } from '../config/config.js';
import { curriculaToday } from '../config/clock.js';
import type { Reflection, Track } from '../model.js';
import { durationMs } from '../text/duration.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { learnerStatus } from './learner-status.js';
import type { Notice } from './notices.js';
import { resultsOf, type ProgressRecord } from './records.js';
import { reportCard } from './report-card.js';
import { openOccasions } from './survey-occasions.js';
import { occasionLabel } from '../grading/survey-sheet.js';

export interface LearnerFacts {
  login: string;
  roles: string[];
  records: readonly ProgressRecord[];
  notices: readonly Notice[];
}

export interface ScheduledNotice {
  notice: Notice;
  text: string;
  /** A report card: when the track was completed (its last checkpoint passed), the date its certificate names. */
  completedAt?: string;
}

const DAY = 86_400_000;

/**
 * What a run owes one learner: a reminder per overdue module (at most once per
 * `remind_every` for that module), a report card for each track they completed (once),
 * and a follow-up N weeks after a completed reflection or track that asks for one (once).
 * `now` is an ISO time.
 */
export function noticesDue(
  index: WorkspaceIndex,
  config: Config,
  l: LearnerFacts,
  now: string,
): ScheduledNotice[] {
  const out: ScheduledNotice[] = [];
  const today = curriculaToday(config, new Date(now));
  const every = durationMs(config.policies.remindEvery) ?? 7 * DAY;
  const last = (kind: Notice['kind'], item: string) =>
    l.notices
      .filter((n) => n.kind === kind && n.item === item)
      .map((n) => Date.parse(n.at))
      .sort((a, b) => b - a)[0];
  const title = (id: string) => index.item(id)?.title ?? id;
  for (const track of learnerStatus(l.login, l.roles, index, l.records, today, config)) {
    for (const m of track.modules) {
      if (m.state !== 'overdue') continue;
      const prev = last('reminder', m.module);
      if (prev !== undefined && Date.parse(now) - prev < every) continue;
      const open = m.checkpoints.filter((c) => !c.passed).map((c) => title(c.id));
      out.push({
        notice: { learner: l.login, kind: 'reminder', item: m.module, at: now },
        text: `@${l.login}, a reminder: **${title(m.module)}** (${title(track.track)}) was due on ${m.due}, and ${open.length === 1 ? 'its checkpoint' : 'these checkpoints'} ${open.length === 1 ? 'is' : 'are'} not passed yet: ${open.join(', ')}. ${m.locked ? `${open.length === 1 ? 'It' : 'They'} cannot be taken yet: ${m.locked.join(' ')} Then take ${open.length === 1 ? 'it' : 'them'}` : `Take ${open.length === 1 ? 'it' : 'them'} when you can`}, or tell your manager if the date does not work for you.`,
      });
    }
  }
  const followUp = (item: Reflection | Track, doneAt: number | undefined, ask: string) => {
    if (
      doneAt === undefined ||
      item.followUpWeeks === undefined ||
      last('follow-up', item.id) !== undefined
    )
      return;
    if (doneAt + item.followUpWeeks * 7 * DAY > Date.parse(now)) return;
    out.push({
      notice: { learner: l.login, kind: 'follow-up', item: item.id, at: now },
      text: ask,
    });
  };
  const latestPassAt = (checkpoint: string) =>
    resultsOf(l.records, l.login)
      .filter((r) => r.checkpoint === checkpoint && r.passed)
      .map((r) => Date.parse(r.at))
      .sort((a, b) => b - a)[0];
  const passedAt = (checkpoint: string) =>
    resultsOf(l.records, l.login)
      .filter((r) => r.checkpoint === checkpoint && r.passed)
      .map((r) => Date.parse(r.at))
      .sort((a, b) => a - b)[0];
  for (const item of index.items()) {
    if (item.type === 'reflection') {
      const ask = item.followUpPrompt ?? 'How did the technique work out in practice?';
      followUp(
        item,
        passedAt(item.id),
        `@${l.login}, ${item.followUpWeeks} week${item.followUpWeeks === 1 ? '' : 's'} ago you reflected on **${title(item.id)}**. ${ask} Reply here with what you tried and what you would change.`,
      );
    }
  }
  const statuses = learnerStatus(l.login, l.roles, index, l.records, today);
  for (const o of openOccasions(index, statuses, l.records, l.login, now)) {
    const item = `${o.survey.id}/${o.occasion.id}`;
    if (o.answered || last('survey', item) !== undefined) continue;
    out.push({
      notice: { learner: l.login, kind: 'survey', item, at: now },
      text: `@${l.login}, how is the training going? **${title(o.survey.track)}** asks for your feedback ${occasionLabel(o.occasion)}: run \`enablekit take ${o.survey.id} --occasion ${o.occasion.id}\` (or take it in VS Code), answer what you like, and open a pull request. It is not graded; the enablement team reads it to improve the training.`,
    });
  }
  for (const t of statuses) {
    const track = index.item(t.track) as Track | undefined;
    if (!track || !t.complete) continue;
    const checkpoints = t.modules.flatMap((m) => m.checkpoints.map((c) => c.id));
    const done = Math.max(...checkpoints.map((c) => passedAt(c) ?? 0));
    // The track completed again after a release asked to recertify any of it: a new report card
    // (and certificate), dated by the latest passes, as the one before was revoked.
    const card = last('report-card', track.id);
    const recertified =
      card !== undefined &&
      l.records.some(
        (r) =>
          r.kind === 'recertify' &&
          r.learner.toLowerCase() === l.login.toLowerCase() &&
          checkpoints.includes(r.checkpoint) &&
          Date.parse(r.at) > card,
      );
    const completed = recertified
      ? Math.max(...checkpoints.map((c) => latestPassAt(c) ?? 0))
      : done;
    if (card === undefined || recertified)
      out.push({
        notice: { learner: l.login, kind: 'report-card', item: track.id, at: now },
        text: reportCard(l.login, track, index, l.records),
        completedAt:
          Number.isFinite(completed) && completed > 0 ? new Date(completed).toISOString() : now,
      });
    followUp(
      track,
      Number.isFinite(done) && done > 0 ? done : undefined,
      `@${l.login}, you finished **${title(track.id)}** ${track.followUpWeeks} week${track.followUpWeeks === 1 ? '' : 's'} ago. What from it do you use every week, and what is still hard? Reply here; your trainer reads these.`,
    );
  }
  return out;
}
