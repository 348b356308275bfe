import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import { durationMs } from '../text/duration.js';
import { compareVersions, formatVersion, parseVersion } from './semver.js';

export interface Release {
  tag: string;
  /** Features the release touched, with where each was found (explicit list, notes, pull requests). */
  features: Map<string, string>;
}

export interface StaleReason {
  kind: 'release' | 'review-interval' | 'unverified';
  message: string;
  features?: string[];
}

export interface Verdict {
  item: Item;
  status: 'fresh' | 'stale';
  reasons: StaleReason[];
}

const DAY = 86_400_000;

/** When the item's review interval runs out, as YYYY-MM-DD, or undefined without a verified date. */
export function reviewDue(item: Item, config: Config): string | undefined {
  const v = item.freshness.verified;
  const ms = durationMs(item.freshness.reviewEvery ?? config.policies.reviewEvery);
  if (!v || ms === undefined) return undefined;
  const t = Date.parse(`${v.date}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : new Date(t + ms).toISOString().slice(0, 10);
}

/** How far past its review interval an item is, or undefined while it is within it. */
export function reviewOverdue(
  item: Item,
  config: Config,
  today: string,
): { due: string; days: number; every: string } | undefined {
  const due = reviewDue(item, config);
  if (!due || due >= today) return undefined;
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY,
  );
  return { due, days, every: item.freshness.reviewEvery ?? config.policies.reviewEvery };
}

/**
 * Is an item still true? Stale when a release touched a feature it covers and it was
 * verified against an older version, when its review interval has run out, or when it
 * was never verified. `today` is YYYY-MM-DD.
 */
export function freshnessVerdict(
  item: Item,
  config: Config,
  today: string,
  release?: Release,
): Verdict {
  const reasons: StaleReason[] = [];
  const verified = item.freshness.verified;
  if (!verified)
    reasons.push({
      kind: 'unverified',
      message: `Expected ${item.type} "${item.id}" to say which product version it was verified against; found no verified:. Check it and add verified: {version, date}.`,
    });
  if (release) {
    const touched = item.freshness.covers.filter((f) => release.features.has(f));
    const rel = parseVersion(release.tag);
    const ver = verified ? parseVersion(verified.version) : undefined;
    if (touched.length && rel && (!ver || compareVersions(ver, rel) < 0)) {
      const how = touched.map((f) => `${f} (${release.features.get(f)})`).join(', ');
      reasons.push({
        kind: 'release',
        features: touched,
        message: `Expected ${item.type} "${item.id}" to be verified against ${formatVersion(rel)}, which changed ${how}; found ${verified ? `verified against ${verified.version}` : 'it never verified'}. Review it and mark it verified against ${formatVersion(rel)}.`,
      });
    }
  }
  const late = reviewOverdue(item, config, today);
  if (late) reasons.push({ kind: 'review-interval', message: overdueMessage(item, late) });
  return { item, status: reasons.length ? 'stale' : 'fresh', reasons };
}

export function overdueMessage(
  item: Item,
  late: { due: string; days: number; every: string },
): string {
  return `Expected ${item.type} "${item.id}" to be reviewed by ${late.due} (every ${late.every}); found it ${late.days} day${late.days === 1 ? '' : 's'} overdue. Review it, then mark it verified.`;
}
