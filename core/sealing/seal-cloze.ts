import type { Blank, Question } from '../model.js';
import type { AcceptedKey } from './quiz-key.js';

/** A cloze blank's answer in a key: the letter of its right choice, or its accepted answers. */
export interface BlankKey {
  correct?: string[];
  accepted?: (string | AcceptedKey)[];
}

type Lines = string[];
type DropSpan = (s: { start: { line: number }; end: { line: number } }) => void;

/**
 * Take a cloze question's answers out of its text: a choice blank keeps its choices, unticked
 * (the learner picks from them), a typed blank loses its list of accepted answers. The key holds
 * them by blank number.
 */
export function sealBlanks(
  q: Question,
  lines: Lines,
  dropSpan: DropSpan,
): Record<string, BlankKey> {
  const out: Record<string, BlankKey> = {};
  for (const b of q.blanks ?? []) {
    if (b.choices.length) {
      out[String(b.n)] = { correct: b.choices.filter((c) => c.checked).map((c) => c.letter) };
      for (const c of b.choices) {
        const at = c.span.start.line - 1;
        lines[at] = lines[at]!.replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\[[xX]\]/, '$1[ ]');
      }
    } else {
      out[String(b.n)] = {
        accepted: b.accepted.map((a) =>
          a.credit === undefined ? a.value : { value: a.value, credit: a.credit },
        ),
      };
      if (b.listSpan) dropSpan(b.listSpan);
    }
  }
  return out;
}

/** The sealed quiz's blanks with the key's answers merged back in. */
export function blanksFromKey(blanks: Blank[], key: Record<string, BlankKey>): Blank[] {
  return blanks.map((b) => {
    const k = key[String(b.n)];
    if (!k) return b;
    return {
      ...b,
      choices: b.choices.map((c) => ({ ...c, checked: (k.correct ?? []).includes(c.letter) })),
      accepted: (k.accepted ?? []).map((a) =>
        typeof a === 'string'
          ? { value: a, span: b.span }
          : {
              value: a.value,
              span: b.span,
              ...(a.credit !== undefined ? { credit: a.credit } : {}),
            },
      ),
    };
  });
}

/** What the key's letters of a cloze question were made against: its blanks and their choices. */
export const blanksShape = (q: Question): string =>
  q.blanks?.length
    ? `:${q.blanks.map((b) => `{${b.n}}${b.choices.map((c) => c.text).join('|')}`).join(',')}`
    : '';
