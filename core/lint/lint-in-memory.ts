import { defaultConfig, parseConfig, CONFIG_FILE, type Config } from '../config/config.js';
import { parseFile } from '../parse/parse-file.js';
import type { Diagnostic } from '../types.js';
import { WorkspaceIndex } from '../workspace/workspace-index.js';
import { runRules } from './engine.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * Lint a workspace held in memory (path → text): what rule examples, the editor's
 * unsaved buffers and tests use. Markdown files are content; enablekit.yml is the config.
 */
export function lintInMemory(
  files: Record<string, string>,
  today: string,
  rules: readonly Rule[] = RULES,
): { diagnostics: Diagnostic[]; index: WorkspaceIndex; config: Config } {
  const config =
    files[CONFIG_FILE] !== undefined
      ? parseConfig(CONFIG_FILE, files[CONFIG_FILE])
      : defaultConfig();
  const index = new WorkspaceIndex([], Object.keys(files));
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.md'))
      index.update(parseFile(path, text, { maxFileSize: config.maxFileSize }).model);
  }
  return { diagnostics: runRules(rules, index, config, { today }), index, config };
}
