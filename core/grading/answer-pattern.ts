/** An accepted answer written `/re/flags` is a pattern; anything else is matched as plain text. */
const PATTERN = /^\/(.+)\/([a-z]*)$/s;

/** The pattern and flags of an accepted answer, or undefined when it is plain text. */
export function answerPattern(value: string): { source: string; flags: string } | undefined {
  const m = PATTERN.exec(value);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

/** `g` and `y` make `test` remember where it stopped, so one answer would grade two ways: they are dropped. */
export const matchFlags = (flags: string) => flags.replace(/[gy]/g, '');
