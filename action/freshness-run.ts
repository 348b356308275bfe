import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { parseVersion } from '../core/freshness/semver.js';
import { FEATURE_SOURCES, touchedFeatures, type FeatureSource } from '../core/freshness/touched-features.js';
import { itemIssues, planCloses, planFlags, type ExistingIssue, type ItemOp } from '../core/freshness/plan-stale-issues.js';
import { mentionLines, readIssueData, REVIEW_LABEL, reviewIssueBody, reviewIssueTitle, STALE_LABEL, type ReviewEntry, type ReviewIssueData, type StaleIssueData } from '../core/freshness/stale-issue.js';
import type { Config } from '../core/config/config.js';
import type { Release } from '../core/freshness/verdict.js';
import type { Item } from '../core/model.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import type { RunContext } from './context.js';
import { botIssues, type Client } from '../github/calls.js';
import { OperationBudget } from '../github/operation-budget.js';
import { readProductChanges } from '../github/product-changes.js';

export interface FreshnessOutcome {
  mode: 'release' | 'schedule' | 'push';
  release?: string;
  features: Record<string, string>;
  opened: number;
  updated: number;
  closed: number;
  /** Operations left for the next run because the budget ran out. */
  deferred: number;
  items: { id: string; issue?: number; op: ItemOp['kind'] }[];
}

export class UsageProblem extends Error {}

interface Live {
  number: number;
  open: boolean;
  data: StaleIssueData | ReviewIssueData;
  body?: string;
}

/**
 * Flag training a release or the passing of time made stale, one issue per item, and
 * close those issues when their item is verified again. The curricula are read from the
 * workspace (the default branch); GitHub is written within the operations budget, and
 * a run that stops short leaves a record the next scheduled run resumes from.
 */
export async function runFreshness(ctx: RunContext, gh: Client, today: string): Promise<FreshnessOutcome> {
  const mode = ctx.push ? 'push' : ctx.release ? 'release' : 'schedule';
  if (ctx.push && ctx.push.ref !== `refs/heads/${ctx.push.defaultBranch}`) {
    core.info(`Pushed to ${ctx.push.ref || 'no branch'}, not the default branch (${ctx.push.defaultBranch || 'unknown'}): nothing to close.`);
    return { mode, features: {}, opened: 0, updated: 0, closed: 0, deferred: 0, items: [] };
  }
  // Freshness reads front matter only: no body is parsed.
  const { index, config } = await loadIndex({ cwd: ctx.workspace, cache: false, version: 'action', targets: resolveTargets(ctx.workspace, [ctx.curricula]), metadataOnly: true });
  const outcome: FreshnessOutcome = { mode, features: {}, opened: 0, updated: 0, closed: 0, deferred: 0, items: [] };
  const budget = new OperationBudget(ctx.freshness.operationsPerRun, ctx.dryRun, core.info);
  const owner = ctx.owner;
  const repo = ctx.repo;
  const ref = ctx.push?.sha || 'HEAD';
  const fileUrl = (item: Item) => `${ctx.serverUrl}/${owner}/${repo}/blob/${ref}/${item.file}`;
  const mentions = (item: Item, names: string[]) => {
    let text = '';
    try {
      text = readFileSync(join(ctx.workspace, item.file), 'utf8');
    } catch {
      return [];
    }
    return mentionLines(text, names).map((m) => ({ ...m, url: `${fileUrl(item)}#L${m.line}` }));
  };

  // One listing finds every issue enablekit opened: item issues and release reviews both carry the stale label.
  const live = new Map<number, Live>();
  for (const i of await botIssues(gh, ctx, STALE_LABEL, 'all')) {
    const data = readIssueData(i.body);
    if (data) live.set(i.number, { number: i.number, open: i.state === 'open', data, body: i.body ?? '' });
  }
  const existing = (): ExistingIssue[] => [...live.values()];

  const apply = async (ops: ItemOp[], reserve: number) => {
    for (const op of ops) {
      if (op.kind === 'create') {
        let number = -(live.size + 1);
        // A dry run opens nothing: the placeholder number keeps the item out of the review's links.
        const done = await budget.spend(`open "${op.title}"`, async () => {
          number = (await gh.rest.issues.create({ owner, repo, title: op.title, body: op.body, labels: op.labels, ...(op.assignees.length ? { assignees: op.assignees } : {}) })).data.number;
        }, { reserve });
        if (!done) {
          outcome.deferred++;
          continue;
        }
        live.set(number, { number, open: true, data: op.data });
        outcome.opened++;
        outcome.items.push({ id: op.item.id, issue: number, op: 'create' });
      } else if (op.kind === 'update') {
        const done = await budget.spend(`update #${op.number} for ${op.item.id}${op.reopen ? ' and reopen it' : ''}`, () => gh.rest.issues.update({ owner, repo, issue_number: op.number, body: op.body, ...(op.reopen ? { state: 'open' as const } : {}) }), { reserve });
        if (!done) {
          outcome.deferred++;
          continue;
        }
        live.set(op.number, { number: op.number, open: true, data: op.data });
        outcome.updated++;
        outcome.items.push({ id: op.item.id, issue: op.number, op: 'update' });
      } else {
        // A comment says why and links the commit; then the issue closes. Two writes, so both fit or neither starts.
        const done = await budget.spend(`comment on and close #${op.number}`, async () => {
          await gh.rest.issues.createComment({ owner, repo, issue_number: op.number, body: op.comment });
          await gh.rest.issues.update({ owner, repo, issue_number: op.number, state: 'closed', state_reason: op.reason });
        }, { cost: 2, reserve });
        if (!done) {
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

  const review = async (release: Release, pending: ItemOp[]) => {
    const data: ReviewIssueData = { kind: 'review', release: release.tag, features: Object.fromEntries(release.features) };
    const entries: ReviewEntry[] = [...itemIssues(existing()).values()]
      .filter((i) => i.data.releases.includes(release.tag) && i.number > 0)
      .flatMap((i) => {
        const item = index.item(i.data.item);
        return item ? [{ item, number: i.number, closed: !i.open }] : [];
      });
    // Items still to open or update for this release are tasks too, open ones.
    for (const op of pending) if (op.kind !== 'close' && !entries.some((e) => e.item.id === op.item.id)) entries.push({ item: op.item, closed: false, ...(op.kind === 'update' ? { number: op.number } : {}) });
    const body = reviewIssueBody(data, entries);
    // Every task ticked (or none to do): the review is over and its issue closes.
    const done = entries.every((e) => e.closed);
    let found = [...live.values()].find((l) => l.data.kind === 'review' && l.data.release === release.tag);
    if (!found) {
      let n = -(live.size + 1);
      await budget.spend(`open "${reviewIssueTitle(release.tag)}"`, async () => {
        n = (await gh.rest.issues.create({ owner, repo, title: reviewIssueTitle(release.tag), body, labels: [STALE_LABEL, REVIEW_LABEL] })).data.number;
      });
      found = { number: n, open: true, data, body };
      live.set(n, found);
      if (!done || n < 0) return;
    }
    if (found.body !== body || (done && found.open)) {
      const close = done && found.open;
      const target = found;
      await budget.spend(`${close ? 'close' : 'update'} release review #${target.number}`, () => gh.rest.issues.update({ owner, repo, issue_number: target.number, body, ...(close ? { state: 'closed' as const, state_reason: 'completed' as const } : {}) }));
      target.body = body;
      if (close) target.open = false;
    }
  };

  const scanRelease = async (release: Release) => {
    const ops = planFlags({ index, config, today, release, existing: existing(), mentions, fileUrl });
    const known = [...live.values()].some((l) => l.data.kind === 'review' && l.data.release === release.tag);
    // The review issue goes first, so the release is on record before anything else: a run cut short resumes from it.
    if (!known && (ops.length || mode === 'release')) await review(release, ops);
    await apply(ops, 1);
    const deferred = ops.filter((op) => op.kind !== 'close' && !outcome.items.some((i) => i.id === op.item.id));
    if (known || ops.length) await review(release, deferred);
  };

  if (mode === 'release') {
    const release = await releaseOf(ctx, gh, index, config);
    outcome.release = release.tag;
    outcome.features = Object.fromEntries(release.features);
    await scanRelease(release);
  } else if (mode === 'schedule') {
    for (const l of [...live.values()]) {
      if (l.data.kind === 'review' && l.open) await scanRelease(recordedRelease(l.data));
    }
    await apply(planFlags({ index, config, today, existing: existing(), mentions, fileUrl }), 0);
  } else {
    const push = ctx.push!;
    await apply(planCloses(index, config, today, existing(), `${ctx.serverUrl}/${owner}/${repo}/commit/${push.sha}`), 0);
    if (outcome.closed) {
      for (const l of [...live.values()]) if (l.data.kind === 'review' && l.open) await review(recordedRelease(l.data), []);
    }
  }
  return outcome;
}

/** The release a review issue was opened for, as its hidden record keeps it. */
const recordedRelease = (d: ReviewIssueData): Release => ({ tag: d.release, features: new Map(Object.entries(d.features)) });

async function releaseOf(ctx: RunContext, gh: Client, index: WorkspaceIndex, config: Config): Promise<Release> {
  const r = ctx.release!;
  if (!parseVersion(r.tag)) throw new UsageProblem(`Expected the release tag to be a version such as v4.3.0; found "${r.tag}". Tag releases with semver, or pass the version as the release input.`);
  const order = ctx.freshness.featureSources.filter((s): s is FeatureSource => (FEATURE_SOURCES as readonly string[]).includes(s));
  const unknownSources = ctx.freshness.featureSources.filter((s) => !order.includes(s as FeatureSource));
  if (unknownSources.length) throw new UsageProblem(`Expected feature-sources to list explicit, notes or pulls; found ${unknownSources.join(', ')}. Fix the input.`);
  const productRepository = r.productRepository ?? ctx.freshness.productRepository ?? config.productRepository;
  const changes = order.includes('pulls') && productRepository ? await readProductChanges(gh, productRepository, r.tag, r.previous) : undefined;
  const { features, unknown } = touchedFeatures(config, { explicit: r.features, notes: r.notes, ...(changes ? { changes } : {}) }, order);
  if (unknown.length) core.warning(`Not in the feature registry of enablekit.yml, ignored: ${unknown.join(', ')}. Add them to features: or fix the names.`);
  core.info(features.size ? `Release ${r.tag} touched: ${[...features].map(([f, from]) => `${f} (${from})`).join(', ')}.` : `Release ${r.tag} touched no feature in the registry (${[...index.items()].length} items checked).`);
  return { tag: r.tag, features };
}
