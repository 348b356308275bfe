import * as core from '@actions/core';
import { classifyPull } from '../core/grading/classify-pull.js';
import { COMMENT_MARKER, gradeCommentBody, readAttemptRecords, readReviewRecords, type AttemptRecord, type ReviewSection } from '../core/grading/grade-comment.js';
import { gradeQuiz, policyFor } from '../core/grading/grade-quiz.js';
import { readAnswerSheet } from '../core/grading/read-answer-sheet.js';
import { sheetLimit } from '../core/grading/sheet-limit.js';
import { placeProblems } from '../core/grading/sheet-problems.js';
import type { GradeResult, Refusal } from '../core/grading/types.js';
import type { GradeCommand } from '../core/review/grade-command.js';
import { mockOutcome } from '../core/review/mock-outcome.js';
import { commandRefusal, reviewersOf } from '../core/review/rubric-verdict.js';
import { reflectionOutcome } from '../core/review/reflection-outcome.js';
import { rubricChecklist, rubricMarker, tickedCriteria } from '../core/review/rubric-checklist.js';
import { replyBody } from '../core/review/reply.js';
import type { Quiz, Reflection, Scenario } from '../core/model.js';
import { loadIndex } from '../host/analyse.js';
import { timedMatcher } from '../host/timed-matcher.js';
import { resolveTargets } from '../host/workspace-files.js';
import { pullInfo, type PullInfo, type RunContext } from './context.js';
import { botComments, changedFiles, checkWriter, commentWith, fileAt, setOutcomeLabel, upsertComment, type Client } from '../github/calls.js';
import { checkRunFor } from './check-run.js';
import { appendRecords, loadLedger, postNotice, rewriteBody, type LearnerLedger } from '../github/progress-ledger.js';
import { attemptPlaces, storedAttempts } from '../core/grading/attempt-order.js';
import type { Ledger } from '../core/progress/ledger.js';
import { noticesDue } from '../core/progress/schedule-plan.js';
import { CLAIM_REF, recordKey, type ProgressRecord } from '../core/progress/records.js';
import { progressBody } from '../core/progress/progress-body.js';
import { rolesOf } from '../core/progress/learner-status.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { Config } from '../core/config/config.js';
import { teamsOf } from '../github/team-members.js';
import { openQuizKey } from '../host/quiz-keys.js';

/** One attempt per checkpoint and commit: the progress issue's record wins over this PR's comment. */
function mergeAttempts(fromComment: readonly AttemptRecord[], fromLedger: readonly ProgressRecord[]): AttemptRecord[] {
  const out = new Map<string, AttemptRecord>();
  for (const r of fromLedger) if (r.kind === 'quiz') out.set(`${r.checkpoint}@${r.sha}`, { checkpoint: r.checkpoint, learner: r.learner, sha: r.sha, at: r.at, passed: r.passed, percent: r.percent ?? 0 });
  for (const r of fromComment) if (!out.has(`${r.checkpoint}@${r.sha}`)) out.set(`${r.checkpoint}@${r.sha}`, r);
  return [...out.values()];
}

/** A reviewer's `/grade` command, from a comment or a review on the pull request. */
export interface ReviewEvent {
  login: string;
  command: GradeCommand;
  /** `comment-<id>` or `review-<id>`. */
  ref: string;
  at: string;
}

export interface PullOutcome {
  pull: number;
  graded: number;
  passed: number;
  failed: number;
  /** Mocks waiting for a reviewer's verdict on the head commit. */
  pending: number;
  refusals: string[];
  results: { path: string; result: GradeResult }[];
  /** Mocks and reflections: their state on the head commit. */
  reviews: { path: string; checkpoint: string; state: 'pending' | 'passed' | 'failed' }[];
  /** Sealed quizzes that could not be opened: what the maintainers must do. The run fails with these. */
  keyFailures: string[];
}

const refuse = (checkpoint: string, learner: string, reason: Refusal['reason'], message: string): GradeResult => ({ ok: false, refusal: { checkpoint, learner, reason, message } });

/**
 * Grade a checkpoint pull request. The answer sheets are read through the API at the
 * PR's head; the quizzes come from the workspace, which the workflow checks out at the
 * base branch (and which the PR cannot change: a PR touching the curricula is refused).
 * Quizzes are graded here; a reflection is checked for completeness; a mock gets its rubric
 * checklist and waits for a reviewer, whose `/grade` command (`review`) is taken here too.
 */
export async function gradePull(ctx: RunContext, gh: Client, now: string, review?: ReviewEvent): Promise<PullOutcome> {
  let pull: PullInfo | undefined = ctx.pull;
  if (!pull && ctx.pullNumber) pull = pullInfo((await gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullNumber })).data);
  if (!pull) throw new Error('Expected a pull request to grade; found none in the event. Run on pull_request or pull_request_target, or pass the pull-number input to workflow_dispatch.');
  const plan = classifyPull(await changedFiles(gh, ctx, pull.number), pull.author, ctx.submissions, ctx.curricula);
  // One listing serves the grade comment and every rubric checklist.
  const ours = await botComments(gh, ctx, pull.number);
  let existing = commentWith(ours, COMMENT_MARKER);
  // The writer is checked on the run's first write, before anything is graded or shown: with
  // progress on that is an attempt's claim, which holds no result; without, the grade comment, opened empty.
  if (!existing && !ctx.progress && !ctx.dryRun && (plan.sheets.length || plan.refusals.length)) {
    const { data } = await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: pull.number, body: `${COMMENT_MARKER}\nGrading…` });
    checkWriter(ctx, data.user);
    existing = data;
  }
  const records: AttemptRecord[] = existing ? readAttemptRecords(existing.body ?? '') : [];
  const reviews: ProgressRecord[] = existing ? readReviewRecords(existing.body ?? '') : [];
  // Attempts across pull requests come from the learner's progress issue; this PR's comment adds its own.
  const ledger = ctx.progress && plan.refusals.length === 0 && plan.sheets.length ? await loadLedger(gh, ctx, pull.author) : undefined;
  const edited = ledger?.flagged.filter((f) => f.why === 'edited') ?? [];
  if (edited.length) core.warning(`Expected the enablekit record comments on the progress issue of ${pull.author} to be as the Action wrote them; found ${edited.length} edited since: ${edited.map((f) => f.url ?? `comment ${f.comment}`).join(', ')}. Their attempts still count, none of them as a pass. See who edited them in each comment's history.`);
  const attempts = mergeAttempts(records, ledger?.records ?? []);
  const fresh: ProgressRecord[] = [];
  const sections: ReviewSection[] = [];
  const replies: { to: string; text: string }[] = [];
  const outcomeReviews: PullOutcome['reviews'] = [];
  const keyFailures: string[] = [];
  let roster: { index: WorkspaceIndex; config: Config } | undefined;
  const results: { path: string; result: GradeResult }[] = [];
  const quizSheets: QuizSheet[] = [];
  const keep = (r: ProgressRecord) => {
    fresh.push(r);
    if (!reviews.some((x) => recordKey(x) === recordKey(r))) reviews.push(r);
  };
  if (plan.refusals.length === 0) {
    const { index, config } = await loadIndex({ cwd: ctx.workspace, cache: false, version: 'action', targets: resolveTargets(ctx.workspace, [ctx.curricula]) });
    roster = { index, config };
    const mocks = plan.sheets.filter((s) => index.item(s.checkpoint)?.type === 'scenario');
    // A reviewer's command is checked against who wrote it before any sheet is read: anyone
    // may comment `/grade`, and only a reviewer's may cost the grader a parse.
    let reviewer: { login: string; teams: string[] } | undefined;
    if (review) {
      const scenario = mocks.length === 1 ? (index.item(mocks[0]!.checkpoint) as Scenario) : undefined;
      const roles = rolesOf(pull.author, config);
      reviewer = scenario ? { login: review.login, teams: await teamsOf(gh, review.login, reviewersOf(scenario, roles, config), `reviewers of ${scenario.id}`) } : undefined;
      const refused = !scenario
        ? `Expected one mock scenario in this pull request to grade; found ${mocks.length}. ${mocks.length ? 'Ask the learner to submit each mock in its own pull request.' : 'Grade mocks on their own pull requests; quizzes and reflections are checked automatically.'}`
        : commandRefusal({ scenario, learner: pull.author, learnerRoles: roles, reviewer: reviewer!, command: review.command, config })?.message;
      if (refused) return refuseCommand(ctx, gh, pull.number, review.login, refused);
    }
    // Only sheets of checkpoints the base branch knows are fetched and parsed; the rest are refused by name.
    // Without enablekit.yml, or with an id two files claim, there is nothing certain to grade against.
    const claims = (id: string) => index.itemsWithId(id);
    const checkpointOf = (id: string) => {
      const item = index.item(id);
      return config.file && claims(id).length === 1 && item && (item.type === 'quiz' || item.type === 'scenario' || item.type === 'reflection') ? item : undefined;
    };
    if (!config.file) keyFailures.push(`Expected enablekit.yml in ${ctx.curricula} on the base branch; found none. Create it at the curricula root (see docs/format.md#enablekityml), or set the Action's curricula input to the folder that holds it, then re-run this job.`);
    // Read every sheet at once: octokit's throttling keeps it to GitHub's concurrency.
    const texts = await Promise.all(plan.sheets.map((s) => (checkpointOf(s.checkpoint) ? fileAt(gh, ctx, s.path, pull.headSha) : undefined)));
    for (const [k, s] of plan.sheets.entries()) {
      const text = texts[k];
      const item = checkpointOf(s.checkpoint);
      if (!config.file) {
        results.push({ path: s.path, result: refuse(s.checkpoint, pull.author, 'no-config', `Expected the curricula's enablekit.yml on the base branch to grade against; found none. The maintainers are told; your answers are kept and are graded when the run is repeated.`) });
        continue;
      }
      if (claims(s.checkpoint).length > 1) {
        const files = claims(s.checkpoint).map((i) => i.file).join(', ');
        keyFailures.push(`Expected one checkpoint with id "${s.checkpoint}" on the base branch; found ${claims(s.checkpoint).length}: ${files}. Give each its own id (enablekit lint reports it as duplicate-id), then re-run this job.`);
        results.push({ path: s.path, result: refuse(s.checkpoint, pull.author, 'ambiguous-checkpoint', `Expected one checkpoint "${s.checkpoint}" on the base branch to grade against; found ${claims(s.checkpoint).length}. The maintainers are told; your answers are kept and are graded when the run is repeated.`) });
        continue;
      }
      if (!item) {
        const other = index.item(s.checkpoint);
        results.push({ path: s.path, result: refuse(s.checkpoint, pull.author, 'unknown-checkpoint', `Expected a checkpoint "${s.checkpoint}" in ${ctx.curricula} on the base branch; found ${other ? `a ${other.type}` : 'none'}. Check the file name against the checkpoint's id.`) });
        continue;
      }
      // The limit follows from the checkpoint named by the file, and is checked before the sheet is parsed.
      const read = text === undefined || 'found' in text ? undefined : readAnswerSheet(text.text, sheetLimit(item));
      const misplaced = read?.ok ? placeProblems(s.path, read.sheet.learner, read.sheet.checkpoint) : [];
      let result: GradeResult | undefined;
      if (!read) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `Expected ${s.path} at the head of the pull request to be an answer sheet of at most ${Math.round(sheetLimit(item) / 1024)} KB; found ${text && 'found' in text ? text.found : 'nothing'}. Push the sheet again as a plain file.`);
      else if (!read.ok) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `${s.path}:${read.line}: ${read.message}`);
      else if (misplaced.length) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `${s.path}: ${misplaced.join(' ')}`);
      else if (read.sheet.learner.toLowerCase() !== pull.author.toLowerCase() || read.sheet.checkpoint !== s.checkpoint) {
        result = refuse(s.checkpoint, pull.author, 'invalid-sheet', `Expected learner: ${pull.author} and checkpoint: ${s.checkpoint} in ${s.path}; found learner: ${read.sheet.learner}, checkpoint: ${read.sheet.checkpoint}. Submit only your own answers, to the file of that checkpoint.`);
      } else if (item.type === 'quiz') {
        const keyed = withKey(ctx, item);
        if (ledger?.missing?.length) {
          const where = ledger.issue ? `#${ledger.issue.number}` : 'their progress issue';
          result = refuse(s.checkpoint, pull.author, 'ledger-damaged', `Expected every record of your attempts on ${where} to grade "${s.checkpoint}" against; found some deleted. The maintainers are told; your answers are kept and are graded once they have looked.`);
          keyFailures.push(`Expected every enablekit record comment on the progress issue of ${pull.author} (${where}); found record number${ledger.missing.length > 1 ? 's' : ''} ${ledger.missing.join(', ')} missing: deleted since the Action wrote ${ledger.missing.length > 1 ? 'them' : 'it'}, so attempts cannot be counted and ${pull.author}'s quizzes are not graded. An organization's audit log names who deleted ${ledger.missing.length > 1 ? 'them' : 'it'} (issue_comment.destroy); to start ${pull.author}'s records afresh, remove the enablekit:progress label from ${where} and re-run this job.`);
        } else if (keyed.ok) {
          result = gradeQuizSheet(keyed.quiz, read.sheet, pull, attempts, records, fresh, config, now);
          if (result.ok) {
            // The progress issue first gets a claim, holding no result; the result follows once the attempt is placed and counts.
            const graded = fresh.pop()!;
            fresh.push({ learner: graded.learner, checkpoint: graded.checkpoint, kind: 'quiz', pr: graded.pr, sha: graded.sha, ref: CLAIM_REF, at: graded.at, passed: false });
            quizSheets.push({ path: s.path, quiz: keyed.quiz, sheet: read.sheet, record: graded });
          }
          if (!result.ok && result.refusal.line) result.refusal.message = `${s.path}: ${result.refusal.message}`;
        } else {
          result = refuse(s.checkpoint, pull.author, 'key-unavailable', keyed.learner);
          keyFailures.push(keyed.maintainer);
        }
      } else if (item.type === 'reflection') {
        const prior = reviews.find((r) => r.kind === 'reflection' && r.checkpoint === item.id && r.pr === pull.number && r.sha === pull.headSha);
        const o = reflectionOutcome(item as Reflection, read.sheet.body, pull.author, pull.number, pull.headSha, prior?.at ?? now);
        keep(o.record);
        sections.push({ path: s.path, markdown: o.markdown });
        outcomeReviews.push({ path: s.path, checkpoint: item.id, state: o.state });
      } else {
        const scenario = item as Scenario;
        const checklist = commentWith(ours, rubricMarker(scenario.id));
        if (!checklist && !ctx.dryRun) await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: pull.number, body: rubricChecklist(scenario) });
        const learnerRoles = rolesOf(pull.author, config);
        const o = mockOutcome({
          scenario,
          learner: pull.author,
          learnerRoles,
          config,
          pr: pull.number,
          sha: pull.headSha,
          records: [...(ledger?.records ?? []), ...reviews],
          ...(review && reviewer ? { review: { reviewer, command: review.command, ref: review.ref, at: review.at, ticked: tickedCriteria(checklist?.body ?? '', scenario) } } : {}),
        });
        if (o.record) keep(o.record);
        if (o.reply && review) replies.push({ to: review.login, text: o.reply });
        sections.push({ path: s.path, markdown: o.markdown });
        outcomeReviews.push({ path: s.path, checkpoint: item.id, state: o.state });
      }
      if (result) results.push({ path: s.path, result });
    }
  }
  // Recorded before anything is shown: a quiz attempt counts only at its place among the stored records.
  if (ledger && roster && fresh.length && !ctx.dryRun) await recordProgress(ctx, gh, ledger, roster, pull, fresh, { quizSheets, results, records }, now);
  const graded = results.filter((r) => r.result.ok);
  const quizPassed = graded.filter((r) => r.result.ok && r.result.grade.passed).length;
  const passed = quizPassed + outcomeReviews.filter((r) => r.state === 'passed').length;
  const failed = graded.length - quizPassed + outcomeReviews.filter((r) => r.state === 'failed').length;
  const pending = outcomeReviews.filter((r) => r.state === 'pending').length;
  const outcome: PullOutcome = { pull: pull.number, graded: graded.length + outcomeReviews.length - pending, passed, failed, pending, refusals: [...plan.refusals, ...results.flatMap((r) => (r.result.ok ? [] : [r.result.refusal.message]))], results, reviews: outcomeReviews, keyFailures: [...new Set(keyFailures)] };
  const body = gradeCommentBody(results, plan.refusals, records, sections, reviews);
  const allPassed = outcome.refusals.length === 0 && outcome.failed === 0 && outcome.pending === 0 && outcome.graded > 0;
  const waiting = outcome.refusals.length === 0 && outcome.failed === 0 && outcome.pending > 0;
  if (ctx.dryRun) {
    core.info(`Dry run: would comment on #${pull.number}, ${waiting ? 'wait for a reviewer' : `label it checkpoint:${allPassed ? 'passed' : 'failed'}`} and report a ${allPassed ? 'successful' : waiting ? 'neutral' : 'failing'} check.`);
  } else {
    await upsertComment(gh, ctx, pull.number, existing, body);
    if (!waiting) await setOutcomeLabel(gh, ctx, pull.number, pull.labels, allPassed ? 'checkpoint:passed' : 'checkpoint:failed', allPassed ? 'checkpoint:failed' : 'checkpoint:passed');
    await gh.rest.checks.create({ owner: ctx.owner, repo: ctx.repo, head_sha: pull.headSha, ...checkRunFor(outcome, allPassed) });
    for (const r of replies) await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: pull.number, body: replyBody(r.to, r.text) });
  }
  if (ledger && roster && fresh.length && ctx.dryRun) await appendRecords(gh, ctx, ledger, fresh, () => '');
  await core.summary.addRaw(body.replace(COMMENT_MARKER, '')).write();
  return outcome;
}

/** A `/grade` command not taken: its writer is told why, and nothing of the pull request is read or changed. */
async function refuseCommand(ctx: RunContext, gh: Client, pull: number, to: string, text: string): Promise<PullOutcome> {
  if (ctx.dryRun) core.info(`Dry run: would reply to @${to} on #${pull}: ${text}`);
  else await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: pull, body: replyBody(to, text) });
  return { pull, graded: 0, passed: 0, failed: 0, pending: 0, refusals: [], results: [], reviews: [], keyFailures: [] };
}

/**
 * A sealed quiz opened with the answer-key secret, from the key file on the base branch.
 * Without the secret, or with a key that does not open, the learner is told their
 * answers are kept, and the maintainers what to fix.
 */
function withKey(ctx: RunContext, quiz: Quiz): { ok: true; quiz: Quiz } | { ok: false; learner: string; maintainer: string } {
  const r = openQuizKey(ctx.workspace, quiz, ctx.answerKey);
  if (r.ok) return r;
  const learner = `Expected the answers of "${quiz.title}" to grade against; found them sealed, and this run could not open them. The maintainers are told; your answers are kept and are graded when the run is repeated.`;
  const maintainer = r.reason === 'no-secret' ? `${r.message} Add the secret the quiz was sealed with as the repository secret ENABLEKIT_KEY, pass it to the Action (with: answer-key: \${{ secrets.ENABLEKIT_KEY }}), then re-run this job.` : r.message;
  return { ok: false, learner, maintainer };
}

function gradeQuizSheet(quiz: Quiz, sheet: Parameters<typeof gradeQuiz>[0]['sheet'], pull: PullInfo, attempts: AttemptRecord[], records: AttemptRecord[], fresh: ProgressRecord[], config: Config, now: string): GradeResult {
  const mine = attempts.filter((r) => r.checkpoint === quiz.id && r.learner.toLowerCase() === pull.author.toLowerCase());
  const rerun = mine.find((r) => r.sha === pull.headSha);
  const prior = rerun ? mine.filter((r) => Date.parse(r.at) < Date.parse(rerun.at)) : mine;
  const result = gradeQuiz({ sheet, quiz, policy: policyFor(quiz, config), prior, now: rerun?.at ?? now, match: timedMatcher });
  if (result.ok) {
    if (!rerun) records.push({ checkpoint: quiz.id, learner: pull.author, sha: pull.headSha, at: now, passed: result.grade.passed, percent: result.grade.percent });
    // A re-run offers the record again: the ledger keeps one per key, and a run cut short before recording it is made good.
    fresh.push({ learner: pull.author, checkpoint: quiz.id, kind: 'quiz', pr: pull.number, sha: pull.headSha, at: rerun?.at ?? now, passed: result.grade.passed, percent: result.grade.percent, attempt: result.grade.attempt, missed: result.grade.questions.filter((q) => q.outcome !== 'right').flatMap((q) => (q.id ? [q.id] : [])) });
  }
  return result;
}

/**
 * Append this run's results to the learner's progress issue, then read the records back and
 * settle each quiz attempt at its place in the order GitHub stored them (see attemptPlaces):
 * a run that raced others is graded as the attempt it turned out to be, or refused, with a
 * record voiding it. A track completed by the learner gets its report card now.
 */
async function recordProgress(ctx: RunContext, gh: Client, ledger: LearnerLedger, roster: { index: WorkspaceIndex; config: Config }, pull: PullInfo, fresh: ProgressRecord[], graded: { quizSheets: QuizSheet[]; results: { path: string; result: GradeResult }[]; records: AttemptRecord[] }, now: string): Promise<void> {
  const { index, config } = roster;
  const login = pull.author;
  const roles = rolesOf(login, config);
  const body = (l: Ledger) => progressBody(login, roles, index, l, now.slice(0, 10));
  await appendRecords(gh, ctx, ledger, fresh, body);
  let settled = ledger;
  if (graded.quizSheets.length) {
    const stored = await loadLedger(gh, ctx, login);
    const settle: ProgressRecord[] = [];
    for (const q of graded.quizSheets) {
      const mine = storedAttempts(stored.stored ?? []);
      const place = attemptPlaces(mine, q.quiz.id, login, policyFor(q.quiz, config)).get(pull.headSha);
      const ours = mine.find((r) => r.checkpoint === q.quiz.id && r.sha === pull.headSha);
      // The claim was just stored: not finding it means the records cannot be trusted, and nothing graded is shown.
      if (!place || !ours) throw new Error(`Expected the claim of ${q.quiz.id} at ${pull.headSha.slice(0, 7)} among the records of ${login} read back; found none. Re-run this job.`);
      // Graded as of its first record, and no earlier than the attempts placed before it (see attemptPlaces).
      const asOf = new Date(Math.max(Date.parse(ours.at), ...place.prior.map((p) => Date.parse(p.at)))).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const result = gradeQuiz({ sheet: q.sheet, quiz: q.quiz, policy: policyFor(q.quiz, config), prior: place.prior, now: asOf, match: timedMatcher });
      const k = graded.results.findIndex((r) => r.path === q.path);
      if (k >= 0) graded.results[k] = { path: q.path, result };
      if (result.ok) {
        settle.push({ ...q.record, at: ours.at, passed: result.grade.passed, percent: result.grade.percent, attempt: result.grade.attempt, missed: result.grade.questions.filter((x) => x.outcome !== 'right').flatMap((x) => (x.id ? [x.id] : [])) });
      } else if (result.refusal.reason === 'no-attempts-left' || result.refusal.reason === 'cooldown') {
        const at = graded.records.findIndex((r) => r.checkpoint === q.quiz.id && r.sha === pull.headSha);
        if (at >= 0) graded.records.splice(at, 1);
        // Keyed by this pull request, so its re-run adds nothing; it voids the commit's attempt in every pull request.
        settle.push({ learner: login, checkpoint: q.quiz.id, kind: 'quiz', pr: pull.number, sha: pull.headSha, ref: 'refused', at: now, passed: false, refused: result.refusal.reason });
      }
    }
    // Results and voiding records are appended after the claims they settle, and the body is rewritten from what is stored.
    if (settle.length) await appendRecords(gh, ctx, stored, settle, body);
    settled = settle.length ? await loadLedger(gh, ctx, login) : stored;
    if (settled.issue) await rewriteBody(gh, ctx, settled.issue, body(settled));
  }
  const cards = noticesDue(index, config, { login, roles, records: settled.records, notices: settled.notices }, now).filter((d) => d.notice.kind === 'report-card');
  const issue = settled.issue ?? ledger.issue;
  if (issue && !ctx.dryRun) for (const card of cards) await postNotice(gh, ctx, issue.number, card);
}

interface QuizSheet {
  path: string;
  quiz: Quiz;
  sheet: Parameters<typeof gradeQuiz>[0]['sheet'];
  /** The result as graded before placement: recorded only once the attempt is placed and counts. */
  record: ProgressRecord;
}
