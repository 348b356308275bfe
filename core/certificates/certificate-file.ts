import { decodeJwt } from 'jose';
import { escapeMarkdown } from '../text/markdown-escape.js';
import type { OpenBadgeCredential } from './open-badge.js';

/** The id (jti) a certificate's token names, read without checking it: to revoke it, not to trust it. */
export function decodeCertificateId(text: string): string | undefined {
  try {
    const claims = decodeJwt(text.trim());
    return typeof claims.jti === 'string' ? claims.jti : undefined;
  } catch {
    return undefined;
  }
}

/** The file name a learner saves the certificate as. */
export const certificateFileName = (learner: string, trackId: string) =>
  `${learner}-${trackId}.jwt`;

/**
 * The comment that hands a learner their certificate on their progress issue: what it says,
 * the token to save, and how anyone checks it. The token is the whole certificate; the rest is
 * for people.
 */
export function certificateComment(
  learner: string,
  credential: OpenBadgeCredential,
  token: string,
): string {
  const track = credential.credentialSubject.achievement;
  const file = certificateFileName(learner, track.id.replace(/^.*#track-/, ''));
  const until = credential.validUntil
    ? `valid until ${credential.validUntil.slice(0, 10)}`
    : 'with no end date';
  return [
    `## 🏅 Certificate: ${escapeMarkdown(track.name, 100)}`,
    '',
    `@${learner}, here is your certificate for **${escapeMarkdown(track.name, 100)}**: an Open Badges 3.0 credential issued by ${escapeMarkdown(credential.issuer.name, 100)} on ${credential.validFrom.slice(0, 10)}, ${until}.`,
    '',
    `Save the token below as \`${file}\`. Anyone can check it against this repository with \`npx enablekit certificate verify ${file}\`, and a wallet or profile that takes Open Badges 3.0 imports it as it is (docs/certificates.md).`,
    '',
    '```text',
    token,
    '```',
    '',
    `<sub>Certificate ${credential.id} · curricula at ${credential.evidence[0]?.id ?? ''}</sub>`,
  ].join('\n');
}
