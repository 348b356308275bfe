import type { Config } from '../config/config.js';
import type { Track } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { ProgressRecord } from './records.js';
import { checkpointCycles } from './recertification.js';
import { Gate, gatingOf } from './gate.js';

export type ModuleState =
  'not-started' | 'open' | 'locked' | 'submitted' | 'failed' | 'passed' | 'overdue' | 'recertify';

/** A release that changed what a passed checkpoint covers: a new pass is needed. */
export interface RecertifyNote {
  release: string;
  features: string[];
}

export interface ModuleStatus {
  module: string;
  state: ModuleState;
  due?: string;
  /** Locked: what to finish (or wait for) first, one sentence each (see gate.ts). */
  locked?: string[];
  /**
   * Per checkpoint of the module: passed, attempts so far and the best score, all of the
   * current cycle; `recertify` while a release has called an earlier pass into question.
   */
  checkpoints: {
    id: string;
    passed: boolean;
    attempts: number;
    best?: number;
    recertify?: RecertifyNote;
  }[];
}

export interface TrackStatus {
  track: string;
  complete: boolean;
  modules: ModuleStatus[];
}

/** The roles a learner is in, by login (teams are resolved by the adapter into `extraRoles`). */
export function rolesOf(login: string, config: Config, extraRoles: string[] = []): string[] {
  const l = login.toLowerCase();
  const roles = [...config.roles.values()]
    .filter((r) => r.learners.some((x) => x.toLowerCase() === l))
    .map((r) => r.id);
  return [...new Set([...roles, ...extraRoles])];
}

/**
 * Where a learner stands on every track of their roles: per module, from the records of
 * its checkpoints. `today` is YYYY-MM-DD; a module whose window is due and whose
 * checkpoints are not all passed is overdue. Given the config, a module not yet tried that
 * its track's gating holds back (prerequisites, earlier phase, window) is locked, with why
 * (an overdue one stays overdue, with the same why: the reminder names what to finish first).
 * A track is complete when every required
 * module with checkpoints is passed. A pass a release called into question is not current:
 * its module is to recertify until the checkpoint is passed again.
 */
export function learnerStatus(
  login: string,
  roles: string[],
  index: WorkspaceIndex,
  records: readonly ProgressRecord[],
  today: string,
  config?: Config,
): TrackStatus[] {
  const tracks = [...index.items()].filter(
    (i): i is Track => i.type === 'track' && i.roles.some((r) => roles.includes(r)),
  );
  tracks.sort((a, b) =>
    a.phase === b.phase ? a.id.localeCompare(b.id) : a.phase === 'foundation' ? -1 : 1,
  );
  const cycleOf = checkpointCycles(records, login);
  const gate = config && new Gate({ index, config, login, roles, records, today });
  return tracks.map((t) => {
    const modules = t.modules.map((entry): ModuleStatus => {
      const checkpoints = index.checkpointsOf(entry.module).map((c) => {
        const cycle = cycleOf(c.id);
        const rs = cycle.results;
        const scores = rs.flatMap((r) => (r.percent === undefined ? [] : [r.percent]));
        const again = cycle.recertify;
        return {
          id: c.id,
          passed: cycle.passed,
          attempts: rs.length,
          ...(scores.length ? { best: Math.max(...scores) } : {}),
          ...(again
            ? { recertify: { release: again.release ?? again.sha, features: again.features ?? [] } }
            : {}),
        };
      });
      const due = entry.window?.due ?? t.window?.due;
      const opens = entry.window?.opens ?? t.window?.opens;
      const passed = checkpoints.length > 0 && checkpoints.every((c) => c.passed);
      const tried = checkpoints.some((c) => c.attempts > 0);
      let state: ModuleState;
      // A lesson with no checkpoint has nothing to submit: it is open, never overdue.
      if (checkpoints.length === 0) state = opens && opens > today ? 'not-started' : 'open';
      else if (passed) state = 'passed';
      // Completed in time once: a release asking for a new pass does not make it overdue.
      else if (checkpoints.some((c) => c.recertify)) state = 'recertify';
      else if (due && due < today) state = 'overdue';
      else if (checkpoints.some((c) => c.attempts > 0 && !c.passed)) state = 'failed';
      else if (tried) state = 'submitted';
      else state = opens && opens > today ? 'not-started' : 'open';
      const locked =
        gate &&
        gatingOf(config, t) !== 'off' &&
        (state === 'open' || state === 'not-started' || state === 'overdue')
          ? gate.module(entry.module, t).map((r) => r.text)
          : [];
      if (locked.length && state !== 'overdue') state = 'locked';
      return {
        module: entry.module,
        state,
        ...(due ? { due } : {}),
        ...(locked.length ? { locked } : {}),
        checkpoints,
      };
    });
    const required = modules.filter((m, k) => m.checkpoints.length > 0 && !t.modules[k]!.optional);
    return {
      track: t.id,
      complete: required.length > 0 && required.every((m) => m.state === 'passed'),
      modules,
    };
  });
}
