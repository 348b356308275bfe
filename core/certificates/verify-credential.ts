import {
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  importJWK,
  type JWK,
} from 'jose';
import { ALGORITHMS, algorithmOf, type KeyAlgorithm } from './sign-credential.js';
import { REVOCATION_LIST_TYPE, type OpenBadgeCredential } from './open-badge.js';
import type { RevocationList } from './revocation-list.js';

/**
 * Whether a certificate is one this repository's Action issued and still holds: the token's
 * form, the signature against the issuer's published keys (never against a key the token
 * brings along), the issuer, the claims against the credential, the validity dates and the
 * revocation list. Each failure says what was expected, what was found and what to do.
 */
export interface VerifyInput {
  token: string;
  /** The issuer's public keys, as published in the repository (a JWK set). */
  keys: JWK[];
  issuerId: string;
  revocations?: RevocationList;
  now: string;
}

export type Verified =
  | { ok: true; credential: OpenBadgeCredential; summary: string }
  | { ok: false; reason: string; credential?: OpenBadgeCredential };

const fail = (reason: string, credential?: OpenBadgeCredential): Verified => ({
  ok: false,
  reason,
  ...(credential ? { credential } : {}),
});
const day = (iso: string) => iso.slice(0, 10);

export async function verifyCredential(input: VerifyInput): Promise<Verified> {
  const token = input.token.trim();
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token))
    return fail(
      `Expected a certificate: a signed token of three parts joined by dots, as the Action posts it on the progress issue; found ${token.length ? `${token.length} characters of something else` : 'an empty file'}. Copy the token from the certificate comment into the file, nothing else.`,
    );
  let header: { alg?: string; jwk?: JWK; kid?: string };
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail(
      'Expected the certificate to start with a JSON header; found text that does not decode. Copy the token again from the certificate comment.',
    );
  }
  if (!header.alg || !ALGORITHMS.includes(header.alg as KeyAlgorithm))
    return fail(
      `Expected the certificate to be signed with ${ALGORITHMS.join(', ')}; found ${header.alg ?? 'no algorithm'}. It was not issued by enablekit.`,
    );
  // The key is chosen from the issuer's published keys: a token signed with a key of its own making proves nothing.
  const thumbs = await Promise.all(input.keys.map((k) => calculateJwkThumbprint(k)));
  const wanted = header.jwk ? await calculateJwkThumbprint(header.jwk) : undefined;
  const key = input.keys.find(
    (k, i) => (wanted ? thumbs[i] === wanted : true) && algorithmOf(k) === header.alg,
  );
  if (!key)
    return fail(
      `Expected the certificate to be signed with one of the issuer's keys (${thumbs.join(', ') || 'none published'}); found ${wanted ? `a key with thumbprint ${wanted}` : 'no key named'}. It was not issued by this repository's Action, or the key it was signed with was taken out of the key file.`,
    );
  let payload: Record<string, unknown>;
  try {
    const { payload: bytes } = await compactVerify(token, await importJWK(key, header.alg), {
      algorithms: [header.alg],
    });
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return fail(
      "Expected the certificate's signature to match its text; it does not: the certificate was changed after it was signed. Ask the learner for the certificate as the Action posted it.",
    );
  }
  const c = payload as unknown as OpenBadgeCredential;
  if (!Array.isArray(c.type) || !c.type.includes('OpenBadgeCredential'))
    return fail(
      `Expected an OpenBadgeCredential; found a signed token of type ${JSON.stringify(c.type)}.`,
    );
  const issuer = c.issuer?.id;
  if (issuer !== input.issuerId || payload.iss !== issuer)
    return fail(
      `Expected the issuer ${input.issuerId} (certificates.issuer.id in enablekit.yml); found ${JSON.stringify(payload.iss ?? issuer)}. Verify it in the repository that issued it.`,
      c,
    );
  const claims: [string, unknown, unknown][] = [
    ['jti', payload.jti, c.id],
    ['sub', payload.sub, c.credentialSubject?.id],
    ['nbf', payload.nbf, Date.parse(c.validFrom) / 1000],
    ['exp', payload.exp, c.validUntil ? Date.parse(c.validUntil) / 1000 : undefined],
  ];
  for (const [claim, found, expected] of claims)
    if (found !== expected)
      return fail(
        `Expected the ${claim} claim to be the credential's own (${String(expected)}); found ${String(found)}. The certificate is malformed: it was not issued by enablekit.`,
        c,
      );
  const now = Date.parse(input.now);
  const who = c.credentialSubject.id;
  const what = c.credentialSubject.achievement?.name ?? c.name;
  if (now < Date.parse(c.validFrom))
    return fail(`The certificate is valid from ${c.validFrom}; it is ${input.now} now.`, c);
  if (c.validUntil && now >= Date.parse(c.validUntil))
    return fail(
      `The certificate expired on ${day(c.validUntil)}: the track asks for a new pass every so often. The learner renews it by completing the track again.`,
      c,
    );
  if (c.credentialStatus?.type === REVOCATION_LIST_TYPE) {
    if (!input.revocations)
      return fail(
        `Expected the revocation list the certificate names (${c.credentialStatus.id}); found none in the repository. Check it out with its certificates folder.`,
        c,
      );
    const revoked = input.revocations.revokedCredentials.find((r) => r.id === c.id);
    if (revoked)
      return fail(
        `The certificate was revoked: ${revoked.revocationReason ?? 'no reason given'}. The learner earns a new one by passing what it asks for again.`,
        c,
      );
  }
  const commit = c.evidence?.[0]?.name?.replace(/^The curricula at commit /, '') ?? '';
  return {
    ok: true,
    credential: c,
    summary: `Valid: ${who} completed ${what} on ${day(c.validFrom)}${commit ? ` (curricula at ${commit})` : ''}, issued by ${c.issuer.name}; ${c.validUntil ? `valid until ${day(c.validUntil)}` : 'it does not expire'}. Not revoked.`,
  };
}
