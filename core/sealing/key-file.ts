import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { QuizKey } from './quiz-key.js';
import { toLf } from '../text/line-endings.js';

/**
 * What a sealed key file holds, encrypted: the answers, the shape of the quiz they were
 * made against (choice letters only mean something for that quiz), and the author's
 * source with its answers in it, so unsealing gives back exactly what was sealed.
 */
export interface SealedPayload {
  key: QuizKey;
  shape: string;
  source: string;
}

export type OpenResult =
  | { ok: true; payload: SealedPayload }
  | { ok: false; reason: 'tampered' | 'malformed'; message: string };

const HEADER =
  '# enablekit sealed answer key. Encrypted with AES-256-GCM; do not edit: any change is detected and grading stops.';

/**
 * The secret is a passphrase (the repository secret or environment variable), stretched
 * with scrypt and a random salt per file; the quiz id is authenticated with the data, so
 * a key file copied onto another quiz does not open.
 */
function derive(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, { N: 1 << 14, r: 8, p: 1 });
}

/** The smallest size a sealed payload is padded to; beyond it, the next power of two. */
export const PAD_BUCKET_MIN = 1024;

/**
 * The payload's JSON padded to its bucket's size, so the ciphertext's length (which AES-GCM
 * keeps equal to the plaintext's) no longer tells how long the answers are: all quizzes
 * whose payload falls in one bucket seal to the same length. Readers ignore `pad`.
 */
export function paddedJson(payload: SealedPayload): string {
  const json = JSON.stringify({ key: payload.key, shape: payload.shape, source: payload.source });
  const size = new TextEncoder().encode(json).length + ',"pad":""'.length;
  let bucket = PAD_BUCKET_MIN;
  while (bucket < size) bucket *= 2;
  return `${json.slice(0, -1)},"pad":"${' '.repeat(bucket - size)}"}`;
}

export function sealPayload(payload: SealedPayload, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, salt), iv);
  cipher.setAAD(Buffer.from(`enablekit:${payload.key.quiz}`));
  const data = Buffer.concat([cipher.update(paddedJson(payload), 'utf8'), cipher.final()]);
  return [
    HEADER,
    'enablekit: sealed-key',
    'version: 1',
    `quiz: ${payload.key.quiz}`,
    'cipher: aes-256-gcm',
    'kdf: scrypt',
    `salt: ${salt.toString('base64')}`,
    `iv: ${iv.toString('base64')}`,
    `tag: ${cipher.getAuthTag().toString('base64')}`,
    `data: ${data.toString('base64')}`,
    '',
  ].join('\n');
}

/** Open a sealed key file for the quiz it must belong to; a wrong secret and a changed file both fail authentication. */
export function openPayload(fileText: string, secret: string, quizId: string): OpenResult {
  let f: Record<string, unknown>;
  try {
    f = (parseYaml(toLf(fileText)) ?? {}) as Record<string, unknown>;
  } catch {
    return {
      ok: false,
      reason: 'malformed',
      message:
        'Expected a sealed key file (YAML written by "enablekit seal"); found text that is not YAML. Seal the quiz again.',
    };
  }
  const b64 = (k: string) => (typeof f[k] === 'string' ? Buffer.from(f[k], 'base64') : undefined);
  const [salt, iv, tag, data] = [b64('salt'), b64('iv'), b64('tag'), b64('data')];
  if (
    f.enablekit !== 'sealed-key' ||
    f.version !== 1 ||
    f.cipher !== 'aes-256-gcm' ||
    !salt ||
    !iv ||
    !tag ||
    !data ||
    tag.length !== 16
  ) {
    return {
      ok: false,
      reason: 'malformed',
      message:
        'Expected a sealed key file written by "enablekit seal" (enablekit: sealed-key, version 1, aes-256-gcm); found something else. Seal the quiz again.',
    };
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(secret, salt), iv);
    decipher.setAAD(Buffer.from(`enablekit:${quizId}`));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    return { ok: true, payload: JSON.parse(text) as SealedPayload };
  } catch {
    return {
      ok: false,
      reason: 'tampered',
      message: `Expected the key of "${quizId}" to open with the configured secret; found it does not authenticate: the file was changed, belongs to another quiz, or the secret is not the one it was sealed with. Restore the key file from git, or check the secret.`,
    };
  }
}
