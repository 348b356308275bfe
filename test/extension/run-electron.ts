/**
 * The same extension suite on desktop VS Code, for machines that can download it:
 * `npx tsx test/extension/run-electron.ts` (after `npm run build`). CI runs the suite in
 * code-server instead (test/extension/run.sh), since it cannot download VS Code.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(import.meta.dirname, '..', '..');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });

function sampleWorkspace(): string {
  const run = mkdtempSync(join(tmpdir(), 'enablekit-electron-'));
  const ws = join(run, 'ws');
  cpSync(join(ROOT, 'curricula'), join(ws, 'curricula'), { recursive: true });
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'config', 'user.name', 'Ana Support');
  git(ws, 'config', 'user.email', 'ana@example.com');
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'Curricula');
  git(run, 'init', '-q', '--bare', '-b', 'main', 'remote.git');
  git(ws, 'remote', 'add', 'origin', join(run, 'remote.git'));
  git(ws, 'push', '-q', 'origin', 'main');
  return ws;
}

const goldens = readdirSync(join(ROOT, 'test', 'fixtures', 'golden')).map((name) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'enablekit-golden-')), name);
  cpSync(join(ROOT, 'test', 'fixtures', 'golden', name), dir, { recursive: true });
  return dir;
});
for (const ws of [sampleWorkspace(), ...goldens]) {
  await runTests({
    extensionDevelopmentPath: join(ROOT, 'extension'),
    extensionTestsPath: join(ROOT, 'extension', 'dist', 'test'),
    launchArgs: [ws, '--disable-extensions'],
  });
}
