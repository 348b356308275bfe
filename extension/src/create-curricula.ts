import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { learnerLogin } from './github-session.js';
import { outOfContext, type OutOfContext } from './out-of-context.js';

/** What a caller (a test, the walkthrough's args) may decide instead of being asked. */
export interface CreateCurriculaOptions {
  owner?: string;
  role?: string;
  product?: string;
}

/** What the command did: the files it wrote, or the ones that stopped it. */
export type CreateCurriculaResult =
  { written: vscode.Uri[] } | { existing: string[] } | OutOfContext | undefined;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder to write in: the one given, the workspace's only folder, one picked among them, or one chosen on disk. */
async function targetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1)
    return (
      await vscode.window.showWorkspaceFolderPick({
        placeHolder: 'The folder to make a curricula repository of',
      })
    )?.uri;
  return (
    await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: 'Create curricula here',
      title: 'enablekit: an empty folder (or a fresh git repository) for the curricula',
    })
  )?.[0];
}

/**
 * enablekit: Create curricula: the files `enablekit init` writes (core's curriculaScaffold,
 * one source), into a folder, never over a file. In the workspace, the extension then
 * reads the new curricula as if it had opened on them, and the first lesson opens.
 */
export function registerCreateCurricula(
  ws: CurriculaWorkspace,
  started: () => Promise<unknown>,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    'enablekit.createCurricula',
    async (
      given?: vscode.Uri,
      options: CreateCurriculaOptions = {},
    ): Promise<CreateCurriculaResult> => {
      await ws.ready;
      if (!given && ws.root)
        return outOfContext(
          `this workspace has curricula already (${vscode.workspace.asRelativePath(vscode.Uri.joinPath(ws.root, 'enablekit.yml'))}). Add items to them with "enablekit: New module" and the other New commands.`,
        );
      const folder = given ?? (await targetFolder());
      if (!folder) return undefined;
      const engine = ws.engine();
      const owner =
        options.owner ??
        (
          await vscode.window.showInputBox({
            title: 'enablekit: Create curricula',
            prompt:
              'Owner of the first items: the GitHub login or org/team who keeps them true (stale issues are assigned to them)',
            value: (await learnerLogin(false)) ?? '',
            ignoreFocusOut: true,
            validateInput: (v) =>
              engine.isOwner(v.trim())
                ? undefined
                : 'A GitHub login (alice) or org/team (acme/support-leads)',
          })
        )?.trim();
      if (!owner) return undefined;
      if (!engine.isOwner(owner)) {
        void vscode.window.showErrorMessage(
          `enablekit: Expected the owner to be a GitHub login (alice) or org/team (acme/support-leads); found "${owner}". Nothing was written.`,
        );
        return undefined;
      }
      const files = engine.curriculaScaffold({
        owner,
        role: options.role ?? 'support',
        product: options.product ?? 'Our product',
        today: ws.today(),
      });
      const existing: string[] = [];
      for (const f of files)
        if (await exists(vscode.Uri.joinPath(folder, f.path))) existing.push(f.path);
      if (existing.length) {
        void vscode.window.showErrorMessage(
          `enablekit: Expected none of the files Create curricula writes to exist in ${folder.fsPath}; found ${existing.join(', ')}. Nothing was written: move or delete ${existing.length > 1 ? 'them' : 'it'}, or pick an empty folder.`,
        );
        return { existing };
      }
      const written: vscode.Uri[] = [];
      for (const f of files) {
        const uri = vscode.Uri.joinPath(folder, f.path);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(f.text));
        written.push(uri);
      }
      const lesson = vscode.Uri.joinPath(folder, engine.FIRST_MODULE_PATH);
      const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
      if (inWorkspace) {
        // Activated on the command in a workspace without curricula: read them now, as at startup.
        if (!ws.root) await started();
        await vscode.window.showTextDocument(lesson);
        void vscode.window.showInformationMessage(
          `enablekit: Created the curricula (${files.length} files: enablekit.yml, a track, a module, a quiz, .gitattributes, .gitignore and 3 workflows). Commit them, then push: the workflows lint and grade on GitHub.`,
        );
      } else {
        await vscode.window.showTextDocument(lesson);
        const open = 'Open folder';
        void vscode.window
          .showInformationMessage(
            `enablekit: Created the curricula in ${folder.fsPath}. Open that folder to lint and preview them.`,
            open,
          )
          .then((picked) => picked && vscode.commands.executeCommand('vscode.openFolder', folder));
      }
      return { written };
    },
  );
}
