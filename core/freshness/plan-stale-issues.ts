import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { compareVersions, parseVersion } from './semver.js';
import {
  assigneeOf,
  STALE_LABEL,
  staleIssueBody,
  staleIssueTitle,
  type IssueData,
  type Mention,
  type StaleIssueData,
} from './stale-issue.js';
import { freshnessVerdict, reviewDue, reviewOverdue, type Release } from './verdict.js';
import { heldReasons, recordedReleases } from './held-reasons.js';

/** An issue enablekit opened before, with the record read from its body. */
export interface ExistingIssue {
  number: number;
  open: boolean;
  data: IssueData;
}

export type ItemOp =
  | {
      kind: 'create';
      item: Item;
      data: StaleIssueData;
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
    }
  | {
      kind: 'update';
      number: number;
      item: Item;
      data: StaleIssueData;
      body: string;
      reopen: boolean;
    }
  | {
      kind: 'close';
      number: number;
      itemId: string;
      comment: string;
      reason: 'completed' | 'not_planned';
    };

export interface FlagInput {
  index: WorkspaceIndex;
  config: Config;
  today: string;
  /** With a release: flag items it made stale. Without: flag items whose review interval ran out. */
  release?: Release;
  existing: readonly ExistingIssue[];
  /** The lines of an item's file that name any of `names`; the adapter reads the file. */
  mentions: (item: Item, names: string[]) => Mention[];
  fileUrl?: (item: Item) => string;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export function itemIssues(
  existing: readonly ExistingIssue[],
): Map<string, ExistingIssue & { data: StaleIssueData }> {
  const out = new Map<string, ExistingIssue & { data: StaleIssueData }>();
  // The newest issue of an item wins should two ever exist (a person copied one, say).
  for (const e of [...existing].sort((a, b) => a.number - b.number))
    if (e.data.kind === 'item') out.set(e.data.item, e as ExistingIssue & { data: StaleIssueData });
  return out;
}

/**
 * Which item issues to open or update: one per stale item, found again by its record.
 * An item already flagged for this release (or this review date) and still open is left
 * alone, so nothing is flagged twice; a closed one that is stale again is reopened.
 */
export function planFlags(input: FlagInput): ItemOp[] {
  const { index, config, today, release } = input;
  const byItem = itemIssues(input.existing);
  const releases = recordedReleases(input.existing);
  if (release) releases.set(release.tag, release);
  const ops: ItemOp[] = [];
  const items = [...index.items()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const item of items) {
    const verdict = freshnessVerdict(item, config, today, release);
    const found = verdict.reasons.filter((r) =>
      release ? r.kind === 'release' : r.kind === 'review-interval',
    );
    if (!found.length) continue;
    const prior = byItem.get(item.id);
    const features = found.flatMap((r) => r.features ?? []);
    // A release keeps the review date on record, moved to the current one if the item is still overdue.
    const due = !release
      ? reviewDue(item, config)
      : prior?.data.reviewDue && reviewOverdue(item, config, today)
        ? reviewDue(item, config)
        : prior?.data.reviewDue;
    if (
      prior?.open &&
      (release ? prior.data.releases.includes(release.tag) : prior.data.reviewDue === due)
    )
      continue;
    const data: StaleIssueData = {
      kind: 'item',
      item: item.id,
      releases: union(prior?.data.releases ?? [], release ? [release.tag] : []),
      features: union(prior?.data.features ?? [], features),
      ...(due ? { reviewDue: due } : {}),
    };
    // The body says every reason that still holds, not only the one this run found.
    const reasons = heldReasons(item, data, config, today, releases);
    const names = [...new Set(reasons.flatMap((r) => r.features ?? []))].flatMap((f) => {
      const feature = config.features.get(f);
      return [f, ...(feature?.name ? [feature.name] : []), ...(feature?.aliases ?? [])];
    });
    const body = staleIssueBody({
      item,
      data,
      reasons,
      mentions: input.mentions(item, names),
      ...(input.fileUrl ? { fileUrl: input.fileUrl(item) } : {}),
    });
    if (prior)
      ops.push({ kind: 'update', number: prior.number, item, data, body, reopen: !prior.open });
    else {
      const assignee = assigneeOf(item.freshness.owner);
      ops.push({
        kind: 'create',
        item,
        data,
        title: staleIssueTitle(item),
        body,
        labels: [STALE_LABEL],
        assignees: assignee ? [assignee] : [],
      });
    }
  }
  return ops;
}

/** Why an item's open issue may close now, or undefined while it is still stale. */
export function closingReason(
  item: Item | undefined,
  data: StaleIssueData,
  config: Config,
  today: string,
): { reason: 'completed' | 'not_planned'; why: string } | undefined {
  if (!item)
    return {
      reason: 'not_planned',
      why: `The item \`${data.item}\` is no longer in the curricula.`,
    };
  const verified = item.freshness.verified;
  const v = verified ? parseVersion(verified.version) : undefined;
  const latest = data.releases
    .map((r) => parseVersion(r))
    .filter((x) => x !== undefined)
    .sort(compareVersions)
    .at(-1);
  if (latest && (!v || compareVersions(v, latest) < 0)) return undefined;
  if (data.reviewDue && reviewOverdue(item, config, today)) return undefined;
  if (!verified) return undefined;
  return { reason: 'completed', why: `Verified against ${verified.version} on ${verified.date}` };
}

/** Item issues to close because their item is verified at or past every release they were flagged for. */
export function planCloses(
  index: WorkspaceIndex,
  config: Config,
  today: string,
  existing: readonly ExistingIssue[],
  commitUrl: string,
): ItemOp[] {
  const ops: ItemOp[] = [];
  for (const issue of itemIssues(existing).values()) {
    if (!issue.open) continue;
    const close = closingReason(index.item(issue.data.item), issue.data, config, today);
    if (close)
      ops.push({
        kind: 'close',
        number: issue.number,
        itemId: issue.data.item,
        reason: close.reason,
        comment: `${close.why} in ${commitUrl}. Closing.`,
      });
  }
  return ops;
}
