import { posix } from 'node:path';
import * as core from '@actions/core';
import type { JWK } from 'jose';
import type { CertificateSettings, Config } from '../core/config/config.js';
import type { Track } from '../core/model.js';
import type { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import type { ScheduledNotice } from '../core/progress/schedule-plan.js';
import { trackCredential } from '../core/certificates/open-badge.js';
import { signCredential } from '../core/certificates/sign-credential.js';
import { certificateComment } from '../core/certificates/certificate-file.js';
import { hiddenJson } from '../core/text/hidden-json.js';
import type { RunContext } from './context.js';

/** Where anyone who can read the repository reads the revocation list: a certificate's status. */
export function statusListUrl(
  ctx: Pick<RunContext, 'serverUrl' | 'owner' | 'repo' | 'curricula'>,
  settings: CertificateSettings,
): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/raw/HEAD/${posix.join(ctx.curricula, settings.revocations)}`;
}

/** The hidden record of a certificate in its report card: what recertification revokes by. */
export const CERTIFICATE_TAG = 'certificate';

/**
 * What signs a report card's certificate in this run, or undefined when certificates are off
 * (no `certificates:` in enablekit.yml) or cannot be signed (no certificate-key secret, or one
 * that is not a private key: said once as a warning, and report cards go on without one).
 */
export function certificateIssuer(
  ctx: RunContext,
  config: Config,
  index: WorkspaceIndex,
  /** The curricula commit the completing pass was graded against. */
  commit: string,
): ((due: ScheduledNotice) => Promise<string | undefined>) | undefined {
  const settings = config.certificates;
  if (!settings) return undefined;
  if (!ctx.certificateKey) {
    core.warning(
      'Expected the certificate-key secret: enablekit.yml asks for certificates (certificates:), and a report card goes out without one until it is set. Make a key with "enablekit certificate keygen" (docs/certificates.md).',
    );
    return undefined;
  }
  let key: JWK;
  try {
    key = JSON.parse(ctx.certificateKey) as JWK;
  } catch {
    core.warning(
      'Expected the certificate-key secret to be a private key in JWK form (the JSON file "enablekit certificate keygen" writes); found text that is not JSON. Report cards go out without certificates until it is set right.',
    );
    return undefined;
  }
  const repoUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`;
  const statusUrl = statusListUrl(ctx, settings);
  return async (due) => {
    const track = index.item(due.notice.item) as Track | undefined;
    if (track?.type !== 'track') return undefined;
    const credential = trackCredential(
      {
        learner: due.notice.learner,
        track,
        awardedAt: due.completedAt ?? due.notice.at,
        commit,
        repoUrl,
        serverUrl: ctx.serverUrl,
      },
      settings.issuer,
      statusUrl,
    );
    try {
      const token = await signCredential(credential, key);
      return `${certificateComment(due.notice.learner, credential, token)}\n${hiddenJson(CERTIFICATE_TAG, { id: credential.id, learner: due.notice.learner, track: track.id })}`;
    } catch (e) {
      core.warning(
        `Expected to sign the certificate of @${due.notice.learner} for ${track.id}; could not: ${(e as Error).message} The report card goes out without it.`,
      );
      return undefined;
    }
  };
}
