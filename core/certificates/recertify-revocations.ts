import type { Track } from '../model.js';
import type { ProgressRecord } from '../progress/records.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { RevokedCredential } from './revocation-list.js';

/** A certificate the Action posted, as its report card records it. */
export interface IssuedCertificate {
  id: string;
  track: string;
  /** When it was posted. */
  at: string;
}

/**
 * The certificates a release ends early: those of every learner it asks to recertify a
 * checkpoint (their recertify records for this release, however many runs it took to mark
 * them), for each track holding that checkpoint's module, issued before the marking. A
 * certificate earned after it was earned on the changed training, and stands.
 */
export function revocationsAfterRelease(o: {
  index: WorkspaceIndex;
  release: string;
  learners: readonly {
    records: readonly ProgressRecord[];
    certificates: readonly IssuedCertificate[];
  }[];
  now: string;
}): RevokedCredential[] {
  const tracks = [...o.index.items()].filter((i): i is Track => i.type === 'track');
  const out = new Map<string, RevokedCredential>();
  for (const l of o.learners) {
    for (const r of l.records) {
      if (r.kind !== 'recertify' || r.release !== o.release) continue;
      const checkpoint = o.index.item(r.checkpoint);
      const module = checkpoint && 'module' in checkpoint ? checkpoint.module : undefined;
      for (const t of tracks) {
        if (!t.modules.some((m) => m.module === module)) continue;
        for (const c of l.certificates)
          if (c.track === t.id && Date.parse(c.at) <= Date.parse(r.at) && !out.has(c.id))
            out.set(c.id, {
              id: c.id,
              revocationReason: `Release ${o.release} changed what ${t.title} teaches; the learner recertifies by passing ${o.index.item(r.checkpoint)?.title ?? r.checkpoint} again (revoked ${o.now.slice(0, 10)})`,
            });
      }
    }
  }
  return [...out.values()];
}
