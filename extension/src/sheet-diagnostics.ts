import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SHEET_PATH } from './checkpoints.js';
import { toVsDiagnostic } from './diagnostic-map.js';

/**
 * Lint's word on an open answer sheet kept beside the curricula (two ticks on a
 * single-choice question, a tick written [✓], …), which the workspace's lint does not read:
 * the same messages `enablekit lint` gives on the sheet, as the learner types.
 */
export class SheetDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('enablekit-sheets');
  private readonly subscriptions: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly ws: CurriculaWorkspace) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.lintSoon(e.document, 150)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    ];
    for (const d of vscode.workspace.textDocuments) this.lintSoon(d, 0);
  }

  private lintSoon(doc: vscode.TextDocument, ms: number): void {
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    // A sheet inside the curricula is the lint session's already.
    if (!SHEET_PATH.test(doc.uri.path) || this.ws.relative(doc.uri) !== undefined) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed) return;
        const found = this.ws.engine().lintSheet(path, doc.getText());
        this.collection.set(doc.uri, found.map(toVsDiagnostic));
      }, ms),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
