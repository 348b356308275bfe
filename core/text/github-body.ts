/**
 * GitHub refuses an issue, pull request or comment body over 65,536 characters. Bodies here
 * are measured in UTF-16 code units (JavaScript's length), never fewer than GitHub's count
 * of characters, so a body within this fits.
 */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * A body that fits GitHub's limit: `visible` cut at the last whole line that leaves room for
 * a note saying how many lines were left out and where to see them, then `tail` (hidden
 * records, which are never cut: a cut record would lose an attempt). Unchanged when it fits.
 */
export function fitBody(visible: string, tail: string, whereFull: string): string {
  const whole = `${visible}\n${tail}`;
  if (whole.length <= GITHUB_BODY_LIMIT) return whole;
  const lines = visible.split('\n');
  const note = (left: number) =>
    `\n\n> ${left} line${left === 1 ? '' : 's'} of results left out here to fit GitHub's ${GITHUB_BODY_LIMIT.toLocaleString('en')}-character limit. ${whereFull}\n`;
  const room = GITHUB_BODY_LIMIT - tail.length - 1 - note(lines.length).length;
  let kept = 0;
  let size = 0;
  while (kept < lines.length && size + lines[kept]!.length + 1 <= room)
    size += lines[kept++]!.length + 1;
  return `${lines.slice(0, kept).join('\n')}${note(lines.length - kept)}\n${tail}`;
}
