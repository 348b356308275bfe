import * as vscode from 'vscode';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import { SHEET_PATH } from './checkpoints.js';
import { ANSWERS_SCHEME } from './sealed-quizzes.js';

/**
 * The context keys package.json's `when` clauses read, so the command palette offers a
 * command only where it does something: each says what the active editor holds.
 */
export const CONTEXT_KEYS = {
  /** A file of the curricula (under enablekit.yml's folder, not left out): Fix all problems in this file. */
  inCurricula: 'enablekit.activeInCurricula',
  /** A quiz, scenario or reflection of the curricula: Take checkpoint. */
  checkpoint: 'enablekit.activeCheckpoint',
  /** A sealed quiz as on disk (key:, not opened with its answers): Edit sealed quiz with answers. */
  sealedQuiz: 'enablekit.activeSealedQuiz',
  /** An answer sheet, submissions/<login>/<id>.md: Submit checkpoint. */
  answerSheet: 'enablekit.activeAnswerSheet',
} as const;

type Key = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

/** Keeps the keys true to the active editor: when it changes, and when a lint changes what a file is. */
export class ActiveEditorKeys implements vscode.Disposable {
  private readonly values = new Map<Key, boolean>();
  /** Every key it sets, for the test that holds package.json's `when` clauses to them. */
  readonly names: readonly string[] = Object.values(CONTEXT_KEYS);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ws: CurriculaWorkspace) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      ws.onDidLint(() => this.update()),
    ];
    this.update();
  }

  /** The value last set, for the tests: VS Code offers no way to read a context key back. */
  get(key: string): boolean {
    return this.values.get(key as Key) ?? false;
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const path = uri && this.ws.relative(uri);
    const item = path ? this.ws.lintSession?.index.files.get(path)?.item : undefined;
    const checkpoint = !!item && this.ws.engine().isCheckpoint(item);
    this.set(
      CONTEXT_KEYS.inCurricula,
      !!path && this.ws.lintSession?.index.files.has(path) === true,
    );
    this.set(CONTEXT_KEYS.checkpoint, checkpoint);
    this.set(
      CONTEXT_KEYS.sealedQuiz,
      item?.type === 'quiz' && !!item.key && uri?.scheme !== ANSWERS_SCHEME,
    );
    this.set(CONTEXT_KEYS.answerSheet, !!uri && SHEET_PATH.test(uri.path));
  }

  private set(key: Key, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
