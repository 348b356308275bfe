import * as vscode from 'vscode';
import type { Engine } from './engine.js';
import { CurriculaWorkspace } from './curricula-workspace.js';
import { registerCodeActions } from './code-actions.js';
import { PreviewPanel } from './preview-panel.js';
import { CurriculaTree } from './curricula-tree.js';
import { CheckpointLens, registerCheckpointCommands } from './checkpoints.js';
import { SheetStatus } from './sheet-status.js';
import { LearnerProgress } from './learner-progress.js';
import { GitHubToken } from './github-token.js';
import { SubmittedSheets } from './submitted-sheets.js';
import { registerFrontMatterCompletion } from './front-matter-completion.js';
import { registerNewItemCommands } from './new-item-commands.js';
import { registerSealedQuizzes, type SealedQuizzes } from './sealed-quizzes.js';
import { ActiveEditorKeys } from './context-keys.js';
import { registerCreateCurricula } from './create-curricula.js';
import { registerVerifyCertificate } from './certificate-verify.js';
import { registerItemAnalysis, type ItemAnalysisLens } from './item-analysis-lens.js';
import { registerSurveyResults, type SurveyResultsLens } from './survey-results-lens.js';

let engine: Engine | undefined;
/** The engine (core, remark, ajv) is a second bundle, loaded on first need, so activation stays light. */
export function loadEngine(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('./engine.js') as Engine;
  return engine;
}

export interface Api {
  workspace: CurriculaWorkspace;
  tree: CurriculaTree;
  preview: PreviewPanel;
  sheetStatus: SheetStatus;
  progress: LearnerProgress;
  sealed: SealedQuizzes;
  /** Item analysis above each quiz question, once an author asked for it. */
  items: ItemAnalysisLens;
  /** Survey results above each survey question, once an author asked for them. */
  surveys: SurveyResultsLens;
  /** The context keys the palette's `when` clauses read, as last set. */
  contextKeys: ActiveEditorKeys;
  /** How long activate() took, in ms: the benchmark and tests read it. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): Api {
  const started = performance.now();
  const workspace = new CurriculaWorkspace(loadEngine);
  const token = new GitHubToken(context.secrets);
  const submitted = new SubmittedSheets(context.workspaceState);
  const progress = new LearnerProgress(workspace, token);
  const tree = new CurriculaTree(workspace, progress, submitted);
  const preview = new PreviewPanel(context.extensionUri, workspace);
  const sheetStatus = new SheetStatus(workspace);
  const sealed = registerSealedQuizzes(workspace, context);
  const contextKeys = new ActiveEditorKeys(workspace);
  const items = registerItemAnalysis(workspace, token);
  const surveys = registerSurveyResults(workspace, token);
  const start = () => workspace.start().then(() => progress.refresh(false));
  context.subscriptions.push(
    workspace,
    preview,
    vscode.window.registerTreeDataProvider('enablekit.curricula', tree),
    registerCodeActions(workspace),
    vscode.languages.registerCodeLensProvider(
      { language: 'markdown' },
      new CheckpointLens(workspace, progress, submitted),
    ),
    sheetStatus,
    vscode.commands.registerCommand('enablekit.openPreview', (uri?: vscode.Uri) =>
      preview.show(uri ?? vscode.window.activeTextEditor?.document.uri),
    ),
    vscode.commands.registerCommand('enablekit.filterRole', () => tree.pickRole()),
    ...registerCheckpointCommands(workspace, progress, { token, submitted }),
    progress,
    token,
    submitted,
    token.onDidChange(() => void progress.refresh(false)),
    ...registerNewItemCommands(workspace),
    registerFrontMatterCompletion(workspace),
    ...sealed.disposables,
    contextKeys,
    registerCreateCurricula(workspace, start),
    registerVerifyCertificate(workspace),
    ...items.disposables,
    ...surveys.disposables,
  );
  // The first lint happens after activation returns: opening the workspace never waits on it.
  // A learner signed in to GitHub sees their grades without asking; no sign-in is requested here.
  // A token left in the old plain-text setting moves into secret storage first.
  setTimeout(() => void token.moveSetting().then(start), 0);
  return {
    workspace,
    tree,
    preview,
    sheetStatus,
    progress,
    sealed: sealed.sealed,
    items: items.lens,
    surveys: surveys.lens,
    contextKeys,
    activationMs: performance.now() - started,
  };
}

export function deactivate(): void {}
