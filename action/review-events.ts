import * as core from '@actions/core';
import { classifyPull } from '../core/grading/classify-pull.js';
import { parseGradeCommand } from '../core/review/grade-command.js';
import { parseAppraiseCommand, mayAppraise } from '../core/review/appraisal.js';
import { participationRecords } from '../core/review/participation.js';
import { markedLearner, PROGRESS_LABEL } from '../core/progress/ledger.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { replyBody } from '../core/review/reply.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import type { RunContext } from './context.js';
import { changedFiles, type Client } from '../github/calls.js';
import { gradePull, type PullOutcome } from './grade-pull.js';
import { appendRecords, listProgressIssues, loadLedger } from '../github/progress-ledger.js';
import { createComment } from '../github/keyed-create.js';
import { teamsOf } from '../github/team-members.js';
import { curriculaToday } from '../core/config/clock.js';
import { parseHintCommand } from '../core/grading/hint-request.js';
import { onHint, type HintOutcome } from './hint-event.js';

export type ReviewEventOutcome =
  | { kind: 'graded'; outcome: PullOutcome }
  | { kind: 'participation'; recorded: number }
  | { kind: 'appraisal'; recorded: boolean; reply?: string }
  | HintOutcome
  | { kind: 'ignored'; why: string };

const roster = (ctx: RunContext) =>
  loadIndex({
    cwd: ctx.workspace,
    cache: false,
    version: 'action',
    targets: resolveTargets(ctx.workspace, [ctx.curricula]),
  });

/**
 * A comment on a pull request: `/hint q` from its learner opens a hint (hint-event.ts);
 * `/grade pass|fail` from a reviewer grades the mock in it; any other reply from a teammate on a reflection counts as participation.
 */
export async function onPullComment(
  ctx: RunContext,
  gh: Client,
  now: string,
): Promise<ReviewEventOutcome> {
  const c = ctx.comment!;
  const hint = parseHintCommand(c.body);
  if (hint) return onHint(ctx, gh, hint, now);
  const command = parseGradeCommand(c.body);
  if (command)
    return {
      kind: 'graded',
      outcome: await gradePull({ ...ctx, pullNumber: c.issue }, gh, now, {
        login: c.author,
        command,
        ref: `comment-${c.id}`,
        at: c.at || now,
      }),
    };
  if (!ctx.progress)
    return {
      kind: 'ignored',
      why: 'Participation is recorded in progress issues, and progress is off.',
    };
  return {
    kind: 'participation',
    recorded: await recordParticipation(
      ctx,
      gh,
      c.issue,
      { login: c.author, ref: `comment-${c.id}`, at: c.at || now },
      now,
    ),
  };
}

/** A submitted review whose body starts with `/grade pass|fail` grades the mock, like the comment would. */
export async function onReview(
  ctx: RunContext,
  gh: Client,
  now: string,
): Promise<ReviewEventOutcome> {
  const r = ctx.review!;
  const command = parseGradeCommand(r.body);
  if (!command)
    return { kind: 'ignored', why: `Review ${r.id} has no /grade command: nothing to record.` };
  return {
    kind: 'graded',
    outcome: await gradePull(ctx, gh, now, {
      login: r.author,
      command,
      ref: `review-${r.id}`,
      at: r.at || now,
    }),
  };
}

/**
 * Replies and reactions on a reflection's pull request, recorded for the one who gave them
 * (when a learner) and the one who received them. Reactions raise no event, so they are
 * counted whenever a reply comes in.
 */
export async function recordParticipation(
  ctx: RunContext,
  gh: Client,
  pullNumber: number,
  reply: { login: string; ref: string; at: string },
  now: string,
): Promise<number> {
  const { data: pr } = await gh.rest.pulls.get({
    owner: ctx.owner,
    repo: ctx.repo,
    pull_number: pullNumber,
  });
  const author = pr.user?.login ?? '';
  const plan = classifyPull(
    await changedFiles(gh, ctx, pullNumber),
    author,
    ctx.submissions,
    ctx.curricula,
  );
  if (plan.refusals.length) return 0;
  const { index, config } = await roster(ctx);
  const reflections = plan.sheets
    .map((s) => index.item(s.checkpoint))
    .filter((i) => i?.type === 'reflection');
  if (!reflections.length) return 0;
  const reactions = await gh.paginate(gh.rest.reactions.listForIssue, {
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: pullNumber,
    per_page: 100,
  });
  const activity = [
    reply,
    ...reactions
      .filter((x) => x.user && x.user.type !== 'Bot')
      .map((x) => ({
        login: x.user!.login,
        ref: `reaction-${x.user!.login.toLowerCase()}`,
        at: x.created_at,
      })),
  ];
  const byLearner = new Map<string, ProgressRecord[]>();
  for (const item of reflections) {
    for (const a of activity) {
      for (const r of participationRecords(
        {
          reflection: item.id,
          pr: pullNumber,
          sha: '',
          author,
          actor: a.login,
          ref: a.ref,
          at: a.at,
        },
        rolesOf(a.login, config).length > 0,
      )) {
        byLearner.set(r.learner.toLowerCase(), [
          ...(byLearner.get(r.learner.toLowerCase()) ?? []),
          r,
        ]);
      }
    }
  }
  const issues = await listProgressIssues(gh, ctx);
  let recorded = 0;
  for (const [login, records] of byLearner) {
    const ledger = await loadLedger(gh, ctx, login, issues);
    const before = ledger.records.length;
    const roles = rolesOf(login, config);
    await appendRecords(gh, ctx, ledger, records, (l) =>
      progressBody(login, roles, index, l, curriculaToday(config, new Date(now)), true, config),
    );
    recorded += ledger.records.length - before;
  }
  return recorded;
}

/**
 * `/appraise self|trainer|manager <track>` on a learner's progress issue: the learner about
 * themselves, their roles' reviewers as trainers, their roles' managers. Anyone else is
 * told so, and nothing is recorded.
 */
export async function onAppraise(
  ctx: RunContext,
  gh: Client,
  now: string,
): Promise<ReviewEventOutcome> {
  const c = ctx.comment!;
  const command = parseAppraiseCommand(c.body);
  const learner = markedLearner(c.issueBody);
  if (!command || !learner || !c.issueByEnablekit || !c.issueLabels.includes(PROGRESS_LABEL))
    return { kind: 'ignored', why: 'Not an /appraise command on a progress issue.' };
  const reply = async (text: string): Promise<ReviewEventOutcome> => {
    if (!ctx.dryRun) await createComment(gh, ctx, c.issue, replyBody(c.author, text));
    return { kind: 'appraisal', recorded: false, reply: text };
  };
  if ('error' in command) return reply(command.error);
  const { index, config } = await roster(ctx);
  const roles = rolesOf(learner, config);
  const track = index.item(command.track);
  if (track?.type !== 'track' || !track.roles.some((r) => roles.includes(r))) {
    return reply(
      `Expected the id of a track assigned to @${learner} (${roles.join(', ') || 'no role'}); found "${command.track}". Use one of: ${
        [...index.items()]
          .filter((i) => i.type === 'track' && i.roles.some((r) => roles.includes(r)))
          .map((i) => i.id)
          .join(', ') || 'none'
      }.`,
    );
  }
  const people = roles.flatMap((id) => [
    ...(config.roles.get(id)?.reviewers ?? []),
    ...(config.roles.get(id)?.managers ?? []),
  ]);
  const who = {
    login: c.author,
    teams:
      command.as === 'self' ? [] : await teamsOf(gh, c.author, people, `appraisers of ${learner}`),
  };
  if (!mayAppraise(command.as, who, learner, roles, config)) {
    const allowed =
      command.as === 'self'
        ? `@${learner} themselves`
        : `the ${command.as === 'trainer' ? 'reviewers' : 'managers'} of their role in enablekit.yml`;
    return reply(
      `Expected a ${command.as} appraisal of @${learner} from ${allowed}; found it from @${c.author}, who is not. The comment was ignored.`,
    );
  }
  const record: ProgressRecord = {
    learner,
    checkpoint: track.id,
    kind: 'appraisal',
    pr: c.issue,
    sha: '',
    ref: `comment-${c.id}`,
    at: c.at || now,
    passed: true,
    reviewer: c.author,
    as: command.as,
    notes: command.notes,
  };
  const ledger = await loadLedger(gh, ctx, learner);
  await appendRecords(gh, ctx, ledger, [record], (l) =>
    progressBody(learner, roles, index, l, curriculaToday(config, new Date(now)), true, config),
  );
  core.info(`Recorded a ${command.as} appraisal of @${learner} on ${track.id} by @${c.author}.`);
  return { kind: 'appraisal', recorded: true };
}
