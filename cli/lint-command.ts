import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runRules } from '../core/lint/engine.js';
import { applyEdits } from '../core/lint/apply-fixes.js';
import { RULES } from '../core/lint/rules/index.js';
import { formatJson } from '../core/format/json.js';
import { formatSarif } from '../core/format/sarif.js';
import { formatStylish } from '../core/format/stylish.js';
import type { Diagnostic, TextEdit } from '../core/types.js';
import { loadWorkspace } from './load-workspace.js';
import { UsageError } from './usage-error.js';

export interface LintArgs {
  paths: string[];
  format: string;
  fix: boolean;
  cache: boolean;
  cwd: string;
  today: string;
  version: string;
  color: boolean;
}

const FORMATS = ['stylish', 'json', 'sarif'];

async function lintOnce(a: LintArgs) {
  const ws = await loadWorkspace({ cwd: a.cwd, paths: a.paths, cache: a.cache, version: a.version });
  const diagnostics = runRules(RULES, ws.index, ws.config, { today: a.today, only: ws.only });
  return { ws, diagnostics };
}

/** Write each file's fixes once; learners' answer sheets are never touched by --fix. */
function applyFixes(diagnostics: Diagnostic[], cwd: string): number {
  const byFile = new Map<string, TextEdit[]>();
  for (const d of diagnostics) {
    if (!d.fix || d.file.includes('submissions/')) continue;
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), ...d.fix.edits]);
  }
  let fixed = 0;
  for (const [file, edits] of byFile) {
    const path = resolve(cwd, file);
    const { text, applied } = applyEdits(readFileSync(path, 'utf8'), edits);
    writeFileSync(path, text);
    fixed += applied;
  }
  return fixed;
}

export async function lintCommand(a: LintArgs): Promise<{ stdout: string; exitCode: number }> {
  if (!FORMATS.includes(a.format)) throw new UsageError(`Expected --format to be one of ${FORMATS.join(', ')}; found "${a.format}". Pick one of those.`);
  let { ws, diagnostics } = await lintOnce(a);
  let fixedNote = '';
  if (a.fix && diagnostics.some((d) => d.fix)) {
    const fixed = applyFixes(diagnostics, a.cwd);
    ({ ws, diagnostics } = await lintOnce(a));
    fixedNote = `Fixed ${fixed} problem${fixed === 1 ? '' : 's'}.\n`;
  }
  const exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  if (a.format === 'json') return { stdout: `${formatJson(diagnostics)}\n`, exitCode };
  if (a.format === 'sarif') return { stdout: `${formatSarif(diagnostics, RULES, a.version)}\n`, exitCode };
  const c = ws.counts;
  const files = ws.only.size;
  const summary = `Linted ${files} file${files === 1 ? '' : 's'}: ${c.track} tracks, ${c.module} modules, ${c.quiz} quizzes, ${c.scenario} scenarios, ${c.reflection} reflections.`;
  const body = formatStylish(diagnostics, { color: a.color });
  return { stdout: `${fixedNote}${body ? `${body}\n` : ''}${summary}${diagnostics.length ? '' : ' No problems.'}\n`, exitCode };
}
