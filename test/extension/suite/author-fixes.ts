import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { edit, problems, until } from './helpers.js';

const labelOf = (i: vscode.CompletionItem) =>
  typeof i.label === 'string' ? i.label : i.label.label;

/** The author's quick fixes for a named replacement, and completion that writes what lint accepts (issue #20, items 6 and 7). */
export function registerAuthorFixesSuite(folder: string): void {
  const uri = (p: string) => vscode.Uri.file(join(folder, 'curricula', p));
  const completions = async (u: vscode.Uri, line: number, character: number) =>
    (
      await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        u,
        new vscode.Position(line, character),
      )
    ).items;
  const lineOf = (doc: vscode.TextDocument, start: string) =>
    doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith(start));

  describe("an author's quick fixes and completion in VS Code (sample curricula)", () => {
    // A failed test leaves no edit behind for the next one.
    afterEach(async () => {
      for (const doc of vscode.workspace.textDocuments.filter((t) => t.isDirty)) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it("offers \"Change to 'ticket-lifecycle'\" for a typo'd prerequisite: fix-all leaves the guess, choosing it fixes the line", async () => {
      const u = uri('support-onboarding/triage-and-routing.md');
      const editor = await edit(
        u,
        'prerequisites: [ticket-lifecycle]',
        'prerequisites: [ticket-lifecycel]',
      );
      const [d] = await until(
        'the unknown prerequisite reported',
        () => problems(u, 'unknown-reference').length > 0 && problems(u, 'unknown-reference'),
      );
      assert.match(d!.message, /Did you mean "ticket-lifecycle"\?/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        u,
        d!.range,
      );
      const change = actions.find((a) => a.title === "Change to 'ticket-lifecycle'");
      assert.ok(change?.edit, `among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(change.kind?.value, 'quickfix');
      assert.notEqual(change.isPreferred, true, 'a guess is not the preferred fix');

      // Fix all (and lint --fix) apply only safe fixes: the guess stays as written.
      assert.equal(await vscode.commands.executeCommand('enablekit.fixAll'), false);
      assert.match(editor.document.lineAt(d!.range.start.line).text, /ticket-lifecycel\]/);

      assert.ok(await vscode.workspace.applyEdit(change.edit));
      assert.equal(
        editor.document.lineAt(d!.range.start.line).text,
        'prerequisites: [ticket-lifecycle]',
      );
      await until('the diagnostic to clear', () => problems(u, 'unknown-reference').length === 0);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('completes a prerequisite as a list item, never the module itself nor ids listed already, and lint accepts what it wrote', async () => {
      const u = uri('support-onboarding/triage-and-routing.md');
      const editor = await edit(u, 'prerequisites: [ticket-lifecycle]', 'prerequisites: product-t');
      const line = lineOf(editor.document, 'prerequisites:');
      const items = await completions(u, line, editor.document.lineAt(line).text.length);
      const ids = items.map(labelOf);
      assert.ok(ids.includes('product-tour'), ids.join(', '));
      assert.ok(!ids.includes('triage-and-routing'), `not itself: ${ids.join(', ')}`);
      assert.ok(!ids.includes('triage-quiz'), `modules only: ${ids.join(', ')}`);

      // Accept the suggestion as a person does: the suggest widget, then Enter.
      editor.selection = new vscode.Selection(
        line,
        editor.document.lineAt(line).text.length,
        line,
        editor.document.lineAt(line).text.length,
      );
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      // The widget fills in its own time: Enter does nothing until it shows the item.
      for (
        let tries = 0;
        editor.document.lineAt(line).text === 'prerequisites: product-t';
        tries++
      ) {
        assert.ok(tries < 100, 'the suggest widget to show product-tour and accept it');
        await new Promise((r) => setTimeout(r, 100));
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
      }
      assert.equal(editor.document.lineAt(line).text, 'prerequisites: [product-tour]');
      await new Promise((r) => setTimeout(r, 600));
      await until(
        'a clean file: the list is what lint accepts',
        () =>
          vscode.languages.getDiagnostics(u).filter((x) => x.source === 'enablekit').length === 0,
      );

      // Flow style: the next id inside the brackets, without those listed.
      await edit(u, 'prerequisites: [product-tour]', 'prerequisites: [product-tour, ');
      const flow = (await completions(u, line, editor.document.lineAt(line).text.length)).map(
        labelOf,
      );
      assert.ok(flow.includes('ticket-lifecycle'), flow.join(', '));
      assert.ok(
        !flow.includes('product-tour') && !flow.includes('triage-and-routing'),
        flow.join(', '),
      );

      // Block style: an item line under the key.
      await edit(u, 'prerequisites: [product-tour, ', 'prerequisites:\n  - product-tour\n  - ');
      const block = await completions(u, line + 2, 4);
      const labels = block.map(labelOf);
      assert.ok(
        !labels.includes('product-tour') && !labels.includes('triage-and-routing'),
        labels.join(', '),
      );
      assert.equal(
        block.find((i) => labelOf(i) === 'ticket-lifecycle')?.insertText,
        'ticket-lifecycle',
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('offers a module only the keys a module has: no roles, and no role ids under a roles key written anyway', async () => {
      const u = uri('support-onboarding/escalations.md');
      const editor = await edit(u, 'duration: 45min', 'ro');
      const line = lineOf(editor.document, 'ro');
      const keys = (await completions(u, line, 2))
        .filter((i) => i.kind === vscode.CompletionItemKind.Property)
        .map(labelOf);
      assert.ok(keys.includes('review_every') || keys.includes('duration'), keys.join(', '));
      assert.ok(!keys.includes('roles'), `a module has no roles: ${keys.join(', ')}`);
      await edit(u, '\nro\n', '\nroles: [\n');
      // VS Code's own word completion offers the document's words (kind Text); enablekit's are values.
      const values = (await completions(u, line, 'roles: ['.length))
        .filter((i) => i.kind !== vscode.CompletionItemKind.Text)
        .map(labelOf);
      assert.ok(!values.includes('support'), `no role ids in a module: ${values.join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
