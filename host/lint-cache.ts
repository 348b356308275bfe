import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileModel } from '../core/model.js';

interface CacheFile {
  salt: string;
  entries: Record<string, { hash: string; model: FileModel }>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * File models keyed by content hash. The salt names the engine version and parse
 * options: a new version or option empties it. Rules are not cached: they run over
 * the models every time, so a changed config or rule set can never serve stale results.
 */
export class LintCache {
  private entries: CacheFile['entries'] = {};
  private dirty = false;

  constructor(
    private readonly path: string | undefined,
    private readonly salt: string,
  ) {
    if (!path) return;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.salt === salt && data.entries) this.entries = data.entries;
    } catch {
      // No cache yet, or a damaged one: start empty.
    }
  }

  get(file: string, hash: string): FileModel | undefined {
    const e = this.entries[file];
    return e && e.hash === hash ? e.model : undefined;
  }

  set(file: string, hash: string, model: FileModel): void {
    this.entries[file] = { hash, model };
    this.dirty = true;
  }

  /** Drop entries for files that no longer exist. */
  retain(files: Set<string>): void {
    for (const f of Object.keys(this.entries)) {
      if (!files.has(f)) {
        delete this.entries[f];
        this.dirty = true;
      }
    }
  }

  save(): void {
    if (!this.path || !this.dirty) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ salt: this.salt, entries: this.entries }));
      renameSync(tmp, this.path);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
