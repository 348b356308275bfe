/** Whether the runtime's time zone database knows `name` (an IANA name such as America/Los_Angeles, or UTC). */
export function isTimeZone(name: string): boolean {
  if (!name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The IANA names the runtime knows, for suggesting one in place of a typo. */
export function knownTimeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return ['UTC', ...(supported ? supported('timeZone') : [])];
}

/**
 * The calendar date, YYYY-MM-DD, that a wall clock in `timeZone` shows at the instant
 * `now`. Read through Intl rather than the host's local time, so the CLI, the Action and
 * the editor agree whatever zone their machine is set to.
 */
export function todayIn(timeZone: string, now: Date): string {
  if (!isTimeZone(timeZone))
    throw new RangeError(
      `Expected an IANA time zone name such as America/Los_Angeles, or UTC; found "${timeZone}".`,
    );
  if (Number.isNaN(now.getTime()))
    throw new RangeError('Expected a valid instant to read the date of; found an invalid Date.');
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
