export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
  text: string;
}

/** A release tag or version as semver: `v4.3`, `4.3.0`, `release-4.3.0-rc.1` → 4.3.0(-rc.1); undefined if none. */
export function parseVersion(tag: string): Version | undefined {
  const m = /(?:^|[^0-9.])v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(tag.trim());
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
    prerelease: m[4] ?? '',
    text: tag.trim(),
  };
}

/** Negative when a comes before b; a prerelease comes before its release. */
export function compareVersions(a: Version, b: Version): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (d) return d;
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
}
