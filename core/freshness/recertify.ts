import type { Checkpoint } from '../model.js';
import { isCheckpoint } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';

/**
 * Checkpoints whose completions a release calls into question: those covering a touched
 * feature, or closing a module that does. Progress tracking marks these for recertification.
 */
export function checkpointsToRecertify(
  index: WorkspaceIndex,
  touched: ReadonlySet<string>,
): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const item of index.items()) {
    if (!isCheckpoint(item)) continue;
    const module = index.item(item.module);
    const covers = [...item.freshness.covers, ...(module?.freshness.covers ?? [])];
    if (covers.some((f) => touched.has(f))) out.push(item);
  }
  return out;
}
