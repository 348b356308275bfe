import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { configCandidates, defaultConfig, parseConfig, type Config } from '../core/config/config.js';
import type { FileModel } from '../core/model.js';
import { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { LintCache, hashBytes } from './lint-cache.js';
import { parseAll } from './parse-pool.js';
import type { ParseJob } from './parse-job.js';
import { ProgressBar } from './progress.js';
import { UsageError } from './usage-error.js';
import { toPosix, walk } from './walk.js';

/** Bump when the model changes shape, so old caches are dropped. */
const MODEL_VERSION = 1;

export interface LoadOptions {
  cwd: string;
  paths: string[];
  cache: boolean;
  version: string;
}

export interface LoadedWorkspace {
  config: Config;
  index: WorkspaceIndex;
  /** The files the user asked about: diagnostics are reported on these only. */
  only: Set<string>;
  counts: Record<string, number>;
}

function findConfig(cwd: string, start: string): string | undefined {
  const dir = existsSync(start) && statSync(start).isDirectory() ? start : dirname(start);
  return configCandidates(toPosix(resolve(cwd, dir))).find((p) => existsSync(p));
}

/**
 * Index the whole workspace around the given paths (from enablekit.yml's folder, when
 * there is one), so cross-file rules see every file even when one file is linted.
 */
export async function loadWorkspace(o: LoadOptions): Promise<LoadedWorkspace> {
  const targets = (o.paths.length ? o.paths : ['.']).map((p) => resolve(o.cwd, p));
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`Expected a file or folder to lint; found nothing at ${relative(o.cwd, t) || t}. Check the path.`);
  const configPath = findConfig(o.cwd, targets[0]!);
  const configRel = configPath ? toPosix(relative(o.cwd, configPath)) : undefined;
  const config = configPath && configRel ? parseConfig(configRel, readFileSync(configPath, 'utf8')) : defaultConfig();
  const root = configPath ? dirname(configPath) : undefined;
  const roots = root ? [root, ...targets.filter((t) => relative(root, t).startsWith('..'))] : targets;
  const files = walk(roots, o.cwd, config.ignore, root ?? o.cwd);
  const wanted = targets.map((t) => toPosix(relative(o.cwd, t)));
  const inTargets = (f: string) => wanted.some((w) => w === '' || f === w || f.startsWith(`${w}/`));
  const only = new Set(files.markdown.filter(inTargets));
  if (configRel && inTargets(configRel)) only.add(configRel);

  const cachePath = o.cache ? resolve(o.cwd, '.enablekit-cache', 'lint.json') : undefined;
  const cache = new LintCache(cachePath, `${o.version}:${MODEL_VERSION}:${config.maxFileSize}`);
  const models: FileModel[] = new Array(files.markdown.length);
  const misses: { at: number; job: ParseJob; hash: string }[] = [];
  files.markdown.forEach((file, at) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(o.cwd, file));
    } catch (e) {
      models[at] = { file, problems: [{ code: 'encoding', span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, message: `Expected a readable file; found ${(e as NodeJS.ErrnoException).code ?? 'an error'}. Check its permissions.` }] };
      return;
    }
    const hash = hashBytes(bytes);
    const hit = cache.get(file, hash);
    if (hit) models[at] = hit;
    else misses.push({ at, job: { file, bytes }, hash });
  });
  if (misses.length) {
    const bar = new ProgressBar(misses.length, 'Parsing');
    const parsed = await parseAll(misses.map((m) => m.job), config.maxFileSize, (n) => bar.update(n));
    bar.finish();
    misses.forEach((m, k) => {
      models[m.at] = parsed[k]!;
      cache.set(m.job.file, m.hash, parsed[k]!);
    });
  }
  cache.retain(new Set(files.markdown));
  cache.save();

  const index = new WorkspaceIndex(models, files.all);
  const counts: Record<string, number> = { track: 0, module: 0, quiz: 0, scenario: 0, reflection: 0 };
  for (const m of models) if (m.item && only.has(m.file)) counts[m.item.type]!++;
  return { config, index, only, counts };
}
