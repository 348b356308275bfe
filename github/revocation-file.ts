import {
  emptyRevocationList,
  readRevocationList,
  revocationListText,
  withRevoked,
  type RevokedCredential,
} from '../core/certificates/revocation-list.js';
import type { Client } from './calls.js';
import type { RepoRef } from './repo-ref.js';

/**
 * Add certificates to the revocation list in the repository, on its default branch, through
 * the contents API: read it, add what is not on it yet, write it back naming the version read.
 * Two runs writing at once: the second is refused (409) and reads again, so neither loses the
 * other's revocations. A run that wrote and then failed: the next finds them on the list and
 * writes nothing. Returns how many were added.
 */
export async function revokeInRepository(
  gh: Client,
  ctx: RepoRef,
  path: string,
  revoke: RevokedCredential[],
  list: { id: string; issuer: string },
  message: string,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    let sha: string | undefined;
    let current = emptyRevocationList(list.id, list.issuer);
    try {
      const { data } = await gh.rest.repos.getContent({ owner: ctx.owner, repo: ctx.repo, path });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
        throw new Error(
          `Expected ${path} to be a file; found a ${Array.isArray(data) ? 'folder' : data.type}.`,
        );
      sha = data.sha;
      const read = readRevocationList(Buffer.from(data.content, 'base64').toString('utf8'), path);
      if (!read.ok) throw new Error(read.message);
      // A list keygen or revoke wrote names itself by its path: the Action knows its URL.
      current = {
        ...read.list,
        id: read.list.id.includes('://') ? read.list.id : list.id,
        issuer: read.list.issuer || list.issuer,
      };
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    const next = withRevoked(current, revoke);
    const added = next.revokedCredentials.length - current.revokedCredentials.length;
    if (!added || ctx.dryRun) return added;
    try {
      await gh.rest.repos.createOrUpdateFileContents({
        owner: ctx.owner,
        repo: ctx.repo,
        path,
        message,
        content: Buffer.from(revocationListText(next), 'utf8').toString('base64'),
        ...(sha ? { sha } : {}),
      });
      return added;
    } catch (e) {
      // Someone wrote it since it was read: read it again, a few times.
      if ((e as { status?: number }).status !== 409 || attempt >= 3) throw e;
    }
  }
}
