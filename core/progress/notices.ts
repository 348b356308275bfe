import type { LedgerComment } from './ledger.js';
import { hiddenJson, readHiddenJson } from '../text/hidden-json.js';

/** A reminder or follow-up the Action posted, kept hidden in its comment so it is not repeated. */
export interface Notice {
  learner: string;
  kind: 'reminder' | 'follow-up' | 'report-card' | 'survey';
  /** The module (reminder), the reflection or track (follow-up), the completed track (report card), or `<survey>/<occasion>` (survey). */
  item: string;
  at: string;
}

export const noticeComment = (n: Notice, text: string) => `${text}\n\n${hiddenJson('notice', n)}`;

/** Notices the Action wrote (unedited) on a learner's issue. */
export function readNotices(comments: readonly LedgerComment[], learner: string): Notice[] {
  const out: Notice[] = [];
  for (const c of comments) {
    if (!c.byEnablekit || c.updatedAt !== c.createdAt) continue;
    for (const n of readHiddenJson('notice', c.body) as Notice[]) {
      if (
        n.learner?.toLowerCase() === learner.toLowerCase() &&
        ['reminder', 'follow-up', 'report-card', 'survey'].includes(n.kind) &&
        typeof n.item === 'string' &&
        !Number.isNaN(Date.parse(n.at))
      )
        out.push(n);
    }
  }
  return out;
}
