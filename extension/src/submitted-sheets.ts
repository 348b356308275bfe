import * as vscode from 'vscode';

/** What became of a learner's last submit of one checkpoint. */
export interface SheetSubmission {
  login: string;
  checkpoint: string;
  /** The branch the sheet is committed on. */
  branch: string;
  /** The branch the pull request goes into: the one the learner was on when they first submitted. */
  base?: string;
  /** The pull request, once it is open; without it, the sheet is committed but not submitted yet. */
  pr?: { number: number; url: string };
}

const KEY = 'enablekit.submittedSheets';

/**
 * The learner's submits, per checkpoint, kept in the workspace's state: the lenses say
 * "Submitted · pull request #n" until the grade arrives, and a submit that failed half-way
 * is retried against the branch and base it started with, after a reload too.
 */
export class SubmittedSheets implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  of(checkpoint: string): SheetSubmission | undefined {
    return this.memento.get<Record<string, SheetSubmission>>(KEY, {})[checkpoint];
  }

  /** The pull request of the learner's last submit while its grade has not arrived (`graded`: the latest graded pull request). */
  awaitingGrade(checkpoint: string, graded: number | undefined): SheetSubmission['pr'] {
    const pr = this.of(checkpoint)?.pr;
    return pr && (graded === undefined || graded < pr.number) ? pr : undefined;
  }

  async record(s: SheetSubmission): Promise<void> {
    const all = this.memento.get<Record<string, SheetSubmission>>(KEY, {});
    await this.memento.update(KEY, { ...all, [s.checkpoint]: s });
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
