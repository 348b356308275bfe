import { CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { jwtPayload, type OpenBadgeCredential } from './open-badge.js';

/**
 * Signing an OpenBadgeCredential in the OB 3.0 JSON Web Token proof format: a compact JWS whose
 * header names the algorithm and carries the issuer's public key (`jwk`, never its private
 * part), and whose payload is the credential with its JWT claims. RS256 is what every OB 3.0
 * verifier must accept, so keygen makes an RSA key unless asked for Ed25519 (EdDSA), which the
 * standard permits but fewer verifiers read.
 */
export type KeyAlgorithm = 'RS256' | 'EdDSA' | 'ES256';
export const ALGORITHMS: readonly KeyAlgorithm[] = ['RS256', 'EdDSA', 'ES256'];

/** The members of a JWK that are private: none may leave the issuer. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export function publicJwk(key: JWK): JWK {
  const out: JWK = { ...key };
  for (const m of PRIVATE_MEMBERS) delete (out as Record<string, unknown>)[m];
  delete out.key_ops;
  return out;
}

/** The algorithm a key signs with, from its type; undefined for a key type OB 3.0 verifiers will not read. */
export function algorithmOf(key: JWK): KeyAlgorithm | undefined {
  if (key.kty === 'RSA') return 'RS256';
  if (key.kty === 'OKP' && key.crv === 'Ed25519') return 'EdDSA';
  if (key.kty === 'EC' && key.crv === 'P-256') return 'ES256';
  return undefined;
}

export async function generateIssuerKey(
  alg: KeyAlgorithm = 'RS256',
): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS256' ? { modulusLength: 3072 } : {}),
  });
  const privateJwk = { ...(await exportJWK(privateKey)), alg, use: 'sig' };
  return { privateJwk, publicJwk: publicJwk(privateJwk) };
}

export async function signCredential(
  credential: OpenBadgeCredential,
  privateJwk: JWK,
): Promise<string> {
  const alg = algorithmOf(privateJwk);
  if (!alg || !privateJwk.d)
    throw new Error(
      'Expected the certificate key to be a private RSA, Ed25519 or P-256 key in JWK form (as enablekit certificate keygen writes); found another kind of key.',
    );
  const key = await importJWK(privateJwk, alg);
  const payload = new TextEncoder().encode(JSON.stringify(jwtPayload(credential)));
  return new CompactSign(payload)
    .setProtectedHeader({ alg, typ: 'JWT', jwk: publicJwk(privateJwk) })
    .sign(key);
}
