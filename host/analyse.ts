import { resolve } from 'node:path';
import { defaultConfig, parseConfig, type Config } from '../core/config/config.js';
import type { FileModel } from '../core/model.js';
import { parseFile } from '../core/parse/parse-file.js';
import { runRules } from '../core/lint/engine.js';
import { RULES } from '../core/lint/rules/index.js';
import { WorkspaceIndex } from '../core/workspace/workspace-index.js';
import { FILE_START, type Diagnostic } from '../core/types.js';
import { LintCache } from './lint-cache.js';
import type { SealedNote } from './result-cache.js';
import { openQuizKey } from './quiz-keys.js';
import { parseAll } from './parse-pool.js';
import { readWorkspace, type ContentFiles, type Targets } from './workspace-files.js';

/** Shows how far parsing has got: the CLI's progress bar; nothing in the Action or the editor. */
export interface Progress {
  update(done: number): void;
  finish(): void;
}
export type ProgressFactory = (total: number, label: string) => Progress;

/** Bump when the model changes shape, so old caches are dropped. */
export const MODEL_VERSION = 3;

export function loadConfig(t: Targets): Config {
  return t.configRel && t.configText !== undefined
    ? parseConfig(t.configRel, t.configText)
    : defaultConfig();
}

export interface Analysis {
  diagnostics: Diagnostic[];
  counts: Record<string, number>;
  sealed: SealedNote;
}

/** Models of every Markdown file: from the per-file cache, or parsed (on as many threads as --jobs or the cores allow). */
export async function loadModels(o: {
  cwd: string;
  cache: boolean;
  version: string;
  config: Config;
  files: ContentFiles;
  metadataOnly?: boolean;
  jobs?: number;
  progress?: ProgressFactory;
}): Promise<FileModel[]> {
  const { config, files } = o;
  if (o.metadataOnly) {
    return files.markdown.map((file) => {
      const bytes = files.bytes.get(file);
      return bytes
        ? parseFile(file, bytes, { maxFileSize: config.maxFileSize, metadataOnly: true }).model
        : { file, problems: [] };
    });
  }
  const cache = new LintCache(
    o.cache ? resolve(o.cwd, '.enablekit-cache', 'models.json') : undefined,
    `${o.version}:${MODEL_VERSION}:${config.maxFileSize}`,
  );
  const models: FileModel[] = [];
  const misses: { file: string; bytes: Uint8Array }[] = [];
  for (const file of files.markdown) {
    const bytes = files.bytes.get(file);
    if (!bytes) {
      models.push({
        file,
        problems: [
          {
            code: 'encoding',
            span: FILE_START,
            message:
              'Expected a readable file; found one that could not be read. Check its permissions.',
          },
        ],
      });
      continue;
    }
    const hit = cache.get(file, files.hashes.get(file)!);
    if (hit) models.push(hit);
    else misses.push({ file, bytes });
  }
  if (misses.length) {
    const bar = o.progress?.(misses.length, 'Parsing');
    const parsed = await parseAll(
      misses,
      { maxFileSize: config.maxFileSize, ...(o.jobs ? { threads: o.jobs } : {}) },
      (n) => bar?.update(n),
    );
    bar?.finish();
    parsed.forEach((m, k) => {
      models.push(m);
      cache.set(misses[k]!.file, files.hashes.get(misses[k]!.file)!, m);
    });
  }
  cache.retain(new Set(files.markdown));
  cache.save();
  return models;
}

/**
 * The slow path of lint: models, then the rules over the whole index. Loaded only when
 * the result cache misses.
 */
export async function analyse(o: {
  cwd: string;
  cache: boolean;
  version: string;
  today: string;
  config: Config;
  files: ContentFiles;
  secret?: string;
  jobs?: number;
  progress?: ProgressFactory;
}): Promise<Analysis> {
  const sealed: SealedNote = { locked: 0, problems: [] };
  const models = (await loadModels(o)).map((m) => withKey(m, o.cwd, o.secret, sealed));
  const index = new WorkspaceIndex(models, o.files.all);
  const diagnostics = runRules(RULES, index, o.config, { today: o.today, only: o.files.only });
  const counts: Record<string, number> = {
    track: 0,
    module: 0,
    quiz: 0,
    scenario: 0,
    reflection: 0,
    survey: 0,
  };
  for (const m of models) if (m.item && o.files.only.has(m.file)) counts[m.item.type]!++;
  return { diagnostics, counts, sealed };
}

/**
 * A sealed quiz with its key opened and merged in, so the answer rules check it: only in
 * memory, after the model cache, so no answer is ever written to .enablekit-cache/.
 */
function withKey(
  m: FileModel,
  cwd: string,
  secret: string | undefined,
  note: SealedNote,
): FileModel {
  const quiz = m.item;
  if (quiz?.type !== 'quiz' || !quiz.key) return m;
  const r = openQuizKey(cwd, quiz, secret);
  if (r.ok) return { ...m, item: r.quiz };
  if (r.reason === 'no-secret') note.locked++;
  else note.problems.push(r.message);
  return m;
}

/** The whole workspace indexed, for commands that look items up (grade, take, seal); `only` is the files under the paths asked about. */
export async function loadIndex(o: {
  cwd: string;
  cache: boolean;
  version: string;
  targets: Targets;
  metadataOnly?: boolean;
  progress?: ProgressFactory;
}): Promise<{ config: Config; index: WorkspaceIndex; only: ReadonlySet<string> }> {
  const config = loadConfig(o.targets);
  const files = readWorkspace(o.cwd, o.targets, config.ignore);
  const models = await loadModels({ ...o, config, files });
  return { config, index: new WorkspaceIndex(models, files.all), only: files.only };
}
