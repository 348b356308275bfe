import * as vscode from 'vscode';
import type { QuestionResult, SurveyResult } from '../../core/progress/survey-results.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import type { GitHubToken } from './github-token.js';
import { readCohortRecords } from './cohort-records.js';

/**
 * A survey's results for authors, above each of its questions: per occasion, a rating's mean
 * and n, each choice's count, how many wrote free text. Read on "Show survey results" from
 * every learner's progress issue, worked out by core's surveyResults, as `enablekit progress
 * --surveys --repo` does; the full results, free text with who wrote it, open beside.
 */
export class SurveyResultsLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** The results last read; undefined until the author asks for them. */
  results: SurveyResult[] | undefined;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly token: GitHubToken,
  ) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const path = this.ws.relative(doc.uri);
    const item = path ? this.ws.lintSession?.index.files.get(path)?.item : undefined;
    const result = this.results?.find((r) => r.survey === item?.id);
    if (item?.type !== 'survey' || !result) return [];
    const lens = (line: number, title: string) =>
      new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title,
        command: 'enablekit.showSurveyResults',
      });
    const responses = result.occasions.map((o) => `${o.id}: ${o.responses}`).join(' · ');
    return [
      lens(Math.max(0, item.idSpan.start.line - 1), `$(feedback) Responses: ${responses}`),
      ...item.questions.map((q, i) =>
        lens(
          q.span.start.line - 1,
          `$(graph) ${result.occasions.map((o) => `${o.id}: ${figures(o.questions[i])}`).join(' · ')}`,
        ),
      ),
    ];
  }

  /** Read every learner's records, work the results out, and open them in full. */
  async refresh(): Promise<boolean> {
    const read = await readCohortRecords(this.ws, this.token);
    if ('problem' in read) {
      void vscode.window.showWarningMessage(`enablekit: ${read.problem}`);
      return false;
    }
    const engine = this.ws.engine();
    this.results = engine.surveyResults(this.ws.lintSession!.index, read.records);
    this.changed.fire();
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `## Feedback on the training\n\n${engine.surveyResultsMarkdown(this.results, true)}\n`,
    });
    await vscode.window.showTextDocument(doc, {
      preview: false,
      viewColumn: vscode.ViewColumn.Beside,
    });
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `mean 4.2 (n 5)`, `Lessons 2, Quizzes 3`, `3 written`. */
function figures(q: QuestionResult | undefined): string {
  if (!q || !q.n) return 'no answers';
  if (q.kind === 'rating') return `mean ${q.mean} (n ${q.n})`;
  if (q.kind === 'choice')
    return Object.entries(q.distribution ?? {})
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return `${q.n} written`;
}

export function registerSurveyResults(
  ws: CurriculaWorkspace,
  token: GitHubToken,
): { lens: SurveyResultsLens; disposables: vscode.Disposable[] } {
  const lens = new SurveyResultsLens(ws, token);
  return {
    lens,
    disposables: [
      lens,
      vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lens),
      vscode.commands.registerCommand('enablekit.showSurveyResults', () => lens.refresh()),
    ],
  };
}
