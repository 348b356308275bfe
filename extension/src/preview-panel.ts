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

/** What the preview's script says: scrolled to a line, loaded, or the form's answers changed. */
type FromPage =
  | { type: 'reveal'; line: number }
  | { type: 'ready'; doc: string }
  | { type: 'answers'; doc: string; answers: Record<string, unknown> };

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
  /** What the form holds, by question id, as the webview last reported it (for tests). */
  answers: Record<string, unknown> = {};
  /** The document the page was loaded for, and the HTML it was loaded with. */
  private page: { doc: string; html: string } | undefined;
  private bodyClass = '';
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
      this.panel.onDidDispose(
        () => ((this.panel = undefined), (this.page = undefined)),
        undefined,
        this.subscriptions,
      );
      this.panel.webview.onDidReceiveMessage(
        (m: FromPage) => this.received(m),
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
    const doc = this.doc.uri.toString();
    const bodyClass = (this.bodyClass = `ek-${preview.type ?? 'file'}`);
    this.panel.title = `Preview: ${preview.title}`;
    this.lastHtml = preview.html;
    if (this.page?.doc === doc) {
      // An edit: the page swaps in the new form and keeps what the learner entered in it.
      // Reloading the page (webview.html) would empty every field.
      void webview.postMessage({ type: 'update', doc, html: preview.html, bodyClass });
      return preview.html;
    }
    this.page = { doc, html: preview.html };
    this.answers = {};
    const n = nonce();
    const media = (f: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const base = webview.asWebviewUri(vscode.Uri.joinPath(this.doc.uri, '..')).toString();
    const attr = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${n}'; base-uri ${webview.cspSource};">
<base href="${base}/"><link rel="stylesheet" href="${media('preview.css')}"><title>${preview.title.replace(/[<&"]/g, '')}</title></head>
<body class="${bodyClass}" data-doc="${attr(doc)}"><main id="ek-root">${preview.html}</main><script nonce="${n}" src="${media('preview.js')}"></script></body></html>`;
    return preview.html;
  }

  private received(m: FromPage): void {
    if (m.type === 'reveal') return this.reveal(m.line);
    if (!this.panel || !this.doc || m.doc !== this.doc.uri.toString()) return;
    if (m.type === 'answers') this.answers = m.answers;
    // A page loaded again (hidden and shown) starts from the HTML it was created with.
    else if (m.type === 'ready' && this.page && this.page.html !== this.lastHtml)
      void this.panel.webview.postMessage({
        type: 'update',
        doc: m.doc,
        html: this.lastHtml,
        bodyClass: this.bodyClass,
      });
  }

  private reveal(to: number): void {
    if (!this.doc) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (!editor) return;
    this.quietUntil = Date.now() + 300;
    const line = Math.max(0, Math.min(this.doc.lineCount - 1, to - 1));
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
