import { CONFIG_FILE, defaultConfig, parseConfig, type Config } from '../config/config.js';
import { prerequisitesOf, type Item } from '../model.js';
import type { EditState } from '../parse/parse-file.js';
import { parseFile } from '../parse/parse-file.js';
import type { Diagnostic } from '../types.js';
import { WorkspaceIndex } from '../workspace/workspace-index.js';
import { runRules } from './engine.js';
import { reuseAlike } from './reuse-alike.js';
import type { Reach, Rule } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * Pieces an open document's body is cut into: an edit then parses one small piece again
 * (see markdown.ts), at the cost of a little more work when the file is first opened.
 */
export const EDITING_CHUNK_TARGET = 256;

export interface SessionLint {
  /**
   * Every file's diagnostics; a file with none maps to an empty list. The session's own
   * map, updated in place by the next lint: copying 2,000 entries on every keystroke cost
   * more than linting the file typed in.
   */
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  /**
   * The files whose diagnostics were computed again, or dropped (a file that went): the
   * others are as last time. A list equal to last time's is that same array, and a
   * diagnostic equal to one of last time's is that same object (see reuse-alike.ts).
   */
  relinted: ReadonlySet<string>;
}

/**
 * A workspace kept in memory and linted again as files change: the editor's engine.
 * Paths are relative to the folder of enablekit.yml. A change re-parses only that file
 * (only the edited pieces of an open document), and the next lint runs the rules over
 * only the files whose diagnostics it can change: the file itself and as far as the rules
 * declare their findings reach (RuleMeta.reach): files sharing or referring to its old or
 * new id, its prerequisite chain (cycles), every track, and, when an id appears or goes,
 * files with unknown references (their "did you mean" may change).
 * A new or deleted file, the config or another day lints everything.
 * test/lint-session.test.ts holds this to a full lint after random edits.
 */
export class LintSession {
  private config: Config = defaultConfig();
  readonly index = new WorkspaceIndex();
  private readonly edits = new Map<string, EditState>();
  private last: { today: string; diagnostics: Map<string, Diagnostic[]> } | undefined;
  private everything = true;
  private readonly touchedFiles = new Set<string>();
  private readonly touchedItems: Item[] = [];
  private idsChanged = false;
  /** A track, or a module's id or prerequisites, changed: a rule of reach `tracks` reads every track against them. */
  private tracksChanged = false;

  /** How far the rules' findings reach across files, from their metadata. */
  private readonly reaches: ReadonlySet<Reach>;
  /** Rules whose messages name the nearest known id: their files are re-linted when an id appears or goes. */
  private readonly namingKnownIds: ReadonlySet<string>;

  constructor(private readonly rules: readonly Rule[] = RULES) {
    this.reaches = new Set(rules.map((r) => r.meta.reach));
    this.namingKnownIds = new Set(
      rules.filter((r) => r.meta.reach === 'known-ids').map((r) => r.meta.id),
    );
  }

  get currentConfig(): Config {
    return this.config;
  }

  setConfig(text: string | undefined): void {
    this.config = text === undefined ? defaultConfig() : parseConfig(CONFIG_FILE, text);
    this.index.addKnownPath(CONFIG_FILE);
    this.everything = true;
  }

  /**
   * Parse one file (saved or not) into the index. `editing`: the file is open in an
   * editor and will change again, so its parse is kept for the next edit. Returns false
   * when an edit left the front matter as it was (the item's id, title and fields): a
   * view of the items need not be drawn again.
   */
  setFile(
    path: string,
    text: string | Uint8Array,
    options: { editing?: boolean; metadataOnly?: boolean } = {},
  ): boolean {
    if (path === CONFIG_FILE) {
      this.setConfig(typeof text === 'string' ? text : new TextDecoder().decode(text));
      return true;
    }
    if (!this.index.knownPaths.has(path)) this.everything = true;
    this.index.addKnownPath(path);
    if (!path.endsWith('.md')) return true;
    const previous = options.editing ? this.edits.get(path) : undefined;
    const parsed = parseFile(path, text, {
      maxFileSize: this.config.maxFileSize,
      ...(options.metadataOnly ? { metadataOnly: true } : {}),
      ...(options.editing ? { chunkTarget: EDITING_CHUNK_TARGET } : {}),
      ...(previous ? { previous } : {}),
    });
    if (options.editing && parsed.edit) this.edits.set(path, parsed.edit);
    else this.edits.delete(path);
    this.touch(path, parsed.model.item);
    this.index.update(parsed.model);
    const before = previous?.frontMatter;
    return !before || before.block !== parsed.edit?.frontMatter?.block;
  }

  /**
   * Run an open document's edit path once, so that the first keystrokes a user types in a
   * big document do not pay for it: the functions V8 optimized while the workspace was
   * read meet the edit path's objects for the first time and are thrown out and compiled
   * again (in the 350 KB benchmark module the first five keystrokes took 8–29 ms against
   * about 4 for the rest). A letter is typed at a line start `at` (0 to 1) of the way
   * through the body, linted as a keystroke is (given `today`, and once a lint has run)
   * with the result thrown away, and taken out again: the file is left parsed as it was
   * and the next lint() covers it. A space would leave the text and so the lint path
   * unchanged, and the first keystrokes would still compile it. False when the file is
   * not open for editing.
   */
  rehearseEdit(path: string, at = 0.5, today?: string): boolean {
    const state = this.edits.get(path);
    if (!state) return false;
    const text = state.text;
    const body = state.markdown?.frontMatterEnd ?? 0;
    const newline = text.indexOf('\n', body + Math.floor((text.length - body) * at));
    const line = newline === -1 ? text.length : newline + 1;
    this.setFile(path, `${text.slice(0, line)}x${text.slice(line)}`, { editing: true });
    if (today !== undefined && this.incremental(today)) {
      // What lint() would do, reuseAlike included, without keeping it.
      for (const [file, list] of this.lintFiles(today, this.reach()))
        reuseAlike(this.last!.diagnostics.get(file), list);
    }
    this.setFile(path, text, { editing: true });
    return true;
  }

  removeFile(path: string): void {
    this.index.remove(path);
    this.index.knownPaths.delete(path);
    this.edits.delete(path);
    this.everything = true;
  }

  /** Note what a file's change can reach, from its item before and after. */
  private touch(path: string, next: Item | undefined): void {
    const before = this.index.files.get(path)?.item;
    this.touchedFiles.add(path);
    for (const item of [before, next]) if (item) this.touchedItems.push(item);
    if (before?.id !== next?.id || before?.type !== next?.type) this.idsChanged = true;
    if (orderOfTracksMoves(before, next)) this.tracksChanged = true;
  }

  /** Lint what changed since the last lint (everything, the first time). */
  lint(today: string): SessionLint {
    if (!this.incremental(today)) return this.lintEverything(today);
    const only = this.reach();
    // Problems of enablekit.yml are reported whatever the files asked about.
    if (this.config.file) only.add(this.config.file);
    const diagnostics = this.last!.diagnostics;
    const previous = new Map<string, Diagnostic[] | undefined>();
    const fresh = this.lintFiles(today, only);
    for (const file of only) {
      previous.set(file, diagnostics.get(file));
      const list = fresh.get(file);
      if (list) diagnostics.set(file, list);
      else diagnostics.delete(file);
    }
    return this.done(today, diagnostics, only, previous);
  }

  /** Whether the next lint need only cover what changed since the last. */
  private incremental(today: string): boolean {
    return !this.everything && this.last?.today === today;
  }

  /** These files' diagnostics (each file still in the workspace has a list, maybe empty). */
  private lintFiles(today: string, only: ReadonlySet<string>): Map<string, Diagnostic[]> {
    const lists = new Map<string, Diagnostic[]>();
    for (const file of only)
      if (this.index.files.has(file) || file === this.config.file) lists.set(file, []);
    byFile(lists, runRules(this.rules, this.index, this.config, { today, only }));
    return lists;
  }

  /**
   * Lint these files alone, while the others may still be read for their front matter
   * only (`metadataOnly`): no rule reads another file's body, so their diagnostics are
   * final (test/lint-session.test.ts holds this). The next lint() starts afresh.
   */
  lintOnly(today: string, files: Iterable<string>): Map<string, Diagnostic[]> {
    const only = new Set(files);
    const diagnostics = this.lintFiles(today, only);
    // enablekit.yml's problems come with every lint; here only the files asked about.
    for (const file of diagnostics.keys()) if (!only.has(file)) diagnostics.delete(file);
    this.everything = true;
    return diagnostics;
  }

  private lintEverything(today: string): SessionLint {
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const file of this.index.files.keys()) diagnostics.set(file, []);
    if (this.config.file) diagnostics.set(this.config.file, []);
    byFile(diagnostics, runRules(this.rules, this.index, this.config, { today }));
    const previous: ReadonlyMap<string, Diagnostic[]> = this.last?.diagnostics ?? new Map();
    const relinted = new Set([...diagnostics.keys(), ...previous.keys()]);
    return this.done(today, diagnostics, relinted, previous);
  }

  private done(
    today: string,
    diagnostics: Map<string, Diagnostic[]>,
    relinted: ReadonlySet<string>,
    previous: ReadonlyMap<string, Diagnostic[] | undefined>,
  ): SessionLint {
    for (const file of relinted) {
      const list = diagnostics.get(file);
      if (list) diagnostics.set(file, reuseAlike(previous.get(file), list));
    }
    this.last = { today, diagnostics };
    this.everything = false;
    this.idsChanged = false;
    this.tracksChanged = false;
    this.touchedFiles.clear();
    this.touchedItems.length = 0;
    return { diagnostics, relinted };
  }

  /**
   * The files whose diagnostics the changes since the last lint can have changed: the
   * changed files, and as far as the rules' declared reaches go (see Reach in rule.ts).
   */
  private reach(): Set<string> {
    const files = new Set(this.touchedFiles);
    const reaches = this.reaches;
    if (reaches.has('workspace')) for (const file of this.index.files.keys()) files.add(file);
    if (reaches.has('ids') || reaches.has('known-ids')) {
      for (const id of new Set(this.touchedItems.map((i) => i.id))) {
        for (const item of this.index.itemsWithId(id)) files.add(item.file);
        for (const r of this.index.referencesTo(id)) files.add(r.from.file);
      }
    }
    if (reaches.has('prerequisites')) {
      // A cycle through a changed item runs along its prerequisites, old or new.
      const seen = new Set<string>();
      const queue = this.touchedItems.flatMap(prerequisitesOf);
      while (queue.length) {
        const id = queue.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const item of this.index.itemsWithId(id)) {
          files.add(item.file);
          queue.push(...prerequisitesOf(item));
        }
      }
    }
    if (this.tracksChanged && reaches.has('tracks'))
      for (const [file, model] of this.index.files)
        if (model.item?.type === 'track') files.add(file);
    if (this.idsChanged && this.namingKnownIds.size) {
      for (const [file, list] of this.last!.diagnostics)
        if (list.some((d) => this.namingKnownIds.has(d.ruleId))) files.add(file);
    }
    return files;
  }
}

/** Whether a change can move what a rule of reach `tracks` reads: a track changed, or a module's id or prerequisites did. */
function orderOfTracksMoves(before: Item | undefined, next: Item | undefined): boolean {
  if (before?.type === 'track' || next?.type === 'track') return true;
  if (before?.type !== 'module' && next?.type !== 'module') return false;
  const a = before ? prerequisitesOf(before) : [];
  const b = next ? prerequisitesOf(next) : [];
  return before?.id !== next?.id || a.length !== b.length || a.some((p, i) => p !== b[i]);
}

/** Add each diagnostic to its file's list. */
function byFile(lists: Map<string, Diagnostic[]>, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const list = lists.get(d.file);
    if (list) list.push(d);
    else lists.set(d.file, [d]);
  }
}
