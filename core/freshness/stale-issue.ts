import type { Item } from '../model.js';
import { escapeMarkdown } from '../text/markdown-escape.js';
import { hiddenJson, readHiddenJson } from '../text/hidden-json.js';
import type { StaleReason } from './verdict.js';
import { toLf } from '../text/line-endings.js';

export const STALE_LABEL = 'enablekit:stale';
export const REVIEW_LABEL = 'enablekit:release-review';

/** What an item's stale issue records, hidden in its body, so later runs find it and flag nothing twice. */
export interface StaleIssueData {
  kind: 'item';
  item: string;
  /** Releases the item was flagged for, oldest first. */
  releases: string[];
  features: string[];
  /** The review date it was flagged for, when its review interval ran out. */
  reviewDue?: string;
}

/** A release-review issue's record: the release and the features it touched, so an interrupted run can resume. */
export interface ReviewIssueData {
  kind: 'review';
  release: string;
  features: Record<string, string>;
}

export type IssueData = StaleIssueData | ReviewIssueData;

export function readIssueData(body: string | null | undefined): IssueData | undefined {
  const d = readHiddenJson('stale', body)[0] as IssueData | undefined;
  if (
    d?.kind === 'item' &&
    typeof d.item === 'string' &&
    Array.isArray(d.releases) &&
    Array.isArray(d.features)
  )
    return d;
  if (
    d?.kind === 'review' &&
    typeof d.release === 'string' &&
    d.features &&
    typeof d.features === 'object'
  )
    return d;
  return undefined;
}

export const dataBlock = (d: IssueData) => hiddenJson('stale', d);

/** A line of the item's file that names a touched feature, with a link to it. */
export interface Mention {
  line: number;
  text: string;
  url?: string;
}

/** Lines that name any of `names` as whole words, case-insensitively, at most `limit`. */
export function mentionLines(text: string, names: readonly string[], limit = 10): Mention[] {
  const wanted = names
    .filter(Boolean)
    .map((n) => n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!wanted.length) return [];
  const re = new RegExp(`(^|[^a-z0-9-])(?:${wanted.join('|')})([^a-z0-9-]|$)`, 'i');
  const out: Mention[] = [];
  const lines = toLf(text).split('\n');
  for (let k = 0; k < lines.length && out.length < limit; k++)
    if (re.test(lines[k]!)) out.push({ line: k + 1, text: lines[k]!.trim() });
  return out;
}

/** A login to assign, or undefined for a team (`org/team`), which GitHub cannot assign: it is mentioned instead. */
export function assigneeOf(owner: string | undefined): string | undefined {
  const o = owner?.replace(/^@/, '');
  return o && !o.includes('/') ? o : undefined;
}

export const staleIssueTitle = (item: Item) => `Stale training: ${item.type} "${item.id}"`;

export interface StaleIssueView {
  item: Item;
  data: StaleIssueData;
  reasons: StaleReason[];
  mentions: Mention[];
  /** Where the file can be read, for the link on its name. */
  fileUrl?: string;
}

export function staleIssueBody(v: StaleIssueView): string {
  const { item, data } = v;
  const owner = item.freshness.owner
    ? `@${item.freshness.owner.replace(/^@/, '')}`
    : 'nobody (add `owner:` to its front matter)';
  const file = v.fileUrl ? `[\`${item.file}\`](${v.fileUrl})` : `\`${item.file}\``;
  const parts = [
    dataBlock(data),
    `The ${item.type} **${escapeMarkdown(item.title)}** (\`${item.id}\`, ${file}) may no longer be true of the product.`,
    '',
    `Owner: ${owner}`,
    '',
    '### Why',
    '',
    ...v.reasons.map((r) => `- ${r.message}`),
  ];
  if (v.mentions.length) {
    parts.push('', '### Lines that mention what changed', '');
    for (const m of v.mentions)
      parts.push(
        `- ${m.url ? `[line ${m.line}](${m.url})` : `line ${m.line}`}: ${escapeMarkdown(m.text, 160)}`,
      );
  }
  const target = data.releases.at(-1);
  parts.push(
    '',
    '### To close this issue',
    '',
    `Review the ${item.type} against the product${target ? ` as of ${target}` : ''}, then mark it verified: set \`verified: {version: ${target ?? '<version>'}, date: <today>}\` in its front matter (the "Mark verified against … today" fix of lint rule stale-content does it). Merge that to the default branch and this issue closes itself.`,
  );
  return parts.join('\n');
}

export interface ReviewEntry {
  item: Item;
  number?: number;
  closed: boolean;
}

export const reviewIssueTitle = (release: string) => `Release ${release}: training to review`;

/** The release-review issue: the touched features and a task list of every item's issue. */
export function reviewIssueBody(data: ReviewIssueData, entries: readonly ReviewEntry[]): string {
  const features = Object.entries(data.features);
  const sorted = [...entries].sort((a, b) =>
    a.item.file < b.item.file ? -1 : a.item.file > b.item.file ? 1 : 0,
  );
  return [
    dataBlock(data),
    `Release ${data.release} changed ${features.length ? features.map(([f, from]) => `\`${f}\` (${escapeMarkdown(from)})`).join(', ') : 'no feature in the registry'}.`,
    '',
    sorted.length
      ? `${sorted.length} training item${sorted.length === 1 ? '' : 's'} cover${sorted.length === 1 ? 's' : ''} what changed:`
      : 'No training item covers what changed.',
    '',
    ...sorted.map(
      (e) =>
        `- [${e.closed ? 'x' : ' '}] ${e.number ? `#${e.number} ` : ''}${e.item.type} \`${e.item.id}\` (\`${e.item.file}\`)${e.item.freshness.owner ? `, owner @${e.item.freshness.owner.replace(/^@/, '')}` : ''}${e.number ? '' : ': issue not opened yet (operations budget); the next run opens it'}`,
    ),
  ].join('\n');
}
