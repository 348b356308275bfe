import { foldText } from '../text/fold-text.js';

/** The decimal mark of the quiz's language: `2.5` or `2,5`. The other one groups thousands. */
export type DecimalMark = '.' | ',';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<DecimalMark, RegExp>();
function numberPattern(mark: DecimalMark): RegExp {
  let re = patterns.get(mark);
  if (!re) {
    const group = escape(mark === '.' ? ',' : '.');
    // Thousands in groups of three, all with one separator (the other mark, or a space), or no grouping at all.
    const whole = `\\d{1,3}(?:${group}\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+`;
    re = new RegExp(`^([+-]?)(${whole})?(?:${escape(mark)}(\\d+))?$`);
    patterns.set(mark, re);
  }
  return re;
}

/** Superscript, subscript, circled and other digits that NFKC turns into plain ones. */
const ODD_DIGITS =
  /[\u00B2\u00B3\u00B9\u2070-\u209F\u2150-\u218F\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/u;

/**
 * Letters whose case changes what a unit means: m milli and M mega, p pico and P peta,
 * b bit and B byte. Elsewhere case is taken as typing (`4 H` for `4 h`, `KM/H` for `km/h`).
 */
const CASE_MATTERS = /[mpb]/i;

/** The learner's unit against the key's, both folded: equal, or differing in case only where case means nothing. */
function sameUnit(given: string, key: string): boolean {
  if (given === key) return true;
  if (given.toLowerCase() !== key.toLowerCase()) return false;
  const k = [...key];
  return [...given].every((ch, i) => ch === k[i] || !CASE_MATTERS.test(ch));
}

/**
 * The answer as one number, read as a person reading the quiz's language would: an optional
 * sign, digits with thousands grouped in threes (`5,000`, or `5 000`), the decimal mark with
 * digits after it (`.3` is 0.3), and, only when the key writes one, the key's unit after it
 * (`4 h`, `4h`, `4 H`; see sameUnit). Anything else (`3 or 4`, `3abc`, `2.5.5`, `2½`, `1,5` with a `.` mark) is
 * not a number: undefined.
 */
export function readNumber(answer: string, mark: DecimalMark, unit?: string): number | undefined {
  // NFKC reads `10²` as `102` and `①` as `1`: digits like these are refused before folding.
  // They may stand in the unit (`m²`), which starts at its first letter.
  const numberPart = /^[^\p{L}%°]*/u.exec(answer)![0];
  if (ODD_DIGITS.test(numberPart)) return undefined;
  let s = foldText(answer);
  if (unit) {
    const u = foldText(unit);
    const at = s.length - u.length;
    if (at >= 0 && sameUnit(s.slice(at), u)) s = s.slice(0, at).trimEnd();
  }
  const m = numberPattern(mark).exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const whole = (m[2] ?? '0').replace(/\D/g, '');
  const value = Number(`${m[1]}${whole}.${m[3] ?? '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/** How to write a number for this quiz: the hint given with "not a number". */
export function numberHint(mark: DecimalMark, unit: string | undefined, answer: string): string {
  const examples = mark === '.' ? '2.5, -3 or 5,000' : '2,5, -3 or 5.000';
  const found = answer.trim().length > 40 ? `${answer.trim().slice(0, 40)}…` : answer.trim();
  return `Expected one number after "Answer:", such as ${examples}${unit ? `, optionally followed by ${unit}` : ''}; found "${found}". Write the number alone, with ${mark === '.' ? 'a point' : 'a comma'} as the decimal mark.`;
}
