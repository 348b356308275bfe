import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, problems, until } from './helpers.js';
import { inWebview, readWebview } from './webview-driver.js';

/**
 * A learner answering: the sheet's count in the status bar, and the quiz preview's form
 * (ordering shuffled and movable, answers kept while the source is edited, results legible).
 */
export function registerQuizAnswersSuite(folder: string): void {
  const quiz = vscode.Uri.file(join(folder, 'curricula', 'support-onboarding', 'triage-quiz.md'));
  const sheet = vscode.Uri.file(join(folder, 'submissions', 'ben-support', 'triage-quiz.md'));
  const settings = () => vscode.workspace.getConfiguration('enablekit');
  let login: string | undefined;

  describe("a learner's answers: the sheet's count and the quiz preview", () => {
    before(async () => {
      login = settings().get<string>('login');
      await settings().update('login', 'ben-support', vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await settings().update('login', login || undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(join(folder, 'submissions', 'ben-support'), { recursive: true, force: true });
    });

    it('counts 0 of 3 on a blank sheet, a moved ordering list as answered, and two ticks on a single-choice question not, with a warning', async () => {
      const api = await activated();
      await vscode.commands.executeCommand('enablekit.takeCheckpoint', quiz);
      const editor = await until(
        'the sheet in the editor',
        () =>
          vscode.window.activeTextEditor?.document.uri.fsPath === sheet.fsPath &&
          vscode.window.activeTextEditor,
      );
      const status = () => api.sheetStatus.item.text;
      const tooltip = () => {
        const t = api.sheetStatus.item.tooltip;
        return typeof t === 'string' ? t : (t?.value ?? '');
      };
      await until('0 of 3', () => status() === '$(checklist) 0 of 3 answered');
      assert.match(
        tooltip(),
        /Put the triage steps in order \(items still in the order the sheet listed them/,
      );
      // Move the second step up, as a person does with Alt+↑.
      const text = () => editor.document.getText();
      const second = text()
        .split('\n')
        .findIndex((l) => l.startsWith('2. '));
      editor.selection = new vscode.Selection(second, 3, second, 3);
      await vscode.commands.executeCommand('editor.action.moveLinesUpAction');
      await until('the moved list counted', () => status() === '$(checklist) 1 of 3 answered');

      // Two ticks on "Which priority?": neither counted nor silent.
      const tick = async (choice: string) => {
        const at = text().indexOf(`- [ ] ${choice}\n`);
        await editor.edit((b) =>
          b.replace(
            new vscode.Range(
              editor.document.positionAt(at + 3),
              editor.document.positionAt(at + 4),
            ),
            'x',
          ),
        );
      };
      await tick('P1');
      await until('one tick counted', () => status() === '$(checklist) 2 of 3 answered');
      await tick('P2');
      await until('two ticks not counted', () => status() === '$(checklist) 1 of 3 answered');
      assert.match(tooltip(), /Which priority\? \(2 ticks; a single-choice question takes one\)/);
      const warning = await until('the two-ticks warning', () =>
        problems(sheet, 'answer-sheet').find((d) => /Expected one tick/.test(d.message)),
      );
      assert.match(warning.message, /found 2 \(a, b\)\. Untick all but one/);
      await editor.document.save();
    });

    it('previews the ordering items shuffled, never in the right order, and keeps a reorder made by keyboard, button or drag', async () => {
      const api = await activated();
      await vscode.window.showTextDocument(quiz, { viewColumn: vscode.ViewColumn.One });
      const html = await vscode.commands.executeCommand<string>('enablekit.openPreview', quiz);
      const right = [
        'Read the whole message, including attachments',
        'Find the impact',
        'Set the priority',
        'Add the product area tag',
        'Reply with what happens next',
      ];
      const listed = [...html.matchAll(/<li class="ek-order-item"[^>]*data-text="([^"]*)"/g)].map(
        (m) => m[1],
      );
      assert.deepEqual([...listed].sort(), [...right].sort());
      assert.notDeepEqual(listed, right, 'not the right order');
      const items = '.ek-question[data-id="triage-order"] .ek-order-item';
      const shown = () => readWebview<string>(items, 'el.dataset.text');
      assert.deepEqual(await shown(), listed, 'the page shows the same order');
      const order = () =>
        (api.preview.answers['triage-order'] as { order?: string[] } | undefined)?.order;

      // Alt+↓ on the first item moves it down one.
      await inWebview({ action: 'press', selector: `${items}:nth-child(1)`, key: 'Alt+ArrowDown' });
      const once = [listed[1], listed[0], ...listed.slice(2)];
      await until('the keyboard move', () => JSON.stringify(order()) === JSON.stringify(once));
      // The last item's "Move up" button.
      await inWebview({ action: 'click', selector: `${items}:nth-child(5) .ek-up` });
      const twice = [...once.slice(0, 3), once[4], once[3]];
      await until('the button move', () => JSON.stringify(order()) === JSON.stringify(twice));
      // Drag the first item onto the third.
      await inWebview({
        action: 'drag',
        selector: `${items}:nth-child(1)`,
        to: `${items}:nth-child(3)`,
      });
      const dragged = await until(
        'the drag',
        () => JSON.stringify(order()) !== JSON.stringify(twice) && order(),
      );
      assert.deepEqual([...dragged].sort(), [...right].sort());
      assert.deepEqual(await shown(), dragged);

      // The author edits the quiz: the learner's order stays.
      await reviseTitle(api);
      assert.deepEqual(await shown(), dragged, 'the order is kept across the edit');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('fills in a cloze question in the preview: a drop-down and a text box in the sentence, kept and checked', async () => {
      const api = await activated();
      await vscode.window.showTextDocument(quiz, { viewColumn: vscode.ViewColumn.One });
      // From the quiz as saved, whatever a test before left unsaved in it.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('enablekit.openPreview', quiz);
      const last = '  > P3 tickets have a workaround.';
      const before = api.preview.lastHtml;
      await editSource(
        last,
        `${last}\n\n## A P1 goes to the {1} queue and is answered within {2} minutes.\n<!-- question id=p1-rule type=cloze -->\n\n- {1}\n  - [ ] Tier 1\n  - [x] Incident\n- {2}\n  - \`15\`\n`,
      );
      await until('the preview updated', () => api.preview.lastHtml !== before);
      const q = '.ek-question[data-id="p1-rule"]';
      await eventually(
        'the blanks shown in the sentence',
        async () => (await readWebview<string>(`${q} .ek-blank`, 'el.tagName')).length === 2,
      );
      assert.deepEqual(await readWebview<string>(`${q} legend`, 'el.textContent'), [
        'A P1 goes to the Tier 1Incident queue and is answered within  minutes.',
      ]);
      // A drop-down is picked from its options; the driver sets it as the browser does and says so.
      await inWebview({
        action: 'eval',
        selector: `${q} select`,
        js: "els[0].value = 'b'; els[0].dispatchEvent(new Event('change', { bubbles: true })); return true;",
      });
      await inWebview({ action: 'type', selector: `${q} input`, text: '16' });
      await until(
        'the answers reported',
        () => JSON.stringify(api.preview.answers['p1-rule']) === '{"blanks":{"1":"b","2":"16"}}',
      );
      await inWebview({ action: 'click', selector: '.ek-check' });
      const result = () => readWebview<string>(`${q} .ek-result`, 'el.textContent');
      await eventually('the result', async () => /^✗ Not yet\./.test((await result())[0] ?? ''));
      // The learner's answers survive an edit of the quiz, then the right one checks.
      await reviseTitle(api);
      assert.deepEqual(await readWebview<string>(`${q} .ek-blank`, 'el.value'), ['b', '16']);
      await inWebview({
        action: 'eval',
        selector: `${q} input`,
        js: "els[0].value = ' 15 '; els[0].dispatchEvent(new Event('input', { bubbles: true })); return true;",
      });
      await inWebview({ action: 'click', selector: '.ek-check' });
      await eventually('the result', async () => /^✓ Right\./.test((await result())[0] ?? ''));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('matches in the preview: a drop-down per prompt, kept across an edit and checked', async () => {
      const api = await activated();
      await vscode.window.showTextDocument(quiz, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('enablekit.openPreview', quiz);
      const last = '  > P3 tickets have a workaround.';
      const before = api.preview.lastHtml;
      await editSource(
        last,
        `${last}\n\n## Match each tool to its job\n<!-- question id=tools type=matching -->\n\n- Grafana → dashboards\n- PagerDuty → paging\n- → billing\n`,
      );
      await until('the preview updated', () => api.preview.lastHtml !== before);
      const q = '.ek-question[data-id="tools"]';
      await eventually(
        'a drop-down per prompt',
        async () => (await readWebview<string>(`${q} .ek-match`, 'el.tagName')).length === 2,
      );
      assert.deepEqual(
        await readWebview<string>(
          `${q} .ek-match`,
          'Array.from(el.options).map((o) => o.value).join()',
        ),
        [',billing,dashboards,paging', ',billing,dashboards,paging'],
      );
      const pick = (a: string, b: string) =>
        inWebview({
          action: 'eval',
          selector: `${q} select`,
          js: `els[0].value = '${a}'; els[1].value = '${b}'; els.forEach((e) => e.dispatchEvent(new Event('input', { bubbles: true }))); return true;`,
        });
      await pick('dashboards', 'billing');
      await until(
        'the answers reported',
        () =>
          JSON.stringify(api.preview.answers['tools']) ===
          '{"pairs":{"a":"dashboards","b":"billing"}}',
      );
      await inWebview({ action: 'click', selector: '.ek-check' });
      const result = () => readWebview<string>(`${q} .ek-result`, 'el.textContent');
      await eventually('the result', async () => /^✗ Not yet\./.test((await result())[0] ?? ''));
      await reviseTitle(api);
      assert.deepEqual(await readWebview<string>(`${q} .ek-match`, 'el.value'), [
        'dashboards',
        'billing',
      ]);
      await pick('dashboards', 'paging');
      await inWebview({ action: 'click', selector: '.ek-check' });
      await eventually('the result', async () => /^✓ Right\./.test((await result())[0] ?? ''));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('keeps what the learner typed and ticked in the preview while the quiz is edited, and shows the result legibly', async () => {
      const api = await activated();
      await vscode.window.showTextDocument(quiz, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('enablekit.openPreview', quiz);
      const input = '.ek-question[data-id="request-id-header"] input';
      await inWebview({ action: 'type', selector: input, text: 'X-Request-Id' });
      await inWebview({
        action: 'click',
        selector: '.ek-question[data-id="blocked-priority"] input[value="a"]',
      });
      await until(
        'the answers reported',
        () =>
          api.preview.answers['request-id-header'] === 'X-Request-Id' &&
          JSON.stringify(api.preview.answers['blocked-priority']) === '["a"]',
      );
      await reviseTitle(api);
      assert.deepEqual(await readWebview<string>(input, 'el.value'), ['X-Request-Id']);
      assert.deepEqual(
        await readWebview<boolean>('.ek-question[data-id="blocked-priority"] input', 'el.checked'),
        [true, false, false],
      );
      // A second edit, the answers still there, then the learner checks them.
      const before = api.preview.lastHtml;
      await editSource('title: Triage and routing quiz, revised', 'title: Triage quiz');
      await until('the second update', () => api.preview.lastHtml !== before);
      await eventually(
        'the page shows it',
        async () => (await readWebview<string>('h1', 'el.textContent'))[0] === 'Triage quiz',
      );
      assert.deepEqual(await readWebview<string>(input, 'el.value'), ['X-Request-Id']);
      await inWebview({ action: 'click', selector: '.ek-check' });
      // An edit after the check keeps the results, checked again against the edited quiz.
      const checkedHtml = api.preview.lastHtml;
      await editSource('title: Triage quiz', 'title: Triage quiz, again');
      await until('the third update', () => api.preview.lastHtml !== checkedHtml);
      await eventually('the result kept across the edit', async () =>
        /^✓ Right\./.test(
          (
            await readWebview<string>(
              '.ek-question[data-id="request-id-header"] .ek-result',
              'el.textContent',
            )
          )[0] ?? '',
        ),
      );
      // Legible in a light theme and a dark one: WCAG AA asks 4.5:1 for text.
      const workbench = vscode.workspace.getConfiguration('workbench');
      try {
        for (const [theme, kind] of [
          ['Default Light Modern', 'vscode-light'],
          ['Default Dark Modern', 'vscode-dark'],
        ] as const) {
          await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
          await eventually(`the preview in ${theme}`, async () =>
            (await readWebview<string>('#ek-root', 'el.ownerDocument.body.className'))[0]?.includes(
              kind,
            ),
          );
          const [result] = await readWebview<{ text: string; ratio: number }>(
            '.ek-question[data-id="request-id-header"] .ek-result',
            `({ text: el.textContent, ratio: (${CONTRAST})(el) })`,
          );
          assert.match(result!.text, /^✓ Right\./);
          assert.ok(result!.ratio >= 4.5, `${theme}: contrast ${result!.ratio.toFixed(2)}:1`);
        }
      } finally {
        await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it("shows a question's free hint collapsed, opening on a click, and a hint with a cost only as how to ask for it", async () => {
      await activated();
      await vscode.window.showTextDocument(quiz, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('enablekit.openPreview', quiz);
      const meta = '<!-- question id=blocked-priority type=single -->\n';
      await editSource(
        meta,
        `${meta}\n<details><summary>Hint</summary>\n\nThink of HINT-FREE impact.\n\n</details>\n\n<details><summary>Hint (cost 25%)</summary>\n\nHINT-PAID: everyone blocked.\n\n</details>\n`,
      );
      const summaries = () => readWebview<string>('.ek-hint summary', 'el.textContent');
      await eventually('the hints shown', async () => (await summaries()).length === 2);
      assert.deepEqual(await summaries(), ['Hint', 'Hint (cost 25%)']);
      assert.deepEqual(await readWebview<boolean>('.ek-hint', 'el.open'), [false, false]);
      const [free, paid] = await readWebview<string>('.ek-hint', 'el.textContent');
      assert.match(free!, /HINT-FREE/);
      assert.doesNotMatch(paid!, /HINT-PAID/, "a cost hint's text is not shown");
      assert.match(paid!, /comment \/hint blocked-priority 2 on your checkpoint pull request/);
      await inWebview({ action: 'click', selector: '.ek-hint summary' });
      await eventually(
        'the free hint opened',
        async () => (await readWebview<boolean>('.ek-hint', 'el.open'))[0] === true,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });

  /** Edit the quiz's title and wait until the preview shows it. */
  async function reviseTitle(api: Awaited<ReturnType<typeof activated>>) {
    const before = api.preview.lastHtml;
    await editSource('title: Triage and routing quiz', 'title: Triage and routing quiz, revised');
    await until('the preview updated', () => api.preview.lastHtml !== before);
    await eventually('the page shows the revised title', async () =>
      (await readWebview<string>('h1', 'el.textContent'))[0]?.includes('revised'),
    );
  }
}

/**
 * Edit the quiz in the first editor column, where its source is beside the preview: a person
 * who has been clicking in the preview clicks back into the source.
 */
async function editSource(from: string, to: string): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find(
    (e) => e.viewColumn === vscode.ViewColumn.One,
  )!;
  const text = editor.document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" in ${editor.document.uri.path}`);
  await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
  await editor.edit((b) =>
    b.replace(
      new vscode.Range(
        editor.document.positionAt(at),
        editor.document.positionAt(at + from.length),
      ),
      to,
    ),
  );
}

/** Poll an asynchronous check, as `until` polls a synchronous one. */
async function eventually(what: string, check: () => Promise<unknown>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The WCAG contrast ratio of an element's text on the background behind it (the first
 * opaque one up the tree), run in the webview.
 */
const CONTRAST = `(el) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const mix = (top, bottom) => {
    const a = top[3] === undefined ? 1 : top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a));
  };
  const layers = [];
  for (let n = el; n; n = n.parentElement) layers.push(rgb(getComputedStyle(n).backgroundColor));
  let bg = [255, 255, 255];
  for (const l of layers.reverse()) if (l.length >= 3) bg = mix(l, bg);
  const fg = mix(rgb(getComputedStyle(el).color), bg);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}`;
