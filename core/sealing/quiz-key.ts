import type { QuestionType, Quiz } from '../model.js';
import { choiceLabel } from '../text/choice-label.js';
import { hasWrittenType } from '../parse/question-comment.js';
import { matchOptions } from '../grading/match-options.js';
import { blanksShape, sealBlanks, type BlankKey } from './seal-cloze.js';
import { hintBlocks } from '../grading/sheet-template.js';

/** A quiz's answers by question id, in the shape of schemas/quiz-key.schema.json. */
export interface QuizKey {
  quiz: string;
  answers: Record<string, QuestionKey>;
}

export interface QuestionKey {
  /**
   * The question's type as the author's file gave it. A quiz may leave `type=` out and let
   * the ticks, `Answer:` line or list say it; sealed, those are gone, so the key says it.
   * Keys sealed before it was kept have none: see typeFromKey.
   */
  type?: QuestionType;
  correct?: string[];
  /** Text: accepted answers in order; one with a credit or feedback as `{ value, credit, feedback }`. */
  accepted?: (string | AcceptedKey)[];
  value?: number;
  tolerance?: number;
  /** The unit written after the value (`4 h`): a learner may write it too. */
  unit?: string;
  /** Numeric, `Answer: 1..5`: the range, both ends included (instead of value and tolerance). */
  min?: number;
  max?: number;
  /** Numeric, `Accepted numbers:`: each number with its credit and feedback, in the order grading tries them. */
  numbers?: NumberKey[];
  /** Numeric, `Accepted numbers:`: the feedback for any other number ("Any other answer"). */
  otherwise?: string;
  order?: string[];
  /** True/false: the right answer. */
  truth?: boolean;
  /** Matching: each prompt's answer, by the prompt's letter. */
  match?: Record<string, string>;
  /** Cloze: each blank's answer, by its number. */
  blanks?: Record<string, BlankKey>;
  explanation?: string;
  feedback?: Record<string, string>;
  /** Single and multiple: the credit written on a choice (`(credit 50%)`), by letter, -1 to 1. */
  credit?: Record<string, number>;
  /** The text of each hint with a cost, in order: the sealed quiz says how to ask for it instead. */
  hints?: string[];
}

export interface AcceptedKey {
  value: string;
  credit?: number;
  feedback?: string;
}

/** One accepted number in a key: a value (± tolerance) or a range min..max, its credit (1 when left out) and feedback. */
export interface NumberKey {
  value?: number;
  tolerance?: number;
  min?: number;
  max?: number;
  unit?: string;
  credit?: number;
  feedback?: string;
}

function numberKey(n: {
  value: number;
  tolerance: number;
  range?: [number, number];
  unit?: string;
}): NumberKey {
  return {
    ...(n.range
      ? { min: n.range[0], max: n.range[1] }
      : { value: n.value, ...(n.tolerance ? { tolerance: n.tolerance } : {}) }),
    ...(n.unit ? { unit: n.unit } : {}),
  };
}

/** A key's number as the model holds it; undefined when it gives neither a value nor both ends of a range. */
export function numberFromKey(
  k: NumberKey,
): { value: number; tolerance: number; range?: [number, number]; unit?: string } | undefined {
  const unit = k.unit ? { unit: k.unit } : {};
  if (k.min !== undefined && k.max !== undefined)
    return {
      value: (k.min + k.max) / 2,
      tolerance: (k.max - k.min) / 2,
      range: [k.min, k.max],
      ...unit,
    };
  if (k.value === undefined) return undefined;
  return { value: k.value, tolerance: k.tolerance ?? 0, ...unit };
}

export type SealResult =
  { ok: true; key: QuizKey; sealedText: string } | { ok: false; line: number; message: string };

/** Fills an array with random 32-bit values: Web Crypto's getRandomValues, or a test's own. */
export type RandomSource = (into: Uint32Array) => Uint32Array;

const cryptoRandom: RandomSource = (into) => globalThis.crypto.getRandomValues(into);

/**
 * A uniformly random order of the items, drawn at seal time. It must not follow from
 * anything public: an order seeded by the quiz id could be replayed and undone from the
 * sealed file. The right order is kept only in the encrypted key. Any order may come out,
 * the written one too: ruling it out would give the answer away for two items.
 */
export function randomOrder<T>(items: readonly T[], random: RandomSource = cryptoRandom): T[] {
  const out = [...items];
  const word = new Uint32Array(1);
  for (let i = out.length - 1; i > 0; i--) {
    // Rejection sampling keeps every order equally likely.
    const bound = i + 1;
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    let r: number;
    do r = random(word)[0]!;
    while (r >= limit);
    const j = r % bound;
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ACCEPTED = /^\s*accepted(\s+answers?)?\s*:?\s*$/i;
/** A choice's credit as written at the end of one of its lines (see quiz-body.ts). */
const CHOICE_CREDIT_TEXT = /\(credit\s+[-+−]?\d+(?:\.\d+)?\s*%\)\s*$/i;

/**
 * Move a quiz's answers out of its text: the ticks, accepted answers, `Answer:` lines,
 * explanations and per-choice feedback go into the key; ordering items are shuffled (their
 * source order is the answer) and the key keeps the right order by letter. Everything
 * else (front matter, prose, questions, choices) stays as written, and `key:` names the
 * key file. The quiz must be parsed from `text`.
 */
export function sealQuiz(
  quiz: Quiz,
  text: string,
  keyFile: string,
  random: RandomSource = cryptoRandom,
): SealResult {
  if (quiz.key)
    return {
      ok: false,
      line: 1,
      message: `Expected a quiz with its answers in it; found it sealed already (key: ${quiz.key}). Unseal it first to change it.`,
    };
  const lines = text.split('\n');
  const drop = new Set<number>();
  const dropSpan = (s: { start: { line: number }; end: { line: number } }) => {
    for (let l = s.start.line; l <= s.end.line; l++) drop.add(l - 1);
  };
  const key: QuizKey = { quiz: quiz.id, answers: {} };
  for (const q of quiz.questions) {
    if (!q.id)
      return {
        ok: false,
        line: q.span.start.line,
        message: `Expected every question to have an id (<!-- question id=... -->) before sealing; found "${q.prompt}" without one. The key names answers by question id.`,
      };
    const k: QuestionKey = { type: q.type };
    if (q.type === 'single' || q.type === 'multiple') {
      k.correct = q.choices.filter((c) => c.checked).map((c) => c.letter);
      for (const c of q.choices) {
        // The checkbox may sit on a later line of the item (`-` alone, then `  [x] A`): untick it wherever it is.
        const from = c.span.start.line - 1;
        const item = lines
          .slice(from, c.span.end.line)
          .join('\n')
          .replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\[[xX]\]/, '$1[ ]')
          .split('\n');
        if (c.credit !== undefined) {
          (k.credit ??= {})[c.letter] = c.credit;
          // On the choice's own lines, above its feedback: the credit tells which choices are right.
          const last = (c.feedback?.span.start.line ?? c.span.end.line + 1) - 1 - from;
          for (let l = 0; l < last && l < item.length; l++)
            // No leading \s* in the pattern: a long run of spaces before a near miss stays linear.
            if (CHOICE_CREDIT_TEXT.test(item[l]!))
              item[l] = item[l]!.replace(CHOICE_CREDIT_TEXT, '').trimEnd();
        }
        lines.splice(from, item.length, ...item);
        if (c.feedback) {
          (k.feedback ??= {})[c.letter] = c.feedback.text;
          dropSpan(c.feedback.span);
        }
      }
    } else if (q.type === 'text') {
      k.accepted = q.accepted.length
        ? q.accepted.map((a) =>
            a.credit === undefined && !a.feedback
              ? a.value
              : {
                  value: a.value,
                  ...(a.credit !== undefined ? { credit: a.credit } : {}),
                  ...(a.feedback ? { feedback: a.feedback.text } : {}),
                },
          )
        : q.answerText
          ? [q.answerText.value]
          : [];
      if (q.otherFeedback) k.otherwise = q.otherFeedback.text;
      if (q.acceptedSpan) dropSpan(q.acceptedSpan);
      else if (q.accepted.length) {
        let first = q.accepted[0]!.span.start.line - 1;
        while (first > 0 && !ACCEPTED.test(lines[first]!)) first--;
        for (let l = first; l < q.accepted.at(-1)!.span.end.line; l++) drop.add(l);
      }
      if (q.answerText) dropSpan(q.answerText.span);
    } else if (q.type === 'numeric' && (q.numeric || q.numbersSpan)) {
      if (q.numeric) {
        Object.assign(k, numberKey(q.numeric));
        dropSpan(q.numeric.span);
      }
      if (q.numbersSpan) {
        k.numbers = (q.numbers ?? []).map((n) => ({
          ...numberKey(n),
          ...(n.credit !== 1 ? { credit: n.credit } : {}),
          ...(n.feedback ? { feedback: n.feedback.text } : {}),
        }));
        if (q.otherFeedback) k.otherwise = q.otherFeedback.text;
        dropSpan(q.numbersSpan);
      }
    } else if (q.type === 'matching' && q.pairs) {
      // A pair's later lines would stay behind when its answer is taken off its first: refused, not guessed.
      const long = [...q.pairs, ...(q.distractors ?? [])].find(
        (p) => p.span.end.line > p.span.start.line,
      );
      if (long)
        return {
          ok: false,
          line: long.span.start.line,
          message: `Expected each pair of a matching question on one line before sealing; found one on lines ${long.span.start.line}-${long.span.end.line} of question "${q.id}". Write each pair on one line, and seal again.`,
        };
      k.match = Object.fromEntries(q.pairs.map((p) => [p.letter, p.answer]));
      for (const p of q.pairs) {
        const at = p.span.start.line - 1;
        lines[at] = lines[at]!.replace(/\s*(?:→|->).*$/, ' →');
      }
      for (const d of q.distractors ?? []) dropSpan(d.span);
      // The answers to choose from, in an order that says nothing of the pairing.
      const last = q.pairs.at(-1);
      if (last) {
        const at = last.span.start.line - 1;
        lines[at] = `${lines[at]}\n\nChoose from:\n\n${matchOptions(q)
          .map((o) => `- ${o}`)
          .join('\n')}`;
      }
    } else if (q.type === 'cloze' && q.blanks) {
      k.blanks = sealBlanks(q, lines, dropSpan);
    } else if (q.type === 'truefalse' && q.truth) {
      k.truth = q.truth.value;
      dropSpan(q.truth.span);
    } else if (q.type === 'ordering') {
      // An item's later lines would stay where they are when its first line is swapped for another item: refused, not guessed.
      const long = q.items.find((i) => i.span.end.line > i.span.start.line);
      if (long)
        return {
          ok: false,
          line: long.span.start.line,
          message: `Expected each item to put in order on one line before sealing; found "${long.text.replace(/\s+/g, ' ')}" on lines ${long.span.start.line}-${long.span.end.line} of question "${q.id}". Write each item on one line, and seal again.`,
        };
      const shown = randomOrder(
        q.items.map((i) => i.text),
        random,
      );
      k.order = q.items.map((i) => choiceLabel(shown.indexOf(i.text)));
      q.items.forEach((item, n) => {
        const at = item.span.start.line - 1;
        lines[at] = lines[at]!.replace(/^(\s*\d+[.)]\s+).*$/, `$1${shown[n]}`);
      });
    }
    if (q.explanation) {
      k.explanation = q.explanation.text;
      dropSpan(q.explanation.span);
    }
    const bad = q.hints?.find((h) => h.problem);
    if (bad) return { ok: false, line: bad.span.start.line, message: bad.problem! };
    // A cost hint's text goes into the key; in its place, how to ask the Action for it.
    for (const h of (q.hints ?? []).filter((x) => x.cost)) {
      (k.hints ??= []).push(h.text);
      dropSpan(h.span);
      const at = h.span.start.line - 1;
      drop.delete(at);
      lines[at] = hintBlocks(quiz.id, { ...q, hints: [h] }).trimEnd();
    }
    key.answers[q.id] = k;
    // A type the markup gave (ticks, "Answer:", a list) goes with the markup: written down, so
    // the sealed file, and the sheets made from it, ask for the same kind of answer.
    if (
      !hasWrittenType(q) &&
      q.metaSpan &&
      !lines.slice(q.metaSpan.start.line - 1, q.metaSpan.end.line).some((l) => /\btype=/.test(l))
    ) {
      const at = q.metaSpan.start.line - 1;
      lines[at] = lines[at]!.replace(/<!--(\s*)question\b/, `<!--$1question type=${q.type}`);
    }
  }
  const kept = lines.filter((_, i) => !drop.has(i));
  // Removing blocks leaves runs of blank lines; one is enough.
  const tidy = kept.filter((l, i) => !(l.trim() === '' && kept[i - 1]?.trim() === ''));
  const close = tidy.indexOf('---', 1);
  if (close === -1)
    return {
      ok: false,
      line: 1,
      message: 'Expected front matter between --- lines; found none. Fix the quiz before sealing.',
    };
  tidy.splice(close, 0, `key: ${keyFile}`);
  return { ok: true, key, sealedText: tidy.join('\n') };
}

/** What the key's letters were made against: a quiz whose questions or choices changed since needs sealing again. */
export function quizShape(quiz: Quiz): string {
  return quiz.questions
    .map(
      (q) =>
        `${q.id}:${q.type}:${q.choices.map((c) => c.text).join('|')}:${q.items.map((i) => i.text).join('|')}${q.pairs?.length ? `:${q.pairs.map((p) => p.prompt).join('|')}` : ''}${costHints(q)}${blanksShape(q)}`,
    )
    .join('\n');
}

/** The places of a question's cost hints, when it has any: the key's hint texts are in their order. */
const costHints = (q: Quiz['questions'][number]) => {
  const ns = (q.hints ?? []).filter((h) => h.cost).map((h) => h.n);
  return ns.length ? `:hints=${ns.join('|')}` : '';
};
