import type { Config } from '../config/config.js';
import { curriculaToday } from '../config/clock.js';
import { Gate, reasonsText } from '../progress/gate.js';
import { rolesOf } from '../progress/learner-status.js';
import type { ProgressRecord } from '../progress/records.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';

/** What gating says about one sheet of a pull request: nothing, a refusal (strict), or a note on its grade (advisory). */
export type SheetGate =
  { kind: 'open' } | { kind: 'refuse'; message: string } | { kind: 'note'; text: string };

/**
 * A sheet's checkpoint judged as the learner takes it now, from the progress issue's records
 * (undefined with `progress: false`: then only windows are known). Strict refuses before
 * anything is graded or recorded, so no attempt is used and a later run grades it once the
 * prerequisite is passed; advisory grades it and says it came out of order.
 */
export function sheetGate(i: {
  index: WorkspaceIndex;
  config: Config;
  learner: string;
  checkpoint: string;
  path: string;
  records: readonly ProgressRecord[] | undefined;
  now: string;
}): SheetGate {
  const gate = new Gate({
    index: i.index,
    config: i.config,
    login: i.learner,
    roles: rolesOf(i.learner, i.config),
    records: i.records,
    today: curriculaToday(i.config, new Date(i.now)),
  }).checkpoint(i.checkpoint);
  if (gate.open || gate.mode === 'off') return { kind: 'open' };
  const why = reasonsText(gate);
  if (gate.mode === 'strict')
    return {
      kind: 'refuse',
      message: `Expected "${i.checkpoint}" to be open to you; found it locked. ${why} Your answers are kept and nothing is recorded or counted: once that is done, push again or re-run this check to have it graded.`,
    };
  return {
    kind: 'note',
    text: `${i.path}: taken out of order, graded anyway (gating is advisory). ${why}`,
  };
}
