import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Api } from '../../../extension/src/extension.js';

export async function activated(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>('enablekit.enablekit');
  if (!ext)
    throw new Error(
      'Expected the enablekit extension to be installed in the test host; found none.',
    );
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.workspace.ready;
  return api;
}

/** Wait until `check` holds, polling; the extension lints after a debounce, on its own schedule. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const codeOf = (d: vscode.Diagnostic) =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

/** The enablekit diagnostics of one rule on a file. */
export const problems = (u: vscode.Uri, rule: string) =>
  vscode.languages.getDiagnostics(u).filter((d) => d.source === 'enablekit' && codeOf(d) === rule);

/** Open a file in an editor and replace the first `from` in it with `to` (unsaved). */
export async function edit(u: vscode.Uri, from: string, to: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(u);
  const text = editor.document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" in ${u.path}`);
  await editor.edit((b) =>
    b.replace(
      new vscode.Range(
        editor.document.positionAt(at),
        editor.document.positionAt(at + from.length),
      ),
      to,
    ),
  );
  return editor;
}
