import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/types.js';
import type { Engine } from './engine.js';
import type { LintSession } from '../../core/lint/lint-session.js';
import { DiskChanges } from './disk-changes.js';
import { readBytes } from './read-bytes.js';
import { DiagnosticShards } from './diagnostic-shards.js';
import { ANSWERS_SCHEME } from './sealed-quizzes.js';
import { contentFilter } from './workspace-listing.js';
import { editorToday } from './editor-today.js';
import { EditRehearsal } from './edit-rehearsal.js';

const CONFIG = 'enablekit.yml';

/**
 * The curricula under one enablekit.yml, kept in core's LintSession: every file read once
 * at start, then only the file that changed is parsed again (from the editor's buffer,
 * saved or not). A lint whose document changed again before it ran is dropped.
 */
export class CurriculaWorkspace implements vscode.Disposable {
  readonly diagnostics = new DiagnosticShards('enablekit');
  private session: LintSession | undefined;
  root: vscode.Uri | undefined;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /**
   * Fires after a lint that changed what the tree and the lenses show: an item's front
   * matter, or a file's problems. Typing in a lesson's prose changes neither.
   */
  readonly onDidLint = this.changed.event;
  /** Since the last lint, a file came, went, or had its front matter changed. */
  private itemsChanged = true;
  private readonly subscriptions: vscode.Disposable[] = [];
  private core: ReadonlyMap<string, CoreDiagnostic[]> = new Map();
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  private readonly created = performance.now();
  /** Milliseconds from activation to the first diagnostics published, for the benchmark. */
  firstLintMs: number | undefined;
  /** Milliseconds from activation to every file's diagnostics published. */
  allLintMs: number | undefined;
  /** How long the last re-lint after typing took (parse, lint and publish), and how many there were: for the benchmark. */
  lastRelintMs: number | undefined;
  /**
   * The same re-lint's CPU time on this thread, where Node can tell (threadCpuUsage came
   * in 23.9; desktop VS Code's Electron is older): on a machine whose cores VS Code's
   * other processes share, wall time also counts the moments this thread waited for one.
   */
  lastRelintCpuMs: number | undefined;
  relints = 0;
  /** The first big document's edit path, rehearsed once per window. */
  private readonly rehearsal = new EditRehearsal((path, at) => {
    if (!this.session?.rehearseEdit(path, at, this.today())) return false;
    this.publish([path]);
    return true;
  });
  /** Whether a path inside the curricula is content (not left out by .gitignore or lint.ignore). */
  private listed: (path: string) => boolean = () => true;
  /** Times the workspace was read again after a .gitignore or lint.ignore changed: for the tests. */
  relists = 0;
  private relistTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the workspace is first read: the files read whole so far (open documents, then slices). */
  private partial: Set<string> | undefined = new Set();

  constructor(readonly engine: () => Engine) {}

  /** The day dates are judged by: the enablekit.today setting, else today in the time zone of the enablekit.yml as last read. */
  today(now = new Date()): string {
    return editorToday(
      this.engine(),
      vscode.workspace.getConfiguration('enablekit').get<string>('today', ''),
      this.session?.currentConfig,
      now,
    );
  }

  /** Rounds of the edit path's rehearsal run so far, for the tests. */
  get rehearsals(): number {
    return this.rehearsal.rounds;
  }

  get lintSession(): LintSession | undefined {
    return this.session;
  }

  /** Paths inside the curricula, as core names them: relative to the folder of enablekit.yml. */
  relative(uri: vscode.Uri): string | undefined {
    // A sealed quiz opened with its answers stands for the same file: it is linted in its place.
    if (!this.root || (uri.scheme !== this.root.scheme && uri.scheme !== ANSWERS_SCHEME))
      return undefined;
    const base = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root!, path);
  }

  coreDiagnostics(path: string): CoreDiagnostic[] {
    return this.core.get(path) ?? [];
  }

  async start(): Promise<void> {
    const [config] = await vscode.workspace.findFiles(`**/${CONFIG}`, '**/node_modules/**', 1);
    if (!config) return this.readyResolve();
    this.root = vscode.Uri.joinPath(config, '..');
    await vscode.commands.executeCommand('setContext', 'enablekit.active', true);
    const { session, bodies } = await this.read(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(config)),
    );
    this.session = session;
    const gitignores = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    const relist = () => this.scheduleRelist();
    this.subscriptions.push(
      new DiskChanges(new vscode.RelativePattern(this.root, `**/{*.md,${CONFIG}}`), (uris) =>
        this.readChanged(uris),
      ),
      gitignores,
      gitignores.onDidCreate(relist),
      gitignores.onDidChange(relist),
      gitignores.onDidDelete(relist),
      // An event with no content change (the document saved, or its dirty state changed) leaves the text as linted.
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.contentChanges.length && this.schedule(e.document),
      ),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.reloadFromDisk(d.uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((u) => void this.reloadFromDisk(u))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.forget(u))),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach((f) => {
          this.forget(f.oldUri);
          void this.reloadFromDisk(f.newUri);
        }),
      ),
      vscode.workspace.onDidChangeConfiguration(
        (e) =>
          e.affectsConfiguration('enablekit.today') && ((this.itemsChanged = true), this.publish()),
      ),
    );
    this.publish();
    // Then the other bodies, a slice at a time so the editor stays responsive, each
    // slice's diagnostics shown as it is read.
    for (let next = 0; next < bodies.length;) {
      const slice: string[] = [];
      for (
        const until = performance.now() + 40;
        next < bodies.length && performance.now() < until;
        next++
      ) {
        const [path, bytes] = bodies[next]!;
        // A document opened meanwhile is read from its editor instead.
        if (this.partial?.has(path)) continue;
        session.setFile(path, bytes);
        slice.push(path);
      }
      this.publish(slice);
      await new Promise((r) => setTimeout(r, 0));
    }
    this.partial = undefined;
    this.publish();
    this.rehearsal.resume();
    this.allLintMs = performance.now() - this.created;
    this.readyResolve();
  }

  /**
   * A new session over the files of the curricula: every file's front matter (ids and
   * references: all that crosses files), and the open documents whole, so their diagnostics
   * are final at the first lint; the other bodies are returned to be read after. The files
   * are those the CLI's walk would meet: not what `.gitignore` or `lint.ignore` leaves out.
   */
  private async read(
    configText: string,
  ): Promise<{ session: LintSession; bodies: [string, Uint8Array][] }> {
    const { LintSession } = this.engine();
    const session = new LintSession();
    session.setConfig(configText);
    const files = await vscode.workspace.findFiles(
      new vscode.RelativePattern(this.root!, '**/*'),
      '{**/node_modules/**,**/.git/**,**/.enablekit-cache/**}',
    );
    this.listed = await contentFilter(
      this.engine(),
      this.root!,
      files,
      session.currentConfig.ignore,
    );
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const bodies: [string, Uint8Array][] = [];
    await Promise.all(
      files.map(async (uri) => {
        const path = this.relative(uri);
        if (!path || path === CONFIG || !this.listed(path)) return;
        if (!path.endsWith('.md')) return session.index.addKnownPath(path);
        const doc = open.get(uri.toString());
        if (doc) {
          const text = doc.getText();
          session.setFile(path, text, { editing: true });
          this.rehearsal.noteOpened(path, text, !this.partial);
          return void this.partial?.add(path);
        }
        const bytes = await readBytes(uri);
        session.setFile(path, bytes, { metadataOnly: true });
        bodies.push([path, bytes]);
      }),
    );
    return { session, bodies };
  }

  /**
   * Read the workspace again when what is content changed: a `.gitignore`, or enablekit.yml's
   * `lint.ignore`. Files now left out lose their diagnostics; files now in are read.
   */
  private scheduleRelist(): void {
    clearTimeout(this.relistTimer);
    this.relistTimer = setTimeout(() => void this.relist(), 100);
  }

  private async relist(): Promise<void> {
    await this.ready;
    if (!this.root || !this.session) return;
    const configUri = this.uriOf(CONFIG);
    const open = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === configUri.toString(),
    );
    const { session, bodies } = await this.read(
      open
        ? open.getText()
        : new TextDecoder().decode(await readBytes(configUri).catch(() => new Uint8Array())),
    );
    for (const [path, bytes] of bodies) session.setFile(path, bytes);
    const before = [...this.core.keys()];
    this.session = session;
    this.itemsChanged = true;
    this.publish();
    for (const path of before) if (!this.core.has(path)) this.diagnostics.delete(this.uriOf(path));
    this.relists++;
  }

  /** Debounced: typing re-lints once the keys stop, and a lint superseded by a newer edit is dropped. */
  private schedule(
    doc: vscode.TextDocument,
    delay = vscode.workspace.getConfiguration('enablekit').get<number>('lintDelay', 150),
  ): void {
    const path = this.relative(doc.uri);
    if (!path || !this.session || !(path.endsWith('.md') || path === CONFIG) || !this.listed(path))
      return;
    clearTimeout(this.pending.get(path));
    const version = doc.version;
    this.pending.set(
      path,
      setTimeout(() => {
        this.pending.delete(path);
        if (doc.version !== version) return;
        const start = performance.now();
        const cpu = threadCpuMs();
        this.setFile(path, doc.getText(), { editing: true });
        this.publish([path]);
        this.lastRelintMs = performance.now() - start;
        this.lastRelintCpuMs = cpu === undefined ? undefined : threadCpuMs()! - cpu;
        this.relints++;
      }, delay),
    );
  }

  /**
   * Lint the document now when an edit of it is still waiting for its debounced lint: a fix
   * computed from the lint before the edit would land at offsets the edit has moved.
   */
  lintIfPending(doc: vscode.TextDocument): void {
    if (this.isPending(doc)) this.lintNow(doc);
  }

  /** Whether an edit of the document still waits for its debounced lint. */
  isPending(doc: vscode.TextDocument): boolean {
    const path = this.relative(doc.uri);
    return !!path && this.pending.has(path);
  }

  /** Apply an edit's text now, without waiting for the debounce (tests and fix-all use it). */
  lintNow(doc: vscode.TextDocument): void {
    const path = this.relative(doc.uri);
    if (!path || !this.session) return;
    clearTimeout(this.pending.get(path));
    this.pending.delete(path);
    this.setFile(path, doc.getText(), { editing: true });
    this.publish([path]);
  }

  /** Read a file again from disk (gone: dropped); the path to publish, if it is content. */
  private async loadFromDisk(uri: vscode.Uri): Promise<string | undefined> {
    const path = this.relative(uri);
    if (!path || !this.session || !this.listed(path)) return undefined;
    if (!path.endsWith('.md') && path !== CONFIG) {
      this.session.index.addKnownPath(path);
      return undefined;
    }
    if (uri.scheme === ANSWERS_SCHEME) this.diagnostics.delete(uri);
    try {
      this.setFile(path, await readBytes(uri.with({ scheme: this.root!.scheme })));
    } catch {
      this.session.removeFile(path);
      this.itemsChanged = true;
      this.diagnostics.delete(uri);
    }
    return path;
  }

  private async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    const path = await this.loadFromDisk(uri);
    if (path !== undefined) this.publish(path === CONFIG ? [] : [path]);
  }

  /** Files changed on disk outside the editor (DiskChanges), read again and linted together. */
  private async readChanged(uris: vscode.Uri[]): Promise<void> {
    const paths: string[] = [];
    for (const uri of uris) {
      const path = await this.loadFromDisk(uri);
      if (path !== undefined && path !== CONFIG) paths.push(path);
    }
    this.publish(paths);
  }

  private forget(uri: vscode.Uri): void {
    const path = this.relative(uri);
    if (!path || !this.session) return;
    this.session.removeFile(path);
    this.itemsChanged = true;
    this.diagnostics.delete(uri);
    this.publish();
  }

  /**
   * Hand VS Code only the files whose diagnostics changed: a keystroke changes one or a
   * few, not 2,000 (the session hands back an unchanged file's very list).
   *
   * While bodies are still being read (`partial` holds the files read whole), only those
   * files are linted: the others' diagnostics would be missing what their bodies hold.
   */
  private publish(more: readonly string[] = []): void {
    let results: ReadonlyMap<string, CoreDiagnostic[]>;
    let relinted: ReadonlySet<string>;
    if (this.partial) {
      for (const path of more) this.partial.add(path);
      const fresh = this.session!.lintOnly(this.today(), more.length ? more : this.partial);
      results = new Map([...this.core, ...fresh]);
      relinted = new Set(fresh.keys());
    } else ({ diagnostics: results, relinted } = this.session!.lint(this.today()));
    this.core = results;
    let shownChanged = this.itemsChanged || this.partial !== undefined;
    for (const path of relinted) {
      const list = results.get(path);
      if (
        list
          ? this.diagnostics.set(this.uriOf(path), list)
          : this.diagnostics.delete(this.uriOf(path))
      )
        shownChanged = true;
    }
    if (this.firstLintMs === undefined && relinted.size)
      this.firstLintMs = performance.now() - this.created;
    // A sealed quiz open with its answers shows its problems where the author edits.
    for (const doc of vscode.workspace.textDocuments) {
      const path = doc.uri.scheme === ANSWERS_SCHEME ? this.relative(doc.uri) : undefined;
      if (path) this.diagnostics.set(doc.uri, results.get(path) ?? []);
    }
    this.itemsChanged = false;
    if (shownChanged) this.changed.fire();
  }

  private setFile(
    path: string,
    text: string | Uint8Array,
    options: { editing?: boolean } = {},
  ): void {
    const ignore = path === CONFIG ? JSON.stringify(this.session!.currentConfig.ignore) : undefined;
    if (this.session!.setFile(path, text, options)) this.itemsChanged = true;
    if (ignore !== undefined && ignore !== JSON.stringify(this.session!.currentConfig.ignore))
      this.scheduleRelist();
    if (options.editing) this.rehearsal.noteOpened(path, text, !this.partial);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.rehearsal.dispose();
    clearTimeout(this.relistTimer);
    for (const s of this.subscriptions) s.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  return usage && (usage.user + usage.system) / 1000;
}
