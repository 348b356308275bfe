/** Where two versions of a text differ: they share `head` characters at the start and `tail` at the end. */
export interface TextChange {
  head: number;
  tail: number;
}

/** Compared a block at a time: string equality is native, a loop over characters is not. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= max && a.substring(n, n + BLOCK) === b.substring(n, n + BLOCK)) n += BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many characters a and b end with alike, not reaching into the first `head`. */
function commonSuffix(a: string, b: string, head: number): number {
  const max = Math.min(a.length, b.length) - head;
  let n = 0;
  while (
    n + BLOCK <= max &&
    a.substring(a.length - n - BLOCK, a.length - n) ===
      b.substring(b.length - n - BLOCK, b.length - n)
  )
    n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The one changed stretch between an old and a new version (an editor's keystroke is one). */
export function textChange(old: string, text: string): TextChange {
  const head = commonPrefix(old, text);
  return { head, tail: commonSuffix(old, text, head) };
}
