import type { ProgressRecord } from '../progress/records.js';

export interface PeerActivity {
  /** The reflection's id and the pull request it was submitted in. */
  reflection: string;
  pr: number;
  sha: string;
  /** Who submitted the reflection. */
  author: string;
  /** Who replied or reacted, and how: `comment-<id>` or `reaction-<login>`. */
  actor: string;
  ref: string;
  at: string;
}

/**
 * A teammate's reply or reaction on a reflection counts for both sides: the one who gave
 * it (when they are a learner themselves) and the one who received it. Nobody counts for
 * replying to themselves.
 */
export function participationRecords(a: PeerActivity, actorIsLearner: boolean): ProgressRecord[] {
  if (a.actor.toLowerCase() === a.author.toLowerCase()) return [];
  const base = {
    checkpoint: a.reflection,
    kind: 'participation' as const,
    pr: a.pr,
    sha: a.sha,
    ref: a.ref,
    at: a.at,
    passed: true,
  };
  const received: ProgressRecord = { ...base, learner: a.author, peer: a.actor, side: 'received' };
  return actorIsLearner
    ? [{ ...base, learner: a.actor, peer: a.author, side: 'gave' }, received]
    : [received];
}

export interface Participation {
  gave: number;
  received: number;
  /** Everyone this learner exchanged replies or reactions with, sorted. */
  peers: string[];
}

/** A learner's participation from their records: replies and reactions given and received. */
export function participationOf(records: readonly ProgressRecord[], login: string): Participation {
  const mine = records.filter(
    (r) => r.kind === 'participation' && r.learner.toLowerCase() === login.toLowerCase(),
  );
  const keys = (side: 'gave' | 'received') =>
    new Set(mine.filter((r) => r.side === side).map((r) => `${r.pr}/${r.ref}`)).size;
  return {
    gave: keys('gave'),
    received: keys('received'),
    peers: [...new Set(mine.flatMap((r) => (r.peer ? [r.peer.toLowerCase()] : [])))].sort(),
  };
}
