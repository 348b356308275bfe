import type { Hint, Quiz } from '../model.js';
import type { ProgressRecord } from '../progress/records.js';
import { toLf } from '../text/line-endings.js';
import { hintsOpened } from './hint-cost.js';

/** `/hint q`, `/hint quiz/q`, optionally with the hint's number: `/hint q 2`. */
export type HintCommand = { quiz?: string; question: string; n?: number } | { error: string };

/**
 * Read a learner's `/hint` comment, strictly: the command alone on the comment's first line.
 * Anything else starting with /hint is an error to answer; any other comment is no command.
 */
export function parseHintCommand(body: string): HintCommand | undefined {
  const first = toLf(body).trim().split('\n')[0]!.trim();
  if (!/^\/hint\b/i.test(first)) return undefined;
  const m = /^\/hint[ \t]+(?:([a-z0-9-]+)\/)?([A-Za-z0-9_.-]+)(?:[ \t]+(\d{1,3}))?[ \t]*$/i.exec(
    first,
  );
  if (!m)
    return {
      error: `Expected "/hint" and a question's id on the first line, such as "/hint p2-first-reply" (or "/hint triage-quiz/p2-first-reply" when the pull request holds several answer sheets); found "${first.slice(0, 60)}". Write the command again.`,
    };
  return {
    question: m[2]!,
    ...(m[1] ? { quiz: m[1] } : {}),
    ...(m[3] ? { n: Number(m[3]) } : {}),
  };
}

/** The marker a reply to one `/hint` comment carries: a re-run finds it and replies no more. */
export const hintReplyMarker = (commentId: number) =>
  `<!-- enablekit:hint comment=${commentId} -->`;

export interface HintRequest {
  command: Exclude<HintCommand, { error: string }>;
  comment: { id: number; author: string; at: string };
  pull: { number: number; author: string };
  /** The quizzes whose sheets the pull request holds, as the base branch has them, with their keys opened. */
  quizzes: readonly Quiz[];
  /** The pull request author's records (their ledger). */
  records: readonly ProgressRecord[];
}

/** What to do: the reply, told as the intro (plain words, escaped when posted) and the hint's own Markdown; the record to append, if any. */
export interface HintAnswer {
  intro: string;
  hint?: string;
  /** The pull request where the hint was first opened, when it was asked for again: linked in the reply. */
  openedIn?: number;
  record?: ProgressRecord;
}

const percentText = (f: number) => `${Math.round(f * 1000) / 10}%`;

/**
 * A learner's `/hint` on their checkpoint pull request: which hint they get, if any, and the
 * record it costs. Only the pull request's author may ask; the hints of a question open in
 * order (a free hint is open already); a hint asked for again is given again for nothing.
 */
export function planHint(r: HintRequest): HintAnswer {
  const { command, comment, pull } = r;
  if (comment.author.toLowerCase() !== pull.author.toLowerCase())
    return {
      intro: `Expected a hint to be asked for by @${pull.author}, whose checkpoint pull request this is; found @${comment.author}. Nothing was opened or recorded: ask on your own checkpoint pull request.`,
    };
  const named = command.quiz ? r.quizzes.filter((q) => q.id === command.quiz) : r.quizzes;
  const holding = named.filter((quiz) => quiz.questions.some((q) => q.id === command.question));
  if (holding.length !== 1) {
    const held = r.quizzes.map((q) => q.id).join(', ') || 'none';
    return {
      intro:
        holding.length > 1
          ? `Expected one quiz with question "${command.question}" among this pull request's answer sheets; found ${holding.length}: ${holding.map((q) => q.id).join(', ')}. Write "/hint ${holding[0]!.id}/${command.question}" to name the quiz.`
          : `Expected a question "${command.question}"${command.quiz ? ` in quiz "${command.quiz}"` : ''} among the quizzes whose answer sheets this pull request holds (${held}); found none. Write "/hint" and the id in the question's comment, <!-- question id=… -->.`,
    };
  }
  const quiz = holding[0]!;
  const q = quiz.questions.find((x) => x.id === command.question)!;
  const costly = (q.hints ?? []).filter((h) => h.cost);
  if (!costly.length)
    return {
      intro: `Expected question "${q.id}" of ${quiz.id} to have a hint with a cost to ask for; found ${q.hints?.length ? 'only free hints, which your answer sheet shows under the question' : 'no hints'}. Nothing was recorded.`,
    };
  const opened = hintsOpened(r.records, quiz.id, pull.author).filter((o) => o.question === q.id);
  const isOpen = (h: Hint) => !h.cost || opened.some((o) => o.hint === h.n);
  const hint =
    command.n !== undefined
      ? q.hints?.find((h) => h.n === command.n)
      : (costly.find((h) => !isOpen(h)) ?? costly.at(-1));
  if (!hint)
    return {
      intro: `Expected hint ${command.n} of question "${q.id}"; found ${q.hints?.length ?? 0} hint(s). Write "/hint ${q.id}" for the next one.`,
    };
  const where = `hint ${hint.n} of question "${q.id}" (${quiz.id})`;
  if (!hint.cost)
    return { intro: `${where} is free: your answer sheet shows it under the question.` };
  const before = (q.hints ?? []).find((h) => h.n < hint.n && !isOpen(h));
  if (before)
    return {
      intro: `Expected hint ${before.n} of question "${q.id}" opened before hint ${hint.n}: a question's hints open in order. Write "/hint ${q.id} ${before.n}" first; nothing was opened or recorded.`,
    };
  const ours = r.records.find(
    (x) =>
      x.kind === 'hint' &&
      x.checkpoint === quiz.id &&
      x.question === q.id &&
      x.hint === hint.n &&
      x.learner.toLowerCase() === pull.author.toLowerCase(),
  );
  const cost = percentText(hint.cost);
  // This comment's own record (a re-run) is this opening; any other means it was opened already.
  if (ours && ours.ref !== `hint-${comment.id}`)
    return {
      intro: `You opened ${where} on ${ours.at.slice(0, 10)}; here it is again, at no further cost (it costs ${cost} of the question's credit once).`,
      hint: hint.text,
      openedIn: ours.pr,
    };
  return {
    intro: `Here is ${where}. It costs ${cost} of the question's credit in the attempt graded next and every later one; your progress issue records it.`,
    hint: hint.text,
    record: {
      learner: pull.author,
      checkpoint: quiz.id,
      kind: 'hint',
      pr: pull.number,
      sha: '',
      ref: `hint-${comment.id}`,
      at: comment.at,
      passed: false,
      question: q.id!,
      hint: hint.n,
      cost: hint.cost,
    },
  };
}
