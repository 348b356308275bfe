import type { Config } from '../config/config.js';
import { isCheckpoint, type Quiz, type Reflection, type Scenario, type Survey } from '../model.js';
import { CLAIM_REF, recordKey, type ProgressRecord } from '../progress/records.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { PullPlan } from './classify-pull.js';
import {
  readAttemptRecords,
  readReviewRecords,
  type AttemptRecord,
  type ReviewSection,
} from './grade-comment.js';
import { gradeQuizSheet, mergeAttempts, withKey, type Sheet } from './grade-quiz-sheet.js';
import type { OpenMark } from './open-marks.js';
import { attemptMarks } from '../review/open-mark.js';
import { attemptsOfCycle } from '../progress/recertification.js';
import type { PullFacts, PullOutcome, ReviewEvent } from './pull-outcome.js';
import { readAnswerSheet } from './read-answer-sheet.js';
import { sheetLimit } from './sheet-limit.js';
import { sheetGate } from './sheet-gate.js';
import { placeProblems } from './sheet-problems.js';
import type { GradeResult, PatternMatcher, Refusal } from './types.js';
import { hintsOpened, type HintOpened } from './hint-cost.js';
import {
  planMockSheet,
  planReflectionSheet,
  planSurveySheet,
  type ReviewSheetPlan,
} from './plan-review-sheets.js';

/** A sheet as read at the pull request's head: its text, or what was there instead (too large, a symlink, nothing). */
export type SheetRead = { text: string } | { found: string };

/** A quiz's answers as the adapter opened them from the key file (an open quiz comes back as it is). */
export type QuizKey =
  | { ok: true; quiz: Quiz }
  | { ok: false; reason: 'no-secret' | 'missing' | 'unopened'; message: string };

/** What grading uses of the learner's progress issue, read before planning. */
export interface LedgerFacts {
  records: readonly ProgressRecord[];
  /** Sequence numbers of record comments deleted: attempts cannot be counted. */
  missing?: number[];
  issue?: { number: number };
}

/** A quiz graded before its attempt is placed: its result is recorded only once the attempt is placed and counts. */
export interface QuizSheet {
  path: string;
  quiz: Quiz;
  sheet: Sheet;
  record: ProgressRecord;
  /** Cost hints the learner opened at this quiz, read with the ledger. */
  hints: HintOpened[];
  /** Reviewers' marks of this attempt's open answers. */
  marks?: OpenMark[];
}

/** Everything the adapter read to grade a pull request's sheets. */
export interface PullReads {
  pull: PullFacts;
  curricula: string;
  classified: PullPlan;
  /** The bot's comments on the pull request: rubric checklists are found among them. */
  comments: readonly { body?: string | null }[];
  /** The body of this pull request's grade comment, when there is one. */
  gradeComment?: string;
  /** The base branch's curricula; absent when the pull request as a whole is refused and nothing is graded. */
  roster?: { index: WorkspaceIndex; config: Config };
  ledger?: LedgerFacts;
  /** A reviewer's command taken (see reviewGate), with its writer's memberships. */
  review?: { event: ReviewEvent; reviewer: { login: string; teams: string[] } };
  /** Each sheet of `classified.sheets` as read, in order; undefined where it was not read (see gradableCheckpoint). */
  texts?: readonly (SheetRead | undefined)[];
  /** Opened quizzes by checkpoint id: every quiz whose sheet was read. */
  keys?: ReadonlyMap<string, QuizKey>;
  dryRun: boolean;
  now: string;
  match?: PatternMatcher;
}

/** The sheets graded, and what is to be written before the result is shown. */
export interface GradedPull {
  /** Rubric checklists to post, in order, before anything is recorded. */
  checklists: { checkpoint: string; body: string }[];
  /** Records for the progress issue: quiz claims (no result), reflection and mock verdicts. */
  fresh: ProgressRecord[];
  /** Quizzes graded, waiting to be placed among the stored attempts (see settleAttempts). */
  quizSheets: QuizSheet[];
  results: { path: string; result: GradeResult }[];
  /** Quiz attempts shown in the grade comment. */
  records: AttemptRecord[];
  /** Reflection and mock records shown in the grade comment. */
  reviews: ProgressRecord[];
  sections: ReviewSection[];
  /** Replies to reviewers, posted after the result. */
  replies: { to: string; text: string }[];
  outcomeReviews: PullOutcome['reviews'];
  keyFailures: string[];
  /** Sheets graded though taken out of order (gating advisory), one sentence each for the grade comment. */
  outOfOrder: string[];
}

const refuse = (
  checkpoint: string,
  learner: string,
  reason: Refusal['reason'],
  message: string,
): GradeResult => ({ ok: false, refusal: { checkpoint, learner, reason, message } });

/** A checkpoint a sheet may be graded against: one the base branch's config knows, one file claims, and of a gradable type. */
export function gradableCheckpoint(
  index: WorkspaceIndex,
  config: Config,
  id: string,
): Quiz | Scenario | Reflection | undefined {
  const item = index.item(id);
  return config.file && index.itemsWithId(id).length === 1 && item && isCheckpoint(item)
    ? item
    : undefined;
}

/** A survey a sheet may answer: one the base branch's config knows and one file claims. Never a checkpoint: nothing gates or grades it. */
export function answerableSurvey(
  index: WorkspaceIndex,
  config: Config,
  id: string,
): Survey | undefined {
  const item = index.item(id);
  return config.file && index.itemsWithId(id).length === 1 && item?.type === 'survey'
    ? item
    : undefined;
}

/**
 * The writer is checked on the run's first write, before anything is graded or shown: with
 * progress on that is an attempt's claim, which holds no result; without, the grade comment,
 * opened empty. This is that first write, planned before anything else is read.
 */
export function opensGradeComment(i: {
  hasGradeComment: boolean;
  progress: boolean;
  dryRun: boolean;
  classified: PullPlan;
}): boolean {
  return (
    !i.hasGradeComment &&
    !i.progress &&
    !i.dryRun &&
    (i.classified.sheets.length > 0 || i.classified.refusals.length > 0)
  );
}

/**
 * Grade a checkpoint pull request's sheets from what the adapter read: each sheet is checked
 * for who wrote it and for what, then a quiz is graded, a reflection checked for completeness,
 * and a mock given its rubric checklist to wait for a reviewer (or take the reviewer's command).
 * Nothing is written here: the plan says what to post and record, in order.
 */
export function planPull(r: PullReads): GradedPull {
  const { pull, roster, ledger } = r;
  const out: GradedPull = {
    checklists: [],
    fresh: [],
    quizSheets: [],
    results: [],
    records: r.gradeComment !== undefined ? readAttemptRecords(r.gradeComment) : [],
    reviews: r.gradeComment !== undefined ? readReviewRecords(r.gradeComment) : [],
    sections: [],
    replies: [],
    outcomeReviews: [],
    keyFailures: [],
    outOfOrder: [],
  };
  if (!roster || r.classified.refusals.length) return out;
  // Attempts across pull requests come from the learner's progress issue; this PR's comment adds its own.
  // A release that asked for recertification starts a new cycle: earlier attempts do not count in it.
  const attempts = attemptsOfCycle(
    mergeAttempts(out.records, ledger?.records ?? []),
    ledger?.records ?? [],
    pull.headSha,
    r.now,
  );
  const keep = (rec: ProgressRecord) => {
    out.fresh.push(rec);
    if (!out.reviews.some((x) => recordKey(x) === recordKey(rec))) out.reviews.push(rec);
  };
  const { index, config } = roster;
  const claims = (id: string) => index.itemsWithId(id);
  const context = (path: string, sheet: Sheet) => ({
    r,
    index,
    config,
    path,
    sheet,
    reviews: out.reviews,
  });
  /** A survey's, reflection's or mock's plan put in the pull request's: in the order they are written. */
  const apply = (path: string, checkpoint: string, p: ReviewSheetPlan) => {
    if (p.checklist) out.checklists.push(p.checklist);
    if (p.record) keep(p.record);
    if (p.reply) out.replies.push(p.reply);
    if (p.markdown !== undefined) out.sections.push({ path, markdown: p.markdown });
    if (p.state) out.outcomeReviews.push({ path, checkpoint, state: p.state });
  };
  if (!config.file)
    out.keyFailures.push(
      `Expected enablekit.yml in ${r.curricula} on the base branch; found none. Create it at the curricula root (see docs/format.md#enablekityml), or set the Action's curricula input to the folder that holds it, then re-run this job.`,
    );
  for (const [k, s] of r.classified.sheets.entries()) {
    const text = r.texts?.[k];
    const item =
      gradableCheckpoint(index, config, s.checkpoint) ??
      answerableSurvey(index, config, s.checkpoint);
    if (!config.file) {
      out.results.push({
        path: s.path,
        result: refuse(
          s.checkpoint,
          pull.author,
          'no-config',
          `Expected the curricula's enablekit.yml on the base branch to grade against; found none. The maintainers are told; your answers are kept and are graded when the run is repeated.`,
        ),
      });
      continue;
    }
    if (claims(s.checkpoint).length > 1) {
      const files = claims(s.checkpoint)
        .map((i) => i.file)
        .join(', ');
      out.keyFailures.push(
        `Expected one checkpoint with id "${s.checkpoint}" on the base branch; found ${claims(s.checkpoint).length}: ${files}. Give each its own id (enablekit lint reports it as duplicate-id), then re-run this job.`,
      );
      out.results.push({
        path: s.path,
        result: refuse(
          s.checkpoint,
          pull.author,
          'ambiguous-checkpoint',
          `Expected one checkpoint "${s.checkpoint}" on the base branch to grade against; found ${claims(s.checkpoint).length}. The maintainers are told; your answers are kept and are graded when the run is repeated.`,
        ),
      });
      continue;
    }
    if (!item) {
      const other = index.item(s.checkpoint);
      out.results.push({
        path: s.path,
        result: refuse(
          s.checkpoint,
          pull.author,
          'unknown-checkpoint',
          `Expected a checkpoint "${s.checkpoint}" in ${r.curricula} on the base branch; found ${other ? `a ${other.type}` : 'none'}. Check the file name against the checkpoint's id.`,
        ),
      });
      continue;
    }
    // A locked checkpoint (strict) is refused before its sheet is read: the adapter does not fetch it.
    const gate = sheetGate({
      index,
      config,
      learner: pull.author,
      checkpoint: item.id,
      path: s.path,
      records: ledger?.records,
      now: r.now,
    });
    // The limit follows from the checkpoint named by the file, and is checked before the sheet is parsed.
    const read =
      gate.kind === 'refuse' || text === undefined || 'found' in text
        ? undefined
        : readAnswerSheet(text.text, sheetLimit(item));
    const misplaced = read?.ok
      ? placeProblems(s.path, read.sheet.learner, read.sheet.checkpoint)
      : [];
    let result: GradeResult | undefined;
    if (gate.kind === 'refuse') result = refuse(s.checkpoint, pull.author, 'locked', gate.message);
    else if (!read)
      result = refuse(
        s.checkpoint,
        pull.author,
        'invalid-sheet',
        `Expected ${s.path} at the head of the pull request to be an answer sheet of at most ${Math.round(sheetLimit(item) / 1024)} KB; found ${text && 'found' in text ? text.found : 'nothing'}. Push the sheet again as a plain file.`,
      );
    else if (!read.ok)
      result = refuse(
        s.checkpoint,
        pull.author,
        'invalid-sheet',
        `${s.path}:${read.line}: ${read.message}`,
      );
    else if (misplaced.length)
      result = refuse(
        s.checkpoint,
        pull.author,
        'invalid-sheet',
        `${s.path}: ${misplaced.join(' ')}`,
      );
    else if (
      read.sheet.learner.toLowerCase() !== pull.author.toLowerCase() ||
      read.sheet.checkpoint !== s.checkpoint
    ) {
      result = refuse(
        s.checkpoint,
        pull.author,
        'invalid-sheet',
        `Expected learner: ${pull.author} and checkpoint: ${s.checkpoint} in ${s.path}; found learner: ${read.sheet.learner}, checkpoint: ${read.sheet.checkpoint}. Submit only your own answers, to the file of that checkpoint.`,
      );
    } else if (item.type === 'survey') {
      const p = planSurveySheet(context(s.path, read.sheet), item);
      if (p.refusal) result = refuse(s.checkpoint, pull.author, 'invalid-sheet', p.refusal);
      else apply(s.path, item.id, p);
    } else if (item.type === 'quiz') {
      const keyed = withKey(item, r.keys?.get(item.id));
      if (ledger?.missing?.length) {
        const where = ledger.issue ? `#${ledger.issue.number}` : 'their progress issue';
        result = refuse(
          s.checkpoint,
          pull.author,
          'ledger-damaged',
          `Expected every record of your attempts on ${where} to grade "${s.checkpoint}" against; found some deleted. The maintainers are told; your answers are kept and are graded once they have looked.`,
        );
        out.keyFailures.push(
          `Expected every enablekit record comment on the progress issue of ${pull.author} (${where}); found record number${ledger.missing.length > 1 ? 's' : ''} ${ledger.missing.join(', ')} missing: deleted since the Action wrote ${ledger.missing.length > 1 ? 'them' : 'it'}, so attempts cannot be counted and ${pull.author}'s quizzes are not graded. An organization's audit log names who deleted ${ledger.missing.length > 1 ? 'them' : 'it'} (issue_comment.destroy); to start ${pull.author}'s records afresh, remove the enablekit:progress label from ${where} and re-run this job.`,
        );
      } else if (keyed.ok) {
        const hints = hintsOpened(ledger?.records ?? [], item.id, pull.author);
        // Reviewers' marks of the open answers: the progress issue's and this comment's, and the command's.
        const { marks, record, reply } = attemptMarks({
          quiz: keyed.quiz,
          sheet: read.sheet,
          learner: pull.author,
          pr: pull.number,
          sha: pull.headSha,
          records: [...(ledger?.records ?? []), ...out.reviews],
          ...(r.review ? { review: r.review } : {}),
        });
        if (record) keep(record);
        if (reply && r.review) out.replies.push({ to: r.review.event.login, text: reply });
        result = gradeQuizSheet(
          keyed.quiz,
          read.sheet,
          pull,
          attempts,
          out,
          config,
          r.now,
          r.match,
          hints,
          marks,
        );
        if (result.ok && !result.grade.practice) {
          // The progress issue first gets a claim, holding no result; the result follows once the attempt is placed and counts.
          const graded = out.fresh.pop()!;
          out.fresh.push({
            learner: graded.learner,
            checkpoint: graded.checkpoint,
            kind: 'quiz',
            pr: graded.pr,
            sha: graded.sha,
            ref: CLAIM_REF,
            at: graded.at,
            passed: false,
          });
          out.quizSheets.push({
            path: s.path,
            quiz: keyed.quiz,
            sheet: read.sheet,
            record: graded,
            hints,
            marks,
          });
        }
        if (!result.ok && result.refusal.line)
          result.refusal.message = `${s.path}: ${result.refusal.message}`;
      } else {
        result = refuse(s.checkpoint, pull.author, 'key-unavailable', keyed.learner);
        out.keyFailures.push(keyed.maintainer);
      }
    } else if (item.type === 'reflection') {
      apply(s.path, item.id, planReflectionSheet(context(s.path, read.sheet), item));
    } else {
      apply(s.path, item.id, planMockSheet(context(s.path, read.sheet), item));
    }
    if (gate.kind === 'note' && (!result || result.ok)) out.outOfOrder.push(gate.text);
    if (result) out.results.push({ path: s.path, result });
  }
  return out;
}
