import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal } from '../../../core/sealing/seal.js';
import * as vscode from 'vscode';
import { activated, codeOf, edit, problems, until } from './helpers.js';
import { registerAuthorFixesSuite } from './author-fixes.js';

/** The author's tools: front-matter completion, quick fixes and fix all, preview, the tree, new items, sealed quizzes. */
export function registerAuthorToolsSuite(folder: string): void {
  const uri = (p: string) => vscode.Uri.file(join(folder, 'curricula', p));

  describe("an author's tools in VS Code (sample curricula)", () => {
    it("completes front matter from the schemas, without the YAML extension: keys, allowed values and the workspace's ids", async () => {
      const u = uri('support-onboarding/escalations.md');
      const editor = await edit(
        u,
        'prerequisites: [triage-and-routing]',
        'prerequisites: [triage-and-routing, ',
      );
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('prerequisites:'));
      const at = (l: number, c: number) =>
        vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          u,
          new vscode.Position(l, c),
        );
      const ids = (await at(line, editor.document.lineAt(line).text.length)).items.map((i) =>
        typeof i.label === 'string' ? i.label : i.label.label,
      );
      assert.ok(
        ids.includes('product-tour') && !ids.includes('triage-and-routing'),
        `${JSON.stringify(editor.document.lineAt(line).text)}: ${ids.join(', ')} (not the one listed)`,
      );
      // The author clears the duration line and starts a key there.
      const durationLine = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('duration:'));
      await editor.edit((b) => b.replace(editor.document.lineAt(durationLine).range, 'du'));
      const keys = (await at(durationLine, 2)).items.filter(
        (i) => i.kind === vscode.CompletionItemKind.Property,
      );
      const labels = keys.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('duration'), labels.join(', '));
      assert.ok(
        !labels.includes('id') && !labels.includes('owner'),
        'keys written already are not offered',
      );
      assert.match(
        (keys.find((k) => k.label === 'duration')!.documentation as vscode.MarkdownString).value,
        /How long/,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it("offers the rule's fix as a quick fix, and fix-all applies every fix of the file", async () => {
      const quiz = uri('support-onboarding/triage-quiz.md');
      const editor = await edit(quiz, '<!-- question id=request-id-header type=text -->\n', '');
      const [d] = await until(
        'a quiz-question-id diagnostic',
        () => problems(quiz, 'quiz-question-id').length > 0 && problems(quiz, 'quiz-question-id'),
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        quiz,
        d!.range,
      );
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
      assert.ok(fix, 'a quick fix');
      await vscode.workspace.applyEdit(fix.edit!);
      assert.match(
        editor.document.getText(),
        /## Which header carries the request id of an API error\?\n<!-- question id=which-header-carries[a-z-]* -->/,
      );
      await until('the problem to clear', () => problems(quiz, 'quiz-question-id').length === 0);

      await edit(quiz, '<!-- question id=triage-order type=ordering weight=2 -->\n', '');
      await until(
        'a second quiz-question-id diagnostic',
        () => problems(quiz, 'quiz-question-id').length > 0,
      );
      assert.equal(await vscode.commands.executeCommand('enablekit.fixAll'), true);
      assert.match(
        editor.document.getText(),
        /## Put the triage steps in order\n<!-- question id=put-the-triage[a-z-]* -->/,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it("places quick fixes and fix-all right in a CRLF document (core's offsets are into the LF reading)", async () => {
      const quiz = uri('support-onboarding/triage-quiz.md');
      const editor = await vscode.window.showTextDocument(quiz);
      await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.CRLF));
      await edit(quiz, '<!-- question id=request-id-header type=text -->', '');
      const [d] = await until(
        'a quiz-question-id diagnostic',
        () => problems(quiz, 'quiz-question-id').length > 0 && problems(quiz, 'quiz-question-id'),
      );
      assert.equal(
        d!.range.start.line,
        editor.document
          .getText()
          .split('\r\n')
          .findIndex((l) => l.startsWith('## Which header')),
        'the same line as in LF',
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        quiz,
        d!.range,
      );
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
      assert.ok(fix, 'a quick fix');
      await vscode.workspace.applyEdit(fix.edit!);
      assert.match(
        editor.document.getText(),
        /## Which header carries the request id of an API error\?\r\n<!-- question id=which-header-carries[a-z-]* -->\r\n/,
      );
      // Fix-all straight after an edit, before its debounced lint: the fixes are of the text as it is now, not as last linted.
      await edit(quiz, '<!-- question id=triage-order type=ordering weight=2 -->', '');
      assert.equal(await vscode.commands.executeCommand('enablekit.fixAll'), true);
      assert.equal(
        editor.document.getText().match(/question id=which-header-carries/g)?.length,
        1,
        'the first fix is not applied twice',
      );
      assert.match(
        editor.document.getText(),
        /## Put the triage steps in order\r\n<!-- question id=put-the-triage[a-z-]* -->\r\n/,
      );
      assert.doesNotMatch(editor.document.getText(), /[^\r]\n/, 'CRLF throughout');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('previews a quiz as a form and a lesson as a page, sanitized, with source lines for scroll sync', async () => {
      const quizHtml = await vscode.commands.executeCommand<string>(
        'enablekit.openPreview',
        uri('support-onboarding/triage-quiz.md'),
      );
      assert.match(quizHtml, /<form class="ek-quiz" data-sealed="false">/);
      assert.match(
        quizHtml,
        /<fieldset class="ek-question" data-line="\d+" data-type="ordering" data-id="triage-order">/,
      );
      assert.match(quizHtml, /<button type="button" class="ek-check">/);
      const lesson = uri('support-onboarding/escalations.md');
      await edit(lesson, '# ', '<script>alert(1)</script>\n<img src="x" onerror="alert(2)">\n\n# ');
      const api = await activated();
      const html = await vscode.commands.executeCommand<string>('enablekit.openPreview', lesson);
      assert.doesNotMatch(html, /<script|onerror/i);
      assert.match(html, /<h1 data-line="\d+">/);
      assert.equal(api.preview.lastHtml, html);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('shows the curricula as tracks → modules → checkpoints, filtered by role', async () => {
      const api = await activated();
      const tree = api.tree;
      const roots = tree.getChildren();
      const titles = roots.map((n) => tree.getTreeItem(n).label);
      assert.ok(titles.includes('Support engineer onboarding'), JSON.stringify(titles));
      const support = roots.find(
        (n) => tree.getTreeItem(n).label === 'Support engineer onboarding',
      )!;
      const modules = tree.getChildren(support);
      assert.deepEqual(
        modules.map((m) => tree.getTreeItem(m).label),
        ['Triage and routing', 'Escalating to engineering'],
      );
      const checkpoints = tree.getChildren(modules[0]).map((c) => tree.getTreeItem(c).label);
      assert.ok(checkpoints.includes('Triage and routing quiz'));
      tree.role = 'success';
      assert.ok(
        !tree
          .getChildren()
          .some((n) => tree.getTreeItem(n).label === 'Support engineer onboarding'),
      );
      tree.role = undefined;
    });

    it("creates a new module from core's template, verified against the product version, and it lints clean", async () => {
      await vscode.window.showTextDocument(uri('support-onboarding/escalations.md'));
      const created = await vscode.commands.executeCommand<vscode.Uri>(
        'enablekit.newModule',
        'refunds-101',
        { owner: 'lena-trainer' },
      );
      assert.equal(created.path, uri('support-onboarding/refunds-101.md').path);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, /id: refunds-101\n/);
      assert.match(text, /version: 4\.2\.0/);
      assert.match(text, /\nowner: lena-trainer\n/);
      await until('the new module to be linted', () =>
        activatedSync()?.workspace.lintSession?.index.item('refunds-101') ? true : false,
      );
      assert.deepEqual(
        vscode.languages
          .getDiagnostics(created)
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
        [],
      );
    });

    it('edits a sealed quiz with its answers (linted as typed) and seals it again on save; the file on disk never holds an answer', async () => {
      const api = await activated();
      const quiz = uri('success-onboarding/success-plans-quiz.md');
      const keyUri = uri('success-onboarding/success-plans-quiz.key.yml');
      const original = readFileSync(quiz.fsPath, 'utf8');
      const sealed = seal('success-onboarding/success-plans-quiz.md', original, 'ext-secret');
      assert.ok(sealed.ok);
      writeFileSync(quiz.fsPath, sealed.sealedText);
      writeFileSync(keyUri.fsPath, sealed.keyText);
      try {
        await vscode.commands.executeCommand('enablekit.setAnswerKey', 'ext-secret');
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>(
          'enablekit.editSealedQuiz',
          quiz,
        );
        assert.equal(editor.document.uri.scheme, 'enablekit-answers');
        assert.equal(
          editor.document.getText(),
          original,
          'the author sees their text, answers and all',
        );
        await editor.edit((b) =>
          b.replace(rangeOf(editor.document, "- [ ] The CSM's"), "- [x] The CSM's"),
        );
        await until('the answers linted as typed', () =>
          vscode.languages
            .getDiagnostics(editor.document.uri)
            .some((d) => codeOf(d) === 'quiz-single-answer'),
        );
        await editor.edit((b) =>
          b.replace(rangeOf(editor.document, "- [x] The CSM's"), "- [ ] The CSM's"),
        );
        await editor.edit((b) =>
          b.replace(
            rangeOf(editor.document, 'Whose words does a success plan use?'),
            'Whose words does a good success plan use?',
          ),
        );
        assert.ok(await editor.document.save(), 'saved');
        const disk = readFileSync(quiz.fsPath, 'utf8');
        assert.match(disk, /Whose words does a good success plan use\?/);
        assert.doesNotMatch(
          disk,
          /\[x\]|Answer: 60|talk to the customer|their words/,
          'no answer on disk',
        );
        assert.match(disk, /^key: success-plans-quiz\.key\.yml$/m);
        const reopened = api.workspace
          .engine()
          .unsealText(
            'success-onboarding/success-plans-quiz.md',
            disk,
            readFileSync(keyUri.fsPath, 'utf8'),
            'ext-secret',
          );
        assert.ok(
          reopened.ok &&
            reopened.source.includes("- [x] The customer's") &&
            reopened.source.includes('a good success plan'),
          'the new key holds the edit and the answers',
        );
      } finally {
        writeFileSync(quiz.fsPath, original);
        rmSync(keyUri.fsPath, { force: true });
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        api.workspace.lintNow(await vscode.workspace.openTextDocument(quiz));
      }
    });
  });
  // Kept beside the tools it extends; its own file keeps this one short.
  registerAuthorFixesSuite(folder);
}

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

function activatedSync() {
  return vscode.extensions.getExtension<import('../../../extension/src/extension.js').Api>(
    'enablekit.enablekit',
  )?.exports;
}
