import { createHash } from 'node:crypto';
import type { Track } from '../model.js';
import { durationMs } from '../text/duration.js';

/**
 * A track completed, as an Open Badges 3.0 credential (1EdTech's OpenBadgeCredential, a W3C
 * Verifiable Credential 2.0). The credential names the learner (their GitHub profile), the
 * track (the achievement), the day it was awarded and the curricula commit it was earned
 * against (the evidence); a track with `valid_for` gives it an end (validUntil), and its
 * status points at the repository's revocation list, which recertification adds to.
 */
export interface Issuer {
  /** A URI naming the issuer: the iss claim, checked by verify. */
  id: string;
  name: string;
  url?: string;
}

export interface TrackAward {
  learner: string;
  track: Pick<Track, 'id' | 'title' | 'summary' | 'validFor'>;
  /** ISO time of the pass that completed the track. */
  awardedAt: string;
  /** The curricula commit the last checkpoint was graded against. */
  commit: string;
  /** https://github.com/owner/repo (or the GitHub Enterprise server's). */
  repoUrl: string;
  /** The GitHub server's URL, for the learner's profile. */
  serverUrl: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: { id: string; type: string[]; name: string; url?: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: string[];
    achievement: {
      id: string;
      type: string[];
      name: string;
      description: string;
      criteria: { narrative: string };
    };
  };
  evidence: { id: string; type: string[]; name: string }[];
  credentialStatus: { id: string; type: string };
}

export const CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

/**
 * The credential's id, the same for the same learner, track and award whichever run issues
 * it, so a re-run posts the credential it already posted and recertification can name it
 * from the records alone. A name-based UUID (version 8) from SHA-256.
 */
export function credentialId(
  issuerId: string,
  learner: string,
  trackId: string,
  awardedAt: string,
): string {
  const h = createHash('sha256')
    .update(JSON.stringify([issuerId, learner.toLowerCase(), trackId, awardedAt]))
    .digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** ISO time without milliseconds: what a JWT's NumericDate (whole seconds) can say back. */
const seconds = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function trackCredential(
  award: TrackAward,
  issuer: Issuer,
  statusListUrl: string,
): OpenBadgeCredential {
  const from = Date.parse(award.awardedAt);
  const validFor = award.track.validFor ? durationMs(award.track.validFor) : undefined;
  const validFrom = seconds(from);
  return {
    '@context': CONTEXTS,
    id: credentialId(issuer.id, award.learner, award.track.id, validFrom),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: award.track.title,
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
    },
    validFrom,
    ...(validFor ? { validUntil: seconds(from + validFor) } : {}),
    credentialSubject: {
      id: `${award.serverUrl}/${award.learner}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${award.repoUrl}#track-${award.track.id}`,
        type: ['Achievement'],
        name: award.track.title,
        description: award.track.summary ?? `The ${award.track.title} training track.`,
        criteria: {
          narrative: `Passed every required checkpoint of every module of the track ${award.track.id}, graded by the enablekit Action.`,
        },
      },
    },
    evidence: [
      {
        id: `${award.repoUrl}/tree/${award.commit}`,
        type: ['Evidence'],
        name: `The curricula at commit ${award.commit.slice(0, 12)}`,
      },
    ],
    credentialStatus: { id: statusListUrl, type: REVOCATION_LIST_TYPE },
  };
}

/** The JWT claims the OB 3.0 JSON Web Token proof format asks for, over the credential itself. */
export function jwtPayload(c: OpenBadgeCredential): Record<string, unknown> {
  return {
    ...c,
    iss: c.issuer.id,
    jti: c.id,
    sub: c.credentialSubject.id,
    nbf: Date.parse(c.validFrom) / 1000,
    ...(c.validUntil ? { exp: Date.parse(c.validUntil) / 1000 } : {}),
  };
}
