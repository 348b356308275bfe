import { todayIn } from '../text/today.js';
import type { Config } from './config.js';

/**
 * The one "today" every adapter judges dates by (review intervals, module windows, the
 * "as of" of progress bodies): the override when one is given (the CLI's --today, the
 * editor's enablekit.today), else the date at `now` in the curricula's time zone
 * (enablekit.yml `timezone:`, UTC when unset).
 */
export function curriculaToday(
  config: Pick<Config, 'timeZone'>,
  now: Date,
  override?: string,
): string {
  return override ?? todayIn(config.timeZone, now);
}
