/**
 * What the linear pre-scans (the *-guard.ts files) and the unclosed-block check need to
 * know of a line: whether it opens or closes a code fence. One reading for all of them, so
 * a guard never counts inside a fence another one skips.
 */

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The run of backticks or tildes a line starts with (after up to three spaces), if any. */
export function fenceMarker(text: string, pos: number, next: number): string | undefined {
  let k = pos;
  while (k < next && k - pos < 4 && text.charCodeAt(k) === 32) k++;
  const first = text.charCodeAt(k);
  // Only a line whose first mark is a backtick or tilde can be a fence: the rest skip the regex.
  return first === 96 || first === 126
    ? FENCE.exec(text.slice(pos, Math.min(next, pos + 16)))?.[1]
    : undefined;
}

/** Whether `marker` closes the fence `fence` opened: the same character, at least as many. */
export const closesFence = (marker: string, fence: string) =>
  marker[0] === fence[0] && marker.length >= fence.length;

/** The 1-based line `offset` is on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
