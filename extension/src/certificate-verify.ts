import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { outOfContext, type OutOfContext } from './out-of-context.js';

/** What Verify certificate found, for its caller (a test): valid with the summary, or why not. */
export type VerifyResult = { valid: boolean; message: string } | OutOfContext | undefined;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * enablekit: Verify certificate: the check `enablekit certificate verify` makes (core's
 * verifyCredential, one source), on a .jwt file of the workspace or the open editor's text,
 * against the issuer's keys and revocation list in these curricula. Said in a notification:
 * information when valid, an error saying why when not.
 */
export function registerVerifyCertificate(ws: CurriculaWorkspace): vscode.Disposable {
  return vscode.commands.registerCommand(
    'enablekit.verifyCertificate',
    async (given?: vscode.Uri): Promise<VerifyResult> => {
      await ws.ready;
      const settings = ws.lintSession?.currentConfig.certificates;
      if (!ws.root || !settings)
        return outOfContext(
          'these curricula issue no certificates: enablekit.yml has no certificates: section (docs/certificates.md).',
        );
      const uri = given ?? vscode.window.activeTextEditor?.document.uri;
      const text = uri
        ? given
          ? await readText(uri)
          : vscode.window.activeTextEditor?.document.getText()
        : undefined;
      if (!uri || text === undefined)
        return outOfContext('open a certificate (.jwt file) to verify, then run this again.');
      const engine = ws.engine();
      const keysText = await readText(vscode.Uri.joinPath(ws.root, settings.keys));
      const listText = await readText(vscode.Uri.joinPath(ws.root, settings.revocations));
      const name = vscode.workspace.asRelativePath(uri);
      const say = (valid: boolean, message: string) => {
        void (valid ? vscode.window.showInformationMessage : vscode.window.showErrorMessage)(
          `${name}: ${message}`,
        );
        return { valid, message };
      };
      let keys: unknown[] | undefined;
      try {
        const set = JSON.parse(keysText ?? '') as { keys?: unknown };
        if (Array.isArray(set.keys)) keys = set.keys;
      } catch {
        /* said below */
      }
      if (!keys)
        return say(
          false,
          `Expected the issuer's public keys at ${settings.keys}; found ${keysText === undefined ? 'no file' : 'something else'}. Run "enablekit certificate keygen" and commit the file.`,
        );
      const list =
        listText === undefined
          ? undefined
          : engine.readRevocationList(listText, settings.revocations);
      if (list && !list.ok) return say(false, list.message);
      const r = await engine.verifyCredential({
        token: text,
        keys: keys as Parameters<typeof engine.verifyCredential>[0]['keys'],
        issuerId: settings.issuer.id,
        ...(list?.ok ? { revocations: list.list } : {}),
        now: new Date().toISOString(),
      });
      return r.ok ? say(true, r.summary) : say(false, `Not valid. ${r.reason}`);
    },
  );
}
