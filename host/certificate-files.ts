import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JWK } from 'jose';
import type { CertificateSettings } from '../core/config/config.js';
import {
  readRevocationList,
  revocationListText,
  type RevocationList,
} from '../core/certificates/revocation-list.js';

/**
 * The issuer's published keys and the revocation list, as files in the curricula folder (paths
 * in enablekit.yml's `certificates:`, relative to it). Read by verify and the Action; written by
 * keygen and revoke, which the author then commits.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export function readIssuerKeys(curricula: string, s: CertificateSettings): Read<JWK[]> {
  const path = join(curricula, s.keys);
  if (!existsSync(path))
    return {
      ok: false,
      message: `Expected the issuer's public keys at ${s.keys} (certificates.keys in enablekit.yml); found no file. Run "enablekit certificate keygen" and commit the file it writes.`,
    };
  try {
    const set = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as { keys?: JWK[] };
    if (!Array.isArray(set.keys)) throw new Error('no keys');
    if (set.keys.some((k) => 'd' in k))
      return {
        ok: false,
        message: `${s.keys}: Expected only public keys; found a private key (a "d" member). Anyone who can read the repository can sign with it: remove the file, make a new key with "enablekit certificate keygen", and revoke what the old one signed.`,
      };
    return { ok: true, value: set.keys };
  } catch {
    return {
      ok: false,
      message: `${s.keys}: Expected a JWK set, { "keys": [ … ] }, as keygen writes it; found something else. Restore it from git history.`,
    };
  }
}

export function writeIssuerKeys(curricula: string, s: CertificateSettings, keys: JWK[]): void {
  const path = join(curricula, s.keys);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ keys }, null, 2)}\n`);
}

/** The revocation list; undefined when there is no file (nothing was ever revoked). */
export function readRevocations(
  curricula: string,
  s: CertificateSettings,
): Read<RevocationList | undefined> {
  const path = join(curricula, s.revocations);
  if (!existsSync(path)) return { ok: true, value: undefined };
  const r = readRevocationList(readFileSync(path, 'utf8'), s.revocations);
  return r.ok ? { ok: true, value: r.list } : r;
}

export function writeRevocations(
  curricula: string,
  s: CertificateSettings,
  list: RevocationList,
): void {
  const path = join(curricula, s.revocations);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, revocationListText(list));
}
