import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { bulkFixEdits, fixText } from '../core/lint/apply-fixes.js';
import { formatJson } from '../core/format/json.js';
import { formatStylish } from '../core/format/stylish.js';
import type { Diagnostic } from '../core/types.js';
import type { Config } from '../core/config/config.js';
import { curriculaToday } from '../core/config/clock.js';
import {
  hashText,
  readResult,
  writeResult,
  type CachedResult,
  type WalkSettings,
} from '../host/result-cache.js';
import { UsageError } from '../host/usage-error.js';
import { noConfigMessage, readWorkspace, resolveTargets } from '../host/workspace-files.js';
import { ProgressBar } from './progress-bar.js';

export interface LintArgs {
  paths: string[];
  format: string;
  fix: boolean;
  cache: boolean;
  cwd: string;
  /** --submissions: learners' answer sheets, which --fix never edits. */
  submissions: string;
  /** --today: judge dates as of this day instead of today in the curricula's time zone. */
  today?: string;
  now: Date;
  version: string;
  color: boolean;
  /** ENABLEKIT_KEY: open sealed quizzes' keys and lint their answers (then nothing is cached). */
  secret?: string;
  /** Threads to parse on (--jobs); by default, what the machine's cores allow. */
  jobs?: number;
}

const FORMATS = ['stylish', 'json', 'sarif'];

/**
 * A warm run with nothing changed is answered from .enablekit-cache/result.json: the key
 * covers the engine version, the config text, today's date, the paths asked about, every
 * file's path and every Markdown file's content hash, so any change misses. Only then are
 * YAML, ajv and remark loaded.
 */
async function lintOnce(a: LintArgs): Promise<CachedResult & { noConfig?: string }> {
  const t = resolveTargets(a.cwd, a.paths);
  // Said once, up front, instead of an unknown role or feature on every file.
  const noConfig = t.lookedFrom !== undefined ? noConfigMessage(t.lookedFrom) : undefined;
  const withNote = (r: CachedResult) => (noConfig ? { ...r, noConfig } : r);
  // With the secret, answers are in play: the result is neither read from nor written to the cache.
  const resultPath =
    a.cache && !a.secret ? resolve(a.cwd, '.enablekit-cache', 'result.json') : undefined;
  const cached = readResult(resultPath);
  const configHash = hashText(t.configText ?? '');
  // A cache written before settings held the time zone is read again from the config.
  let settings: WalkSettings | undefined =
    cached?.configHash === configHash && typeof cached.settings.timeZone === 'string'
      ? cached.settings
      : undefined;
  let config: Config | undefined;
  if (!settings) {
    config = (await import('../host/analyse.js')).loadConfig(t);
    settings = {
      ignore: config.ignore,
      maxFileSize: config.maxFileSize,
      timeZone: config.timeZone,
    };
  }
  const today = curriculaToday(settings, a.now, a.today);
  const files = readWorkspace(a.cwd, t, settings.ignore);
  const key = hashText(
    a.version,
    configHash,
    today,
    t.targets.join('\n'),
    files.all.join('\n'),
    ...files.markdown.map((f) => files.hashes.get(f)!),
  );
  if (cached && cached.key === key) return withNote(cached);
  const { analyse, loadConfig } = await import('../host/analyse.js');
  const analysis = await analyse({
    cwd: a.cwd,
    cache: a.cache,
    version: a.version,
    today,
    config: config ?? loadConfig(t),
    files,
    ...(a.secret ? { secret: a.secret } : {}),
    ...(a.jobs ? { jobs: a.jobs } : {}),
    progress: ProgressBar.onTerminal,
  });
  const result: CachedResult = { configHash, settings, key, ...analysis, files: files.only.size };
  writeResult(resultPath, result);
  return withNote(result);
}

/** Write each file's fixes once; learners' answer sheets are never touched by --fix. */
function applyFixes(diagnostics: Diagnostic[], cwd: string, submissions: string): number {
  let fixed = 0;
  for (const [file, edits] of bulkFixEdits(diagnostics, relative(cwd, resolve(cwd, submissions)))) {
    const path = resolve(cwd, file);
    const { text, applied } = fixText(readFileSync(path, 'utf8'), edits);
    writeFileSync(path, text);
    fixed += applied;
  }
  return fixed;
}

export async function lintCommand(
  a: LintArgs,
): Promise<{ stdout: string; stderr?: string; exitCode: number }> {
  if (!FORMATS.includes(a.format))
    throw new UsageError(
      `Expected --format to be one of ${FORMATS.join(', ')}; found "${a.format}". Pick one of those.`,
    );
  let result = await lintOnce(a);
  let fixedNote = '';
  if (a.fix && result.diagnostics.some((d) => d.fix && !d.fix.suggestion)) {
    const fixed = applyFixes(result.diagnostics, a.cwd, a.submissions);
    result = await lintOnce(a);
    fixedNote = `Fixed ${fixed} problem${fixed === 1 ? '' : 's'}.\n`;
  }
  const { diagnostics, counts: c, files } = result;
  // On stderr, so JSON and SARIF on stdout stay as they are.
  const note = result.noConfig ? { stderr: `enablekit: ${result.noConfig}\n` } : {};
  const exitCode =
    diagnostics.some((d) => d.severity === 'error') || result.sealed?.problems.length ? 1 : 0;
  if (a.format === 'json') return { stdout: `${formatJson(diagnostics)}\n`, exitCode, ...note };
  if (a.format === 'sarif') {
    const [{ formatSarif }, { RULES }] = await Promise.all([
      import('../core/format/sarif.js'),
      import('../core/lint/rules/index.js'),
    ]);
    return { stdout: `${formatSarif(diagnostics, RULES, a.version)}\n`, exitCode, ...note };
  }
  const summary = `Linted ${files} file${files === 1 ? '' : 's'}: ${c.track} tracks, ${c.module} modules, ${c.quiz} quizzes, ${c.scenario} scenarios, ${c.reflection} reflections${c.survey ? `, ${c.survey} survey${c.survey === 1 ? '' : 's'}` : ''}.`;
  const body = formatStylish(diagnostics, { color: a.color });
  const locked = result.sealed?.locked ?? 0;
  const sealedNote = [
    ...(result.sealed?.problems ?? []).map((p) => `${p}\n`),
    locked
      ? `${locked} sealed quiz${locked === 1 ? '' : 'zes'}: answers not checked. Set ENABLEKIT_KEY to the answer-key secret to check them too.\n`
      : '',
  ].join('');
  return {
    stdout: `${fixedNote}${body ? `${body}\n` : ''}${summary}${diagnostics.length ? '' : ' No problems.'}\n${sealedNote}`,
    exitCode,
    ...note,
  };
}
