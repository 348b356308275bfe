import { CONFIG_FILE, defaultConfig, parseConfig, type Config } from '../config/config.js';
import { parseFile } from '../parse/parse-file.js';
import type { Diagnostic } from '../types.js';
import { WorkspaceIndex } from '../workspace/workspace-index.js';
import { runRules } from './engine.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * A workspace kept in memory and linted again as files change: the editor's engine.
 * Paths are relative to the folder of enablekit.yml. A change re-parses only that file;
 * the rules then run over the whole index, so cross-file problems (unknown references,
 * duplicate ids) move with it, without reading any other file again.
 */
export class LintSession {
  private config: Config = defaultConfig();
  readonly index = new WorkspaceIndex();

  constructor(private readonly rules: readonly Rule[] = RULES) {}

  get currentConfig(): Config {
    return this.config;
  }

  setConfig(text: string | undefined): void {
    this.config = text === undefined ? defaultConfig() : parseConfig(CONFIG_FILE, text);
    this.index.addKnownPath(CONFIG_FILE);
  }

  /** Parse one file (saved or not) into the index. */
  setFile(path: string, text: string | Uint8Array): void {
    if (path === CONFIG_FILE) {
      this.setConfig(typeof text === 'string' ? text : new TextDecoder().decode(text));
      return;
    }
    this.index.addKnownPath(path);
    if (path.endsWith('.md')) this.index.update(parseFile(path, text, { maxFileSize: this.config.maxFileSize }).model);
  }

  removeFile(path: string): void {
    this.index.remove(path);
    this.index.knownPaths.delete(path);
  }

  /** Every file's diagnostics; a file with none maps to an empty list, so stale ones can be cleared. */
  lint(today: string): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const file of this.index.files.keys()) out.set(file, []);
    if (this.config.file) out.set(this.config.file, []);
    for (const d of runRules(this.rules, this.index, this.config, { today })) {
      let list = out.get(d.file);
      if (!list) out.set(d.file, (list = []));
      list.push(d);
    }
    return out;
  }
}
