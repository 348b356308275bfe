import * as vscode from 'vscode';
import type { ItemAnalysis, ItemStats } from '../../core/analysis/item-analysis.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import type { GitHubToken } from './github-token.js';
import { readCohortRecords } from './cohort-records.js';

/**
 * Item analysis for authors, above each question of a quiz: how often it is answered right,
 * how well it tells stronger learners from weaker ones, each choice's picks and the flags. Read
 * on "Show item analysis" from every learner's progress issue (as `enablekit progress --items
 * --repo` reads them), worked out by core's itemAnalysis through the engine bundle.
 */
export class ItemAnalysisLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** The analysis last read; undefined until the author asks for it. */
  analysis: ItemAnalysis | undefined;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly token: GitHubToken,
  ) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.analysis) return [];
    const path = this.ws.relative(doc.uri);
    const item = path ? this.ws.lintSession?.index.files.get(path)?.item : undefined;
    if (item?.type !== 'quiz') return [];
    const engine = this.ws.engine();
    const basis = engine.basisText(this.analysis);
    return this.analysis.items
      .filter((s) => s.checkpoint === item.id)
      .map((s) => {
        const line = Math.max(0, Math.min(doc.lineCount - 1, s.line - 1));
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: lensTitle(s, engine),
          tooltip: basis,
          command: 'enablekit.showItemAnalysis',
        });
      });
  }

  /** Read every learner's records and work the analysis out again; the lenses show it. */
  async refresh(): Promise<boolean> {
    await this.ws.ready;
    const session = this.ws.lintSession;
    const say = (message: string) => (
      void vscode.window.showWarningMessage(`enablekit: ${message}`),
      false
    );
    if (!session) return say('open a folder with an enablekit.yml first.');
    const read = await readCohortRecords(this.ws, this.token);
    if ('problem' in read) return say(read.problem);
    const { records } = read;
    const engine = this.ws.engine();
    this.analysis = engine.itemAnalysis(
      session.index,
      records,
      session.currentConfig.policies.itemMinAnswers,
    );
    this.changed.fire();
    const flagged = this.analysis.items.filter((s) => s.flags.length).length;
    void vscode.window.showInformationMessage(
      `enablekit: item analysis of ${this.analysis.items.length} question(s) from ${this.analysis.attempts} first attempt(s): ${flagged} flagged. It shows above each question of a quiz.`,
    );
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `62% right · r = 0.31 · n = 48 · a 12 · b✓ 30 · ⚑ too easy: …` */
function lensTitle(
  s: ItemStats,
  engine: Pick<ReturnType<CurriculaWorkspace['engine']>, 'figuresText' | 'flagText'>,
): string {
  const picks = (s.choices ?? []).map((c) => `${c.letter}${c.key ? '✓' : ''} ${c.picks}`);
  const flags = s.flags.map((f) => `⚑ ${engine.flagText(f)}`);
  return `$(graph) ${[engine.figuresText(s), ...picks, ...flags].join(' · ')}`;
}

export function registerItemAnalysis(
  ws: CurriculaWorkspace,
  token: GitHubToken,
): { lens: ItemAnalysisLens; disposables: vscode.Disposable[] } {
  const lens = new ItemAnalysisLens(ws, token);
  return {
    lens,
    disposables: [
      lens,
      vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lens),
      vscode.commands.registerCommand('enablekit.showItemAnalysis', () => lens.refresh()),
    ],
  };
}
