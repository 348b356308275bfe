import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REHEARSALS } from '../../../extension/src/edit-rehearsal.js';
import * as vscode from 'vscode';
import { activated, codeOf, edit, problems, until } from './helpers.js';

/** What an author does as they type: lint across files, in the time zone of enablekit.yml, in long lessons too. */
export function registerAuthorSuite(folder: string): void {
  const uri = (p: string) => vscode.Uri.file(join(folder, 'curricula', p));

  describe('authoring in VS Code (sample curricula)', () => {
    it('activates on a workspace with enablekit.yml and lints the sample curricula', async () => {
      const api = await activated();
      assert.equal(
        api.workspace.relative(uri('support-onboarding/track.md')),
        'support-onboarding/track.md',
      );
      assert.ok(api.activationMs >= 0);
      assert.deepEqual(
        vscode.languages
          .getDiagnostics()
          .flatMap(([, ds]) =>
            ds.filter(
              (d) => d.source === 'enablekit' && d.severity === vscode.DiagnosticSeverity.Error,
            ),
          ),
        [],
        'the sample curricula have no errors',
      );
    });

    it('judges today in the time zone enablekit.yml names, as the CLI and the Action do (one clock)', async () => {
      const api = await activated();
      // 23:30 on 28 November in Los Angeles (UTC-8) is 07:30 on the 29th in UTC.
      const now = new Date('2026-11-29T07:30:00Z');
      assert.equal(api.workspace.today(now), '2026-11-29', 'no timezone set: UTC');
      await edit(
        uri('enablekit.yml'),
        'version: 1\n',
        'version: 1\ntimezone: America/Los_Angeles\n',
      );
      await until(
        'the editor to judge dates in Los Angeles',
        () => api.workspace.today(now) === '2026-11-28',
      );
      await vscode.commands.executeCommand('undo');
      await until(
        'UTC again once the line is gone',
        () => api.workspace.today(now) === '2026-11-29',
      );
    });

    it('reports a problem as the author types, with a link to the rule, and clears it when fixed', async () => {
      const u = uri('support-onboarding/escalations.md');
      await edit(u, 'prerequisites: [triage-and-routing]', 'prerequisites: [triage-and-routin]');
      const [d] = await until(
        'an unknown-reference diagnostic',
        () => problems(u, 'unknown-reference').length > 0 && problems(u, 'unknown-reference'),
      );
      assert.match(d!.message, /Did you mean "triage-and-routing"\?/);
      assert.equal(d!.range.start.line, 6);
      assert.equal(
        typeof d!.code === 'object' && d!.code.target.toString(),
        'https://github.com/enablekit/enablekit/blob/main/docs/rules/unknown-reference.md',
      );
      await vscode.commands.executeCommand('undo');
      await until('the diagnostic to clear', () => problems(u, 'unknown-reference').length === 0);
    });

    it('lints once when typing pauses, though VS Code asks for code actions after every key', async () => {
      const api = await activated();
      const u = uri('support-onboarding/escalations.md');
      // A problem with a quick fix where the author types: VS Code asks for its light bulb there.
      const editor = await edit(
        u,
        'prerequisites: [triage-and-routing]',
        'prerequisites: [triage-and-routin]',
      );
      await until('the unknown id reported', () => problems(u, 'unknown-reference').length > 0);
      const at = editor.document.lineAt(6).text.indexOf('routin') + 'routin'.length;
      editor.selection = new vscode.Selection(6, at, 6, at);
      // A debounce longer than VS Code's own wait before it asks for the light bulb's actions.
      const settings = vscode.workspace.getConfiguration('enablekit');
      await settings.update('lintDelay', 1500, vscode.ConfigurationTarget.Workspace);
      const before = api.workspace.relints;
      for (let i = 0; i < 5; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(6, at + i), 'x'));
        await new Promise((r) => setTimeout(r, 40));
      }
      await until('the debounced lint', () => api.workspace.relints > before, 10_000);
      await new Promise((r) => setTimeout(r, 400));
      await settings.update('lintDelay', undefined, vscode.ConfigurationTarget.Workspace);
      assert.equal(
        api.workspace.relints,
        before + 1,
        'one lint for five keys typed without a pause',
      );
      for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('undo');
      await until('the problem to clear', () => problems(u, 'unknown-reference').length === 0);
    });

    it('updates cross-file problems when another file changes, unsaved, without re-reading the workspace', async () => {
      const module = uri('support-onboarding/escalations.md');
      const track = uri('support-onboarding/track.md');
      await edit(module, 'id: escalations', 'id: escalations-101');
      await until('the track to report its unknown module', () =>
        problems(track, 'unknown-reference').some((d) => /escalations/.test(d.message)),
      );
      await vscode.commands.executeCommand('undo');
      await until(
        'the track to be clean again',
        () => problems(track, 'unknown-reference').length === 0,
      );
    });

    it("keeps a long lesson's many problems whole and in place as the author types", async () => {
      const api = await activated();
      const path = 'support-onboarding/long-lesson.md';
      const u = uri(path);
      // Long enough (over 64 KB) that opening it rehearses the edit path before the author types.
      const practice =
        'Then practise the steps with a colleague, write down what surprised you, and compare notes at the end of the week. '.repeat(
          4,
        );
      const sections = Array.from(
        { length: 150 },
        (_, i) => `## Part ${i}\n\nRead [part ${i}](./missing-${i}.md) first.\n\n${practice}\n`,
      );
      writeFileSync(
        u.fsPath,
        `---\ntype: module\nid: long-lesson\ntitle: Long lesson\nowner: lead\n---\n# Long lesson\n\n${sections.join('\n')}`,
      );
      const shown = () =>
        vscode.languages
          .getDiagnostics(u)
          .filter((d) => d.source === 'enablekit')
          .map(
            (d) =>
              `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`,
          )
          .sort();
      const core = () =>
        api.workspace
          .coreDiagnostics(path)
          .map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)
          .sort();
      // Settled: core's lint of the latest text has the problems looked for, and VS Code shows exactly those.
      const settled = (what: string, wanted: (problems: string[]) => boolean) =>
        until(what, () => wanted(core()) && JSON.stringify(shown()) === JSON.stringify(core()));
      const links = (problems: string[]) => problems.filter((s) => s.includes('broken-link'));
      try {
        const editor = await vscode.window.showTextDocument(u);
        await settled('every broken link shown', (p) => links(p).length === 150);
        await until(
          'the edit path rehearsed at each place',
          () => api.workspace.rehearsals === REHEARSALS.length,
        );
        assert.equal(links(core()).length, 150, 'the rehearsal leaves the problems as they were');
        const firstLine = () => Number(links(core())[0]!.split(':')[0]);
        const before = firstLine();
        await editor.edit((b) => b.insert(new vscode.Position(8, 0), 'An opening paragraph.\n\n'));
        await settled('every problem moved down two lines', () => firstLine() === before + 2);
        const middle = editor.document.getText().indexOf('./missing-75.md');
        await editor.edit((b) =>
          b.replace(
            new vscode.Range(
              editor.document.positionAt(middle),
              editor.document.positionAt(middle + 15),
            ),
            'https://example.com',
          ),
        );
        await settled(
          'the fixed link gone, the others kept',
          (p) => links(p).length === 149 && !p.some((s) => s.includes('missing-75')),
        );
        await editor.edit((b) =>
          b.insert(new vscode.Position(600, 0), 'See [more](./more.md).\n\n'),
        );
        await settled(
          'a new broken link near the end',
          (p) =>
            links(p).length === 150 && p.some((s) => s.startsWith('601:') && s.includes('more.md')),
        );
        // A window opened with the lesson restored: it is open while the workspace is read,
        // and its edit path is rehearsed once the reading is done.
        const Workspace = api.workspace.constructor as new (
          engine: typeof api.workspace.engine,
        ) => typeof api.workspace;
        const restored = new Workspace(api.workspace.engine);
        try {
          await restored.start();
          await until(
            'the restored lesson rehearsed at each place',
            () => restored.rehearsals === REHEARSALS.length,
          );
          assert.equal(
            restored.coreDiagnostics(path).filter((d) => d.ruleId === 'broken-link').length,
            150,
          );
        } finally {
          restored.dispose();
        }
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        const remove = new vscode.WorkspaceEdit();
        remove.deleteFile(u);
        await vscode.workspace.applyEdit(remove);
      }
      await until(
        'its problems cleared with the file',
        () => vscode.languages.getDiagnostics(u).length === 0,
      );
    });
  });
}
