import type { Config } from '../../core/config/config.js';
import type { Engine } from './engine.js';

/**
 * The day the editor judges dates by: the enablekit.today setting when it holds a date
 * (like the CLI's --today), else today in the curricula's time zone, through the same core
 * function the CLI and the Action use. Kept apart from VS Code so a test can call it.
 */
export function editorToday(
  engine: Pick<Engine, 'curriculaToday'>,
  setting: string,
  config: Pick<Config, 'timeZone'> | undefined,
  now: Date,
): string {
  return engine.curriculaToday(
    config ?? { timeZone: 'UTC' },
    now,
    /^\d{4}-\d{2}-\d{2}$/.test(setting) ? setting : undefined,
  );
}
