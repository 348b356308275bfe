import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { parseVersion } from '../core/freshness/semver.js';
import { FEATURE_SOURCES, type FeatureSource } from '../core/freshness/touched-features.js';
import {
  planFreshnessRun,
  writeBody,
  type FreshnessOutcome,
  type FreshnessRunInput,
  type FreshnessWrite,
} from '../core/freshness/plan-freshness-run.js';
import { STALE_LABEL } from '../core/freshness/stale-issue.js';
import type { Config } from '../core/config/config.js';
import { hiddenJson } from '../core/text/hidden-json.js';
import { loadIndex } from '../host/analyse.js';
import { resolveTargets } from '../host/workspace-files.js';
import type { RunContext } from './context.js';
import { botComments, botIssues, commentWith, type Client } from '../github/calls.js';
import { createComment, createIssue } from '../github/keyed-create.js';
import { readProductChanges } from '../github/product-changes.js';
import { markRecertification, type RecertifyOutcome } from './recertify-run.js';

export type { FreshnessOutcome } from '../core/freshness/plan-freshness-run.js';

export class UsageProblem extends Error {}

/**
 * Flag training a release or the passing of time made stale, and close those issues when
 * their item is verified again: read the curricula (the default branch), enablekit's issues
 * and the release, let the planner decide, then make its writes in order. The plan stops
 * at the operations budget, so a run cut short leaves a record the next run resumes from.
 */
export async function runFreshness(
  ctx: RunContext,
  gh: Client,
  today: string,
  now: string,
): Promise<FreshnessOutcome & { recertified?: RecertifyOutcome }> {
  const mode = ctx.push ? 'push' : ctx.release ? 'release' : 'schedule';
  if (ctx.push && ctx.push.ref !== `refs/heads/${ctx.push.defaultBranch}`) {
    core.info(
      `Pushed to ${ctx.push.ref || 'no branch'}, not the default branch (${ctx.push.defaultBranch || 'unknown'}): nothing to close.`,
    );
    return { mode, features: {}, opened: 0, updated: 0, closed: 0, deferred: 0, items: [] };
  }
  // Freshness reads front matter only: no body is parsed.
  const { index, config } = await loadIndex({
    cwd: ctx.workspace,
    cache: false,
    version: 'action',
    targets: resolveTargets(ctx.workspace, [ctx.curricula]),
    metadataOnly: true,
  });
  const issues = await botIssues(gh, ctx, STALE_LABEL, 'all');
  const release = mode === 'release' ? await readRelease(ctx, gh, config) : undefined;
  const plan = planFreshnessRun({
    mode,
    ...(release ? { release } : {}),
    ...(ctx.push ? { push: { sha: ctx.push.sha } } : {}),
    index,
    config,
    today,
    issues,
    fileText: (item) => {
      try {
        return readFileSync(join(ctx.workspace, item.file), 'utf8');
      } catch {
        return undefined;
      }
    },
    urls: { server: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, ref: ctx.push?.sha || 'HEAD' },
    operations: ctx.freshness.operationsPerRun,
    dryRun: ctx.dryRun,
  });
  if (plan.release) {
    const { tag, features, unknown } = plan.release;
    if (unknown.length)
      core.warning(
        `Not in the feature registry of enablekit.yml, ignored: ${unknown.join(', ')}. Add them to features: or fix the names.`,
      );
    core.info(
      features.size
        ? `Release ${tag} touched: ${[...features].map(([f, from]) => `${f} (${from})`).join(', ')}.`
        : `Release ${tag} touched no feature in the registry (${[...index.items()].length} items checked).`,
    );
  }
  const numbers = await makeWrites(ctx, gh, plan.writes);
  const outcome = plan.outcome;
  outcome.items = outcome.items.map((i) =>
    i.issue !== undefined && numbers.has(i.issue) ? { ...i, issue: numbers.get(i.issue)! } : i,
  );
  // After the stale issues, the learners: passes the release calls into question are marked to recertify, within the operations left.
  if (plan.release && ctx.progress) {
    const spent = plan.writes.reduce((n, w) => n + w.cost, 0);
    const recertified = await markRecertification(
      ctx,
      gh,
      { index, config },
      { tag: plan.release.tag, features: new Set(plan.release.features.keys()) },
      Math.max(0, ctx.freshness.operationsPerRun - spent),
      { now, today },
    );
    return { ...outcome, recertified };
  }
  return outcome;
}

/** Make the planned writes in order (a dry run logs each instead); returns the numbers GitHub gave the issues opened. */
async function makeWrites(
  ctx: RunContext,
  gh: Client,
  writes: readonly FreshnessWrite[],
): Promise<Map<number, number>> {
  const { owner, repo } = ctx;
  const numbers = new Map<number, number>();
  const numberOf = (n: number) => numbers.get(n) ?? n;
  for (const w of writes) {
    if (ctx.dryRun) {
      core.info(`Dry run: would ${w.what}.`);
      continue;
    }
    if (w.kind === 'open') {
      const body = writeBody(w.body, numberOf);
      // An issue is keyed by its hidden record: the item or release it is for.
      const made = await createIssue(
        gh,
        ctx,
        { title: w.title, body, labels: w.labels, assignees: w.assignees },
        /<!-- enablekit:stale .* -->/.exec(body)?.[0] ?? body,
      );
      numbers.set(w.opens, made.number);
    } else if (w.kind === 'update') {
      const state =
        w.state === 'closed'
          ? { state: 'closed' as const, state_reason: 'completed' as const }
          : w.state === 'open'
            ? { state: 'open' as const }
            : {};
      await gh.rest.issues.update({
        owner,
        repo,
        issue_number: numberOf(w.number),
        body: writeBody(w.body, numberOf),
        ...state,
      });
    } else {
      // Keyed by what it says (the item and its verification), not the commit that said it: a run that commented and failed
      // to close is re-run, or the next push closes the issue, and finds the comment there; only the close is left.
      const commit = `${ctx.serverUrl}/${owner}/${repo}/commit/${ctx.push?.sha ?? ''}`;
      const key = hiddenJson('closing', {
        ...w.about,
        why: w.comment.replace(` in ${commit}`, ''),
      });
      if (!commentWith(await botComments(gh, ctx, numberOf(w.number)), key))
        await createComment(gh, ctx, numberOf(w.number), `${w.comment}\n\n${key}`, key);
      await gh.rest.issues.update({
        owner,
        repo,
        issue_number: numberOf(w.number),
        state: 'closed',
        state_reason: w.reason,
      });
    }
  }
  return numbers;
}

/** The release as the event gave it, with the product's changes when pull requests are a feature source. */
async function readRelease(
  ctx: RunContext,
  gh: Client,
  config: Config,
): Promise<NonNullable<FreshnessRunInput['release']>> {
  const r = ctx.release!;
  if (!parseVersion(r.tag))
    throw new UsageProblem(
      `Expected the release tag to be a version such as v4.3.0; found "${r.tag}". Tag releases with semver, or pass the version as the release input.`,
    );
  const order = ctx.freshness.featureSources.filter((s): s is FeatureSource =>
    (FEATURE_SOURCES as readonly string[]).includes(s),
  );
  const unknownSources = ctx.freshness.featureSources.filter(
    (s) => !order.includes(s as FeatureSource),
  );
  if (unknownSources.length)
    throw new UsageProblem(
      `Expected feature-sources to list explicit, notes or pulls; found ${unknownSources.join(', ')}. Fix the input.`,
    );
  const productRepository =
    r.productRepository ?? ctx.freshness.productRepository ?? config.productRepository;
  const changes =
    order.includes('pulls') && productRepository
      ? await readProductChanges(gh, productRepository, r.tag, r.previous)
      : undefined;
  return {
    tag: r.tag,
    evidence: { explicit: r.features, notes: r.notes, ...(changes ? { changes } : {}) },
    order,
  };
}
