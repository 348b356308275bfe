/**
 * The repository's revocation list, in the form of 1EdTech's Revocation List Status Method
 * (VCRL 1.0): the list's URL, its issuer, and the revoked credentials by id with the reason.
 * It lives in the repository beside the issuer's keys; recertification and `enablekit
 * certificate revoke` add to it, nothing ever takes a credential off it.
 */
export interface RevokedCredential {
  id: string;
  revocationReason?: string;
}

export interface RevocationList {
  id: string;
  issuer: string;
  revokedCredentials: RevokedCredential[];
}

export type ReadList = { ok: true; list: RevocationList } | { ok: false; message: string };

export function readRevocationList(text: string, file: string): ReadList {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      message: `${file}: Expected a revocation list in JSON; found text JSON cannot read (${(e as Error).message}). Restore it from git history.`,
    };
  }
  const o = v as Partial<RevocationList> | null;
  if (
    !o ||
    typeof o !== 'object' ||
    !Array.isArray(o.revokedCredentials) ||
    o.revokedCredentials.some((r) => !r || typeof r.id !== 'string')
  )
    return {
      ok: false,
      message: `${file}: Expected a revocation list: an object with revokedCredentials, a list of { id, revocationReason }; found something else. Restore it from git history.`,
    };
  return {
    ok: true,
    list: {
      id: typeof o.id === 'string' ? o.id : '',
      issuer: typeof o.issuer === 'string' ? o.issuer : '',
      revokedCredentials: o.revokedCredentials,
    },
  };
}

export function emptyRevocationList(id: string, issuer: string): RevocationList {
  return { id, issuer, revokedCredentials: [] };
}

/** The list with these credentials revoked; one already on it keeps its first reason. */
export function withRevoked(list: RevocationList, add: RevokedCredential[]): RevocationList {
  const known = new Set(list.revokedCredentials.map((r) => r.id));
  const fresh = add.filter((r) => {
    if (known.has(r.id)) return false;
    known.add(r.id);
    return true;
  });
  return { ...list, revokedCredentials: [...list.revokedCredentials, ...fresh] };
}

/** As written to the repository: stable key order, two-space indent, a final newline, LF. */
export function revocationListText(list: RevocationList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}
