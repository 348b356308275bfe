import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { configCandidates } from '../core/config/config-candidates.js';
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
}

export function resolveTargets(cwd: string, paths: string[]): Targets {
  const targets = (paths.length ? paths : ['.']).map((p) => resolve(cwd, p));
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`Expected a file or folder at ${relative(cwd, t) || t}; found nothing. Check the path (for the Action, the curricula input).`);
  const start = targets[0]!;
  const dir = statSync(start).isDirectory() ? start : dirname(start);
  const configPath = configCandidates(toPosix(dir)).find((p) => existsSync(p));
  if (!configPath) return { targets };
  return { targets, configPath, configRel: toPosix(relative(cwd, configPath)), configText: readFileSync(configPath, 'utf8') };
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
  const roots = root ? [root, ...t.targets.filter((x) => relative(root, x).startsWith('..'))] : t.targets;
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
