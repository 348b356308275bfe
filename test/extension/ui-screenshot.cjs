// Drive the workbench like a person: open a quiz from Quick Open, run "enablekit: Open
// preview" from the command palette, show the Curricula view, and save a screenshot.
// Fails if any step does not show what a person would see.
// Usage: node ui-screenshot.cjs SERVER_URL WORKSPACE EXTENSION_DIR OUT.png
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [server, ws, ext, out] = process.argv.slice(2);
const uri = (p) => `vscode-remote://${new URL(server).host}${path.resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', uri(ext)],
  ['skipWelcome', 'true'],
]);

(async () => {
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chrome-'));
  const browser = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let ok = false;
  const page = browser.pages()[0] || (await browser.newPage());
  try {
    await page.goto(
      `${server}/?folder=${encodeURIComponent(path.resolve(ws))}&payload=${encodeURIComponent(payload)}`,
    );
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60000 });
    const palette = async (keys, text, row) => {
      await page.keyboard.press(keys);
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(text);
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: row })
        .first()
        .waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
    };
    // The chat side bar is not ours; close it so the preview has the room a person would give it.
    await page.waitForTimeout(2000);
    if (await page.locator('.part.auxiliarybar').isVisible())
      await page.keyboard.press('Control+Alt+KeyB');
    // Fold the file tree, so the Curricula view has the room.
    await page
      .locator('.pane-header', { hasText: path.basename(path.resolve(ws)) })
      .first()
      .click()
      .catch(() => {});
    // The Curricula view appears once the extension found enablekit.yml and indexed the files.
    await page
      .locator('.pane-header', { hasText: 'Curricula' })
      .first()
      .waitFor({ timeout: 60000 });
    await page.locator('.pane-header', { hasText: 'Curricula' }).first().click();
    await page
      .locator('.monaco-list-row', { hasText: 'Support engineer onboarding' })
      .first()
      .waitFor({ timeout: 30000 });
    await page
      .locator('.monaco-list-row', { hasText: 'Support engineer onboarding' })
      .locator('.monaco-tl-twistie')
      .first()
      .click();
    await page
      .locator('.monaco-list-row', { hasText: 'Triage and routing' })
      .first()
      .waitFor({ timeout: 20000 });
    await palette('Control+P', 'triage-quiz.md', 'triage-quiz.md');
    await page.locator('.tab', { hasText: 'triage-quiz.md' }).first().waitFor({ timeout: 20000 });
    await page
      .locator('.codelens-decoration', { hasText: 'Take checkpoint' })
      .first()
      .waitFor({ timeout: 30000 });
    // The palette offers what works on this quiz and hides what does not (issue #20, item 9):
    // Take checkpoint is there; Edit sealed quiz (the quiz is not sealed) and Open the pull
    // request of a grade (its lens's alone) are not.
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    const offered = async (text) => {
      // Typed over the whole input, so the palette's ">" (commands, not files) is typed again.
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`>${text}`);
      await page.waitForTimeout(800);
      return page
        .locator('.quick-input-list .monaco-list-row', { hasText: text.slice(11) })
        .count();
    };
    if (!(await offered('enablekit: Take checkpoint')))
      throw new Error(
        'Expected the palette to offer "enablekit: Take checkpoint" on a quiz; found it missing.',
      );
    for (const hidden of ['enablekit: Edit sealed quiz', 'enablekit: Open the pull request'])
      if (await offered(hidden))
        throw new Error(
          `Expected the palette to hide "${hidden}" on an unsealed quiz; found it offered.`,
        );
    await page.keyboard.press('Escape');
    await palette('F1', 'enablekit: Open preview', 'Open preview');
    await page
      .locator('.tab', { hasText: 'Preview: Triage and routing quiz' })
      .first()
      .waitFor({ timeout: 30000 });
    // The preview is an iframe inside an iframe; its form is what a learner sees.
    const inner = page.frameLocator('iframe.webview').frameLocator('iframe');
    await inner.locator('form.ek-quiz').waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    ok = true;
  } catch (e) {
    console.error('UI test failed:', e.message);
  } finally {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out }).catch(() => {});
    await browser.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
  console.log(
    ok
      ? `UI test passed; screenshot: ${out}`
      : `UI test failed; screenshot of where it stopped: ${out}`,
  );
  process.exit(ok ? 0 : 1);
})();
