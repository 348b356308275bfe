import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Api } from '../../../extension/src/extension.js';
import { codeOf, edit, until } from './helpers.js';

/**
 * An empty folder (a fresh `git init`), as a person starting out opens it: no
 * enablekit.yml, so the extension is not active until a command runs (issue #20, item 10).
 */
export function registerEmptyWorkspaceSuite(folder: string): void {
  describe('a new curricula in an empty folder', () => {
    it('Create curricula is offered, writes the curricula into the folder, and the extension then lints them as you type', async () => {
      const ext = vscode.extensions.getExtension<Api>('enablekit.enablekit')!;
      assert.equal(ext.isActive, false, 'no enablekit.yml: not activated at startup');
      const rule = (
        ext.packageJSON as {
          contributes: { menus: { commandPalette: { command: string; when: string }[] } };
        }
      ).contributes.menus.commandPalette.find((m) => m.command === 'enablekit.createCurricula');
      // The palette's rule, with no context key set yet (nothing of enablekit is active).
      assert.equal(rule?.when, '!enablekit.active');

      // A New command run before there are curricula (the walkthrough's button) says what is missing.
      const early = await vscode.commands.executeCommand<{ outOfContext: string }>(
        'enablekit.newModule',
      );
      assert.match(
        early.outOfContext,
        /Expected an enablekit\.yml in this workspace for the new module to belong to; found none\. Create curricula writes one/,
      );
      assert.ok(ext.isActive, 'the command activated the extension');

      // From the palette it takes the workspace's only folder; the owner is given here instead of typed.
      const result = await vscode.commands.executeCommand<{ written: vscode.Uri[] }>(
        'enablekit.createCurricula',
        undefined,
        { owner: 'alice' },
      );
      const api = ext.exports;
      const files = result.written.map((u) => vscode.workspace.asRelativePath(u));
      assert.ok(
        files.includes('curricula/enablekit.yml') &&
          files.includes('.github/workflows/checkpoints.yml'),
        files.join(),
      );
      assert.equal(readFileSync(join(folder, '.gitattributes'), 'utf8'), '* text=auto eol=lf\n');
      const lesson = vscode.Uri.file(join(folder, 'curricula/getting-started/first-module.md'));
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.fsPath,
        lesson.fsPath,
        'the lesson is open',
      );

      // The extension reads the new curricula as if it had opened on them.
      assert.equal(api.workspace.root?.fsPath, join(folder, 'curricula'));
      await until('the track in the Curricula view', () =>
        api.tree.getChildren().some((n) => api.tree.getTreeItem(n).label === 'Getting started'),
      );
      assert.equal(
        vscode.languages.getDiagnostics(lesson).filter((d) => d.source === 'enablekit').length,
        0,
        'the new lesson has no problems',
      );
      await edit(lesson, 'duration: 20min\n', 'duration: 20min\nprerequisites: [nope]\n');
      await until('a problem as typed', () =>
        vscode.languages.getDiagnostics(lesson).some((d) => codeOf(d) === 'unknown-reference'),
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');

      // Now the folder holds curricula: the command is not offered, and run anyway it says why.
      const again = await vscode.commands.executeCommand<{ outOfContext: string }>(
        'enablekit.createCurricula',
      );
      assert.match(again.outOfContext, /this workspace has curricula already/);
      assert.ok(existsSync(join(folder, '.github/workflows/freshness.yml')));
    });
  });
}
