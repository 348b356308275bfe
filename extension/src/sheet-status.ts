import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SHEET_PATH } from './checkpoints.js';
import { SheetDiagnostics } from './sheet-diagnostics.js';

/** "3 of 8 answered" in the status bar while an answer sheet is open, with what is left in the tooltip. */
export class SheetStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(
    'enablekit.sheet',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ws: CurriculaWorkspace) {
    this.item.name = 'enablekit answer sheet';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === vscode.window.activeTextEditor?.document && this.update(),
      ),
      // The quiz may be indexed, or changed, after the sheet was opened.
      ws.onDidLint(() => this.update()),
      // What the count leaves out (two ticks, say) is said on the sheet itself.
      new SheetDiagnostics(ws),
    ];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !SHEET_PATH.test(doc.uri.path)) return this.item.hide();
    const progress = this.ws.engine().sheetProgress(doc.getText(), {
      // The quiz tells an ordering list the learner moved from the one the sheet listed.
      quizOf: (id) => {
        const item = this.ws.lintSession?.index.item(id);
        return item?.type === 'quiz' ? item : undefined;
      },
    });
    if (!progress) return this.item.hide();
    this.item.text = `$(checklist) ${progress.answered} of ${progress.total} answered`;
    this.item.tooltip = progress.unanswered.length
      ? `Still to answer:\n${progress.unanswered.map((q) => `line ${q.line}: ${q.prompt}${q.why ? ` (${q.why})` : ''}`).join('\n')}`
      : 'Every question answered: Submit checkpoint when ready.';
    this.item.command = progress.unanswered.length ? undefined : 'enablekit.submitCheckpoint';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
