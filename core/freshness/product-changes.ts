import picomatch from 'picomatch';
import type { Config } from '../config/config.js';
import { compareVersions, parseVersion } from './semver.js';

/** What changed in the product between two releases, as the compare API and its pull requests tell it. */
export interface ProductChanges {
  /** Paths changed between the previous release and this one. */
  paths: string[];
  /** Pull requests merged in between, with their labels. */
  pulls: { number: number; labels: string[] }[];
}

/** Pull request numbers named by merge and squash commit messages ("Merge pull request #12", "Fix (#12)"). */
export function pullNumbersIn(messages: readonly string[]): number[] {
  const found = new Set<number>();
  for (const m of messages) {
    const first = m.split('\n', 1)[0]!;
    const hit = /^Merge pull request #(\d+)/.exec(first) ?? /\(#(\d+)\)\s*$/.exec(first);
    if (hit) found.add(Number(hit[1]));
  }
  return [...found];
}

/** The greatest release tag before `current`, by semver; tags that are not versions are passed over. */
export function previousRelease(tags: readonly string[], current: string): string | undefined {
  const now = parseVersion(current);
  if (!now) return undefined;
  let best: { tag: string; v: NonNullable<ReturnType<typeof parseVersion>> } | undefined;
  for (const tag of tags) {
    const v = parseVersion(tag);
    if (!v || v.prerelease || compareVersions(v, now) >= 0) continue;
    if (!best || compareVersions(v, best.v) > 0) best = { tag, v };
  }
  return best?.tag;
}

/** Features whose registry labels or paths the product changes match, each with the first match that named it. */
export function featuresFromChanges(config: Config, changes: ProductChanges): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of config.features.values()) {
    const labels = new Set(f.labels.map((l) => l.toLowerCase()));
    const pull = labels.size
      ? changes.pulls.find((p) => p.labels.some((l) => labels.has(l.toLowerCase())))
      : undefined;
    if (pull) {
      const label = pull.labels.find((l) => labels.has(l.toLowerCase()))!;
      out.set(f.id, `pull request #${pull.number} labelled "${label}"`);
      continue;
    }
    if (!f.paths.length) continue;
    const match = picomatch(f.paths, { dot: true });
    const path = changes.paths.find((p) => match(p));
    if (path) out.set(f.id, `changed path ${path}`);
  }
  return out;
}
