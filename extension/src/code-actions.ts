import * as vscode from 'vscode';
import type { TextEdit } from '../../core/types.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SUBMISSIONS } from './checkpoints.js';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('enablekit');

/**
 * Core's text edits as a WorkspaceEdit on the document. Core's offsets are into the text
 * read as LF; a CRLF document's own offsets run one further per line, so they are mapped
 * (VS Code writes the edit's line breaks in the document's ending).
 */
export function workspaceEdit(
  ws: CurriculaWorkspace,
  doc: vscode.TextDocument,
  edits: readonly TextEdit[],
): vscode.WorkspaceEdit {
  const at =
    doc.eol === vscode.EndOfLine.CRLF
      ? ws.engine().originalOffsets(doc.getText())
      : (offset: number) => offset;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits)
    we.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(at(e.start)), doc.positionAt(at(e.end))),
      e.text,
    );
  return we;
}

/** The whole document after fix-all, computed by core exactly as `enablekit lint --fix` does. */
export function fixAllEdit(
  ws: CurriculaWorkspace,
  doc: vscode.TextDocument,
): vscode.WorkspaceEdit | undefined {
  const path = ws.relative(doc.uri);
  if (!path) return undefined;
  ws.lintIfPending(doc);
  const engine = ws.engine();
  const edits = engine.bulkFixEdits(ws.coreDiagnostics(path), SUBMISSIONS).get(path);
  if (!edits?.length) return undefined;
  const text = doc.getText();
  const we = new vscode.WorkspaceEdit();
  we.replace(
    doc.uri,
    new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)),
    engine.fixText(text, edits).text,
  );
  return we;
}

class Provider implements vscode.CodeActionProvider {
  constructor(private readonly ws: CurriculaWorkspace) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const path = this.ws.relative(doc.uri);
    if (!path) return [];
    const actions: vscode.CodeAction[] = [];
    const fixAll =
      context.only?.contains(FIX_ALL) || context.only?.contains(vscode.CodeActionKind.SourceFixAll);
    // VS Code asks on its own (the light bulb) after every keystroke; linting the pending edit
    // then would lint on every key and undo the debounce. It asks again once the debounced lint
    // publishes its diagnostics, so only a request a person made, or a fix-all (on save too),
    // lints a pending edit at once.
    if (
      context.triggerKind === vscode.CodeActionTriggerKind.Automatic &&
      !fixAll &&
      this.ws.isPending(doc)
    )
      return [];
    this.ws.lintIfPending(doc);
    if (fixAll) {
      const edit = fixAllEdit(this.ws, doc);
      if (edit)
        actions.push(
          Object.assign(new vscode.CodeAction('Fix all enablekit problems', FIX_ALL), { edit }),
        );
      return actions;
    }
    for (const d of this.ws.coreDiagnostics(path)) {
      if (!d.fix) continue;
      const at = new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
      if (!at.intersection(range) && !range.contains(at.start)) continue;
      const action = new vscode.CodeAction(d.fix.description, vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(this.ws, doc, d.fix.edits);
      action.diagnostics = context.diagnostics.filter(
        (v) =>
          typeof v.code === 'object' &&
          v.code.value === d.ruleId &&
          v.range.start.line === d.line - 1,
      );
      action.isPreferred = !d.fix.suggestion;
      actions.push(action);
    }
    return actions;
  }
}

export function registerCodeActions(ws: CurriculaWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new Provider(ws), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
    }),
    vscode.languages.registerCodeActionsProvider(
      { pattern: '**/enablekit.yml' },
      new Provider(ws),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand('enablekit.fixAll', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return false;
      const edit = fixAllEdit(ws, doc);
      if (!edit) {
        const path = ws.relative(doc.uri);
        const suggested = path
          ? ws.coreDiagnostics(path).find((d) => d.fix?.suggestion)?.fix
          : undefined;
        void vscode.window.showInformationMessage(
          suggested
            ? `enablekit: nothing fix-all may apply in this file. Its suggestions, such as "${suggested.description}", are guesses or claims: choose each from the light bulb.`
            : 'enablekit: nothing to fix in this file.',
        );
        return false;
      }
      const ok = await vscode.workspace.applyEdit(edit);
      ws.lintNow(doc);
      return ok;
    }),
  );
}
