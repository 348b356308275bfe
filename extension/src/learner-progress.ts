import * as vscode from 'vscode';
import type { CheckpointResult } from '../../core/progress/checkpoint-results.js';
import type { ModuleStatus } from '../../core/progress/learner-status.js';
import type { CheckpointGate } from '../../core/progress/gate.js';
import type { ProgressRecord } from '../../core/progress/records.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { githubApiUrl, githubRepository, learnerLogin } from './github-session.js';
import { SET_TOKEN, type GitHubToken } from './github-token.js';
import { plainGitHubError } from './plain-errors.js';

/**
 * The learner's own standing, from the grades the Action recorded in their progress issue
 * on GitHub: read when the workspace opens (if VS Code is signed in to GitHub or a token is
 * kept), after each submit, when a token is set, and on "Refresh my progress". The tree and the checkpoint
 * lenses show it. Nothing is computed here: core reads the records.
 */
export class LearnerProgress implements vscode.Disposable {
  private results = new Map<string, CheckpointResult>();
  private modules = new Map<string, ModuleStatus>();
  /** The records last read, of `login`; undefined until read. */
  private records: readonly ProgressRecord[] | undefined;
  login: string | undefined;
  repository: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly token: GitHubToken,
  ) {}

  resultOf(checkpoint: string): CheckpointResult | undefined {
    return this.results.get(checkpoint);
  }

  moduleStatus(module: string): ModuleStatus | undefined {
    return this.modules.get(module);
  }

  /**
   * Whether `login` may take a checkpoint now, by the curricula's gating: from their records
   * when read (for another login, or before a read, only windows are known, as for the
   * Action with `progress: false`). Undefined with no curricula open.
   */
  gate(checkpoint: string, login: string): CheckpointGate | undefined {
    const session = this.ws.lintSession;
    if (!session) return undefined;
    const engine = this.ws.engine();
    const config = session.currentConfig;
    const mine = this.login?.toLowerCase() === login.toLowerCase();
    return new engine.Gate({
      index: session.index,
      config,
      login,
      roles: engine.rolesOf(login, config),
      records: mine ? this.records : undefined,
      today: this.ws.today(),
    }).checkpoint(checkpoint);
  }

  /** Read the records again. `interactive`: the user asked, so sign-in may be requested and failures are shown. */
  async refresh(interactive: boolean): Promise<boolean> {
    await this.ws.ready;
    const session = this.ws.lintSession;
    const say = (message: string) => (
      interactive ? void vscode.window.showWarningMessage(`enablekit: ${message}`) : undefined,
      false
    );
    if (!session) return say('open a folder with an enablekit.yml first.');
    const login = await learnerLogin(interactive, this.ws);
    if (!login)
      return say(
        'no GitHub login known. Take a checkpoint (it asks your login once), sign in to GitHub from the Accounts menu, or set enablekit.login.',
      );
    const repository = await githubRepository(this.ws.root);
    if (!repository)
      return say('this folder has no GitHub remote. Set enablekit.repository to owner/name.');
    const auth = await this.token.get(interactive);
    if ('problem' in auth) {
      // Setting a token from here reads the progress at once (the extension refreshes on a new token).
      if (interactive)
        void vscode.window
          .showWarningMessage(
            `enablekit: could not read your progress: ${auth.problem}.`,
            SET_TOKEN,
          )
          .then((pick) => pick && vscode.commands.executeCommand('enablekit.setGitHubToken'));
      return false;
    }
    const { token } = auth;
    const engine = this.ws.engine();
    let comments;
    try {
      // The GitHub chunk is loaded on first need: octokit stays out of activation (esbuild leaves this require to run time).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const github = require('./github.js') as typeof import('./github.js');
      comments = await github.progressComments(
        { baseUrl: githubApiUrl(), token, repository, login },
        engine,
      );
    } catch (e) {
      return say(
        `could not read your progress from ${repository}: ${plainGitHubError(e, githubApiUrl(), repository)}. Your grades shown so far stay; Refresh my progress again when that is fixed.`,
      );
    }
    // Only the Action's own, unedited records count: a forged pass in someone's comment is ignored.
    const records = engine.readLedger(comments, login).records;
    this.login = login;
    this.repository = repository;
    this.records = records;
    this.results = engine.checkpointResults(records, login);
    const roles = engine.rolesOf(login, session.currentConfig);
    this.modules = new Map(
      engine
        .learnerStatus(login, roles, session.index, records, this.ws.today(), session.currentConfig)
        .flatMap((t) => t.modules.map((m) => [m.module, m] as const)),
    );
    this.changed.fire();
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
