/** Marks people use for a tick that GitHub does not read as one: only `[x]` and `[X]` tick a task. */
// Look-alikes of x from other scripts (Cyrillic х, Greek χ, full-width ｘ) included.
const TICKS = new Set([
  'x',
  'X',
  'х',
  'Х',
  'χ',
  'ｘ',
  'Ｘ',
  '✓',
  '✔',
  '☑',
  '☒',
  '✅',
  '✗',
  '✘',
  '✕',
  '×',
  '⨯',
  'v',
  'V',
  '*',
  '●',
  '•',
  '■',
]);
const VARIANT = /^([[(])[ \t]*(\S{0,2}?)[ \t]*([\])])([ \t]*)([\s\S]*)$/u;

export interface TickVariant {
  ticked: boolean;
  /** The choice's text after the mark. */
  text: string;
  /** What was meant and how to write it. */
  message: string;
  /** The mark as written, and the spaces after it: what `[ ] ` or `[x] ` replaces. */
  written: string;
}

/**
 * A list item that starts like a choice but is not a GitHub task: `[✓]`, `[v]`, `(x)`,
 * `[]`, `( )`, or `[x]` with no space after it. Undefined for anything else, so prose
 * lists (`(a) …`, links) are left alone.
 */
export function tickVariant(itemText: string): TickVariant | undefined {
  const m = VARIANT.exec(itemText);
  if (!m) return undefined;
  const [, open, written, close, space, rest] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // An emoji tick may carry a variation selector (✔️).
  const mark = written.replace(/\uFE0F/g, '');
  if (open === '[' && close !== ']') return undefined;
  if (open === '(' && close !== ')') return undefined;
  const found = itemText.slice(0, itemText.length - rest.length - space.length);
  const asWritten = itemText.slice(0, itemText.length - rest.length);
  if (mark === '') {
    // `[ ]` itself is a GitHub task; reaching here means `[]`, `( )` or `[ ]` with no space after it.
    return {
      ticked: false,
      text: rest,
      written: asWritten,
      message: `Expected [ ] for a choice left empty; found ${found}${space ? '' : ` with no space after it`}. Write "- [ ] ${rest}".`,
    };
  }
  if (!TICKS.has(mark)) return undefined;
  if (
    (mark === 'x' || mark === 'X') &&
    open === '[' &&
    itemText.startsWith(`[${mark}]`) &&
    !space
  ) {
    return {
      ticked: true,
      text: rest,
      written: asWritten,
      message: `Expected [x] followed by a space to tick a choice; found "[${mark}]${rest.slice(0, 20)}". Write "- [x] ${rest}".`,
    };
  }
  return {
    ticked: true,
    text: rest,
    written: asWritten,
    message: `Expected [x] to tick a choice; found ${found}. Write [x].`,
  };
}
