import type { Writer } from '../core/progress/writer.js';

/** Where the GitHub layer reads and writes: the repository, whether to write at all, and whose writes it trusts. */
export interface RepoRef {
  owner: string;
  repo: string;
  dryRun: boolean;
  /** Who this run writes as: only what this identity wrote is trusted (default github-actions[bot]). */
  writer?: Writer;
}
