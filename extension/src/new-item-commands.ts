import * as vscode from 'vscode';
import type { ItemType } from '../../core/model.js';
import { today, type CurriculaWorkspace } from './curricula-workspace.js';

const TYPES: ItemType[] = ['track', 'module', 'quiz', 'scenario', 'reflection'];

/** enablekit: New track/module/…: core's template, verified against the product version, in a new file. */
export function registerNewItemCommands(ws: CurriculaWorkspace): vscode.Disposable[] {
  return TYPES.map((type) =>
    vscode.commands.registerCommand(`enablekit.new${type[0]!.toUpperCase()}${type.slice(1)}`, async (givenId?: string) => {
      await ws.ready;
      if (!ws.root) {
        void vscode.window.showWarningMessage('enablekit: no enablekit.yml in this workspace. Create one at the root of your curricula first.');
        return undefined;
      }
      const id = givenId ?? (await vscode.window.showInputBox({ prompt: `Id of the new ${type} (lowercase, dashes)`, validateInput: (v) => (/^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'Lowercase letters, digits and dashes') }));
      if (!id) return undefined;
      // Beside the file being edited when it is in the curricula (items of a track share a folder), else at the root.
      const active = vscode.window.activeTextEditor?.document.uri;
      const folder = active && ws.relative(active) !== undefined ? vscode.Uri.joinPath(active, '..') : ws.root;
      const uri = vscode.Uri.joinPath(folder, `${id}.md`);
      try {
        await vscode.workspace.fs.stat(uri);
        void vscode.window.showWarningMessage(`enablekit: ${vscode.workspace.asRelativePath(uri)} exists already; pick another id.`);
        return undefined;
      } catch {
        /* free: write it */
      }
      const config = ws.lintSession?.currentConfig;
      const text = ws.engine().newItemText(type, { id, today: today(), ...(config?.productVersion ? { productVersion: config.productVersion } : {}) });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(uri);
      return uri;
    }),
  );
}
