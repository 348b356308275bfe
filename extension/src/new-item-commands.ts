import * as vscode from 'vscode';
import { ITEM_TYPES, type ItemType } from '../../core/model.js';
import type { ModuleOption } from '../../core/templates/module-choice.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { gitLogin, learnerLogin } from './github-session.js';
import { outOfContext } from './out-of-context.js';

/** What a caller (a test, a keybinding's args) may decide instead of being asked. */
export interface NewItemOptions {
  module?: string;
  owner?: string;
}

/**
 * enablekit: New track/module/…: core's template, verified against the product version, in
 * a new file, as `enablekit new` writes it: a checkpoint names a module of the curricula
 * (picked from them, the folder's own first; core's chooseModule decides as for the CLI),
 * and the owner is asked for, offered from the GitHub sign-in or git's settings.
 */
export function registerNewItemCommands(ws: CurriculaWorkspace): vscode.Disposable[] {
  return ITEM_TYPES.map((type) =>
    vscode.commands.registerCommand(
      `enablekit.new${type[0]!.toUpperCase()}${type.slice(1)}`,
      async (givenId?: string, options: NewItemOptions = {}) => {
        await ws.ready;
        if (!ws.root || !ws.lintSession)
          return outOfContext(
            `Expected an enablekit.yml in this workspace for the new ${type} to belong to; found none. Create curricula writes one, with a track, a module and a quiz.`,
            { title: 'Create curricula', command: 'enablekit.createCurricula' },
          );
        const id =
          givenId ??
          (await vscode.window.showInputBox({
            prompt: `Id of the new ${type} (lowercase, dashes)`,
            validateInput: (v) =>
              /^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'Lowercase letters, digits and dashes',
          }));
        if (!id) return undefined;
        // Beside the file being edited when it is in the curricula (items of a track share a folder), else at the root.
        const active = vscode.window.activeTextEditor?.document.uri;
        const folder =
          active && ws.relative(active) !== undefined ? vscode.Uri.joinPath(active, '..') : ws.root;
        const uri = vscode.Uri.joinPath(folder, `${id}.md`);
        try {
          await vscode.workspace.fs.stat(uri);
          void vscode.window.showWarningMessage(
            `enablekit: ${vscode.workspace.asRelativePath(uri)} exists already; pick another id.`,
          );
          return undefined;
        } catch {
          /* free: write it */
        }
        const module = await moduleOf(ws, type, options.module, ws.relative(folder) ?? '');
        if (module === null) return undefined;
        const owner = await ownerOf(ws, type, options.owner, folder);
        if (owner === null) return undefined;
        const engine = ws.engine();
        const config = ws.lintSession.currentConfig;
        const text = engine.newItemText(type, {
          id,
          today: ws.today(),
          ...(owner ? { owner } : {}),
          ...(module ? { module } : {}),
          ...(config.productVersion ? { productVersion: config.productVersion } : {}),
        });
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        await vscode.window.showTextDocument(uri);
        if (!owner)
          void vscode.window.showWarningMessage(
            `enablekit: owner: is the placeholder "${engine.PLACEHOLDER_OWNER}"; replace it with a GitHub login or org/team (lint warns until then).`,
          );
        return uri;
      },
    ),
  );
}

/** The module a new item names: undefined when it needs none, null when the author cancelled or there is none to name. */
async function moduleOf(
  ws: CurriculaWorkspace,
  type: ItemType,
  given: string | undefined,
  folder: string,
): Promise<string | undefined | null> {
  const engine = ws.engine();
  const modules: ModuleOption[] = [...ws.lintSession!.index.items()]
    .filter((i) => i.type === 'module')
    .map((i) => ({ id: i.id, file: i.file }));
  const choice = engine.chooseModule(type, given, modules, folder);
  switch (choice.kind) {
    case 'none':
      return undefined;
    case 'given':
      return choice.module;
    case 'unknown':
      void vscode.window.showErrorMessage(
        choice.known.length
          ? `enablekit: Expected the module to be one of the curricula's; found "${choice.given}".${choice.near ? ` Did you mean "${choice.near}"?` : ''} Nothing was created.`
          : `enablekit: Expected the module to be one of the curricula's; found "${choice.given}", and no modules. Create it first with "enablekit: New module".`,
      );
      return null;
    case 'only-in-folder':
    case 'ask':
      break;
  }
  if (!choice.modules.length) {
    const create = 'New module';
    const picked = await vscode.window.showWarningMessage(
      `enablekit: Expected a module for the ${type} to check; found none in the curricula. Create the module first.`,
      create,
    );
    if (picked === create) void vscode.commands.executeCommand('enablekit.newModule');
    return null;
  }
  // Asked even when the folder holds one module (the CLI takes that one): it comes first, so Enter takes it.
  const titles = new Map([...ws.lintSession!.index.items()].map((i) => [i.id, i.title]));
  const inFolder = new Set(choice.kind === 'ask' ? choice.inFolder : [choice.module]);
  const picked = await vscode.window.showQuickPick(
    choice.modules.map((m) => ({
      label: m.id,
      description: `${titles.get(m.id) ?? ''}${inFolder.has(m.id) && folder ? ' · in this folder' : ''}`,
      detail: m.file,
    })),
    {
      title: `Module this ${type} checks`,
      placeHolder: 'A module of the curricula: the checkpoint counts towards its tracks',
      matchOnDescription: true,
      ignoreFocusOut: true,
    },
  );
  return picked ? picked.label : null;
}

/** The owner to write: a login or team, undefined for the placeholder (the author left it empty), null when cancelled. */
async function ownerOf(
  ws: CurriculaWorkspace,
  type: ItemType,
  given: string | undefined,
  folder: vscode.Uri,
): Promise<string | undefined | null> {
  const engine = ws.engine();
  if (given !== undefined) {
    if (!given || engine.isOwner(given)) return given || undefined;
    void vscode.window.showErrorMessage(
      `enablekit: Expected the owner to be a GitHub login (alice) or org/team (acme/support-leads); found "${given}". Nothing was created.`,
    );
    return null;
  }
  const offered = (await learnerLogin(false)) ?? (await gitLogin(ws, folder));
  const typed = await vscode.window.showInputBox({
    title: `Owner of the new ${type}`,
    prompt:
      'The GitHub login or org/team who keeps it true: stale issues are assigned to them. Empty leaves the placeholder.',
    value: offered ?? '',
    ignoreFocusOut: true,
    validateInput: (v) =>
      !v.trim() || engine.isOwner(v.trim())
        ? undefined
        : 'A GitHub login (alice) or org/team (acme/support-leads)',
  });
  if (typed === undefined) return null;
  return typed.trim() || undefined;
}
