import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { touchedFeatures } from '../core/freshness/touched-features.js';
import { freshnessVerdict, type Release } from '../core/freshness/verdict.js';
import { parseVersion } from '../core/freshness/semver.js';
import { loadIndex } from '../host/analyse.js';
import { UsageError } from '../host/usage-error.js';
import { resolveTargets } from '../host/workspace-files.js';
import { curriculaToday } from '../core/config/clock.js';

export interface StaleArgs {
  cwd: string;
  paths: string[];
  release?: string;
  features?: string;
  notes?: string;
  format: string;
  /** --today: judge dates as of this day instead of today in the curricula's time zone. */
  today?: string;
  now: Date;
  version: string;
  cache: boolean;
}

/** List the items a release (or the passing of time) made stale, with why and who owns them. */
export async function staleCommand(a: StaleArgs): Promise<{ stdout: string; exitCode: number }> {
  if (!['stylish', 'json'].includes(a.format))
    throw new UsageError(`Expected --format to be stylish or json; found "${a.format}".`);
  if (a.release && !parseVersion(a.release))
    throw new UsageError(
      `Expected --release to be a version tag such as v4.3.0; found "${a.release}". Pass the release's semver tag.`,
    );
  if (!a.release && (a.features || a.notes))
    throw new UsageError(
      'Expected --release with --features or --notes; found no release. Name the release they belong to.',
    );
  const notesPath = a.notes ? resolve(a.cwd, a.notes) : undefined;
  if (notesPath && !existsSync(notesPath))
    throw new UsageError(`Expected release notes at ${a.notes}; found nothing. Check the path.`);
  const targets = resolveTargets(a.cwd, a.paths);
  const { index, config } = await loadIndex({
    cwd: a.cwd,
    cache: a.cache,
    version: a.version,
    targets,
    metadataOnly: true,
  });
  let release: Release | undefined;
  const header: string[] = [];
  if (a.release) {
    const { features, unknown } = touchedFeatures(config, {
      explicit: (a.features ?? '').split(','),
      notes: notesPath ? readFileSync(notesPath, 'utf8') : '',
    });
    if (unknown.length) header.push(`Not in the feature registry, ignored: ${unknown.join(', ')}.`);
    release = { tag: a.release, features };
    header.push(
      features.size
        ? `Release ${a.release} touched: ${[...features].map(([f, from]) => `${f} (${from})`).join(', ')}.`
        : `Release ${a.release} touched no feature in the registry.`,
    );
  }
  const today = curriculaToday(config, a.now, a.today);
  const verdicts = [...index.items()]
    .map((item) => freshnessVerdict(item, config, today, release))
    .filter((v) => v.status === 'stale');
  verdicts.sort((x, y) => (x.item.file < y.item.file ? -1 : x.item.file > y.item.file ? 1 : 0));
  const exitCode = verdicts.length ? 1 : 0;
  if (a.format === 'json') {
    return {
      stdout: `${JSON.stringify(
        verdicts.map((v) => ({
          file: v.item.file,
          line: v.item.idSpan.start.line,
          id: v.item.id,
          type: v.item.type,
          owner: v.item.freshness.owner ?? null,
          reasons: v.reasons,
        })),
        null,
        2,
      )}\n`,
      exitCode,
    };
  }
  const lines = verdicts.map(
    (v) =>
      `${v.item.file}:${v.item.idSpan.start.line}  ${v.item.type} "${v.item.id}"  owner ${v.item.freshness.owner ?? '(none)'}\n${v.reasons.map((r) => `  - ${r.message}`).join('\n')}`,
  );
  const summary = verdicts.length
    ? `${verdicts.length} stale item${verdicts.length === 1 ? '' : 's'}. Review each against the release, then mark it verified: set verified: {version, date} (the editor's "Mark verified" quick fix does it).`
    : 'No stale items.';
  return { stdout: `${[...header, ...lines, summary].join('\n')}\n`, exitCode };
}
