import type { Question } from '../model.js';
import type { Outcome, PatternMatcher, QuestionResult } from './types.js';

const PATTERN = /^\/(.+)\/([a-z]*)$/s;
/** Longer answers are not matched against patterns: it bounds the work a pattern can do. */
export const MAX_TEXT_ANSWER = 500;

export const normalise = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The default matcher: plain RegExp on a length-capped answer. Adapters may add a time bound. */
export const plainMatcher: PatternMatcher = (pattern, flags, text) => new RegExp(pattern, flags.replace(/[gy]/g, '')).test(text);

interface Scored {
  outcome: Outcome;
  points: number;
  answer: string;
  feedback: string[];
  changed?: string;
}

function scoreChoices(key: Question, mine: Question): Scored {
  const ticked = mine.choices.filter((c) => c.checked);
  const answer = ticked.map((c) => `${c.letter}) ${c.text}`).join('; ');
  // A sheet made for an older version of the quiz is reported, never graded wrongly.
  const differs = mine.choices.length !== key.choices.length || mine.choices.some((c, i) => normalise(c.text) !== normalise(key.choices[i]!.text));
  if (differs) return { outcome: 'changed', points: 0, answer, feedback: [], changed: 'The choices of this question changed after your sheet was made. Make a new sheet with "enablekit take" and answer again.' };
  if (ticked.length === 0) return { outcome: 'unanswered', points: 0, answer: '', feedback: [] };
  const right = new Set(key.choices.filter((c) => c.checked).map((c) => c.letter));
  const hits = ticked.filter((c) => right.has(c.letter)).length;
  const misses = ticked.length - hits;
  const feedback = ticked.flatMap((c) => {
    const f = key.choices.find((k) => k.letter === c.letter)?.feedback?.text;
    return f ? [f] : [];
  });
  let fraction: number;
  if (key.type === 'single') fraction = ticked.length === 1 && hits === 1 ? 1 : 0;
  else if (!key.partial) fraction = hits === right.size && misses === 0 ? 1 : 0;
  else fraction = Math.max(0, (hits - misses) / right.size);
  return { outcome: fraction === 1 ? 'right' : fraction > 0 ? 'partial' : 'wrong', points: fraction * key.weight, answer, feedback };
}

function scoreText(key: Question, mine: Question, match: PatternMatcher): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  if (answer.length > MAX_TEXT_ANSWER) return { outcome: 'wrong', points: 0, answer, feedback: [`Answers longer than ${MAX_TEXT_ANSWER} characters are not graded; give the short answer.`] };
  const given = normalise(answer);
  for (const a of key.accepted) {
    const m = PATTERN.exec(a.value);
    if (!m) {
      if (normalise(a.value) === given) return { outcome: 'right', points: key.weight, answer, feedback: [] };
      continue;
    }
    let hit: boolean | 'timeout';
    try {
      hit = match(m[1]!, m[2]!, answer.trim());
    } catch {
      hit = false;
    }
    if (hit === 'timeout') return { outcome: 'wrong', points: 0, answer, feedback: ['This answer took too long to check against the accepted patterns; ask the quiz owner to simplify them.'] };
    if (hit) return { outcome: 'right', points: key.weight, answer, feedback: [] };
  }
  return { outcome: 'wrong', points: 0, answer, feedback: [] };
}

function scoreNumeric(key: Question, mine: Question): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const m = /-?\d+(?:[.,]\d+)?/.exec(answer);
  if (!m) return { outcome: 'wrong', points: 0, answer, feedback: ['Expected a number after "Answer:".'] };
  const value = Number(m[0].replace(',', '.'));
  const ok = key.numeric !== undefined && Math.abs(value - key.numeric.value) <= key.numeric.tolerance + 1e-9;
  return { outcome: ok ? 'right' : 'wrong', points: ok ? key.weight : 0, answer, feedback: [] };
}

function scoreOrdering(key: Question, mine: Question): Scored {
  const order = mine.items.map((i) => i.text);
  const answer = order.map((t, i) => `${i + 1}. ${t}`).join(' ');
  if (order.length === 0) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const known = new Map(key.items.map((i) => [normalise(i.text), i.letter]));
  const letters = order.map((t) => known.get(normalise(t)));
  if (letters.some((l) => l === undefined) || new Set(letters).size !== key.items.length || letters.length !== key.items.length) {
    return { outcome: 'changed', points: 0, answer, feedback: [], changed: 'The items of this question are not the ones the quiz lists now. Keep every item, change only their order, or make a new sheet with "enablekit take".' };
  }
  const ok = letters.every((l, i) => l === key.items[i]!.letter);
  return { outcome: ok ? 'right' : 'wrong', points: ok ? key.weight : 0, answer, feedback: [] };
}

export function correctAnswerOf(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.filter((c) => c.checked).map((c) => `${c.letter}) ${c.text}`).join('; ');
    case 'text':
      return q.accepted.find((a) => !PATTERN.test(a.value))?.value ?? q.accepted[0]?.value ?? '';
    case 'numeric':
      return q.numeric ? `${q.numeric.value}${q.numeric.tolerance ? ` ± ${q.numeric.tolerance}` : ''}` : '';
    case 'ordering':
      return q.items.map((i, n) => `${n + 1}. ${i.text}`).join(' ');
  }
}

/** Grade one question of a sheet against the key question (from the base branch's quiz). */
export function gradeQuestion(key: Question, mine: Question | undefined, match: PatternMatcher, line: number): QuestionResult {
  const base = { id: key.id ?? '', type: key.type, prompt: key.prompt, weight: key.weight, line };
  if (!mine) return { ...base, answer: '', outcome: 'unanswered', points: 0, feedback: ['This question is missing from your sheet.'] };
  const s =
    key.type === 'single' || key.type === 'multiple'
      ? scoreChoices(key, mine)
      : key.type === 'text'
        ? scoreText(key, mine, match)
        : key.type === 'numeric'
          ? scoreNumeric(key, mine)
          : scoreOrdering(key, mine);
  return { ...base, answer: s.answer, outcome: s.outcome, points: Math.round(s.points * 1000) / 1000, feedback: s.changed ? [s.changed] : s.feedback };
}
