import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, problems, until } from './helpers.js';

/**
 * Files changed on disk outside the editor (a git checkout, `enablekit import` or `new` in a
 * terminal) are read again without being opened: the tree and the problems follow the disk.
 */
export function registerDiskChangesSuite(folder: string): void {
  const path = join(folder, 'curricula', 'support-onboarding', 'from-terminal.md');
  describe('files changed on disk, outside the editor', () => {
    after(() => rmSync(path, { force: true }));

    it('a module written in a terminal is linted and listed unopened, and dropped once deleted', async () => {
      const api = await activated();
      const indexed = () => api.workspace.lintSession?.index.itemsWithId('from-terminal').length;
      writeFileSync(
        path,
        '---\ntype: module\nid: from-terminal\ntitle: From the terminal\nowner: lena-trainer\nprerequisites: [no-such-module]\n---\n# From the terminal\n',
      );
      await until('the new module indexed', () => indexed(), 20_000);
      const uri = vscode.Uri.file(path);
      await until('its problem shown', () => problems(uri, 'unknown-reference').length > 0, 20_000);
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.fsPath === path),
        'never opened in an editor',
      );
      rmSync(path);
      await until('the module dropped', () => !indexed(), 20_000);
      await until('its problems cleared', () => problems(uri, 'unknown-reference').length === 0);
    });
  });
}
