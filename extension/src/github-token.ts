import * as vscode from 'vscode';
import { githubApiUrl } from './github-session.js';

const SECRET = 'enablekit.githubToken';
/** The shapes GitHub gives its tokens: a copied one is offered in the box, masked. */
const TOKEN_SHAPE = /^(gh[pousr]_[A-Za-z0-9_]{30,}|github_pat_[A-Za-z0-9_]{30,})$/;

/** A token to call GitHub with, or why there is none (completing "enablekit: …"). */
export type TokenAnswer = { token: string } | { problem: string };

export const SET_TOKEN = 'Set GitHub token';
const TOKEN_HOW = `Run "enablekit: ${SET_TOKEN}" with a token that may open pull requests (classic: the repo scope)`;

/**
 * The learner's GitHub credentials: a token they set (kept in VS Code's secret storage,
 * never in settings), else VS Code's own GitHub sign-in. A stored token comes first
 * because it exists only when the learner chose it (a GitHub Enterprise Server, a token
 * with other scopes); otherwise sign-in is the way, and it is asked for only when the
 * learner acted (never at activation).
 */
export class GitHubToken implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.disposables = [
      this.changed,
      secrets.onDidChange((e) => e.key === SECRET && this.changed.fire()),
      // A token someone puts in the old setting (an old guide says so) moves at once.
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('enablekit.token') && void this.moveSetting(),
      ),
      vscode.commands.registerCommand('enablekit.setGitHubToken', () => this.ask()),
      vscode.commands.registerCommand('enablekit.forgetGitHubToken', () => this.forget()),
    ];
  }

  /** `interactive`: the user acted, so VS Code's sign-in may be asked for. */
  async get(interactive: boolean): Promise<TokenAnswer> {
    const stored = await this.secrets.get(SECRET);
    if (stored) return { token: stored };
    // github.com signs in with VS Code's "github" provider; a GitHub Enterprise Server with "github-enterprise".
    const provider = /^https:\/\/api\.github\.com\/?$/.test(githubApiUrl())
      ? 'github'
      : 'github-enterprise';
    try {
      const session = await vscode.authentication.getSession(
        provider,
        ['repo'],
        interactive ? { createIfNone: true } : { silent: true },
      );
      if (session) return { token: session.accessToken };
    } catch (e) {
      const said = String((e as Error).message);
      const kind = provider === 'github' ? 'GitHub' : 'GitHub Enterprise Server';
      if (/authentication provider/i.test(said))
        return {
          problem: `no GitHub token is set, and this editor has no ${kind} sign-in. ${TOKEN_HOW}`,
        };
      const why = /consent|cancel/i.test(said)
        ? 'it was cancelled'
        : `VS Code said: "${said.split(/(?<=\.)\s/)[0]!.slice(0, 120)}"`;
      return {
        problem: `no GitHub token is set, and VS Code's ${kind} sign-in did not complete (${why}). Sign in when VS Code asks, or ${TOKEN_HOW.charAt(0).toLowerCase()}${TOKEN_HOW.slice(1)}`,
      };
    }
    return {
      problem: `not signed in to GitHub. Sign in from the Accounts menu, or run "enablekit: ${SET_TOKEN}"`,
    };
  }

  /** The token setting of earlier versions (plain text in settings.json) moved into secret storage, once. */
  async moveSetting(): Promise<void> {
    const settings = vscode.workspace.getConfiguration('enablekit');
    // Only the user's own settings were ever read: a workspace's value is not the user's token.
    const old = settings.inspect<string>('token')?.globalValue?.trim();
    if (!old) return;
    await this.secrets.store(SECRET, old);
    try {
      await settings.update('token', undefined, vscode.ConfigurationTarget.Global);
    } catch {
      void vscode.window.showWarningMessage(
        "enablekit: your GitHub token is now in VS Code's secret storage, but it could not be removed from the setting enablekit.token. Delete it from your settings.json: it is plain text there.",
      );
      return;
    }
    void vscode.window.showInformationMessage(
      `enablekit: your GitHub token moved from the setting enablekit.token (plain text in settings.json) into VS Code's secret storage. Nothing else to do; "enablekit: Forget GitHub token" removes it.`,
    );
  }

  /** Ask for a token (a copied one is offered, masked) and keep it. True when one was kept. */
  private async ask(): Promise<boolean> {
    const copied = (await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '')).trim();
    const typed = await vscode.window.showInputBox({
      title: 'enablekit: GitHub token',
      prompt: `A GitHub token that may open pull requests in the curricula repository (classic: the repo scope; fine-grained: Contents and Pull requests, read and write). Kept in VS Code's secret storage and sent only to ${githubApiUrl()}.`,
      password: true,
      ignoreFocusOut: true,
      value: TOKEN_SHAPE.test(copied) ? copied : '',
      validateInput: (v) =>
        /^\S+$/.test(v.trim()) ? undefined : 'Paste the token: one word, without spaces',
    });
    if (!typed?.trim()) return false;
    await this.secrets.store(SECRET, typed.trim());
    void vscode.window.showInformationMessage(
      'enablekit: GitHub token saved in VS Code\'s secret storage. Submit checkpoint and Refresh my progress use it; "enablekit: Forget GitHub token" removes it.',
    );
    return true;
  }

  private async forget(): Promise<boolean> {
    const had = Boolean(await this.secrets.get(SECRET));
    await this.secrets.delete(SECRET);
    void vscode.window.showInformationMessage(
      had
        ? 'enablekit: the GitHub token is forgotten (removed from secret storage). A GitHub account you signed in to in VS Code stays signed in: sign out from the Accounts menu.'
        : 'enablekit: no GitHub token was kept, so there is nothing to forget. To sign out of GitHub in VS Code, use the Accounts menu.',
    );
    return had;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
