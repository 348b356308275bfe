import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated } from './helpers.js';

/**
 * Not a test but the editor's benchmark (bench/extension-bench.ts opens a workspace with
 * a .enablekit-bench marker): activation, first diagnostics, and re-lint after a keystroke
 * in a large module. Prints one BENCH line of JSON for the benchmark to read.
 */
export function registerBench(folder: string): void {
  describe('editor benchmark', () => {
    it('measures activation, first diagnostics and re-lint after a keystroke', async () => {
      const api = await activated();
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder, 'curricula', 'large.md')));
      const editor = await vscode.window.showTextDocument(doc);
      const files = api.workspace.lintSession!.index.files.size;
      // Opening the document parses it whole into small pieces (the open event does this too): not a keystroke.
      api.workspace.lintNow(doc);
      const relint: number[] = [];
      for (let i = 0; i < 100; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(10 + i, 0), 'x'));
        const t = performance.now();
        api.workspace.lintNow(doc);
        relint.push(performance.now() - t);
      }
      relint.sort((a, b) => a - b);
      const p = (q: number) => relint[Math.min(relint.length - 1, Math.floor(q * relint.length))]!;
      assert.ok(files >= 2000);
      console.log(`BENCH ${JSON.stringify({ files, activationMs: api.activationMs, firstLintMs: api.workspace.firstLintMs, allLintMs: api.workspace.allLintMs, relintMedianMs: p(0.5), relintP95Ms: p(0.95), largeKB: Math.round(doc.getText().length / 1024) })}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
