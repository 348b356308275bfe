import type { Question, QuestionType, Quiz } from '../model.js';
import type { ItemMark, ProgressRecord } from '../progress/records.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { releaseShifts, type ReleaseShift } from './release-shifts.js';

/** Below this many answers a question is flagged for nothing: a handful of answers says little. */
export const DEFAULT_MIN_ANSWERS = 20;

/** Where a flag starts. Conventional cut-offs of classical test theory, stated wherever a flag shows. */
export const THRESHOLDS = {
  /** Flagged too easy above this share right. */
  easy: 0.9,
  /** Flagged too hard below this share right. */
  hard: 0.2,
  /** Flagged as not discriminating below this point-biserial. */
  discrimination: 0.2,
} as const;

export type ItemFlag =
  | { kind: 'too-easy' | 'too-hard'; right: number; n: number }
  | { kind: 'not-discriminating'; r: number; n: number }
  /** A distractor ticked by more learners than (one of) the right answer(s). */
  | {
      kind: 'distractor-outdraws-key';
      distractor: string;
      picks: number;
      keyPicks: number;
      n: number;
    };

export interface ChoiceStats {
  letter: string;
  /** Learners who ticked it. */
  picks: number;
  /** A right answer, by the quiz (or, when sealed without its key, by the records). */
  key: boolean;
}

export interface ItemStats {
  checkpoint: string;
  question: string;
  type: QuestionType;
  /** 1-based line of the question in its quiz file. */
  line: number;
  /** First attempts that asked it. */
  n: number;
  /** Of those, answered fully right. */
  right: number;
  /** Difficulty: the share answered right; null with no answers. */
  p: number | null;
  /** Discrimination: point-biserial of its credit against the rest of the attempt; null when it cannot be worked out. */
  r: number | null;
  choices?: ChoiceStats[];
  flags: ItemFlag[];
}

export interface ItemAnalysis {
  minAnswers: number;
  thresholds: typeof THRESHOLDS;
  /** First attempts counted. */
  attempts: number;
  /** First attempts recorded before per-question results were kept: not counted. */
  uncounted: number;
  items: ItemStats[];
  shifts: ReleaseShift[];
}

/** One counted first attempt of one quiz. */
export interface CountedAttempt {
  checkpoint: string;
  at: string;
  items: Record<string, ItemMark>;
}

const isMark = (v: unknown): v is ItemMark =>
  Array.isArray(v) &&
  (v.length === 2 || v.length === 3) &&
  typeof v[0] === 'number' &&
  typeof v[1] === 'number' &&
  Number.isFinite(v[0]) &&
  Number.isFinite(v[1]) &&
  v[1] > 0 &&
  (v.length === 2 || typeof v[2] === 'string');

/**
 * The first attempts to analyse: every learner's attempt 1 at a quiz (attempts are counted
 * afresh after a recertify, so each cycle's first). A retake comes after feedback, perhaps after
 * the answers were revealed: counting it would make every question look easier than it is.
 */
export function firstAttempts(records: readonly ProgressRecord[]): {
  counted: CountedAttempt[];
  uncounted: number;
} {
  const counted: CountedAttempt[] = [];
  let uncounted = 0;
  for (const r of records) {
    if (r.kind !== 'quiz' || r.ref || r.refused || (r.attempt ?? 1) !== 1) continue;
    const marks = Object.entries(r.items ?? {}).filter(([, m]) => isMark(m));
    if (!marks.length) {
      uncounted++;
      continue;
    }
    counted.push({ checkpoint: r.checkpoint, at: r.at, items: Object.fromEntries(marks) });
  }
  return { counted, uncounted };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Pearson's r (the point-biserial when xs are 0 and 1); null when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** The right letters: ticked in the quiz; for a quiz sealed without its key, those of an answer that earned full credit. */
function keyLetters(q: Question, marks: readonly ItemMark[]): Set<string> {
  const ticked = q.choices.filter((c) => c.checked).map((c) => c.letter);
  if (ticked.length) return new Set(ticked);
  const full = marks.find((m) => m.length === 3 && m[0] >= m[1] && m[2] !== '');
  return new Set(full?.[2]?.split(',') ?? []);
}

/** One question's statistics over the attempts that asked it. */
/** What one question's statistics are made of: its marks, and its credit beside the rest of each attempt. */
interface Answers {
  marks: ItemMark[];
  xs: number[];
  rests: number[];
}

/**
 * Every question's answers in one pass over the attempts: each attempt's total once, each
 * question's rest the total less its own (a pool asks each learner its own questions), so
 * the work grows with the answers recorded, not with the pool's size.
 */
function answersByQuestion(attempts: readonly CountedAttempt[]): Map<string, Answers> {
  const out = new Map<string, Answers>();
  for (const a of attempts) {
    const marks = Object.entries(a.items);
    const points = marks.reduce((s, [, m]) => s + m[0], 0);
    const weight = marks.reduce((s, [, m]) => s + m[1], 0);
    for (const [id, m] of marks) {
      let at = out.get(id);
      if (!at) out.set(id, (at = { marks: [], xs: [], rests: [] }));
      at.marks.push(m);
      if (weight - m[1] > 0) {
        at.xs.push(Math.min(1, Math.max(0, m[0] / m[1])));
        at.rests.push((points - m[0]) / (weight - m[1]));
      }
    }
  }
  return out;
}

/** One question's statistics over the first attempts that asked it. */
function itemStats(
  quiz: Quiz,
  q: Question,
  { marks, xs, rests }: Answers,
  minAnswers: number,
): ItemStats {
  const id = q.id ?? '';
  const right = marks.filter((m) => m[0] >= m[1]).length;
  const n = marks.length;
  const r = correlation(xs, rests);
  const p = n ? right / n : null;
  const flags: ItemFlag[] = [];
  if (n >= minAnswers && p !== null) {
    if (p > THRESHOLDS.easy) flags.push({ kind: 'too-easy', right, n });
    if (p < THRESHOLDS.hard) flags.push({ kind: 'too-hard', right, n });
    if (r !== null && r < THRESHOLDS.discrimination)
      flags.push({ kind: 'not-discriminating', r: round(r), n });
  }
  let choices: ChoiceStats[] | undefined;
  if (q.type === 'single' || q.type === 'multiple') {
    const key = keyLetters(q, marks);
    const picks = new Map<string, number>();
    for (const m of marks)
      for (const l of new Set(m[2] ? m[2].split(',') : [])) picks.set(l, (picks.get(l) ?? 0) + 1);
    choices = q.choices.map((c) => ({
      letter: c.letter,
      picks: picks.get(c.letter) ?? 0,
      key: key.has(c.letter),
    }));
    const keys = choices.filter((c) => c.key);
    const top = choices.filter((c) => !c.key).sort((a, b) => b.picks - a.picks)[0];
    const weakest = Math.min(...keys.map((c) => c.picks));
    if (n >= minAnswers && keys.length && top && top.picks > weakest)
      flags.push({
        kind: 'distractor-outdraws-key',
        distractor: top.letter,
        picks: top.picks,
        keyPicks: weakest,
        n,
      });
  }
  return {
    checkpoint: quiz.id,
    question: id,
    type: q.type,
    line: q.span.start.line,
    n,
    right,
    p: p === null ? null : round(p),
    r: r === null ? null : round(r),
    ...(choices ? { choices } : {}),
    flags,
  };
}

/**
 * Item analysis of every quiz question in the curricula, from the first attempts in the
 * records of every learner: difficulty, discrimination, each choice's picks, the flags, and
 * per release the questions whose miss rate moved after it.
 */
export function itemAnalysis(
  index: WorkspaceIndex,
  records: readonly ProgressRecord[],
  minAnswers = DEFAULT_MIN_ANSWERS,
): ItemAnalysis {
  const { counted, uncounted } = firstAttempts(records);
  const byQuiz = new Map<string, CountedAttempt[]>();
  for (const a of counted) {
    const list = byQuiz.get(a.checkpoint);
    if (list) list.push(a);
    else byQuiz.set(a.checkpoint, [a]);
  }
  const items: ItemStats[] = [];
  const ids = [...index.files.values()].flatMap((m) =>
    m.item?.type === 'quiz' ? [m.item.id] : [],
  );
  const quizzes = [...new Set(ids)].sort().flatMap((id) => {
    const quiz = index.item(id);
    return quiz?.type === 'quiz' ? [quiz] : [];
  });
  for (const quiz of quizzes) {
    const answers = answersByQuestion(byQuiz.get(quiz.id) ?? []);
    const none: Answers = { marks: [], xs: [], rests: [] };
    for (const q of quiz.questions)
      if (q.id) items.push(itemStats(quiz, q, answers.get(q.id) ?? none, minAnswers));
  }
  return {
    minAnswers,
    thresholds: THRESHOLDS,
    attempts: counted.length,
    uncounted,
    items,
    shifts: releaseShifts(
      records,
      counted,
      new Set(items.map((i) => `${i.checkpoint}#${i.question}`)),
      minAnswers,
    ),
  };
}
