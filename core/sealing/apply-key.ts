import type { Question, QuestionType, Quiz } from '../model.js';
import { QUESTION_TYPES } from '../model.js';
import { hasWrittenType } from '../parse/question-comment.js';
import { numberFromKey, type QuestionKey, type QuizKey } from './quiz-key.js';
import { blanksFromKey } from './seal-cloze.js';

/**
 * The sealed quiz with its key merged back in, for grading and for linting the answers:
 * ticks, accepted answers, values, the right order and the feedback, placed at the
 * questions they belong to. Questions the key does not name keep no answer.
 */
export function applyKey(quiz: Quiz, key: QuizKey): Quiz {
  const questions = quiz.questions.map((q): Question => {
    const k = q.id ? key.answers[q.id] : undefined;
    if (!k) return q;
    const kept =
      k.type && (QUESTION_TYPES as readonly string[]).includes(k.type) ? k.type : undefined;
    const type = kept ?? (hasWrittenType(q) ? q.type : (typeFromKey(k) ?? q.type));
    const choices = q.choices.map((c) => ({
      ...c,
      checked: (k.correct ?? []).includes(c.letter),
      ...(k.credit?.[c.letter] !== undefined ? { credit: k.credit[c.letter] } : {}),
      ...(k.feedback?.[c.letter] !== undefined
        ? { feedback: { text: k.feedback[c.letter]!, span: c.span } }
        : {}),
    }));
    const byLetter = new Map(q.items.map((i) => [i.letter, i]));
    const items = k.order
      ? k.order.flatMap((l) => (byLetter.has(l) ? [byLetter.get(l)!] : []))
      : q.items;
    return {
      ...q,
      type,
      choices,
      accepted: (k.accepted ?? []).map((a) =>
        typeof a === 'string'
          ? { value: a, span: q.span }
          : {
              value: a.value,
              span: q.span,
              ...(a.credit !== undefined ? { credit: a.credit } : {}),
              ...(a.feedback !== undefined ? { feedback: { text: a.feedback, span: q.span } } : {}),
            },
      ),
      ...(k.value !== undefined || (k.min !== undefined && k.max !== undefined)
        ? {
            numeric: {
              ...numberFromKey({
                value: k.value,
                tolerance: k.tolerance,
                min: k.min,
                max: k.max,
                unit: k.unit,
              })!,
              span: q.span,
            },
          }
        : {}),
      ...(k.numbers
        ? {
            numbers: k.numbers.flatMap((n) => {
              const read = numberFromKey(n);
              return read
                ? [
                    {
                      ...read,
                      credit: n.credit ?? 1,
                      ...(n.feedback !== undefined
                        ? { feedback: { text: n.feedback, span: q.span } }
                        : {}),
                      span: q.span,
                    },
                  ]
                : [];
            }),
          }
        : {}),
      ...(k.otherwise !== undefined ? { otherFeedback: { text: k.otherwise, span: q.span } } : {}),
      items,
      ...(k.truth !== undefined ? { truth: { value: k.truth, span: q.span } } : {}),
      ...(k.match && q.pairs
        ? { pairs: q.pairs.map((p) => ({ ...p, answer: k.match![p.letter] ?? '' })) }
        : {}),
      ...(k.blanks && q.blanks ? { blanks: blanksFromKey(q.blanks, k.blanks) } : {}),
      ...(k.explanation !== undefined
        ? { explanation: { text: k.explanation, span: q.span } }
        : {}),
      ...(q.hints && k.hints ? { hints: hintsFromKey(q.hints, k.hints) } : {}),
    };
  });
  return { ...quiz, questions, keyApplied: true };
}

/**
 * The type of a question sealed before keys kept it, from what its key holds: the sealed file
 * has no ticks or answers left to tell, so it reads every question as single choice.
 */
export function typeFromKey(k: QuestionKey): QuestionType | undefined {
  if (k.order) return 'ordering';
  if (k.truth !== undefined) return 'truefalse';
  if (k.match) return 'matching';
  if (k.blanks) return 'cloze';
  if (k.value !== undefined || k.min !== undefined || k.numbers) return 'numeric';
  if (k.accepted) return 'text';
  if (k.correct) return k.correct.length > 1 ? 'multiple' : 'single';
  return undefined;
}

/** The cost hints' texts, in order, from the key; free hints stay as the quiz has them. */
function hintsFromKey(hints: NonNullable<Question['hints']>, texts: string[]) {
  let k = 0;
  return hints.map((h) => (h.cost ? { ...h, text: texts[k++] ?? h.text } : h));
}
