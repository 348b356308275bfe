import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quiz } from '../core/model.js';
import { keyFilePath, openSealed } from '../core/sealing/seal.js';

export type KeyOpened =
  | { ok: true; quiz: Quiz; source?: string; keyPath?: string }
  | { ok: false; reason: 'no-secret' | 'missing' | 'unopened'; message: string; keyPath: string };

/**
 * A sealed quiz with its key file opened and merged in, for lint, grading and unsealing
 * alike; an open quiz is returned as it is. Messages start with the quiz's `key:` line,
 * so they say which file and line to look at. Paths are under `cwd`, as models name them.
 */
export function openQuizKey(cwd: string, quiz: Quiz, secret: string | undefined): KeyOpened {
  if (!quiz.key) return { ok: true, quiz };
  const keyPath = keyFilePath(quiz.file, quiz.key);
  const at = `${quiz.file}:${quiz.keySpan?.start.line ?? 1}`;
  if (!secret)
    return {
      ok: false,
      reason: 'no-secret',
      keyPath,
      message: `${at}: Expected the answer-key secret to open ${keyPath}; found none.`,
    };
  const full = resolve(cwd, keyPath);
  if (!existsSync(full))
    return {
      ok: false,
      reason: 'missing',
      keyPath,
      message: `${at}: Expected the key file ${keyPath} that key: names; found none. Restore it from git, or remove key: and mark the answers in the quiz.`,
    };
  const r = openSealed(quiz, readFileSync(full, 'utf8'), secret);
  return r.ok
    ? { ok: true, quiz: r.quiz, source: r.source, keyPath }
    : { ok: false, reason: 'unopened', keyPath, message: `${at}: ${r.message}` };
}
