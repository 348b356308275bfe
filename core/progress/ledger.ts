import { escapeMarkdown } from '../text/markdown-escape.js';
import { GITHUB_BODY_LIMIT } from '../text/github-body.js';
import { hiddenJson, readHiddenJson } from '../text/hidden-json.js';
import { dedupeRecords, isClaim, RECORD_KINDS, type ProgressRecord } from './records.js';
import { ACTIONS_BOT, writtenBy, type Writer } from './writer.js';

export const PROGRESS_LABEL = 'enablekit:progress';

/** The hidden marker that names a learner's progress issue. Logins are case-insensitive on GitHub. */
export const progressMarker = (login: string) =>
  `<!-- enablekit:progress learner=${login.toLowerCase()} -->`;

export const progressTitle = (login: string) => `Training progress: @${login}`;

/** The learner a progress issue's body names in its marker, lower-cased; undefined for other bodies. */
export const markedLearner = (body: string | null | undefined) =>
  /<!-- enablekit:progress learner=([^ ]+) -->/.exec(body ?? '')?.[1];

/** An issue or comment as GitHub's REST API returns it, as far as the ledger reads it. */
interface ApiIssue {
  number: number;
  body?: string | null;
  pull_request?: unknown;
  user?: { login?: string; id?: number } | null;
}
interface ApiComment {
  id: number;
  body?: string;
  user?: { login?: string; id?: number } | null;
  created_at: string;
  updated_at: string;
  html_url?: string;
}

/**
 * A learner's progress issues among a listing: opened by the Action's own identity, carrying
 * the learner's marker, lowest number first. Records are read from all of them, so a record
 * written to a duplicate (two runs racing to open the issue) still counts.
 */
export function progressIssuesOf<T extends ApiIssue>(
  issues: readonly T[],
  login: string,
  writer: Writer = ACTIONS_BOT,
): T[] {
  const marker = progressMarker(login);
  return issues
    .filter((i) => !i.pull_request && writtenBy(i.user, writer) && (i.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number);
}

export function ledgerComment(c: ApiComment, writer: Writer = ACTIONS_BOT): LedgerComment {
  return {
    id: c.id,
    body: c.body ?? '',
    byEnablekit: writtenBy(c.user, writer),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    ...(c.html_url ? { url: c.html_url } : {}),
  };
}

/**
 * A run's results as one comment appended to the issue: a line for people per result,
 * each record hidden beside it. A run never edits a comment, so concurrent runs lose nothing.
 */
export function recordComment(records: readonly ProgressRecord[]): string {
  const whole = commentOf(records);
  if (whole.length <= GITHUB_BODY_LIMIT) return whole;
  // Many sheets in one pull request: their per-question items go (item analysis counts those attempts as recorded without), the results stay.
  return commentOf(
    records.map((r) => {
      const lean = { ...r };
      delete lean.items;
      return lean;
    }),
  );
}

function commentOf(records: readonly ProgressRecord[]): string {
  const lines = records.map((r) => `${recordLine(r)}\n${hiddenJson('record', r)}`);
  const again = records.filter((r) => r.kind === 'recertify');
  return [...(again.length ? [recertifyIntro(again)] : []), ...lines].join('\n\n');
}

/**
 * Above a run's recertify records: the learner mentioned once (one comment per learner and
 * release), with the release, the features and what to do.
 */
function recertifyIntro(again: readonly ProgressRecord[]): string {
  const releases = [...new Set(again.map((r) => escapeMarkdown(r.release ?? r.sha, 40)))];
  const features = [...new Set(again.flatMap((r) => r.features ?? []))].map((f) =>
    escapeMarkdown(f, 60),
  );
  const one = again.length === 1;
  return `@${escapeMarkdown(again[0]!.learner, 40)}, release ${releases.join(', ')} changed ${features.join(', ') || 'what you were trained on'}, which ${one ? 'a checkpoint you passed covers' : `${again.length} checkpoints you passed cover`}: ${again.map((r) => `**${escapeMarkdown(r.checkpoint, 100)}**`).join(', ')}. Your pass${one ? ' is' : 'es are'} no longer current: pass ${one ? 'it' : 'each'} again in a new pull request; your attempts are counted afresh.`;
}

/** The line people read beside a record; logins and notes come from people, so they are escaped. */
function recordLine(r: ProgressRecord): string {
  const id = `**${escapeMarkdown(r.checkpoint, 100)}**`;
  const who = (login?: string) => (login ? `@${escapeMarkdown(login, 40)}` : 'someone');
  switch (r.kind) {
    case 'quiz':
      if (isClaim(r))
        return `${id}: an attempt in #${r.pr} at ${r.sha.slice(0, 7)}, placed in the order the records were stored before it is graded.`;
      if (r.refused)
        return `${id}: the attempt in #${r.pr} at ${r.sha.slice(0, 7)} does not count: ${r.refused === 'cooldown' ? 'it came inside the retake cooldown' : r.refused === 'other-draw' ? 'its sheet was drawn for another attempt than the one it was placed as' : 'it came after the attempts allowed'}, counted in the order the records were stored.`;
      return `${id}: ${r.passed ? 'Passed' : 'Not passed yet'}${r.percent === undefined ? '' : `: ${r.percent}%`}${r.attempt ? ` (attempt ${r.attempt})` : ''}, in #${r.pr} at ${r.sha.slice(0, 7)}.`;
    case 'mock':
      return `${id}: ${r.passed ? 'Pass' : 'Fail'}${r.attempt ? ` (attempt ${r.attempt})` : ''}, graded by ${who(r.reviewer)} in #${r.pr}.`;
    case 'reflection':
      return `${id}: ${r.passed ? 'Complete' : 'Not complete yet'}, in #${r.pr} at ${r.sha.slice(0, 7)}.`;
    case 'participation':
      return `${id}: ${r.side === 'gave' ? `replied to ${who(r.peer)}'s reflection` : `${who(r.peer)} replied to this reflection`} in #${r.pr}.`;
    case 'survey':
      return `${id}: feedback on the training (${escapeMarkdown(r.occasion ?? '', 40)}) received in #${r.pr}; not graded.`;
    case 'appraisal':
      return `${id}: ${r.as ?? ''} appraisal by ${who(r.reviewer)} recorded.`;
    case 'hint':
      return `${id}: hint ${r.hint ?? '?'} of question ${escapeMarkdown(r.question ?? '', 100)} opened in #${r.pr}${r.cost ? `; it costs ${Math.round(r.cost * 1000) / 10}% of the question's credit in every attempt graded after it` : ''}.`;
    case 'mark':
      return `${id}: question ${escapeMarkdown(r.question ?? '', 100)} of the attempt in #${r.pr} at ${r.sha.slice(0, 7)} marked ${r.percent ?? 0}% by ${who(r.reviewer)}.`;
    case 'recertify':
      return `${id}: to recertify: release ${escapeMarkdown(r.release ?? r.sha, 40)} changed ${(r.features ?? []).map((f) => escapeMarkdown(f, 60)).join(', ') || 'what it covers'}. A new pass is needed; attempts are counted afresh.`;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A record as the Action writes it; anything else in a hidden block is skipped. */
export function isRecord(v: unknown): v is ProgressRecord {
  const r = v as ProgressRecord;
  const kinds: readonly string[] = RECORD_KINDS;
  return (
    !!r &&
    typeof r === 'object' &&
    isString(r.learner) &&
    isString(r.checkpoint) &&
    kinds.includes(r.kind) &&
    Number.isInteger(r.pr) &&
    isString(r.sha) &&
    isString(r.at) &&
    typeof r.passed === 'boolean' &&
    !Number.isNaN(Date.parse(r.at)) &&
    (r.ref === undefined || isString(r.ref)) &&
    (r.seq === undefined || (Number.isInteger(r.seq) && r.seq > 0))
  );
}

/** Every well-formed record in a comment; a damaged one is skipped. */
export function readRecords(body: string | null | undefined): ProgressRecord[] {
  return readHiddenJson('record', body).filter(isRecord);
}

/** A comment on a progress issue, as the adapter reads it from GitHub. */
export interface LedgerComment {
  id: number;
  body: string;
  /** Written by the identity the Action writes as (not merely by some bot). */
  byEnablekit: boolean;
  createdAt: string;
  updatedAt: string;
  url?: string;
}

export interface Ledger {
  records: ProgressRecord[];
  /**
   * Every quiz record that takes a place, in the order GitHub stored it (comment by comment):
   * claims, results, refusals and voided attempts. Attempts are counted from this. A record in
   * a comment edited since the Action wrote it is here too, with its pass not trusted.
   */
  stored?: ProgressRecord[];
  /** Records that do not count as results: written by someone other than the Action, or edited since. */
  flagged: { comment: number; url?: string; why: 'not-written-by-enablekit' | 'edited' }[];
  /** Sequence numbers of the Action's record comments missing below the highest: those comments were deleted. */
  missing?: number[];
  /** The sequence number the next record comment takes: one past the highest stored. */
  nextSeq?: number;
}

/**
 * The records of a learner's progress issues. Only the Action writes records: one in a
 * comment by anyone else is ignored and flagged. One in a comment edited after it was written
 * is flagged and is no result, yet its quiz attempt still counts, as not passed: an edit must
 * not give an attempt back. A record comment deleted shows as a gap in the sequence numbers
 * (`missing`). Records are a set (a re-run writes the same key), in time order.
 */
export function readLedger(comments: readonly LedgerComment[], learner: string): Ledger {
  const records: ProgressRecord[] = [];
  const stored: ProgressRecord[] = [];
  const flagged: Ledger['flagged'] = [];
  const seqs = new Set<number>();
  for (const c of [...comments].sort((a, b) => a.id - b.id)) {
    const found = readRecords(c.body);
    if (!found.length) continue;
    const note = c.url ? { url: c.url } : {};
    if (!c.byEnablekit) {
      flagged.push({ comment: c.id, why: 'not-written-by-enablekit', ...note });
      continue;
    }
    for (const r of found) if (r.seq) seqs.add(r.seq);
    const mine = found.filter((r) => r.learner.toLowerCase() === learner.toLowerCase());
    if (c.updatedAt !== c.createdAt) {
      flagged.push({ comment: c.id, why: 'edited', ...note });
      stored.push(
        ...mine
          .filter((r) => r.kind === 'quiz' && !r.refused)
          .map((r) => ({ ...r, passed: false })),
      );
      // A hint opened stays opened however its record is edited: it costs from when GitHub stored it.
      records.push(
        ...mine.filter((r) => r.kind === 'hint').map((r) => ({ ...r, at: c.createdAt })),
      );
    } else {
      records.push(...mine);
      stored.push(...mine.filter((r) => r.kind === 'quiz'));
    }
  }
  // An attempt voided by a `refused` record is not a result, whichever pull request offered that commit, and neither is the voiding record; a claim is no result.
  const voided = new Set(records.filter((r) => r.refused && r.kind === 'quiz').map(attemptKey));
  const counted = records.filter(
    (r) => !r.refused && !isClaim(r) && !(r.kind === 'quiz' && voided.has(attemptKey(r))),
  );
  const top = Math.max(0, ...seqs);
  const missing = Array.from({ length: top }, (_, k) => k + 1).filter((n) => !seqs.has(n));
  return {
    records: dedupeRecords(counted),
    stored,
    flagged,
    nextSeq: top + 1,
    ...(missing.length ? { missing } : {}),
  };
}

const attemptKey = (r: ProgressRecord) => `${r.checkpoint}@${r.sha}`;
