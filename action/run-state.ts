import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KeptAnswer } from '../github/conditional-reads.js';
import type { ProgressSnapshot } from '../github/progress-issues.js';

/**
 * What a scheduled run keeps for the next one, in a file under `state-path` that the workflow
 * carries from run to run with the Actions cache (actions/cache): the progress issues as read,
 * with the mark from which the next run reads only what changed, and the REST answers with their
 * ETags for conditional requests. It only saves reads: without it (a first run, a cache
 * evicted after a week unused) a run reads everything, as before. The truth stays in the issues.
 */
export interface RunState {
  version: 1;
  /** The repository, API and writer it was read for: a state kept for another is not used. */
  for: string;
  progress?: ProgressSnapshot;
  answers: Record<string, KeptAnswer>;
}

const FILE = 'run-state.json.gz';

const keyOf = (ctx: { apiUrl: string; owner: string; repo: string; writer: { login: string } }) =>
  `${ctx.apiUrl} ${ctx.owner}/${ctx.repo} ${ctx.writer.login.toLowerCase()}`;

/** The last run's state, or nothing (none kept, unreadable, or kept for another repository or writer). */
export function readRunState(
  dir: string,
  ctx: Parameters<typeof keyOf>[0],
  warn: (m: string) => void,
): RunState | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(join(dir, FILE));
  } catch {
    return undefined;
  }
  try {
    const s = JSON.parse(gunzipSync(raw).toString('utf8')) as RunState;
    if (s.version === 1 && s.for === keyOf(ctx)) return s;
  } catch (e) {
    warn(
      `Expected ${join(dir, FILE)} to be the state a scheduled run kept; found it unreadable (${(e as Error).message}). Reading every progress issue instead; the next run keeps a new one.`,
    );
  }
  return undefined;
}

/** Keep this run's state for the next: written whole, then moved into place, so a run stopped mid-write leaves the last one. */
export function writeRunState(
  dir: string,
  ctx: Parameters<typeof keyOf>[0],
  s: Omit<RunState, 'version' | 'for'>,
): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, FILE);
  const state: RunState = { version: 1, for: keyOf(ctx), ...s };
  writeFileSync(`${path}.tmp`, gzipSync(JSON.stringify(state)));
  renameSync(`${path}.tmp`, path);
  return path;
}
