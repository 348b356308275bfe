import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../core/types.js';

/** What a run needs from enablekit.yml before it can list files, kept so a warm run need not parse YAML. */
export interface WalkSettings {
  ignore: string[];
  maxFileSize: number;
  /** enablekit.yml's time zone: a warm lint reads today in it without parsing the config. */
  timeZone: string;
}

export interface CachedResult {
  /** Hash of the config text: when it matches, `settings` can be reused without parsing. */
  configHash: string;
  settings: WalkSettings;
  /** Hash of everything the result depends on: version, config, date, paths asked, every file's content. */
  key: string;
  diagnostics: Diagnostic[];
  counts: Record<string, number>;
  files: number;
  /** Sealed quizzes whose answers were not checked (no secret), and keys that would not open. */
  sealed?: SealedNote;
}

export interface SealedNote {
  locked: number;
  problems: string[];
}

export function hashText(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64');
}

export function readResult(path: string | undefined): CachedResult | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CachedResult;
  } catch {
    return undefined;
  }
}

export function writeResult(path: string | undefined, result: CachedResult): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, path);
  } catch {
    // Only speed is lost.
  }
}
