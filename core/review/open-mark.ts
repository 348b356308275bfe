import type { Quiz } from '../model.js';
import type { ProgressRecord } from '../progress/records.js';
import type { AnswerSheet } from '../grading/read-answer-sheet.js';
import { marksOf, type OpenMark } from '../grading/open-marks.js';
import type { ReviewEvent } from '../grading/pull-outcome.js';
import { isMark, type MarkCommand } from './grade-command.js';

export interface MarkFacts {
  quiz: Quiz;
  sheet: AnswerSheet;
  learner: string;
  pr: number;
  sha: string;
  /** The learner's records, from the progress issue and this pull request's comment. */
  records: readonly ProgressRecord[];
  /** The marks of this attempt so far (marksOf). */
  marks: readonly OpenMark[];
  review: { reviewer: string; command: MarkCommand; ref: string; at: string };
}

/**
 * A reviewer's `/grade <question> 75%` on the attempt at the pull request's head, already
 * allowed by who wrote it (reviewGate): the mark to record, or why not, told to the reviewer.
 * A later mark of the same question replaces the earlier one while the attempt waits; once
 * every open answer has its mark, the outcome is recorded and no mark changes it. The same
 * command delivered again (a re-run) adds nothing and says nothing.
 */
function takeMark(f: MarkFacts): { record?: ProgressRecord; reply?: string } {
  const { quiz, review } = f;
  if (f.records.some((r) => r.kind === 'mark' && r.pr === f.pr && r.ref === review.ref)) return {};
  const open = quiz.questions.filter((q) => q.type === 'open').map((q) => q.id ?? '');
  const id = review.command.question;
  const at = f.sha.slice(0, 7);
  if (!open.includes(id))
    return {
      reply: `Expected the id of an open question of "${quiz.id}" (${open.join(', ') || 'it has none'}); found "${id}". Write the command again.`,
    };
  const answered = f.sheet.questions
    .filter((q) => q.id && open.includes(q.id) && (q.answerText?.value ?? '').trim() !== '')
    .map((q) => q.id!);
  if (!answered.includes(id))
    return {
      reply: `Expected an answer to question "${id}" to mark; found it left empty on the sheet at ${at}: it earns nothing and waits for no one. Nothing was recorded.`,
    };
  if (answered.every((q) => f.marks.some((m) => m.question === q)))
    return {
      reply: `Expected an attempt still waiting for a mark; found every open answer of the attempt at ${at} marked and its outcome recorded, which a later mark does not change. Nothing was recorded.`,
    };
  return {
    record: {
      learner: f.learner,
      checkpoint: quiz.id,
      kind: 'mark',
      pr: f.pr,
      sha: f.sha,
      ref: review.ref,
      at: review.at,
      passed: false,
      question: id,
      percent: Math.round(review.command.share * 1000) / 10,
      reviewer: review.reviewer,
      ...(review.command.notes ? { notes: review.command.notes } : {}),
    },
  };
}

/**
 * The marks the attempt at the pull request's head is graded with: those recorded, and the
 * reviewer's command on this run (already allowed by reviewGate), with the record it adds or
 * what the reviewer is told instead.
 */
export function attemptMarks(
  i: Omit<MarkFacts, 'marks' | 'review'> & {
    review?: { event: ReviewEvent; reviewer: { login: string } };
  },
): { marks: OpenMark[]; record?: ProgressRecord; reply?: string } {
  const marks = marksOf(i.records, i.quiz.id, i.learner, i.sha);
  const command = i.review?.event.command;
  if (!i.review || !command || !isMark(command)) return { marks };
  const taken = takeMark({
    ...i,
    marks,
    review: { ...i.review.event, reviewer: i.review.reviewer.login, command },
  });
  return taken.record
    ? {
        marks: marksOf([...i.records, taken.record], i.quiz.id, i.learner, i.sha),
        record: taken.record,
      }
    : { marks, ...(taken.reply ? { reply: taken.reply } : {}) };
}
