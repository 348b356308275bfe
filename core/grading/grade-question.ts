import type { Question } from '../model.js';
import { foldText } from '../text/fold-text.js';
import type { DecimalMark } from './read-number.js';
import type { PatternMatcher, QuestionResult } from './types.js';
import { percent, shareOfParts, type Scored } from './scored.js';
import { numberText, scoreNumeric } from './score-numeric.js';
import { answerPattern, matchFlags } from './answer-pattern.js';
import { creditAnswer, hasChoiceCredits, scoreCredits } from './choice-credit.js';
import { orderingCredit } from './ordering-credit.js';
import { shuffledItems } from './shuffled-order.js';
import { blanksText, scoreCloze } from './score-cloze.js';

/** Longer answers are not matched against patterns: it bounds the work a pattern can do. */
export const MAX_TEXT_ANSWER = 500;

/** How a learner's text and the key's compare: typographic forms folded, case ignored. */
export const normalise = (s: string) => foldText(s).toLowerCase();

/** The default matcher: plain RegExp on a length-capped answer. Adapters may add a time bound. */
export const plainMatcher: PatternMatcher = (pattern, flags, text) =>
  new RegExp(pattern, matchFlags(flags)).test(text);

const CHANGED_CHOICES =
  'The choices of this question changed after your sheet was made. Make a new sheet with "enablekit take" and answer again.';

function scoreChoices(key: Question, mine: Question): Scored {
  // Choices are compared by position: the sheet's choice n is the quiz's choice n, checked by text.
  const ticked = mine.choices.flatMap((c, i) => (c.checked ? [i] : []));
  const answer = ticked
    .map((i) => `${mine.choices[i]!.letter}) ${mine.choices[i]!.text}`)
    .join('; ');
  // A sheet made for an older version of the quiz is reported, never graded wrongly.
  const differs =
    mine.choices.length !== key.choices.length ||
    mine.choices.some((c, i) => normalise(c.text) !== normalise(key.choices[i]!.text));
  if (differs)
    return { outcome: 'changed', points: 0, answer, feedback: [], changed: CHANGED_CHOICES };
  if (ticked.length === 0) return { outcome: 'unanswered', points: 0, answer: '', feedback: [] };
  const right = new Set(key.choices.flatMap((c, i) => (c.checked ? [i] : [])));
  const hits = ticked.filter((i) => right.has(i)).length;
  const misses = ticked.length - hits;
  const choiceFeedback = ticked.flatMap((i) =>
    key.choices[i]!.feedback ? [key.choices[i]!.feedback.text] : [],
  );
  let fraction: number;
  const notes: string[] = [];
  const heldNotes: string[] = [];
  // Credits written on the choices grade the question instead; scoring=all-or-nothing keeps its ticks only.
  const credits = key.partial && hasChoiceCredits(key) ? scoreCredits(key, ticked) : undefined;
  if (key.type === 'single') {
    fraction = ticked.length === 1 && hits === 1 ? 1 : 0;
    if (ticked.length > 1)
      notes.push(
        `Expected one tick on a single-choice question; found ${ticked.length} (${ticked.map((i) => key.choices[i]!.letter).join(', ')}). It takes one answer, so it was graded wrong; tick only one next time.`,
      );
    else if (credits) {
      fraction = credits.fraction;
      if (fraction > 0 && fraction < 1) notes.push(credits.note);
    }
  } else if (credits) {
    fraction = credits.fraction;
    if (fraction < 1) {
      notes.push(credits.note);
      if (credits.detail) heldNotes.push(credits.detail);
    }
  } else if (!key.partial) fraction = hits === right.size && misses === 0 ? 1 : 0;
  else fraction = Math.max(0, (hits - misses) / right.size);
  // Feedback under a ticked choice tells whether that choice is right. It is shown now only
  // when the grade already says as much: the whole question is right, or one tick on a
  // single-choice question is wrong. Otherwise (two ticks, multiple choice not fully right)
  // it would point at the right choices, so it waits until the answers are revealed.
  const safe = fraction === 1 || (key.type === 'single' && ticked.length === 1);
  return {
    outcome: fraction === 1 ? 'right' : fraction > 0 ? 'partial' : 'wrong',
    points: fraction * key.weight,
    answer,
    feedback: safe ? [...notes, ...choiceFeedback] : notes,
    held: safe ? [] : [...heldNotes, ...choiceFeedback],
  };
}

function scoreText(key: Question, mine: Question, match: PatternMatcher): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  if (answer.length > MAX_TEXT_ANSWER)
    return {
      outcome: 'wrong',
      points: 0,
      answer,
      feedback: [
        `Answers longer than ${MAX_TEXT_ANSWER} characters are not graded; give the short answer.`,
      ],
    };
  const given = normalise(answer);
  // Tried top to bottom: the first accepted answer that matches grades it, with its credit and feedback.
  for (const a of key.accepted) {
    const m = answerPattern(a.value);
    if (!m) {
      if (normalise(a.value) === given) return acceptedScore(key, a, answer);
      continue;
    }
    let hit: boolean | 'timeout';
    try {
      // Both sides folded, so a pattern written with ' matches an answer typed with ’.
      hit = match(foldText(m.source), m.flags, foldText(answer));
    } catch {
      hit = false;
    }
    if (hit === 'timeout')
      return {
        outcome: 'wrong',
        points: 0,
        answer,
        feedback: [
          'This answer took too long to check against the accepted patterns; ask the quiz owner to simplify them.',
        ],
      };
    if (hit) return acceptedScore(key, a, answer);
  }
  return {
    outcome: 'wrong',
    points: 0,
    answer,
    feedback: key.otherFeedback ? [key.otherFeedback.text] : [],
  };
}

/**
 * The accepted answer a learner's matched: its credit, what it earned when not the whole, and
 * the feedback under it, shown whatever the policy as the feedback under a single choice is:
 * it answers what the learner wrote.
 */
function acceptedScore(key: Question, a: Question['accepted'][number], answer: string): Scored {
  const credit = Math.min(1, Math.max(0, a.credit ?? 1));
  const note =
    credit === 1 ? [] : [`This answer earns ${percent(credit)} of the question's credit.`];
  return {
    outcome: credit === 1 ? 'right' : credit > 0 ? 'partial' : 'wrong',
    points: credit * key.weight,
    answer,
    feedback: [...note, ...(a.feedback ? [a.feedback.text] : [])],
  };
}

/** A text question's accepted answers worth the whole question: the right answers. */
export const fullCredit = (q: Question) => q.accepted.filter((a) => (a.credit ?? 1) === 1);

/**
 * True or false, written after "Answer:" (any case, typographic forms folded). Anything else is
 * not taken as either: graded wrong, with a hint that says what to write.
 */
function scoreTrueFalse(key: Question, mine: Question): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const given = normalise(answer).trim();
  if (given !== 'true' && given !== 'false')
    return {
      outcome: 'wrong',
      points: 0,
      answer,
      feedback: [
        `Expected true or false after "Answer:"; found "${answer.trim().length > 40 ? `${answer.trim().slice(0, 40)}…` : answer.trim()}". Write true or false.`,
      ],
    };
  const ok = key.truth !== undefined && (given === 'true') === key.truth.value;
  return { outcome: ok ? 'right' : 'wrong', points: ok ? key.weight : 0, answer, feedback: [] };
}

const pairsText = (pairs: NonNullable<Question['pairs']>) =>
  pairs.map((p) => `${p.prompt} → ${p.answer}`).join('; ');

/**
 * Matching: each prompt's answer, compared as text answers are (folded, any case). Partial
 * credit, the share of prompts matched right, unless scoring=all-or-nothing. Prompts are known
 * by their text: a sheet whose prompts are not the quiz's is reported, never graded.
 */
function scoreMatching(key: Question, mine: Question): Scored {
  const given = new Map((mine.pairs ?? []).map((p) => [normalise(p.prompt), p.answer]));
  const answer = pairsText((mine.pairs ?? []).filter((p) => p.answer.trim() !== ''));
  const prompts = key.pairs ?? [];
  if (given.size !== prompts.length || prompts.some((p) => !given.has(normalise(p.prompt))))
    return {
      outcome: 'changed',
      points: 0,
      answer,
      feedback: [],
      changed:
        'The prompts of this question are not the ones the quiz lists now. Keep every prompt as it is and write only after the arrows, or make a new sheet with "enablekit take".',
    };
  if (!answer) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  const right = prompts.filter(
    (p) => normalise(given.get(normalise(p.prompt))!).trim() === normalise(p.answer).trim(),
  ).length;
  return shareOfParts(key, {
    all: right === prompts.length,
    share: right / prompts.length,
    said: `${right} of ${prompts.length} prompts are matched right`,
    answer,
  });
}

function scoreOrdering(key: Question, mine: Question, learner?: string): Scored {
  const order = mine.items.map((i) => i.text);
  const answer = order.map((t, i) => `${i + 1}. ${t}`).join(' ');
  if (order.length === 0) return { outcome: 'unanswered', points: 0, answer, feedback: [] };
  // Items are known by their text; each stands for its place in the key.
  const known = new Map(key.items.map((i, n) => [normalise(i.text), n]));
  const places = order.map((t) => known.get(normalise(t)));
  if (
    places.some((p) => p === undefined) ||
    new Set(places).size !== key.items.length ||
    places.length !== key.items.length
  ) {
    return {
      outcome: 'changed',
      points: 0,
      answer,
      feedback: [],
      changed:
        'The items of this question are not the ones the quiz lists now. Keep every item, change only their order, or make a new sheet with "enablekit take".',
    };
  }
  const ok = places.every((p, i) => p === i);
  if (ok || key.scoring !== 'partial')
    return { outcome: ok ? 'right' : 'wrong', points: ok ? key.weight : 0, answer, feedback: [] };
  // An order left as the sheet listed it is not one the learner chose: no partial credit for it.
  if (learner !== undefined && unmoved(key, order, learner))
    return {
      outcome: 'wrong',
      points: 0,
      answer,
      feedback: [
        'Your items are still in the order your sheet listed them, which is not the right one; partial credit is for an order you chose. Move them into yours.',
      ],
    };
  const { fraction, kept } = orderingCredit(places as number[]);
  const n = places.length;
  return {
    outcome: fraction > 0 ? 'partial' : 'wrong',
    points: fraction * key.weight,
    answer,
    feedback: [
      `${kept} of ${n} items are in the right order relative to each other (${n - kept} to move): ${percent(fraction)} of the question's credit.`,
    ],
  };
}

/**
 * Whether a learner's order is the one their sheet listed: the items as the quiz file shows them
 * (by letter: a sealed quiz's letters follow its shown order, an open one's its written order),
 * shuffled by the learner's login as `take` did.
 */
function unmoved(key: Question, order: string[], learner: string): boolean {
  const shown = [...key.items].sort((a, b) =>
    a.letter.length !== b.letter.length
      ? a.letter.length - b.letter.length
      : a.letter < b.letter
        ? -1
        : a.letter > b.letter
          ? 1
          : 0,
  );
  const listed = shuffledItems({ ...key, items: shown }, learner);
  return (
    listed.length === order.length && listed.every((t, i) => normalise(t) === normalise(order[i]!))
  );
}

export function correctAnswerOf(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      if (q.partial && hasChoiceCredits(q)) return creditAnswer(q);
      return q.choices
        .filter((c) => c.checked)
        .map((c) => `${c.letter}) ${c.text}`)
        .join('; ');
    case 'text':
      return (
        fullCredit(q).find((a) => !answerPattern(a.value))?.value ?? fullCredit(q)[0]?.value ?? ''
      );
    case 'numeric':
      if (q.numbers)
        return q.numbers
          .filter((n) => n.credit > 0)
          .map((n) => (n.credit === 1 ? numberText(n) : `${numberText(n)} (${percent(n.credit)})`))
          .join('; ');
      return q.numeric ? numberText(q.numeric) : '';
    case 'ordering':
      return q.items.map((i, n) => `${n + 1}. ${i.text}`).join(' ');
    case 'truefalse':
      return q.truth ? String(q.truth.value) : '';
    case 'matching':
      return pairsText(q.pairs ?? []);
    case 'open':
      // No key: a reviewer grades it against its rubric.
      return '';
    case 'cloze':
      return blanksText(
        (q.blanks ?? []).map((b) => ({
          n: b.n,
          text: b.choices.length
            ? b.choices
                .filter((c) => c.checked)
                .map((c) => c.text)
                .join(' + ')
            : (b.accepted.find((a) => !answerPattern(a.value) && (a.credit ?? 1) === 1)?.value ??
              b.accepted[0]?.value ??
              ''),
        })),
      );
  }
}

/** An open answer earns what a reviewer gives it: nothing is decided here but that it waits. */
function scoreOpen(mine: Question): Scored {
  const answer = mine.answerText?.value ?? '';
  if (!answer.trim()) return { outcome: 'unanswered', points: 0, answer: '', feedback: [] };
  return {
    outcome: 'pending',
    points: 0,
    answer,
    feedback: ['A reviewer grades this answer against the rubric; it earns nothing until then.'],
  };
}

export interface ScoredQuestion {
  result: QuestionResult;
  /** Feedback to add to the result only if the grade reveals the answers. */
  held: string[];
}

/** Grade one question, keeping apart the feedback only a reveal may show. */
export function scoreQuestion(
  key: Question,
  mine: Question | undefined,
  match: PatternMatcher,
  line: number,
  mark: DecimalMark = '.',
  /** The sheet's learner: an ordering question tells from it the order their sheet listed. */
  learner?: string,
): ScoredQuestion {
  const base = { id: key.id ?? '', type: key.type, prompt: key.prompt, weight: key.weight, line };
  if (!mine)
    return {
      result: {
        ...base,
        answer: '',
        outcome: 'unanswered',
        points: 0,
        feedback: ['This question is missing from your sheet.'],
      },
      held: [],
    };
  const s =
    key.type === 'single' || key.type === 'multiple'
      ? scoreChoices(key, mine)
      : key.type === 'text'
        ? scoreText(key, mine, match)
        : key.type === 'numeric'
          ? scoreNumeric(key, mine, mark)
          : key.type === 'truefalse'
            ? scoreTrueFalse(key, mine)
            : key.type === 'matching'
              ? scoreMatching(key, mine)
              : key.type === 'cloze'
                ? scoreCloze(key, mine, scoreChoices, (k, m) => scoreText(k, m, match))
                : key.type === 'open'
                  ? scoreOpen(mine)
                  : scoreOrdering(key, mine, learner);
  // The sheet's choice n is the key's choice n (choices compared by position): named by the key's letter.
  const picked =
    (key.type === 'single' || key.type === 'multiple') && s.outcome !== 'changed'
      ? mine.choices.flatMap((c, i) => (c.checked ? [key.choices[i]!.letter] : []))
      : undefined;
  return {
    result: {
      ...base,
      answer: s.answer,
      outcome: s.outcome,
      points: Math.round(s.points * 1000) / 1000,
      feedback: s.changed ? [s.changed] : s.feedback,
      ...(picked ? { picked } : {}),
    },
    held: s.held ?? [],
  };
}
