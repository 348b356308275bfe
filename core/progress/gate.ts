import type { Config, GatingMode } from '../config/config.js';
import type { Item, Track } from '../model.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import { resultsOf, type ProgressRecord } from './records.js';

/** One thing to finish (or wait for) before a checkpoint: what it is, and the sentence a learner reads. */
export type LockReason =
  | { kind: 'module'; module: string; checkpoints: string[]; text: string }
  | { kind: 'checkpoint'; checkpoint: string; text: string }
  | { kind: 'track'; track: string; phase: boolean; modules: string[]; text: string }
  | { kind: 'window'; module: string; opens: string; text: string };

/** Whether a learner may take a checkpoint now: open, or locked with what to finish first. */
export interface CheckpointGate {
  open: boolean;
  /** The policy that applies: strict refuses a locked checkpoint, advisory only says so, off holds nothing back. */
  mode: GatingMode;
  reasons: LockReason[];
}

export interface GateFacts {
  index: WorkspaceIndex;
  config: Config;
  login: string;
  roles: readonly string[];
  /**
   * The learner's records; undefined when the caller could not read them (the Action with
   * `progress: false`): then only windows are checked, since no pass is known either way.
   */
  records: readonly ProgressRecord[] | undefined;
  /** YYYY-MM-DD in the curricula's time zone (core/config/clock.ts). */
  today: string;
}

const LENIENCY: Record<GatingMode, number> = { off: 0, advisory: 1, strict: 2 };

export const gatingOf = (config: Config, track: Track | undefined): GatingMode =>
  track?.gating ?? config.policies.gating;

/**
 * Decides gating from what was read: shared by the Action (grading), the CLI (`take`,
 * `progress`) and the extension (the Curricula view, taking a checkpoint), so all three agree.
 * A pass counts once made: a release asking for recertification does not lock what it led to,
 * since the learner did learn it in order.
 */
export class Gate {
  private readonly passed: Set<string> | undefined;
  private readonly trackLeft = new Map<string, { module: string; checkpoints: string[] }[]>();
  /** Every track, read once: a learner's status asks about each module, an org's rebuild about each learner. */
  private readonly tracks: Track[];

  constructor(private readonly f: GateFacts) {
    this.passed = f.records
      ? new Set(
          resultsOf(f.records, f.login)
            .filter((r) => r.passed)
            .map((r) => r.checkpoint),
        )
      : undefined;
    this.tracks = [...f.index.items()]
      .filter((i): i is Track => i.type === 'track')
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The tracks a module is taken through: those of the learner's roles, or any listing it when none is. */
  tracksOf(module: string): Track[] {
    const all = this.tracks.filter((t) => t.modules.some((m) => m.module === module));
    const mine = all.filter((t) => t.roles.some((r) => this.f.roles.includes(r)));
    return mine.length ? mine : all;
  }

  /** A checkpoint as the learner would take it now. A checkpoint passed already is open: a pass stands. */
  checkpoint(id: string): CheckpointGate {
    const { index, config } = this.f;
    const item = index.item(id);
    if (!item || (item.type !== 'quiz' && item.type !== 'scenario' && item.type !== 'reflection'))
      return { open: true, mode: config.policies.gating, reasons: [] };
    if (this.passed?.has(id)) return { open: true, mode: gatingOf(config, undefined), reasons: [] };
    const own =
      item.type === 'scenario' && this.passed
        ? item.prerequisites
            .filter((p) => !this.passed!.has(p))
            .map((p): LockReason => ({
              kind: 'checkpoint',
              checkpoint: p,
              text: `Pass ${this.name(p)} first.`,
            }))
        : [];
    const tracks = this.tracksOf(item.module);
    const ways = (tracks.length ? tracks : [undefined]).map((t) => {
      const mode = gatingOf(config, t);
      const reasons = mode === 'off' ? [] : [...own, ...this.module(item.module, t)];
      return { open: reasons.length === 0, mode, reasons };
    });
    // Open through any track is open; locked through all, the most lenient track's policy applies.
    return (
      ways.find((w) => w.open) ??
      ways.sort(
        (a, b) => LENIENCY[a.mode] - LENIENCY[b.mode] || a.reasons.length - b.reasons.length,
      )[0]!
    );
  }

  /** What holds a module back when taken through `track` (or through no track): checked whatever the mode. */
  module(module: string, track: Track | undefined): LockReason[] {
    const { index, today } = this.f;
    const out: LockReason[] = [];
    const item = index.item(module);
    if (this.passed && item?.type === 'module')
      for (const p of item.prerequisites) {
        const left = this.checkpointsLeft(p);
        if (left.length)
          out.push({
            kind: 'module',
            module: p,
            checkpoints: left,
            text: `Finish the module ${this.name(p)} first: pass ${left.map((c) => this.name(c)).join(', ')}.`,
          });
      }
    if (!track) return out;
    if (this.passed) {
      const before = new Map<string, boolean>();
      for (const p of track.prerequisites) before.set(p, false);
      // Foundation before advanced, for the roles they share (the same order track-order checks).
      if (track.phase === 'advanced')
        for (const t of this.tracks)
          if (
            t.phase === 'foundation' &&
            t.id !== track.id &&
            t.roles.some((r) => track.roles.includes(r) && this.takes(track, r))
          )
            if (!before.has(t.id)) before.set(t.id, true);
      for (const [id, phase] of before) {
        const t = index.item(id);
        if (t?.type !== 'track') continue;
        const left = this.left(t);
        if (!left.length) continue;
        const list = left
          .map(
            (m) => `${this.name(m.module)} (${m.checkpoints.map((c) => this.name(c)).join(', ')})`,
          )
          .join('; ');
        out.push({
          kind: 'track',
          track: id,
          phase,
          modules: left.map((m) => m.module),
          text: `Finish the ${phase ? 'foundation track' : 'track'} ${this.name(id)} first${phase ? ', before the advanced track ' + this.name(track.id) : ''}: ${list} ${left.length === 1 ? 'is' : 'are'} not passed yet.`,
        });
      }
    }
    const entry = track.modules.find((m) => m.module === module);
    const opens = entry?.window?.opens ?? track.window?.opens;
    if (opens && opens > today)
      out.push({
        kind: 'window',
        module,
        opens,
        text: `${this.name(module)} opens on ${opens} in ${this.name(track.id)}; take it from then.`,
      });
    return out;
  }

  /** A role of an advanced track counts when the learner is in it, or when they are in none of the track's roles. */
  private takes(track: Track, role: string): boolean {
    return this.f.roles.includes(role) || !track.roles.some((r) => this.f.roles.includes(r));
  }

  /** A track's required modules not done yet, each with its checkpoints not passed. */
  private left(track: Track): { module: string; checkpoints: string[] }[] {
    let out = this.trackLeft.get(track.id);
    if (!out) {
      out = track.modules
        .filter((m) => !m.optional)
        .map((m) => ({ module: m.module, checkpoints: this.checkpointsLeft(m.module) }))
        .filter((m) => m.checkpoints.length);
      this.trackLeft.set(track.id, out);
    }
    return out;
  }

  /** A module is finished when every checkpoint of it is passed: a quiz passed, a reflection complete, a mock passed by its reviewer. */
  private checkpointsLeft(module: string): string[] {
    return this.f.index
      .checkpointsOf(module)
      .map((c: Item) => c.id)
      .filter((c) => !this.passed?.has(c));
  }

  private name(id: string): string {
    const title = this.f.index.item(id)?.title;
    return title && title !== id ? `"${title}" (${id})` : `"${id}"`;
  }
}

/** The reasons as one paragraph, for a refusal or a warning. */
export const reasonsText = (g: CheckpointGate): string => g.reasons.map((r) => r.text).join(' ');
