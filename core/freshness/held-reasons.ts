import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import type { IssueData, StaleIssueData } from './stale-issue.js';
import {
  freshnessVerdict,
  overdueMessage,
  reviewOverdue,
  type Release,
  type StaleReason,
} from './verdict.js';

/** The releases enablekit's review issues recorded, by tag: what each one changed and where that was found. */
export function recordedReleases(existing: readonly { data: IssueData }[]): Map<string, Release> {
  const out = new Map<string, Release>();
  for (const { data } of existing)
    if (data.kind === 'review')
      out.set(data.release, {
        tag: data.release,
        features: new Map(Object.entries(data.features)),
      });
  return out;
}

/**
 * Every reason an item's issue records that still holds, each once: the releases it was
 * flagged for, oldest first, then its review interval. A run flags one kind of reason (a
 * release, or the passing of time) but rewrites the whole body, so the body is built from
 * the record, not from this run alone. A reason no longer holds once the item was verified
 * at or past that release, or is back within its review interval.
 */
export function heldReasons(
  item: Item,
  data: StaleIssueData,
  config: Config,
  today: string,
  releases: ReadonlyMap<string, Release>,
): StaleReason[] {
  const out: StaleReason[] = [];
  for (const tag of data.releases) {
    // Without its review issue (deleted by hand), the record's features stand in for what the release changed.
    const release = releases.get(tag) ?? {
      tag,
      features: new Map(data.features.map((f) => [f, 'as this issue recorded'])),
    };
    const reason = freshnessVerdict(item, config, today, release).reasons.find(
      (r) => r.kind === 'release',
    );
    if (reason) out.push(reason);
  }
  const late = data.reviewDue ? reviewOverdue(item, config, today) : undefined;
  if (late) out.push({ kind: 'review-interval', message: overdueMessage(item, late) });
  return out;
}
