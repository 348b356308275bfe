import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { parseConfig, type CertificateSettings } from '../core/config/config.js';
import { CONFIG_FILE } from '../core/config/config-candidates.js';
import {
  ALGORITHMS,
  generateIssuerKey,
  type KeyAlgorithm,
} from '../core/certificates/sign-credential.js';
import { verifyCredential } from '../core/certificates/verify-credential.js';
import { emptyRevocationList, withRevoked } from '../core/certificates/revocation-list.js';
import { decodeCertificateId } from '../core/certificates/certificate-file.js';
import {
  readIssuerKeys,
  readRevocations,
  writeIssuerKeys,
  writeRevocations,
} from '../host/certificate-files.js';
import { findCurricula } from '../host/workspace-files.js';
import { UsageError } from '../host/usage-error.js';

export interface CertificateArgs {
  action: string | undefined;
  files: string[];
  cwd: string;
  curricula?: string;
  out?: string;
  alg?: string;
  reason?: string;
  now: Date;
}

type Result = { stdout: string; stderr: string; exitCode: number };

function settingsAt(a: CertificateArgs): { curricula: string; s: CertificateSettings } {
  const curricula = a.curricula ? resolve(a.cwd, a.curricula) : findCurricula(a.cwd);
  if (!curricula || !existsSync(resolve(curricula, CONFIG_FILE)))
    throw new UsageError(
      `Expected an ${CONFIG_FILE} here or above (or --curricula <folder>); found none. Run this in the curricula repository.`,
    );
  const config = parseConfig(CONFIG_FILE, readFileSync(resolve(curricula, CONFIG_FILE), 'utf8'));
  if (!config.certificates)
    throw new UsageError(
      `Expected certificates: in ${CONFIG_FILE}, with issuer: { id, name }; found none. Add it (docs/certificates.md), then run this again.`,
    );
  return { curricula, s: config.certificates };
}

/** The nearest folder holding .git, upward from `dir`: the repository a file would be committed to. */
function repositoryOf(dir: string): string | undefined {
  for (let cur = resolve(dir); ; cur = dirname(cur)) {
    if (existsSync(resolve(cur, '.git'))) return cur;
    if (dirname(cur) === cur) return undefined;
  }
}

/**
 * `enablekit certificate keygen --out <file>`: a new signing key. The private key goes to
 * --out, outside the repository (it is the Action's certificate-key secret); the public key is
 * added to the issuer's key set, which is committed, so certificates signed with older keys
 * still verify. An empty revocation list is written beside it when there is none.
 */
async function keygen(a: CertificateArgs): Promise<Result> {
  const { curricula, s } = settingsAt(a);
  if (!a.out)
    throw new UsageError(
      'Expected --out <file> for the private key; found none. Name a file outside the repository, then store its text as the certificate-key secret.',
    );
  const alg = (a.alg ?? 'RS256') as KeyAlgorithm;
  if (!ALGORITHMS.includes(alg))
    throw new UsageError(
      `Expected --alg ${ALGORITHMS.join('|')}; found "${a.alg}". RS256 is what every Open Badges 3.0 verifier reads.`,
    );
  const out = resolve(a.cwd, a.out);
  const repo = repositoryOf(curricula);
  if (repo && (out === repo || out.startsWith(repo + sep)))
    throw new UsageError(
      `Expected --out outside the repository; found ${a.out}, inside ${repo}. A private key committed is a key anyone can sign certificates with: write it elsewhere (e.g. ~/enablekit-issuer.jwk).`,
    );
  if (existsSync(out))
    throw new UsageError(
      `Expected --out to name a new file; found ${a.out} already there. enablekit never overwrites a key: choose another name.`,
    );
  const keys = readIssuerKeys(curricula, s);
  if (!keys.ok && existsSync(resolve(curricula, s.keys))) throw new UsageError(keys.message);
  const { privateJwk, publicJwk } = await generateIssuerKey(alg);
  const kid = await calculateJwkThumbprint(publicJwk);
  writeFileSync(out, `${JSON.stringify({ ...privateJwk, kid }, null, 2)}\n`, { mode: 0o600 });
  writeIssuerKeys(curricula, s, [...(keys.ok ? keys.value : []), { ...publicJwk, kid }]);
  const revocations = readRevocations(curricula, s);
  if (revocations.ok && !revocations.value)
    writeRevocations(curricula, s, emptyRevocationList(s.revocations, s.issuer.id));
  const shown = (p: string) => relative(a.cwd, resolve(curricula, p)) || p;
  return {
    stdout: [
      `Wrote the private key (${alg}, ${kid}) to ${a.out}.`,
      `Added its public key to ${shown(s.keys)}; commit it${revocations.ok && !revocations.value ? `, and ${shown(s.revocations)}` : ''}.`,
      `Store the private key as the repository's secret for the Action's certificate-key input, e.g.:`,
      `  gh secret set ENABLEKIT_CERTIFICATE_KEY < ${a.out}`,
      `then delete ${a.out}, or keep it where your other secrets are kept.`,
      '',
    ].join('\n'),
    stderr: '',
    exitCode: 0,
  };
}

async function verify(a: CertificateArgs): Promise<Result> {
  const [file] = a.files;
  if (!file || a.files.length > 1)
    throw new UsageError(
      `Expected one certificate file after "enablekit certificate verify"; found ${a.files.length || 'none'}.`,
    );
  let text: string;
  try {
    text = readFileSync(resolve(a.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`Expected a readable certificate at ${file}; found none. Check the path.`);
  }
  const { curricula, s } = settingsAt(a);
  const keys = readIssuerKeys(curricula, s);
  if (!keys.ok) return { stdout: '', stderr: `${keys.message}\n`, exitCode: 1 };
  const revocations = readRevocations(curricula, s);
  if (!revocations.ok) return { stdout: '', stderr: `${revocations.message}\n`, exitCode: 1 };
  const r = await verifyCredential({
    token: text,
    keys: keys.value,
    issuerId: s.issuer.id,
    ...(revocations.value ? { revocations: revocations.value } : {}),
    now: a.now.toISOString(),
  });
  return r.ok
    ? { stdout: `${file}: ${r.summary}\n`, stderr: '', exitCode: 0 }
    : { stdout: '', stderr: `${file}: Not valid. ${r.reason}\n`, exitCode: 1 };
}

/** `enablekit certificate revoke <file|id…> --reason <text>`: add to the revocation list, to commit. */
function revoke(a: CertificateArgs): Result {
  if (a.files.length === 0)
    throw new UsageError(
      'Expected certificate files or ids (urn:uuid:…) after "enablekit certificate revoke"; found none.',
    );
  if (!a.reason?.trim())
    throw new UsageError(
      'Expected --reason "<why>"; found none. The reason is what a verifier is told.',
    );
  const { curricula, s } = settingsAt(a);
  const ids = a.files.map((f) => {
    if (/^urn:uuid:[0-9a-f-]{36}$/i.test(f)) return f.toLowerCase();
    let text: string;
    try {
      text = readFileSync(resolve(a.cwd, f), 'utf8');
    } catch {
      throw new UsageError(
        `Expected a certificate file or an id (urn:uuid:…) at ${f}; found neither. Check the path.`,
      );
    }
    const id = decodeCertificateId(text);
    if (!id)
      throw new UsageError(
        `Expected ${f} to hold a certificate (a signed token); found something else.`,
      );
    return id;
  });
  const read = readRevocations(curricula, s);
  if (!read.ok) throw new UsageError(read.message);
  const list = read.value ?? emptyRevocationList(s.revocations, s.issuer.id);
  const reason = `${a.reason.trim()} (revoked ${a.now.toISOString().slice(0, 10)})`;
  const next = withRevoked(
    list,
    ids.map((id) => ({ id, revocationReason: reason })),
  );
  const added = next.revokedCredentials.length - list.revokedCredentials.length;
  if (added) writeRevocations(curricula, s, next);
  return {
    stdout: `${added ? `Revoked ${added} certificate(s) in ${relative(a.cwd, resolve(curricula, s.revocations))}; commit it.` : 'Every one of them was revoked already; nothing changed.'}\n`,
    stderr: '',
    exitCode: 0,
  };
}

export async function certificateCommand(a: CertificateArgs): Promise<Result> {
  switch (a.action) {
    case 'keygen':
      return keygen(a);
    case 'verify':
      return verify(a);
    case 'revoke':
      return revoke(a);
    default:
      throw new UsageError(
        `Expected "enablekit certificate keygen|verify|revoke"; found ${a.action ? `"${a.action}"` : 'nothing after certificate'}.`,
      );
  }
}
