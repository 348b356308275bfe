import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { outOfContext } from './out-of-context.js';

/** Sealed quizzes open under this scheme with their answers in; saving seals them again. */
export const ANSWERS_SCHEME = 'enablekit-answers';
const SECRET_KEY = 'enablekit.answerKey';

/**
 * Authors edit a sealed quiz as if it were not: the document under `enablekit-answers:`
 * is the author's text with its answers, read through the key; saving it writes the
 * sealed quiz and a fresh key file to disk, so the answers never reach the file learners
 * read, nor VS Code's copy of it. The secret comes from VS Code's secret storage (the
 * "Set answer-key secret" command) or ENABLEKIT_KEY.
 */
export class SealedQuizzes implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  /** The file on disk an answers document stands for. */
  diskUri(uri: vscode.Uri): vscode.Uri {
    return uri.with({ scheme: this.ws.root?.scheme ?? 'file' });
  }

  async secret(): Promise<string | undefined> {
    return (await this.secrets.get(SECRET_KEY)) || process.env.ENABLEKIT_KEY || undefined;
  }

  async setSecret(value: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, value);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(this.diskUri(uri));
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const disk = this.diskUri(uri);
    const sealed = new TextDecoder().decode(await vscode.workspace.fs.readFile(disk));
    const secret = await this.secret();
    if (!secret)
      throw vscode.FileSystemError.NoPermissions(
        'Expected the answer-key secret; found none. Run "enablekit: Set answer-key secret" (or set ENABLEKIT_KEY), then open the quiz with its answers again.',
      );
    const key = /^key:\s*(\S+)\s*$/m.exec(sealed)?.[1];
    const path = this.ws.relative(disk) ?? disk.path;
    if (!key)
      throw vscode.FileSystemError.FileNotFound(
        `Expected a sealed quiz (with key:) at ${path}; found none. Open it as a normal file.`,
      );
    const keyText = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(disk, '..', key)),
    );
    const r = this.ws.engine().unsealText(path, sealed, keyText, secret);
    if (!r.ok) throw vscode.FileSystemError.NoPermissions(r.message);
    return new TextEncoder().encode(r.source);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const disk = this.diskUri(uri);
    const secret = await this.secret();
    if (!secret)
      throw vscode.FileSystemError.NoPermissions(
        'Expected the answer-key secret to seal the quiz on save; found none. Run "enablekit: Set answer-key secret"; your edits are still in the editor.',
      );
    const path = this.ws.relative(disk) ?? disk.path;
    const r = this.ws.engine().seal(path, new TextDecoder().decode(content), secret);
    if (!r.ok)
      throw vscode.FileSystemError.NoPermissions(
        `${path}:${r.line}: ${r.message} Your edits are still in the editor.`,
      );
    // The key first: a sealed quiz whose key is missing could not be graded, a key beside an unchanged quiz still can.
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(disk, '..', r.keyFile),
      new TextEncoder().encode(r.keyText),
    );
    await vscode.workspace.fs.writeFile(disk, new TextEncoder().encode(r.sealedText));
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Sealed quizzes are edited one file at a time.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete the quiz and its key file in the Explorer.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Rename the quiz in the Explorer.');
  }
}

/** Whether the file on disk is a sealed quiz: its front matter names its key file. */
async function isSealed(uri: vscode.Uri): Promise<boolean> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    return /^type:\s*['"]?quiz\b/m.test(front) && /^key:\s*\S+/m.test(front);
  } catch {
    return false;
  }
}

export function registerSealedQuizzes(
  ws: CurriculaWorkspace,
  context: vscode.ExtensionContext,
): { sealed: SealedQuizzes; disposables: vscode.Disposable[] } {
  const sealed = new SealedQuizzes(ws, context.secrets);
  return {
    sealed,
    disposables: [
      vscode.workspace.registerFileSystemProvider(ANSWERS_SCHEME, sealed, {
        isCaseSensitive: true,
      }),
      vscode.commands.registerCommand('enablekit.setAnswerKey', async (value?: string) => {
        const secret =
          value ??
          (await vscode.window.showInputBox({
            prompt:
              'The answer-key secret your quizzes are sealed with (the repository secret ENABLEKIT_KEY)',
            password: true,
            ignoreFocusOut: true,
          }));
        if (secret) await sealed.setSecret(secret);
      }),
      vscode.commands.registerCommand('enablekit.editSealedQuiz', async (uri?: vscode.Uri) => {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        // Asked for anywhere but a sealed quiz, it says so rather than asking for a secret it cannot use.
        if (!target || target.scheme === ANSWERS_SCHEME || !(await isSealed(target)))
          return target?.scheme === ANSWERS_SCHEME
            ? vscode.window.showTextDocument(target)
            : outOfContext(
                `${target ? `${vscode.workspace.asRelativePath(target)} is not a sealed quiz (its front matter has no key:)` : 'no file is open'}; Edit sealed quiz with answers opens a quiz sealed with "enablekit seal". Edit an unsealed quiz as it is.`,
              );
        if (!(await sealed.secret())) {
          const pick = await vscode.window.showWarningMessage(
            'Expected the answer-key secret to open this quiz with its answers; found none.',
            'Set answer-key secret',
          );
          if (pick) await vscode.commands.executeCommand('enablekit.setAnswerKey');
          if (!(await sealed.secret())) return undefined;
        }
        return vscode.window.showTextDocument(
          await vscode.workspace.openTextDocument(target.with({ scheme: ANSWERS_SCHEME })),
        );
      }),
    ],
  };
}
