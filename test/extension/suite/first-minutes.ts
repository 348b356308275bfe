import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { seal } from '../../../core/sealing/seal.js';
import { activated, until } from './helpers.js';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    walkthroughs: {
      steps: { id: string; description: string; media: { image?: string; altText?: string } }[];
    }[];
  };
}

const manifest = (): Manifest =>
  vscode.extensions.getExtension('enablekit.enablekit')!.packageJSON as Manifest;

/**
 * A `when` clause of the forms package.json uses (terms joined by &&: key, !key,
 * key == value, false), evaluated against context key values.
 */
function holds(when: string, keys: Record<string, string | boolean>): boolean {
  return when.split('&&').every((raw) => {
    const term = raw.trim();
    if (term === 'false') return false;
    if (term === 'true') return true;
    const eq = /^([\w.]+)\s*==\s*(\S+)$/.exec(term);
    if (eq) return keys[eq[1]!] === eq[2];
    if (term.startsWith('!')) return !keys[term.slice(1)];
    return !!keys[term];
  });
}

/** The keys a `when` clause reads. */
const keysOf = (when: string) =>
  when
    .split('&&')
    .map((t) =>
      t
        .trim()
        .replace(/^!/, '')
        .replace(/\s*==.*$/, ''),
    )
    .filter((k) => k !== 'false' && k !== 'true');

/** The enablekit commands the palette offers now, for what the active editor holds. */
async function offered(langId = 'markdown'): Promise<string[]> {
  const api = await activated();
  const keys: Record<string, string | boolean> = {
    'enablekit.active': !!api.workspace.root,
    editorLangId: langId,
  };
  for (const key of api.contextKeys.names) keys[key] = api.contextKeys.get(key);
  const whens = new Map(
    manifest().contributes.menus.commandPalette.map((m) => [m.command, m.when]),
  );
  return manifest()
    .contributes.commands.map((c) => c.command)
    .filter((c) => holds(whens.get(c) ?? 'true', keys));
}

/** The first five minutes: a new curricula, the palette, the walkthrough (issue #20, items 9 and 10). */
export function registerFirstMinutesSuite(folder: string): void {
  const uri = (p: string) => vscode.Uri.file(join(folder, 'curricula', p));

  describe('the first five minutes in VS Code (sample curricula)', () => {
    it('Create curricula writes into an empty folder what enablekit init writes, lint-clean, and then refuses to write over it', async () => {
      const api = await activated();
      const engine = api.workspace.engine();
      const target = mkdtempSync(join(tmpdir(), 'enablekit-create-'));
      const result = await vscode.commands.executeCommand<{ written: vscode.Uri[] }>(
        'enablekit.createCurricula',
        vscode.Uri.file(target),
        { owner: 'alice' },
      );
      const expected = engine.curriculaScaffold({
        owner: 'alice',
        role: 'support',
        product: 'Our product',
        today: api.workspace.today(),
      });
      assert.deepEqual(
        result.written.map((u) => u.fsPath),
        expected.map((f) => join(target, f.path)),
      );
      for (const f of expected)
        assert.equal(readFileSync(join(target, f.path), 'utf8'), f.text, f.path);
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.fsPath,
        join(target, engine.FIRST_MODULE_PATH),
        'the first lesson is open',
      );
      // Linted by the editor's own engine, as the workspace would be once opened: no problems.
      const session = new engine.LintSession();
      session.setConfig(expected.find((f) => f.path === 'curricula/enablekit.yml')!.text);
      for (const f of expected)
        if (f.path.startsWith('curricula/') && f.path.endsWith('.md'))
          session.setFile(f.path.slice('curricula/'.length), f.text);
      const { diagnostics } = session.lint(api.workspace.today());
      assert.deepEqual(
        [...diagnostics].filter(([, list]) => list.length),
        [],
        'no problems in the new curricula',
      );
      assert.equal(
        [...session.index.items()].length,
        3,
        'the track, the module and the quiz are read',
      );

      writeFileSync(join(target, '.gitignore'), 'mine\n');
      const again = await vscode.commands.executeCommand<{ existing: string[] }>(
        'enablekit.createCurricula',
        vscode.Uri.file(target),
        { owner: 'bob' },
      );
      assert.deepEqual(
        again.existing,
        expected.map((f) => f.path),
      );
      assert.equal(readFileSync(join(target, '.gitignore'), 'utf8'), 'mine\n');
      assert.match(readFileSync(join(target, engine.FIRST_MODULE_PATH), 'utf8'), /^owner: alice$/m);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(target, { recursive: true, force: true });
    });

    it('in a workspace with curricula, Create curricula is not offered, and run anyway says why and writes nothing', async () => {
      await vscode.window.showTextDocument(uri('success-onboarding/success-plans.md'));
      assert.ok(!(await offered()).includes('enablekit.createCurricula'));
      const said = await vscode.commands.executeCommand<{ outOfContext: string }>(
        'enablekit.createCurricula',
      );
      assert.match(
        said.outOfContext,
        /this workspace has curricula already \(curricula\/enablekit\.yml\)/,
      );
      assert.ok(!existsSync(join(folder, '.gitattributes')), 'nothing written');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('the palette offers each command only where it works: a quiz, a sealed quiz, an answer sheet', async () => {
      const api = await activated();
      const quiz = uri('success-onboarding/success-plans-quiz.md');
      await vscode.window.showTextDocument(quiz);
      await until('the quiz read as a checkpoint', () =>
        api.contextKeys.get('enablekit.activeCheckpoint'),
      );
      let palette = await offered();
      assert.ok(palette.includes('enablekit.takeCheckpoint'), palette.join());
      assert.ok(palette.includes('enablekit.openPreview') && palette.includes('enablekit.fixAll'));
      for (const hidden of [
        'enablekit.editSealedQuiz',
        'enablekit.submitCheckpoint',
        'enablekit.openPullRequest',
        'enablekit.createCurricula',
      ])
        assert.ok(!palette.includes(hidden), `${hidden} is not offered on an unsealed quiz`);
      // Run anyway (a keybinding): it says what it needs, and asks for no secret.
      const said = await vscode.commands.executeCommand<{ outOfContext: string }>(
        'enablekit.editSealedQuiz',
      );
      assert.match(
        said.outOfContext,
        /curricula\/success-onboarding\/success-plans-quiz\.md is not a sealed quiz \(its front matter has no key:\)/,
      );
      assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'file');
      // Open the pull request of this grade is its lens's alone; by keybinding it says where to click.
      const pr = await vscode.commands.executeCommand<{ outOfContext: string }>(
        'enablekit.openPullRequest',
      );
      assert.match(pr.outOfContext, /click the grade above your checkpoint or answer sheet/);

      // Sealed, the same quiz offers Edit sealed quiz with answers.
      const original = readFileSync(quiz.fsPath, 'utf8');
      const keyFile = uri('success-onboarding/success-plans-quiz.key.yml');
      const sealed = seal('success-onboarding/success-plans-quiz.md', original, 'ctx-secret');
      assert.ok(sealed.ok);
      try {
        writeFileSync(keyFile.fsPath, sealed.keyText);
        writeFileSync(quiz.fsPath, sealed.sealedText);
        await until(
          'the sealed quiz read',
          () => api.contextKeys.get('enablekit.activeSealedQuiz'),
          20_000,
        );
        palette = await offered();
        assert.ok(palette.includes('enablekit.editSealedQuiz'), palette.join());
      } finally {
        writeFileSync(quiz.fsPath, original);
        rmSync(keyFile.fsPath, { force: true });
      }
      await until(
        'the quiz unsealed again',
        () => !api.contextKeys.get('enablekit.activeSealedQuiz'),
        20_000,
      );

      // An answer sheet offers Submit checkpoint, and not Take checkpoint.
      const sheet = join(folder, 'submissions', 'ctx-keys', 'success-plans-quiz.md');
      mkdirSync(join(folder, 'submissions', 'ctx-keys'), { recursive: true });
      writeFileSync(sheet, '---\ncheckpoint: success-plans-quiz\nlearner: ctx-keys\n---\n');
      try {
        await vscode.window.showTextDocument(vscode.Uri.file(sheet));
        await until('the sheet known', () => api.contextKeys.get('enablekit.activeAnswerSheet'));
        palette = await offered();
        assert.ok(palette.includes('enablekit.submitCheckpoint'), palette.join());
        assert.ok(!palette.includes('enablekit.takeCheckpoint'));
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        rmSync(join(folder, 'submissions', 'ctx-keys'), { recursive: true, force: true });
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('every command has a palette rule, on keys the extension sets; the walkthrough has a button and a picture per step', async () => {
      const api = await activated();
      const { commands, menus, walkthroughs } = manifest().contributes;
      const rules = new Map(menus.commandPalette.map((m) => [m.command, m.when]));
      const missing = commands.map((c) => c.command).filter((c) => !rules.has(c));
      assert.deepEqual(missing, [], 'a command with no commandPalette entry: say where it works');
      // editorLangId and resourceExtname are VS Code's own, set for every editor and file.
      const known = new Set<string>([
        ...api.contextKeys.names,
        'enablekit.active',
        'editorLangId',
        'resourceExtname',
      ]);
      for (const [command, when] of rules)
        for (const key of keysOf(when))
          assert.ok(known.has(key), `${command}: "${key}" is a key nothing sets`);
      const ours = new Set(commands.map((c) => c.command));
      for (const step of walkthroughs[0]!.steps) {
        const button = /\n\[[^\]]+\]\(command:([\w.]+)\)$/.exec(step.description);
        assert.ok(button && ours.has(button[1]!), `${step.id}: a button on its own line`);
        assert.match(step.media.image ?? '', /^media\/walkthrough-[\w-]+\.svg$/, step.id);
        assert.ok(step.media.altText, `${step.id}: the picture says what it shows`);
        const svg = readFileSync(
          join(
            vscode.extensions.getExtension('enablekit.enablekit')!.extensionPath,
            step.media.image!,
          ),
          'utf8',
        );
        assert.match(svg, /^<svg [^>]*viewBox=/);
      }
      assert.equal(walkthroughs[0]!.steps[0]!.id, 'create');
    });
  });
}
