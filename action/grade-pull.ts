import * as core from '@actions/core';
import { classifyPull } from '../core/grading/classify-pull.js';
import { COMMENT_MARKER, gradeCommentBody, readAttemptRecords, type AttemptRecord } from '../core/grading/grade-comment.js';
import { gradeQuiz, policyFor } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import type { GradeResult, Refusal } from '../core/grading/types.js';
import { loadIndex } from '../cli/analyse.js';
import { timedMatcher } from '../cli/timed-matcher.js';
import { resolveTargets } from '../cli/workspace-files.js';
import { pullInfo, type PullInfo, type RunContext } from './context.js';
import { changedFiles, fileAt, findComment, setOutcomeLabel, upsertComment, type Client } from './github-calls.js';
import { checkRunFor } from './check-run.js';
import { appendRecords, loadLedger, postNotice } from './progress-ledger.js';
import { noticesDue } from '../core/progress/schedule-plan.js';
import type { ProgressRecord } from '../core/progress/records.js';
import { progressBody } from '../core/progress/progress-body.js';
import { rolesOf } from '../core/progress/learner-status.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { Config } from '../core/config/config.js';

/** One attempt per checkpoint and commit: the progress issue's record wins over this PR's comment. */
function mergeAttempts(fromComment: readonly AttemptRecord[], fromLedger: readonly ProgressRecord[]): AttemptRecord[] {
  const out = new Map<string, AttemptRecord>();
  for (const r of fromLedger) out.set(`${r.checkpoint}@${r.sha}`, { checkpoint: r.checkpoint, learner: r.learner, sha: r.sha, at: r.at, passed: r.passed, percent: r.percent ?? 0 });
  for (const r of fromComment) if (!out.has(`${r.checkpoint}@${r.sha}`)) out.set(`${r.checkpoint}@${r.sha}`, r);
  return [...out.values()];
}

export interface PullOutcome {
  pull: number;
  graded: number;
  passed: number;
  failed: number;
  refusals: string[];
  results: { path: string; result: GradeResult }[];
}

const refuse = (checkpoint: string, learner: string, reason: Refusal['reason'], message: string): GradeResult => ({ ok: false, refusal: { checkpoint, learner, reason, message } });

/**
 * Grade a checkpoint pull request. The answer sheets are read through the API at the
 * PR's head; the quizzes come from the workspace, which the workflow checks out at the
 * base branch (and which the PR cannot change: a PR touching the curricula is refused).
 */
export async function gradePull(ctx: RunContext, gh: Client, now: string): Promise<PullOutcome> {
  let pull: PullInfo | undefined = ctx.pull;
  if (!pull && ctx.pullNumber) pull = pullInfo((await gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullNumber })).data);
  if (!pull) throw new Error('Expected a pull request to grade; found none in the event. Run on pull_request or pull_request_target, or pass the pull-number input to workflow_dispatch.');
  const plan = classifyPull(await changedFiles(gh, ctx, pull.number), pull.author, ctx.submissions, ctx.curricula);
  const existing = await findComment(gh, ctx, pull.number, COMMENT_MARKER);
  const records: AttemptRecord[] = existing ? readAttemptRecords(existing.body ?? '') : [];
  // Attempts across pull requests come from the learner's progress issue; this PR's comment adds its own.
  const ledger = ctx.progress && plan.refusals.length === 0 && plan.sheets.length ? await loadLedger(gh, ctx, pull.author) : undefined;
  const attempts = mergeAttempts(records, ledger?.records ?? []);
  const fresh: ProgressRecord[] = [];
  let roster: { index: WorkspaceIndex; config: Config } | undefined;
  const results: { path: string; result: GradeResult }[] = [];
  if (plan.refusals.length === 0) {
    const { index, config } = await loadIndex({ cwd: ctx.workspace, cache: false, version: 'action', targets: resolveTargets(ctx.workspace, [ctx.curricula]) });
    roster = { index, config };
    // Read every sheet at once: octokit's throttling keeps it to GitHub's concurrency.
    const texts = await Promise.all(plan.sheets.map((s) => fileAt(gh, ctx, s.path, pull.headSha)));
    for (const [k, s] of plan.sheets.entries()) {
      const text = texts[k];
      const read = text === undefined ? undefined : readAnswerSheet(text);
      let result: GradeResult;
      if (!read) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `Expected ${s.path} at the head of the pull request; found nothing. Push the file again.`);
      else if (!read.ok) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `${s.path}:${read.line}: ${read.message}`);
      else if (read.sheet.learner.toLowerCase() !== pull.author.toLowerCase() || read.sheet.checkpoint !== s.checkpoint) {
        result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `Expected learner: ${pull.author} and checkpoint: ${s.checkpoint} in ${s.path}; found learner: ${read.sheet.learner}, checkpoint: ${read.sheet.checkpoint}. Submit only your own answers, to the file of that checkpoint.`);
      } else {
        const item = index.item(s.checkpoint);
        if (!item) result = refuse(s.checkpoint, pull.author, 'unknown-checkpoint', `Expected a checkpoint "${s.checkpoint}" in ${ctx.curricula} on the base branch; found none. Check the file name against the quiz's id.`);
        else if (item.type !== 'quiz') {
          const next = item.type === 'scenario' ? 'a reviewer grades it against its rubric: ask your trainer to review this pull request' : 'check it with "enablekit grade" locally; the Action records reflections in a later release';
          result = refuse(s.checkpoint, pull.author, 'not-a-quiz', `Expected "${s.checkpoint}" to be a quiz for the Action to grade; found a ${item.type}. For now ${next}.`);
        }
        else {
          const mine = attempts.filter((r) => r.checkpoint === item.id && r.learner.toLowerCase() === pull.author.toLowerCase());
          const rerun = mine.find((r) => r.sha === pull.headSha);
          const prior = rerun ? mine.filter((r) => Date.parse(r.at) < Date.parse(rerun.at)) : mine;
          result = gradeQuiz({ sheet: read.sheet, quiz: item, policy: policyFor(item, config), prior, now: rerun?.at ?? now, match: timedMatcher });
          if (result.ok) {
            if (!rerun) records.push({ checkpoint: item.id, learner: pull.author, sha: pull.headSha, at: now, passed: result.grade.passed, percent: result.grade.percent });
            // A re-run offers the record again: the ledger keeps one per key, and a run cut short before recording it is made good.
            fresh.push({ learner: pull.author, checkpoint: item.id, kind: 'quiz', pr: pull.number, sha: pull.headSha, at: rerun?.at ?? now, passed: result.grade.passed, percent: result.grade.percent, attempt: result.grade.attempt, missed: result.grade.questions.filter((q) => q.outcome !== 'right').flatMap((q) => (q.id ? [q.id] : [])) });
          }
        }
      }
      results.push({ path: s.path, result });
    }
  }
  const graded = results.filter((r) => r.result.ok);
  const passed = graded.filter((r) => r.result.ok && r.result.grade.passed).length;
  const outcome: PullOutcome = { pull: pull.number, graded: graded.length, passed, failed: graded.length - passed, refusals: [...plan.refusals, ...results.flatMap((r) => (r.result.ok ? [] : [r.result.refusal.message]))], results };
  const body = gradeCommentBody(results, plan.refusals, records);
  const allPassed = outcome.refusals.length === 0 && outcome.failed === 0 && outcome.graded > 0;
  if (ctx.dryRun) {
    core.info(`Dry run: would comment on #${pull.number}, label it checkpoint:${allPassed ? 'passed' : 'failed'} and report a ${allPassed ? 'successful' : 'failing'} check.`);
  } else {
    await upsertComment(gh, ctx, pull.number, existing, body);
    await setOutcomeLabel(gh, ctx, pull.number, pull.labels, allPassed ? 'checkpoint:passed' : 'checkpoint:failed', allPassed ? 'checkpoint:failed' : 'checkpoint:passed');
    await gh.rest.checks.create({ owner: ctx.owner, repo: ctx.repo, head_sha: pull.headSha, ...checkRunFor(outcome, allPassed) });
  }
  if (ledger && roster && fresh.length) {
    const { index, config } = roster;
    const roles = rolesOf(pull.author, config);
    await appendRecords(gh, ctx, ledger, fresh, (l) => progressBody(pull.author, roles, index, l, now.slice(0, 10)));
    // A track completed by this result gets its report card now, not on the next schedule.
    const cards = noticesDue(index, config, { login: pull.author, roles, records: ledger.records, notices: ledger.notices }, now).filter((d) => d.notice.kind === 'report-card');
    if (ledger.issue && !ctx.dryRun) for (const card of cards) await postNotice(gh, ctx, ledger.issue.number, card);
  }
  await core.summary.addRaw(body.replace(COMMENT_MARKER, '')).write();
  return outcome;
}
