import * as vscode from 'vscode';

/**
 * Files created, changed or deleted on disk outside the editor (git checkout, git pull,
 * enablekit import or new in a terminal), handed on in one batch a moment after the last:
 * a checkout of another branch changes hundreds at once, and they are linted together. An
 * open document hears of a change through its editor (VS Code brings a clean one up to date
 * with the disk), so only a deleted file whose document holds no unsaved text is passed on.
 */
export class DiskChanges implements vscode.Disposable {
  private readonly changed = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  /** Batches handed on so far: for the tests. */
  batches = 0;

  constructor(
    pattern: vscode.RelativePattern,
    private readonly read: (uris: vscode.Uri[]) => Promise<void>,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    this.watcher.onDidCreate((u) => this.note(u));
    this.watcher.onDidChange((u) => this.note(u));
    this.watcher.onDidDelete((u) => this.note(u, true));
  }

  private note(uri: vscode.Uri, deleted = false): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && (!deleted || doc.isDirty)) return;
    this.changed.set(uri.toString(), uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 100);
  }

  private async flush(): Promise<void> {
    const uris = [...this.changed.values()];
    this.changed.clear();
    await this.read(uris);
    this.batches++;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher.dispose();
  }
}
