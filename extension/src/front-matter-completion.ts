import * as vscode from 'vscode';
import type { Item } from '../../core/model.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';

const FENCE = /^---\s*$/;

/**
 * Completion in front matter and enablekit.yml from the same schemas lint validates with
 * (core's completionsAt): keys with their descriptions, allowed values, and the ids the
 * workspace knows where the item's type takes them, written as lint accepts them. enablekit.yml is left to the YAML extension when it is
 * installed: it reads the schema through yamlValidation.
 */
export function registerFrontMatterCompletion(ws: CurriculaWorkspace): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      const session = ws.lintSession;
      if (!session || !ws.relative(doc.uri)) return [];
      const config = doc.uri.path.endsWith('/enablekit.yml');
      if (config && vscode.extensions.getExtension('redhat.vscode-yaml')) return [];
      let end = doc.lineCount;
      if (!config) {
        if (!FENCE.test(doc.lineAt(0).text) || position.line === 0) return [];
        end = 1;
        while (end < doc.lineCount && !FENCE.test(doc.lineAt(end).text)) end++;
        if (position.line >= end) return [];
      }
      const lines = Array.from({ length: end }, (_, i) => doc.lineAt(i).text);
      const index = session.index;
      const cfg = session.currentConfig;
      const idsOf = (keep: (i: Item) => boolean) =>
        [...index.items()].filter(keep).map((i) => i.id);
      // Front matter's lines without the opening fence; all of enablekit.yml.
      const found = ws.engine().completionsAt({
        lines: config ? lines : lines.slice(1),
        line: config ? position.line : position.line - 1,
        character: position.character,
        config,
        ids: (kind) =>
          kind === 'role'
            ? [...cfg.roles.keys()]
            : kind === 'feature'
              ? [...cfg.features.keys()]
              : kind === 'checkpoint'
                ? idsOf(ws.engine().isCheckpoint)
                : idsOf((i) => i.type === kind),
      });
      return found.map((c) => {
        const item = new vscode.CompletionItem(
          c.label,
          c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value,
        );
        item.insertText = c.insertText;
        if (c.replace !== undefined)
          item.range = new vscode.Range(
            position.line,
            position.character - c.replace,
            position.line,
            position.character,
          );
        if (c.detail) item.detail = c.detail;
        if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
        return item;
      });
    },
  };
  return vscode.languages.registerCompletionItemProvider(
    [{ language: 'markdown' }, { pattern: '**/enablekit.yml' }],
    provider,
    ':',
    ' ',
    '[',
    ',',
  );
}
