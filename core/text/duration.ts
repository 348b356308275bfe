const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  m: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

/** Milliseconds in a duration such as `24h` or `90d` (months are 30 days, years 365); undefined if malformed. */
export function durationMs(text: string): number | undefined {
  const m = /^([1-9][0-9]*)(h|d|w|m|y)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : undefined;
}
