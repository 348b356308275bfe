import * as core from '@actions/core';
import { classifyPull } from '../core/grading/classify-pull.js';
import { gradableCheckpoint } from '../core/grading/plan-pull.js';
import {
  hintReplyMarker,
  planHint,
  type HintAnswer,
  type HintCommand,
} from '../core/grading/hint-request.js';
import { rolesOf } from '../core/progress/learner-status.js';
import { progressBody } from '../core/progress/progress-body.js';
import { curriculaToday } from '../core/config/clock.js';
import { escapeMarkdown } from '../core/text/markdown-escape.js';
import type { Quiz } from '../core/model.js';
import { loadIndex } from '../host/analyse.js';
import { openQuizKey } from '../host/quiz-keys.js';
import { resolveTargets } from '../host/workspace-files.js';
import { botComments, changedFiles, commentWith, type Client } from '../github/calls.js';
import { createComment } from '../github/keyed-create.js';
import { appendRecords, loadLedger } from '../github/progress-ledger.js';
import type { RunContext } from './context.js';

export interface HintOutcome {
  kind: 'hint';
  recorded: boolean;
  reply?: string;
}

/** GitHub refuses a comment over 65,536 characters; a hint longer than this is cut, with a word. */
const MAX_HINT = 60_000;

/**
 * A learner's `/hint q` on their checkpoint pull request. The hint comes from the quiz and its
 * sealed key as the workspace (the base branch) has them, never from the pull request. The
 * record goes to the learner's progress issue before the reply shows the hint, so a hint is
 * never given without its cost; the reply carries the comment's marker, so a re-run of the
 * same comment neither records nor replies again.
 */
export async function onHint(
  ctx: RunContext,
  gh: Client,
  command: HintCommand,
  now: string,
): Promise<HintOutcome> {
  const c = ctx.comment!;
  const marker = hintReplyMarker(c.id);
  const ours = await botComments(gh, ctx, c.issue);
  if (commentWith(ours, marker))
    return { kind: 'hint', recorded: false, reply: 'answered already (a re-run)' };
  const reply = async (a: HintAnswer): Promise<HintOutcome> => {
    const hint =
      a.hint === undefined
        ? ''
        : `\n\n${a.hint.length > MAX_HINT ? `${a.hint.slice(0, MAX_HINT)}\n\n(The hint is cut here: it is longer than a comment may be.)` : a.hint}`;
    const first = a.openedIn ? ` First opened in #${a.openedIn}.` : '';
    const body = `@${c.author}: ${escapeMarkdown(a.intro, 1000)}${first}${hint}\n\n${marker}`;
    if (ctx.dryRun) core.info(`Dry run: would reply on #${c.issue}: ${a.intro}`);
    else await createComment(gh, ctx, c.issue, body, marker);
    return { kind: 'hint', recorded: !!a.record, reply: a.intro };
  };
  if ('error' in command) return reply({ intro: command.error });
  if (!ctx.progress)
    return reply({
      intro:
        "Expected progress on (the Action's progress input) to record a hint's cost; found it off, so hints with a cost cannot be opened here. Ask the maintainers.",
    });
  const { data: pr } = await gh.rest.pulls.get({
    owner: ctx.owner,
    repo: ctx.repo,
    pull_number: c.issue,
  });
  const author = pr.user?.login ?? '';
  const plan = classifyPull(
    await changedFiles(gh, ctx, c.issue),
    author,
    ctx.submissions,
    ctx.curricula,
  );
  const { index, config } = await loadIndex({
    cwd: ctx.workspace,
    cache: false,
    version: 'action',
    targets: resolveTargets(ctx.workspace, [ctx.curricula]),
  });
  const quizzes: Quiz[] = [];
  for (const s of plan.refusals.length ? [] : plan.sheets) {
    const item = gradableCheckpoint(index, config, s.checkpoint);
    if (item?.type !== 'quiz') continue;
    const opened = openQuizKey(ctx.workspace, item, ctx.answerKey);
    if (!opened.ok) {
      core.setFailed(
        `${opened.message} A learner asked for a hint of "${item.id}", which its key holds.`,
      );
      return reply({
        intro: `Expected the hints of "${item.title}" to open; found its key could not be opened by this run. The maintainers are told; nothing was recorded. Ask again once they have fixed it.`,
      });
    }
    quizzes.push(opened.quiz);
  }
  const ledger = await loadLedger(gh, ctx, author);
  const answer = planHint({
    command,
    comment: { id: c.id, author: c.author, at: c.at || now },
    pull: { number: c.issue, author },
    quizzes,
    records: ledger.records,
  });
  if (answer.record) {
    const roles = rolesOf(author, config);
    await appendRecords(gh, ctx, ledger, [answer.record], (l) =>
      progressBody(author, roles, index, l, curriculaToday(config, new Date(now))),
    );
  }
  return reply(answer);
}
