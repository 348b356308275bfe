import type { Blank, Question } from '../model.js';
import { foldText } from '../text/fold-text.js';
import { shareOfParts, type Scored } from './scored.js';

/** One blank graded as a question of its own: a single choice, or a text answer. */
export type BlankScorer = (key: Question, mine: Question) => Scored;

const fold = (s: string) => foldText(s).toLowerCase().trim();

/** The sentence as compared: folded, any case, so a sheet's own line endings or quotes are no change. */
const sentenceOf = (q: Question) => fold((q.sentence ?? []).map((s) => s.text).join('\n'));

/** A blank as a one-question quiz, worth 1, for the single-choice or text scorer. */
function asQuestion(base: Question, b: Blank, given?: string): Question {
  return {
    ...base,
    type: b.choices.length ? 'single' : 'text',
    weight: 1,
    partial: true,
    choices: b.choices,
    accepted: b.accepted,
    items: [],
    markupProblems: [],
    ...(given !== undefined ? { answerText: { value: given, span: b.span } } : {}),
  };
}

/** What a learner's blank says: the ticked choice, or what was typed. */
function blankAnswer(b: Blank): string {
  const ticked = b.choices.filter((c) => c.checked).map((c) => c.text);
  return ticked.length ? ticked.join(' + ') : b.given;
}

export const blanksText = (blanks: { n: number; text: string }[]) =>
  blanks.map((b) => `{${b.n}} ${b.text}`).join('; ');

const CHANGED =
  'The sentence or the blanks of this question are not the ones the quiz has now. Keep the sentence and the blanks as the sheet wrote them, write your answers only after "{1}:" (or tick one choice under a blank), or make a new sheet with "enablekit take".';

/**
 * Cloze: each blank graded as its own one-question quiz (a choice ticked, or a text typed and
 * matched as text answers are: folded, any case, with its credit), the question earning the
 * share of blanks right, or with scoring=all-or-nothing only all of them. A learner may type a
 * choice's text after `{1}:` instead of ticking it: it counts as that tick. A sheet whose
 * sentence, blanks or choices differ from the quiz's is reported, never graded. The grade says
 * how many blanks are right, not which, as matching does.
 */
export function scoreCloze(
  key: Question,
  mine: Question,
  single: BlankScorer,
  text: BlankScorer,
): Scored {
  const keyBlanks = key.blanks ?? [];
  const given = new Map((mine.blanks ?? []).map((b) => [b.n, b]));
  const answer = blanksText(
    (mine.blanks ?? []).flatMap((b) => (blankAnswer(b) ? [{ n: b.n, text: blankAnswer(b) }] : [])),
  );
  const changed =
    given.size !== keyBlanks.length ||
    (mine.blanks ?? []).length !== keyBlanks.length ||
    sentenceOf(mine) !== sentenceOf(key) ||
    keyBlanks.some((k) => {
      const m = given.get(k.n);
      return (
        !m ||
        (k.choices.length > 0 &&
          (m.choices.length !== k.choices.length ||
            m.choices.some((c, i) => fold(c.text) !== fold(k.choices[i]!.text))))
      );
    });
  if (changed) return { outcome: 'changed', points: 0, answer, feedback: [], changed: CHANGED };
  if (!answer) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const notes: string[] = [];
  const shares = keyBlanks.map((k) => {
    const m = given.get(k.n)!;
    if (k.choices.length === 0) return text(asQuestion(key, k), asQuestion(mine, m, m.given));
    const ticks = m.choices.filter((c) => c.checked).length;
    if (ticks > 1) notes.push(`Blank {${k.n}} has ${ticks} ticks; it takes one, so it is wrong.`);
    // A choice typed after "{1}:" instead of ticked: the same answer, written out.
    const typed =
      ticks === 0 && m.given ? m.choices.findIndex((c) => fold(c.text) === fold(m.given)) : -1;
    if (ticks === 0 && m.given && typed < 0)
      notes.push(
        `Blank {${k.n}} takes one of its choices; found "${m.given.length > 40 ? `${m.given.slice(0, 40)}…` : m.given}", which is none of them. Tick one choice under it next time.`,
      );
    const choices = m.choices.map((c, i) => (i === typed ? { ...c, checked: true } : c));
    return single(asQuestion(key, k), { ...asQuestion(mine, m), choices });
  });
  const earned = shares.reduce((t, s) => t + Math.min(1, Math.max(0, s.points)), 0);
  const n = keyBlanks.length;
  const whole = shares.every((s) => s.points === 0 || s.points >= 1);
  return shareOfParts(key, {
    all: n > 0 && shares.every((s) => s.points >= 1),
    share: n > 0 ? earned / n : 0,
    said: whole
      ? `${shares.filter((s) => s.points >= 1).length} of ${n} blanks are right`
      : `The blanks earn ${Math.round(earned * 100) / 100} of ${n}`,
    answer,
    notes,
  });
}
