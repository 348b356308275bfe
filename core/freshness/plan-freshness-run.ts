import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { itemIssues, planCloses, planFlags, type ItemOp } from './plan-stale-issues.js';
import {
  mentionLines,
  readIssueData,
  REVIEW_LABEL,
  reviewIssueBody,
  reviewIssueTitle,
  STALE_LABEL,
  type IssueData,
  type ReviewEntry,
  type ReviewIssueData,
} from './stale-issue.js';
import { touchedFeatures, type FeatureSource, type ReleaseEvidence } from './touched-features.js';
import type { Release } from './verdict.js';

export type FreshnessMode = 'release' | 'schedule' | 'push';

/** An issue as the listing of enablekit's stale issues read it. */
export interface ReadIssue {
  number: number;
  state: string;
  body?: string | null;
}

export interface FreshnessRunInput {
  mode: FreshnessMode;
  /** Release mode: the tag and what says which features it touched, asked in `order`. */
  release?: { tag: string; evidence: ReleaseEvidence; order: readonly FeatureSource[] };
  /** Push mode (to the default branch): the commit, linked from each closing comment. */
  push?: { sha: string };
  index: WorkspaceIndex;
  config: Config;
  today: string;
  issues: readonly ReadIssue[];
  /** An item's file as read from the workspace, or undefined when it cannot be read. */
  fileText: (item: Item) => string | undefined;
  /** Where files and commits are linked: the server, the repository and the ref the files are read at. */
  urls: { server: string; owner: string; repo: string; ref: string };
  /** Writes the run may make (operations-per-run); a dry run plans the same writes and makes none. */
  operations: number;
  dryRun: boolean;
}

/** A release review's body, rendered once the numbers of issues this run opens are known. */
export interface ReviewBody {
  review: ReviewIssueData;
  entries: ReviewEntry[];
}

/**
 * One write to GitHub. An issue number below zero stands for an issue this run opens
 * (the `opens` of an earlier open write): GitHub gives its number only when it is made.
 */
export type FreshnessWrite = (
  | {
      kind: 'open';
      opens: number;
      title: string;
      body: string | ReviewBody;
      labels: string[];
      assignees: string[];
    }
  | { kind: 'update'; number: number; body: string | ReviewBody; state?: 'open' | 'closed' }
  | { kind: 'comment-close'; number: number; comment: string; reason: 'completed' | 'not_planned' }
) & {
  /** The item or release the write is for. */
  about: { item: string } | { release: string };
  /** How many API writes it takes, counted against the operations budget. */
  cost: number;
  /** What it does, as a dry run says it. */
  what: string;
};

export interface FreshnessOutcome {
  mode: FreshnessMode;
  release?: string;
  features: Record<string, string>;
  opened: number;
  updated: number;
  closed: number;
  /** Operations left for the next run because the budget ran out. */
  deferred: number;
  items: { id: string; issue?: number; op: ItemOp['kind'] }[];
}

export interface FreshnessPlan {
  writes: FreshnessWrite[];
  /** Counts and items as they will be once the writes are made; issue numbers below zero are issues the run opens. */
  outcome: FreshnessOutcome;
  /** Release mode: the touched features and the explicit ids not in the registry, for the run to report. */
  release?: Release & { unknown: string[] };
}

interface Live {
  number: number;
  open: boolean;
  data: IssueData;
  body?: string;
}

/** The text of a write's body, given the numbers GitHub gave the issues this run opened. */
export function writeBody(
  body: string | ReviewBody,
  numberOf: (n: number) => number = (n) => n,
): string {
  if (typeof body === 'string') return body;
  return reviewIssueBody(
    body.review,
    body.entries.map((e) => (e.number ? { ...e, number: numberOf(e.number) } : e)),
  );
}

/** The release a review issue was opened for, as its hidden record keeps it. */
const recordedRelease = (d: ReviewIssueData): Release => ({
  tag: d.release,
  features: new Map(Object.entries(d.features)),
});

/**
 * A freshness run, decided from what was read: flag training a release or the passing of
 * time made stale, one issue per item, and close those issues when their item is verified
 * again. The writes come in the order they are to be made and stop where the operations
 * budget does: every decision below (what is deferred, what a review lists) depends on
 * what fitted, so the budget is planned here and the executor only makes the writes.
 */
export function planFreshnessRun(input: FreshnessRunInput): FreshnessPlan {
  const { index, config, today, mode, dryRun } = input;
  const { server, owner, repo, ref } = input.urls;
  const outcome: FreshnessOutcome = {
    mode,
    features: {},
    opened: 0,
    updated: 0,
    closed: 0,
    deferred: 0,
    items: [],
  };
  const writes: FreshnessWrite[] = [];
  let left = input.operations;
  /** Plan the write, or return false having planned nothing: it does not fit while `reserve` are kept back. */
  const spend = (write: FreshnessWrite, reserve = 0): boolean => {
    if (left - write.cost < reserve) return false;
    left -= write.cost;
    writes.push(write);
    return true;
  };
  const fileUrl = (item: Item) => `${server}/${owner}/${repo}/blob/${ref}/${item.file}`;
  const mentions = (item: Item, names: string[]) => {
    const text = input.fileText(item);
    return text === undefined
      ? []
      : mentionLines(text, names).map((m) => ({ ...m, url: `${fileUrl(item)}#L${m.line}` }));
  };

  // One listing finds every issue enablekit opened: item issues and release reviews both carry the stale label.
  const live = new Map<number, Live>();
  for (const i of input.issues) {
    const data = readIssueData(i.body);
    if (data)
      live.set(i.number, { number: i.number, open: i.state === 'open', data, body: i.body ?? '' });
  }
  const existing = () => [...live.values()];
  const opened = new Set<number>();
  // A dry run opens nothing: its placeholder numbers stay out of the review's links.
  const linked = (n: number) => n > 0 || (!dryRun && opened.has(n));

  const apply = (ops: ItemOp[], reserve: number) => {
    for (const op of ops) {
      if (op.kind === 'create') {
        const number = -(live.size + 1);
        if (
          !spend(
            {
              kind: 'open',
              opens: number,
              title: op.title,
              body: op.body,
              labels: op.labels,
              assignees: op.assignees,
              about: { item: op.item.id },
              cost: 1,
              what: `open "${op.title}"`,
            },
            reserve,
          )
        ) {
          outcome.deferred++;
          continue;
        }
        opened.add(number);
        live.set(number, { number, open: true, data: op.data });
        outcome.opened++;
        outcome.items.push({ id: op.item.id, issue: number, op: 'create' });
      } else if (op.kind === 'update') {
        if (
          !spend(
            {
              kind: 'update',
              number: op.number,
              body: op.body,
              ...(op.reopen ? { state: 'open' as const } : {}),
              about: { item: op.item.id },
              cost: 1,
              what: `update #${op.number} for ${op.item.id}${op.reopen ? ' and reopen it' : ''}`,
            },
            reserve,
          )
        ) {
          outcome.deferred++;
          continue;
        }
        live.set(op.number, { number: op.number, open: true, data: op.data });
        outcome.updated++;
        outcome.items.push({ id: op.item.id, issue: op.number, op: 'update' });
      } else {
        // A comment says why and links the commit; then the issue closes. Two writes, so both fit or neither starts.
        if (
          !spend(
            {
              kind: 'comment-close',
              number: op.number,
              comment: op.comment,
              reason: op.reason,
              about: { item: op.itemId },
              cost: 2,
              what: `comment on and close #${op.number}`,
            },
            reserve,
          )
        ) {
          outcome.deferred++;
          continue;
        }
        const l = live.get(op.number);
        if (l) l.open = false;
        outcome.closed++;
        outcome.items.push({ id: op.itemId, issue: op.number, op: 'close' });
      }
    }
  };

  const review = (release: Release, pending: ItemOp[]) => {
    const data: ReviewIssueData = {
      kind: 'review',
      release: release.tag,
      features: Object.fromEntries(release.features),
    };
    // The review lists its tasks by file, one item to a file, so the placeholder numbers of issues not opened yet do not change their order.
    const entries: ReviewEntry[] = [...itemIssues(existing()).values()]
      .filter((i) => i.data.releases.includes(release.tag) && linked(i.number))
      .flatMap((i) => {
        const item = index.item(i.data.item);
        return item ? [{ item, number: i.number, closed: !i.open }] : [];
      });
    // Items still to open or update for this release are tasks too, open ones.
    for (const op of pending)
      if (op.kind !== 'close' && !entries.some((e) => e.item.id === op.item.id))
        entries.push({
          item: op.item,
          closed: false,
          ...(op.kind === 'update' ? { number: op.number } : {}),
        });
    const planned: ReviewBody = { review: data, entries };
    // Compared with placeholders for the numbers not given yet: a number GitHub has yet to give is in no body written before.
    const body = writeBody(planned);
    // Every task ticked (or none to do): the review is over and its issue closes.
    const done = entries.every((e) => e.closed);
    let found = existing().find((l) => l.data.kind === 'review' && l.data.release === release.tag);
    if (!found) {
      const n = -(live.size + 1);
      const made = spend({
        kind: 'open',
        opens: n,
        title: reviewIssueTitle(release.tag),
        body: planned,
        labels: [STALE_LABEL, REVIEW_LABEL],
        assignees: [],
        about: { release: release.tag },
        cost: 1,
        what: `open "${reviewIssueTitle(release.tag)}"`,
      });
      if (made) opened.add(n);
      found = { number: n, open: true, data, body };
      live.set(n, found);
      if (!done || !made || dryRun) return;
    }
    if (found.body !== body || (done && found.open)) {
      const close = done && found.open;
      const target = found;
      spend({
        kind: 'update',
        number: target.number,
        body: planned,
        ...(close ? { state: 'closed' as const } : {}),
        about: { release: release.tag },
        cost: 1,
        what: `${close ? 'close' : 'update'} release review #${target.number}`,
      });
      target.body = body;
      if (close) target.open = false;
    }
  };

  const scanRelease = (release: Release) => {
    const ops = planFlags({
      index,
      config,
      today,
      release,
      existing: existing(),
      mentions,
      fileUrl,
    });
    const known = existing().some(
      (l) => l.data.kind === 'review' && l.data.release === release.tag,
    );
    // The review issue goes first, so the release is on record before anything else: a run cut short resumes from it.
    if (!known && (ops.length || mode === 'release')) review(release, ops);
    apply(ops, 1);
    const deferred = ops.filter(
      (op) => op.kind !== 'close' && !outcome.items.some((i) => i.id === op.item.id),
    );
    if (known || ops.length) review(release, deferred);
  };

  let touched: FreshnessPlan['release'];
  if (mode === 'release') {
    const r = input.release!;
    const { features, unknown } = touchedFeatures(config, r.evidence, r.order);
    touched = { tag: r.tag, features, unknown };
    outcome.release = r.tag;
    outcome.features = Object.fromEntries(features);
    scanRelease({ tag: r.tag, features });
  } else if (mode === 'schedule') {
    for (const l of existing()) {
      if (l.data.kind === 'review' && l.open) scanRelease(recordedRelease(l.data));
    }
    apply(planFlags({ index, config, today, existing: existing(), mentions, fileUrl }), 0);
  } else {
    apply(
      planCloses(
        index,
        config,
        today,
        existing(),
        `${server}/${owner}/${repo}/commit/${input.push!.sha}`,
      ),
      0,
    );
    if (outcome.closed) {
      for (const l of existing())
        if (l.data.kind === 'review' && l.open) review(recordedRelease(l.data), []);
    }
  }
  return { writes, outcome, ...(touched ? { release: touched } : {}) };
}
