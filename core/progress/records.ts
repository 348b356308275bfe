/** Results count towards completion; activity (replies, appraisals) is recorded beside them. */
export const RESULT_KINDS = ['quiz', 'mock', 'reflection'] as const;
export const RECORD_KINDS = [
  ...RESULT_KINDS,
  'participation',
  'appraisal',
  'recertify',
  'hint',
  'survey',
  'mark',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One question of a quiz attempt: points earned, weight, and the choice letters ticked (comma-separated). */
export type ItemMark =
  [points: number, weight: number] | [points: number, weight: number, picked: string];

export type AppraisalRole = 'self' | 'trainer' | 'manager';

/**
 * One result or activity, as the Action appends it to a learner's progress issue. The key
 * makes a re-run add nothing: the same checkpoint, pull request, head commit (and, for
 * what a person did on it, the comment or review) is one record.
 */
export interface ProgressRecord {
  learner: string;
  /** The checkpoint; for an appraisal, the track. */
  checkpoint: string;
  kind: RecordKind;
  /** The pull request, or for an appraisal the progress issue. */
  pr: number;
  sha: string;
  /** What on the pull request made this record: `comment-<id>`, `review-<id>`, `reaction-<login>`. */
  ref?: string;
  /** ISO time the result was produced. */
  at: string;
  passed: boolean;
  percent?: number;
  /** Which attempt this was, as graded. */
  attempt?: number;
  /** Ids of the questions not answered right: the cohort's most-missed questions come from these. */
  missed?: string[];
  /**
   * Quiz results: each question asked, by id: the points it earned and its weight, and for a
   * single or multiple choice question the letters ticked (the quiz's own letters), such as
   * `{"q1":[1,1,"b"],"q2":[0,2,"a,c"]}`. Item analysis reads these (core/analysis/); a result
   * recorded before they were kept is not counted there.
   */
  items?: Record<string, ItemMark>;
  /** Mock scenarios: who graded it, the criteria met and what they wrote; appraisals: who wrote it. */
  reviewer?: string;
  met?: string[];
  notes?: string;
  /** Participation: the other side of the reply or reaction, and which side this learner was on. */
  peer?: string;
  side?: 'gave' | 'received';
  /** Appraisals: in which capacity it was written. */
  as?: AppraisalRole;
  /**
   * A quiz attempt recorded, then found past the attempts allowed or inside the retake
   * cooldown once the records were read back in the order GitHub stored them (runs that
   * raced), or (`other-draw`) placed as another attempt than the one its pooled quiz's sheet
   * was drawn for. This record (ref `refused`) voids the attempt of the same checkpoint, pull request and commit.
   */
  refused?: 'no-attempts-left' | 'cooldown' | 'other-draw';
  /**
   * Recertify: the release that changed what the checkpoint covers, and the features it
   * touched. Such a record (pr 0, sha and ref naming the release) starts a new cycle: a pass
   * before it is no longer current, and attempts are counted afresh from it.
   */
  release?: string;
  features?: string[];
  /**
   * Hint: a cost hint the learner opened with `/hint` (ref `hint-<comment id>`): the question,
   * which of its hints (1, 2, …) and what it cost then. Grading takes the cost from the quiz.
   */
  question?: string;
  hint?: number;
  cost?: number;
  /**
   * Mark: a reviewer's grade of one open question (`question`) of the quiz attempt at `sha`
   * (`/grade p1-update 75%`, ref `comment-<id>`): `percent` is its share of the question's
   * credit, `reviewer` who gave it, `notes` what they wrote. Never a result: grading reads the
   * marks of an attempt; a later mark of the same question, while the attempt waits, replaces it.
   */
  /**
   * Survey: the occasion answered and the answers, one per question in the survey's order
   * (a rating's number, a choice's text, free text; null when left blank). Never a result:
   * `passed` is false and means nothing here.
   */
  occasion?: string;
  answers?: (number | string | null)[];
  /**
   * The comment's place among the Action's record comments on the issue (1, 2, …): a number
   * missing below the highest one seen means a record comment was deleted.
   */
  seq?: number;
}

/**
 * A quiz attempt's claim (ref `claim`): appended before the attempt is placed, carrying no
 * result, so an attempt later refused has shown its score nowhere. Its result, appended only
 * once the attempt counts, is the record of the same checkpoint, pull request and commit without a ref.
 */
export const CLAIM_REF = 'claim';
export const isClaim = (r: ProgressRecord) => r.kind === 'quiz' && r.ref === CLAIM_REF;

export const recordKey = (r: ProgressRecord) =>
  `${r.checkpoint}#${r.pr}@${r.sha}${r.ref ? `/${r.ref}` : ''}`;

export const isResult = (r: ProgressRecord) => (RESULT_KINDS as readonly string[]).includes(r.kind);

/** Records as a set: one per key (the first written wins), in time order. */
export function dedupeRecords(records: readonly ProgressRecord[]): ProgressRecord[] {
  const seen = new Map<string, ProgressRecord>();
  for (const r of records) if (!seen.has(recordKey(r))) seen.set(recordKey(r), r);
  return [...seen.values()].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (recordKey(a) < recordKey(b) ? -1 : 1),
  );
}

/** A learner's results only (no activity), one per key, in time order. */
export const resultsOf = (records: readonly ProgressRecord[], login: string) =>
  dedupeRecords(records).filter(
    (r) => isResult(r) && r.learner.toLowerCase() === login.toLowerCase(),
  );
