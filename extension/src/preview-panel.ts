import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';

const nonce = () =>
  Array.from(
    { length: 32 },
    () =>
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[
        Math.floor(Math.random() * 62)
      ],
  ).join('');

/**
 * The learner's view of the file in the editor: HTML from core (sanitized), in a webview
 * whose Content-Security-Policy runs only the extension's own script (by nonce) and loads
 * images only from the workspace. It follows the active editor, its edits and its scroll.
 */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last HTML posted, for tests: what the learner sees. */
  lastHtml = '';
  private quietUntil = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly ws: CurriculaWorkspace,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(
        (e) => e && e.document.languageId === 'markdown' && this.panel && this.follow(e.document),
      ),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === this.doc && this.refreshSoon(),
      ),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.doc || !this.panel || Date.now() < this.quietUntil)
          return;
        void this.panel.webview.postMessage({
          type: 'scroll',
          line: (e.visibleRanges[0]?.start.line ?? 0) + 1,
        });
      }),
    );
  }

  async show(uri: vscode.Uri | undefined): Promise<string> {
    if (!uri) {
      void vscode.window.showWarningMessage(
        'enablekit: open a lesson, quiz or scenario first, then run "Open preview".',
      );
      return '';
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    if (!this.panel) {
      const roots = [
        vscode.Uri.joinPath(this.extensionUri, 'media'),
        ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri),
      ];
      this.panel = vscode.window.createWebviewPanel(
        'enablekit.preview',
        'Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: roots, enableFindWidget: true },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.subscriptions);
      this.panel.webview.onDidReceiveMessage(
        (m: { type: string; line: number }) => this.reveal(m),
        undefined,
        this.subscriptions,
      );
    }
    return this.follow(doc);
  }

  private follow(doc: vscode.TextDocument): string {
    this.doc = doc;
    return this.render();
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 100);
  }

  private render(): string {
    if (!this.panel || !this.doc) return '';
    const preview = this.ws.engine().renderPreview(
      // A sheet lies outside the curricula: named from the workspace folder, never by its absolute path.
      this.ws.relative(this.doc.uri) ?? vscode.workspace.asRelativePath(this.doc.uri, false),
      this.doc.getText(),
    );
    const webview = this.panel.webview;
    const n = nonce();
    const media = (f: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const base = webview.asWebviewUri(vscode.Uri.joinPath(this.doc.uri, '..')).toString();
    this.panel.title = `Preview: ${preview.title}`;
    this.lastHtml = preview.html;
    webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${n}'; base-uri ${webview.cspSource};">
<base href="${base}/"><link rel="stylesheet" href="${media('preview.css')}"><title>${preview.title.replace(/[<&"]/g, '')}</title></head>
<body class="ek-${preview.type ?? 'file'}">${preview.html}<script nonce="${n}" src="${media('preview.js')}"></script></body></html>`;
    return preview.html;
  }

  private reveal(m: { type: string; line: number }): void {
    if (m.type !== 'reveal' || !this.doc) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (!editor) return;
    this.quietUntil = Date.now() + 300;
    const line = Math.max(0, Math.min(this.doc.lineCount - 1, m.line - 1));
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
