// Open the VS Code workbench served by code-server in headless Chromium, with the test
// payload (extensionDevelopmentPath + extensionTestsPath, as @vscode/test-electron passes
// them), print the suite's output and exit with its code.
// Usage: node run-tests.cjs SERVER_URL WORKSPACE EXTENSION_DIR TESTS_DIR [SECONDS]
const { chromium } = require('playwright-core');
const fs = require('node:fs');
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
  await page.goto(
    `${server}/?folder=${encodeURIComponent(path.resolve(ws))}&payload=${encodeURIComponent(payload)}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(3);
});
