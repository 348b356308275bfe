import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { activated, codeOf, until } from './helpers.js';

/** New items as `enablekit new` writes them (a known module, a real owner), and the files that are content (issue #17). */
export function registerAuthorItemsSuite(folder: string): void {
  const uri = (p: string) => vscode.Uri.file(join(folder, 'curricula', p));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  const codes = (u: vscode.Uri): string[] =>
    vscode.languages
      .getDiagnostics(u)
      .filter((d) => d.source === 'enablekit')
      .map(codeOf);
  const text = async (u: vscode.Uri) =>
    new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
  async function remove(u: vscode.Uri): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(u, { ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(edit);
  }

  describe('new items and what is content, as the CLI has them (sample curricula)', () => {
    it("asks a new checkpoint's module, the folder's own first, and its owner, offered from git's settings", async () => {
      const api = await activated();
      git('config', 'github.user', 'lena-trainer');
      const created = uri('success-onboarding/plans-check.md');
      try {
        await vscode.window.showTextDocument(uri('success-onboarding/success-plans.md'));
        let done = false;
        const run = vscode.commands.executeCommand<vscode.Uri>('enablekit.newQuiz', 'plans-check');
        void run.then(
          () => (done = true),
          () => (done = true),
        );
        // The author presses Enter at the module's pick, then at the owner's box: each takes what is offered.
        for (const end = Date.now() + 15_000; !done; await new Promise((r) => setTimeout(r, 200))) {
          if (Date.now() > end)
            throw new Error('Timed out waiting for the module and the owner to be asked.');
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
        assert.equal((await run)?.path, created.path);
        const written = await text(created);
        assert.match(
          written,
          /\nmodule: success-plans\n/,
          'the only module of the folder is offered first (async-feedback comes first by id)',
        );
        assert.match(
          written,
          /\nowner: lena-trainer\n/,
          "git's github.user is offered as the owner",
        );
        assert.doesNotMatch(written, /pass_mark|review_every|module-id|your-github-login/);
        await until('the new quiz linted', () =>
          api.workspace.lintSession?.index.item('plans-check'),
        );
        // Its lint is published with the index that holds it.
        assert.deepEqual(
          api.workspace
            .coreDiagnostics('success-onboarding/plans-check.md')
            .filter((d) => d.severity === 'error' || d.ruleId === 'missing-owner')
            .map((d) => d.message),
          [],
        );
      } finally {
        git('config', '--unset', 'github.user');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await remove(created);
      }
    });

    it('takes a module and an owner given to the command, and refuses an unknown module or a bad owner, writing nothing', async () => {
      const api = await activated();
      await vscode.window.showTextDocument(uri('success-onboarding/success-plans.md'));
      const refused = uri('success-onboarding/kickoff-drill.md');
      assert.equal(
        await vscode.commands.executeCommand('enablekit.newScenario', 'kickoff-drill', {
          module: 'success-plan',
          owner: 'omar-lead',
        }),
        undefined,
      );
      assert.equal(
        await vscode.commands.executeCommand('enablekit.newScenario', 'kickoff-drill', {
          module: 'success-plans',
          owner: 'Omar Lead',
        }),
        undefined,
      );
      assert.ok(!existsSync(refused.fsPath), 'nothing written');
      const made = await vscode.commands.executeCommand<vscode.Uri>(
        'enablekit.newReflection',
        'kickoff-notes',
        { module: 'success-plans', owner: 'omar-lead' },
      );
      try {
        const written = await text(made);
        assert.match(written, /\nmodule: success-plans\nmin_words/);
        assert.match(written, /\nowner: omar-lead\n/);
        await until('the reflection counted as a checkpoint of its module', () =>
          api.workspace.lintSession?.index
            .checkpointsOf('success-plans')
            .some((i) => i.id === 'kickoff-notes'),
        );
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await remove(made);
      }
    });

    it('leaves out what .gitignore and lint.ignore leave out, as the CLI does, and reads the workspace again when they change', async () => {
      const api = await activated();
      const original = uri('support-onboarding/escalations.md');
      const copy = uri('scratch/escalations.md');
      const gitignore = join(folder, '.gitignore');
      const duplicated = () => codes(original).includes('duplicate-id');
      const relisted = async (what: string, before: number) =>
        until(what, () => api.workspace.relists > before);
      mkdirSync(dirname(copy.fsPath), { recursive: true });
      writeFileSync(copy.fsPath, readFileSync(original.fsPath));
      // From the repository's root, above the curricula: git's rules reach down into it.
      writeFileSync(gitignore, 'curricula/scratch/\n');
      try {
        // A window opened now reads the workspace without the copy.
        const Workspace = api.workspace.constructor as new (
          engine: typeof api.workspace.engine,
        ) => typeof api.workspace;
        const fresh = new Workspace(api.workspace.engine);
        try {
          await fresh.start();
          assert.equal(fresh.lintSession!.index.itemsWithId('escalations').length, 1);
          assert.ok(!fresh.lintSession!.index.knownPaths.has('scratch/escalations.md'));
        } finally {
          fresh.dispose();
        }
        // The .gitignore goes: the copy is content, and a duplicate.
        let before = api.workspace.relists;
        rmSync(gitignore);
        await relisted('the workspace read again without the .gitignore', before);
        await until('the copy read, a duplicate id', () => duplicated());
        assert.ok(codes(copy).includes('duplicate-id'));
        // lint.ignore, typed into enablekit.yml and not saved, leaves it out again.
        before = api.workspace.relists;
        const config = await vscode.window.showTextDocument(uri('enablekit.yml'));
        const lint = config.document.getText().indexOf('lint:\n') + 'lint:\n'.length;
        await config.edit((b) =>
          b.insert(config.document.positionAt(lint), '  ignore: [scratch/**]\n'),
        );
        await relisted('the workspace read again with lint.ignore', before);
        await until(
          'the copy left out, its problems cleared',
          () => !duplicated() && codes(copy).length === 0,
        );
        assert.equal(api.workspace.lintSession!.index.itemsWithId('escalations').length, 1);
        // Opening the ignored copy does not bring it in.
        await vscode.window.showTextDocument(copy);
        await new Promise((r) => setTimeout(r, 400));
        assert.ok(
          !duplicated() && codes(copy).length === 0,
          'an ignored file opened in the editor is not linted',
        );
      } finally {
        rmSync(gitignore, { force: true });
        await vscode.window.showTextDocument(uri('enablekit.yml'));
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await remove(copy);
        rmSync(dirname(copy.fsPath), { recursive: true, force: true });
      }
      await until('no duplicate once the copy is gone', () => !duplicated());
    });
  });
}
