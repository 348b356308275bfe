import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE, configCandidates } from '../core/config/config-candidates.js';
import { hashBytes } from './lint-cache.js';
import { UsageError } from './usage-error.js';
import { toPosix, walk, type WalkResult } from './walk.js';

export interface Targets {
  /** Absolute paths the user asked about. */
  targets: string[];
  configPath?: string;
  /** The config as the CLI reports it: relative to the current directory. */
  configRel?: string;
  configText?: string;
  /** With no config: the folder enablekit.yml was looked for from (and above), as the CLI reports it. */
  lookedFrom?: string;
}

/** The curricula folder a repository's root holds by convention (the Action's default `curricula` input). */
export const CURRICULA_FOLDER = 'curricula';

function withConfig(cwd: string, targets: string[], configPath: string): Targets {
  return {
    targets,
    configPath,
    configRel: toPosix(relative(cwd, configPath)),
    configText: readFileSync(configPath, 'utf8'),
  };
}

/**
 * The paths to work on and the enablekit.yml they belong to, found by looking upward
 * from the first path. A folder with no enablekit.yml at or above it whose
 * `curricula/` holds one (a repository's root) stands for that curricula folder: its
 * test fixtures and docs are not content.
 */
export function resolveTargets(cwd: string, paths: string[]): Targets {
  const targets = (paths.length ? paths : ['.']).map((p) => resolve(cwd, p));
  for (const t of targets)
    if (!existsSync(t))
      throw new UsageError(
        `Expected a file or folder at ${relative(cwd, t) || t}; found nothing. Check the path (for the Action, the curricula input).`,
      );
  const start = targets[0]!;
  const dir = statSync(start).isDirectory() ? start : dirname(start);
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  if (configPath) return withConfig(cwd, targets, configPath);
  const nested = join(dir, CURRICULA_FOLDER, CONFIG_FILE);
  if (targets.length === 1 && dir === start && existsSync(nested))
    return withConfig(cwd, [dirname(nested)], nested);
  return { targets, lookedFrom: toPosix(relative(cwd, dir)) || '.' };
}

/**
 * For take and grade, which work on the curricula wherever they are run from in the
 * repository: upward from `dir`, the nearest folder holding enablekit.yml or a
 * `curricula/enablekit.yml`.
 */
export function findCurricula(dir: string): string | undefined {
  for (let cur = resolve(dir); ; cur = dirname(cur)) {
    if (existsSync(join(cur, CONFIG_FILE))) return cur;
    if (existsSync(join(cur, CURRICULA_FOLDER, CONFIG_FILE))) return join(cur, CURRICULA_FOLDER);
    if (dirname(cur) === cur) return undefined;
  }
}

/** What lint and the commands say, once, when there is no enablekit.yml. */
export function noConfigMessage(lookedFrom: string): string {
  return `Expected ${CONFIG_FILE} in ${lookedFrom} or a folder above it; found none, so roles, features and policies are the defaults and roles: and covers: are not checked. Create ${CONFIG_FILE} at the root of your curricula (see docs/format.md#enablekityml), or run from inside a curricula folder.`;
}

export interface ContentFiles extends WalkResult {
  /** The files the user asked about: diagnostics are reported on these only. */
  only: Set<string>;
  bytes: Map<string, Uint8Array>;
  hashes: Map<string, string>;
}

/**
 * The whole workspace around the targets (from enablekit.yml's folder when there is
 * one), so cross-file rules see every file even when one file is linted.
 */
export function readWorkspace(cwd: string, t: Targets, ignore: string[]): ContentFiles {
  const root = t.configPath ? dirname(t.configPath) : undefined;
  const roots = root
    ? [root, ...t.targets.filter((x) => relative(root, x).startsWith('..'))]
    : t.targets;
  const files = walk(roots, cwd, ignore, root ?? cwd);
  const wanted = t.targets.map((x) => toPosix(relative(cwd, x)));
  const inTargets = (f: string) => wanted.some((w) => w === '' || f === w || f.startsWith(`${w}/`));
  const only = new Set(files.markdown.filter(inTargets));
  if (t.configRel && inTargets(t.configRel)) only.add(t.configRel);
  const bytes = new Map<string, Uint8Array>();
  const hashes = new Map<string, string>();
  for (const file of files.markdown) {
    try {
      const b = readFileSync(resolve(cwd, file));
      bytes.set(file, b);
      hashes.set(file, hashBytes(b));
    } catch {
      hashes.set(file, 'unreadable');
    }
  }
  return { ...files, only, bytes, hashes };
}
