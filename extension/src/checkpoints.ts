import * as vscode from 'vscode';
import type { Checkpoint, Survey } from '../../core/model.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { submitCheckpoint, type SubmitDeps } from './submit.js';
import { githubApiUrl, learnerLogin } from './github-session.js';
import type { LearnerProgress } from './learner-progress.js';
import { outOfContext } from './out-of-context.js';
import type { SubmittedSheets } from './submitted-sheets.js';

export const SHEET_PATH = /(^|\/)submissions\/([^/]+)\/([^/]+)\.md$/;

/** "Take checkpoint" above every quiz, scenario and reflection ("Take survey" above a survey); "Submit checkpoint" above an answer sheet. */
export class CheckpointLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly progress: LearnerProgress,
    private readonly submitted: SubmittedSheets,
  ) {
    ws.onDidLint(() => this.changed.fire());
    progress.onDidChange(() => this.changed.fire());
    submitted.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const sheet = SHEET_PATH.exec(doc.uri.path);
    if (sheet)
      return [
        new vscode.CodeLens(top, {
          title: '$(git-pull-request) Submit checkpoint',
          command: 'enablekit.submitCheckpoint',
          arguments: [doc.uri],
        }),
        ...this.submission(top, sheet[3]!),
        ...this.grade(top, sheet[3]!),
      ];
    const survey = surveyAt(this.ws, doc.uri);
    if (survey)
      return [
        new vscode.CodeLens(top, {
          title: `$(feedback) Take survey: ${survey.title}`,
          command: 'enablekit.takeCheckpoint',
          arguments: [doc.uri],
        }),
      ];
    const item = checkpointAt(this.ws, doc.uri);
    if (!item) return [];
    const take = new vscode.CodeLens(top, {
      title: `$(checklist) Take checkpoint: ${item.title}`,
      command: 'enablekit.takeCheckpoint',
      arguments: [doc.uri],
    });
    const sealed = item.type === 'quiz' && item.key && doc.uri.scheme !== 'enablekit-answers';
    return [
      take,
      ...(sealed
        ? [
            new vscode.CodeLens(top, {
              title: '$(key) Edit with answers',
              command: 'enablekit.editSealedQuiz',
              arguments: [doc.uri],
            }),
          ]
        : []),
      ...this.submission(top, item.id),
      ...this.grade(top, item.id),
    ];
  }

  /** The learner's last submit, until its pull request is graded: open, or committed and waiting for a retry. */
  private submission(top: vscode.Range, checkpoint: string): vscode.CodeLens[] {
    const s = this.submitted.of(checkpoint);
    if (!s) return [];
    if (!s.pr) {
      const root = submissionsRoot(this.ws);
      return [
        new vscode.CodeLens(top, {
          title: `$(warning) Committed on ${s.branch}, not submitted yet: Submit checkpoint again`,
          command: 'enablekit.submitCheckpoint',
          arguments: root ? [vscode.Uri.joinPath(root, s.login, `${checkpoint}.md`)] : [],
        }),
      ];
    }
    const pr = this.submitted.awaitingGrade(
      checkpoint,
      this.progress.resultOf(checkpoint)?.latest.pr,
    );
    if (!pr) return [];
    return [
      new vscode.CodeLens(top, {
        title: `$(git-pull-request) Submitted · pull request #${pr.number} · waiting for its grade`,
        command: 'enablekit.openPullRequest',
        arguments: [pr.url],
      }),
    ];
  }

  /** The learner's grade from their pull request, once their progress has been read. */
  private grade(top: vscode.Range, checkpoint: string): vscode.CodeLens[] {
    const result = this.progress.resultOf(checkpoint);
    if (!result) return [];
    const title = `$(${result.passed ? 'pass-filled' : 'circle-slash'}) ${this.ws.engine().resultLine(result)}`;
    return [
      new vscode.CodeLens(top, {
        title,
        command: 'enablekit.openPullRequest',
        arguments: [result.latest.pr],
      }),
    ];
  }
}

function checkpointAt(ws: CurriculaWorkspace, uri: vscode.Uri | undefined): Checkpoint | undefined {
  const path = uri && ws.relative(uri);
  const item = path ? ws.lintSession?.index.files.get(path)?.item : undefined;
  return item && ws.engine().isCheckpoint(item) ? item : undefined;
}

function surveyAt(ws: CurriculaWorkspace, uri: vscode.Uri | undefined): Survey | undefined {
  const path = uri && ws.relative(uri);
  const item = path ? ws.lintSession?.index.files.get(path)?.item : undefined;
  return item?.type === 'survey' ? item : undefined;
}

/**
 * A survey's sheet for one occasion, as `enablekit take --occasion` writes it: the occasion
 * given (the invitation names it), the only one, or the one the learner picks.
 */
async function takeSurvey(
  ws: CurriculaWorkspace,
  survey: Survey,
  occasion?: string,
): Promise<vscode.Uri | undefined> {
  const engine = ws.engine();
  const asks = survey.ask.filter((o) => !o.problem);
  const picked =
    asks.find((o) => o.id === occasion) ??
    (asks.length === 1
      ? asks[0]
      : (
          await vscode.window.showQuickPick(
            asks.map((o) => ({ label: o.id, description: engine.occasionLabel(o), o })),
            { title: `${survey.title}: which occasion? Your invitation names it.` },
          )
        )?.o);
  if (!picked) return undefined;
  const login = await learnerLogin(true, ws);
  const root = submissionsRoot(ws);
  if (!login || !root) return undefined;
  const sheet = vscode.Uri.joinPath(root, login, `${survey.id}.md`);
  // A sheet there already holds the learner's answers: opened as it is, never replaced.
  if (!(await exists(sheet)))
    await vscode.workspace.fs.writeFile(
      sheet,
      new TextEncoder().encode(engine.surveySheetText(survey, login, picked)),
    );
  await vscode.window.showTextDocument(sheet, { preview: false });
  return sheet;
}

/** The folder of answer sheets, as the CLI's and the Action's default: the editor has no setting for another. */
export const SUBMISSIONS = 'submissions';

/** Where answer sheets live: `submissions/` at the root of the workspace folder holding the curricula. */
export function submissionsRoot(ws: CurriculaWorkspace): vscode.Uri | undefined {
  const folder = ws.root && vscode.workspace.getWorkspaceFolder(ws.root);
  return folder ? vscode.Uri.joinPath(folder.uri, SUBMISSIONS) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Create the blank sheet (never over one that exists: a learner's answers are never lost) and
 * open it. A pooled quiz's sheet is drawn for the attempt after those the learner's progress
 * (as last read from GitHub) counts.
 */
export async function takeCheckpoint(
  ws: CurriculaWorkspace,
  progress: LearnerProgress,
  uri?: vscode.Uri,
  occasion?: string,
): Promise<vscode.Uri | undefined> {
  await ws.ready;
  const survey = surveyAt(ws, uri ?? vscode.window.activeTextEditor?.document.uri);
  if (survey) return takeSurvey(ws, survey, occasion);
  const item = checkpointAt(ws, uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!item) {
    void vscode.window.showWarningMessage(
      'enablekit: open a quiz, scenario or reflection first; "Take checkpoint" makes your answer sheet for it.',
    );
    return undefined;
  }
  const login = await learnerLogin(true, ws);
  const root = submissionsRoot(ws);
  if (!login || !root) return undefined;
  const sheet = vscode.Uri.joinPath(root, login, `${item.id}.md`);
  // A warning, never a stop: the sheet is the learner's to fill; the Action decides what is graded.
  const gate = progress.gate(item.id, login);
  if (gate && !gate.open && gate.mode !== 'off')
    void vscode.window.showWarningMessage(
      `enablekit: "${item.title}" is locked. ${ws.engine().reasonsText(gate)} ${gate.mode === 'strict' ? 'The Action will not grade it until then; your answer sheet is made anyway.' : 'The Action grades it anyway and says it was taken out of order.'}`,
    );
  if (await exists(sheet)) {
    // Kept as it is; a pooled quiz's retry needs a new draw, and the learner is told so.
    const note =
      item.type === 'quiz'
        ? ws
            .engine()
            .otherAttemptNote(
              item,
              new TextDecoder().decode(await vscode.workspace.fs.readFile(sheet)),
              progress.resultOf(item.id),
            )
        : undefined;
    if (note) void vscode.window.showWarningMessage(`enablekit: ${note}`);
  } else
    await vscode.workspace.fs.writeFile(
      sheet,
      new TextEncoder().encode(
        ws
          .engine()
          .checkpointSheetText(item, login, ws.engine().nextAttempt(progress.resultOf(item.id))),
      ),
    );
  await vscode.window.showTextDocument(sheet, { preview: false });
  return sheet;
}

/** The web address of a pull request: github.com for api.github.com, the server itself for GitHub Enterprise Server. */
export function pullRequestUrl(apiUrl: string, repository: string, pr: number): string {
  const web = apiUrl
    .replace(/\/+$/, '')
    .replace(/^https:\/\/api\.github\.com$/, 'https://github.com')
    .replace(/\/api\/v3$/, '');
  return `${web}/${repository}/pull/${pr}`;
}

export function registerCheckpointCommands(
  ws: CurriculaWorkspace,
  progress: LearnerProgress,
  deps: SubmitDeps,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      'enablekit.takeCheckpoint',
      (uri?: vscode.Uri, occasion?: string) => takeCheckpoint(ws, progress, uri, occasion),
    ),
    vscode.commands.registerCommand('enablekit.submitCheckpoint', async (uri?: vscode.Uri) => {
      const submitted = await submitCheckpoint(
        ws,
        uri ?? vscode.window.activeTextEditor?.document.uri,
        deps,
      );
      if (submitted) void progress.refresh(false);
      return submitted;
    }),
    vscode.commands.registerCommand('enablekit.refreshProgress', () => progress.refresh(true)),
    // A grade's lens names its pull request by number; a submit's lens by the address GitHub gave.
    vscode.commands.registerCommand('enablekit.openPullRequest', (pr?: number | string) => {
      if (typeof pr === 'string') return vscode.env.openExternal(vscode.Uri.parse(pr));
      // Its lenses pass the pull request; from a keybinding it says where to click instead.
      if (typeof pr !== 'number')
        return outOfContext(
          'click the grade above your checkpoint or answer sheet ("Passed · best 90% · 2 attempts · pull request #12") to open its pull request; grades show once the Action has graded one (enablekit: Refresh my progress from GitHub).',
        );
      const api = githubApiUrl();
      return (
        progress.repository &&
        vscode.env.openExternal(vscode.Uri.parse(pullRequestUrl(api, progress.repository, pr)))
      );
    }),
  ];
}
