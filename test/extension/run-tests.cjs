// Open the VS Code workbench served by code-server in headless Chromium, with the test
// payload (extensionDevelopmentPath + extensionTestsPath, as @vscode/test-electron passes
// them), print the suite's output and exit with its code.
// Usage: node run-tests.cjs SERVER_URL WORKSPACE EXTENSION_DIR TESTS_DIR [SECONDS]
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const [server, ws, ext, tests, secs = '300'] = process.argv.slice(2);
const uri = (p) => `vscode-remote://${new URL(server).host}${path.resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', uri(ext)],
  ['extensionTestsPath', uri(tests)],
  ['skipWelcome', 'true'],
]);
// The workbench logs a lot that is not the suite's; keep the suite's lines.
const noise =
  /^(\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace)|Creating a socket|Resolv|Updating additional|Timed out waiting for authentication|getaddrinfo ENOTFOUND)/;

/**
 * What a test in the extension host cannot do through the VS Code API: act in a webview as a
 * person does (click, type, press keys, drag) and read what it shows. The suite asks over
 * HTTP on 127.0.0.1 (the port in TMPDIR/enablekit-ui-driver.json, the same TMPDIR as the
 * extension host's); each request names a selector the webview must show.
 */
async function driveWebviews(page) {
  const frameShowing = async (selector) => {
    const end = Date.now() + 15000;
    for (;;) {
      for (const f of page.frames().filter((f) => f !== page.mainFrame())) {
        const el = await f.$(selector).catch(() => null);
        if (el && (await el.isVisible().catch(() => false))) return f;
      }
      if (Date.now() > end) throw new Error(`Expected a webview showing ${selector}; found none.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const act = async ({ action, selector, text, key, to, js }) => {
    const frame = await frameShowing(selector);
    const at = frame.locator(selector).first();
    switch (action) {
      case 'click':
        return at.click();
      case 'type':
        await at.click();
        return page.keyboard.type(text, { delay: 20 });
      case 'press':
        await at.focus();
        return page.keyboard.press(key);
      case 'drag':
        return at.dragTo(frame.locator(to).first());
      case 'eval':
        return frame.locator(selector).evaluateAll(new Function('els', js));
      default:
        throw new Error(`Expected click, type, press, drag or eval; found ${action}.`);
    }
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () =>
      act(JSON.parse(body)).then(
        (value) => res.end(JSON.stringify({ ok: true, value: value ?? null })),
        (e) => res.end(JSON.stringify({ ok: false, message: e.message.split('\n')[0] })),
      ),
    );
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  fs.writeFileSync(
    path.join(os.tmpdir(), 'enablekit-ui-driver.json'),
    JSON.stringify({ port: server.address().port }),
  );
}

(async () => {
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
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
  const done = async (code) => {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
    process.exit(code);
  };
  setTimeout(
    () => {
      console.error(`TIMEOUT: no result from the extension tests after ${secs}s`);
      done(2);
    },
    Number(secs) * 1000,
  );
  const page = ctx.pages()[0];
  await page.exposeFunction('codeAutomationLog', (type, args) =>
    process.env.VERBOSE || !noise.test(String(args[0]))
      ? (console[type] || console.log)(...args)
      : 0,
  );
  await page.exposeFunction('codeAutomationExit', (code) => {
    console.log(`extension tests exited with code ${code}`);
    done(code);
  });
  await driveWebviews(page);
  await page.goto(
    `${server}/?folder=${encodeURIComponent(path.resolve(ws))}&payload=${encodeURIComponent(payload)}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(3);
});
