import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, until } from './helpers.js';

/**
 * Not a test but the editor's benchmark (bench/extension-bench.ts opens a workspace with
 * a .enablekit-bench marker): activation, first diagnostics, and re-lint after a keystroke
 * in a large module, measured both as the product re-lints (after the debounce) and at
 * once after each edit. Prints one BENCH line of JSON for the benchmark to read.
 */
export function registerBench(folder: string): void {
  describe('editor benchmark', () => {
    it('measures activation, first diagnostics and re-lint after a keystroke', async () => {
      const api = await activated();
      const doc = await vscode.workspace.openTextDocument(
        vscode.Uri.file(join(folder, 'curricula', 'large.md')),
      );
      const editor = await vscode.window.showTextDocument(doc);
      const workspace = api.workspace;
      const files = workspace.lintSession!.index.files.size;
      // Opening the document parses it whole into small pieces (the open event does this too): not a keystroke.
      workspace.lintNow(doc);
      const type = (i: number) => editor.edit((b) => b.insert(new vscode.Position(10 + i, 0), 'x'));
      // As the product re-lints: once typing pauses for the debounce, the text is parsed
      // again and diagnostics handed to VS Code. Each keystroke here is followed by a pause.
      const debounced: number[] = [];
      const debouncedCpu: number[] = [];
      for (let i = 0; i < 100; i++) {
        const before = workspace.relints;
        await type(i);
        await until('the re-lint after a keystroke', () => workspace.relints > before);
        debounced.push(workspace.lastRelintMs!);
        if (workspace.lastRelintCpuMs !== undefined) debouncedCpu.push(workspace.lastRelintCpuMs);
      }
      await vscode.commands.executeCommand('workbench.action.files.revert');
      workspace.lintNow(doc);
      // The same keystrokes again, each re-linted at once, while VS Code is still busy with
      // the edit itself (rendering, tokenizing): on a 2-core machine they share the cores.
      const immediate: number[] = [];
      for (let i = 0; i < 100; i++) {
        await type(i);
        const t = performance.now();
        workspace.lintNow(doc);
        immediate.push(performance.now() - t);
      }
      const p = (list: number[], q: number) =>
        [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!;
      assert.ok(files >= 2000);
      console.log(
        `BENCH ${JSON.stringify({ files, activationMs: api.activationMs, firstLintMs: workspace.firstLintMs, allLintMs: workspace.allLintMs, relintMedianMs: p(debounced, 0.5), relintP95Ms: p(debounced, 0.95), relintCpuMedianMs: debouncedCpu.length ? p(debouncedCpu, 0.5) : null, relintCpuP95Ms: debouncedCpu.length ? p(debouncedCpu, 0.95) : null, immediateMedianMs: p(immediate, 0.5), immediateP95Ms: p(immediate, 0.95), relintFirstMs: debounced.slice(0, 5), relintSlowestMs: [...debounced].sort((a, b) => b - a).slice(0, 8), largeKB: Math.round(doc.getText().length / 1024) })}`,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
