import * as vscode from 'vscode';
import type { Item, Track } from '../../core/model.js';
import type { CurriculaWorkspace } from './curricula-workspace.js';
import type { LearnerProgress } from './learner-progress.js';
import type { SubmittedSheets } from './submitted-sheets.js';

type Node =
  { kind: 'item'; item: Item; parent?: Track } | { kind: 'group'; label: string; items: Item[] };

const ICONS: Record<Item['type'], string> = {
  track: 'list-tree',
  module: 'book',
  quiz: 'checklist',
  scenario: 'comment-discussion',
  reflection: 'lightbulb',
  survey: 'feedback',
};

/** Tracks → modules → checkpoints, filtered by role, with each file's problem count and freshness. */
export class CurriculaTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  role: string | undefined;

  constructor(
    private readonly ws: CurriculaWorkspace,
    private readonly progress: LearnerProgress,
    private readonly submitted: SubmittedSheets,
  ) {
    ws.onDidLint(() => this.changed.fire(undefined));
    progress.onDidChange(() => this.changed.fire(undefined));
    submitted.onDidChange(() => this.changed.fire(undefined));
  }

  async pickRole(): Promise<void> {
    const config = this.ws.lintSession?.currentConfig;
    const roles = config
      ? [...config.roles.values()].map((r) => ({ label: r.id, description: r.title ?? '' }))
      : [];
    const pick = await vscode.window.showQuickPick(
      [{ label: 'All roles', description: '' }, ...roles],
      { placeHolder: 'Show the curricula of which role?' },
    );
    if (!pick) return;
    this.role = pick.label === 'All roles' ? undefined : pick.label;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const index = this.ws.lintSession?.index;
    if (!index) return [];
    if (!node) {
      const tracks = [...index.items()].filter(
        (i): i is Track => i.type === 'track' && (!this.role || i.roles.includes(this.role)),
      );
      tracks.sort((a, b) =>
        a.phase === b.phase ? a.title.localeCompare(b.title) : a.phase === 'foundation' ? -1 : 1,
      );
      const inTracks = new Set(tracks.flatMap((t) => t.modules.map((m) => m.module)));
      const loose = this.role
        ? []
        : [...index.items()].filter((i) => i.type === 'module' && !inTracks.has(i.id));
      return [
        ...tracks.map((item): Node => ({ kind: 'item', item })),
        ...(loose.length
          ? [{ kind: 'group' as const, label: 'Modules in no track', items: loose }]
          : []),
      ];
    }
    if (node.kind === 'group') return node.items.map((item) => ({ kind: 'item', item }));
    if (node.item.type === 'track') {
      const track = node.item;
      return track.modules.flatMap((m) => {
        const item = index.item(m.module);
        return item ? [{ kind: 'item' as const, item, parent: track }] : [];
      });
    }
    if (node.item.type === 'module')
      return index.checkpointsOf(node.item.id).map((item) => ({ kind: 'item', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group')
      return new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    const { item } = node;
    const ti = new vscode.TreeItem(
      item.title || item.id,
      item.type === 'track' || item.type === 'module'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    const problems = this.ws.coreDiagnostics(item.file);
    const errors = problems.filter((d) => d.severity === 'error').length;
    const warnings = problems.length - errors;
    const config = this.ws.lintSession?.currentConfig;
    const stale = config
      ? this.ws.engine().freshnessVerdict(item, config, this.ws.today()).status === 'stale'
      : false;
    const mine = this.learnerState(item);
    const notes = [
      item.type === 'track' ? item.phase : item.type,
      mine?.label ?? '',
      errors ? `${errors} error${errors > 1 ? 's' : ''}` : '',
      warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '',
      stale ? 'stale' : '',
    ].filter(Boolean);
    ti.description = notes.join(' · ');
    ti.tooltip = `${item.type} ${item.id}\n${item.file}${stale ? '\nNeeds review against the current product' : ''}${mine?.detail ? `\n${mine.detail}` : ''}`;
    // An author's problems come first; then the learner's own progress; then staleness.
    ti.iconPath = errors
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : mine
        ? new vscode.ThemeIcon(
            mine.icon,
            mine.color ? new vscode.ThemeColor(mine.color) : undefined,
          )
        : new vscode.ThemeIcon(stale ? 'history' : ICONS[item.type]);
    ti.resourceUri = this.ws.uriOf(item.file);
    ti.command = { command: 'vscode.open', title: 'Open', arguments: [this.ws.uriOf(item.file)] };
    ti.contextValue = item.type;
    ti.id = `${node.parent?.id ?? ''}/${item.id}`;
    return ti;
  }

  /** The learner's standing on a checkpoint or module, when their progress has been read. */
  private learnerState(
    item: Item,
  ): { label: string; icon: string; color?: string; detail?: string } | undefined {
    if (item.type === 'module') {
      const status = this.progress.moduleStatus(item.id);
      const state = status?.state;
      if (state === 'locked') return { ...STATES.locked, detail: lockedDetail(status?.locked) };
      return state && state !== 'not-started' && state !== 'open' ? STATES[state] : undefined;
    }
    const result = this.progress.resultOf(item.id);
    // Locked only once the learner's progress is read: before, nothing is known of their passes.
    const gate =
      !result && this.progress.login && this.ws.engine().isCheckpoint(item)
        ? this.progress.gate(item.id, this.progress.login)
        : undefined;
    if (gate && !gate.open && gate.mode !== 'off')
      return {
        ...STATES.locked,
        detail: lockedDetail(
          gate.reasons.map((r) => r.text),
          gate.mode,
        ),
      };
    // A pull request waiting for its grade is what the learner wants to see, before an older grade.
    const waiting = this.submitted.awaitingGrade(item.id, result?.latest.pr);
    if (waiting)
      return {
        label: `submitted · pull request #${waiting.number}`,
        icon: 'git-pull-request',
        detail: `Submitted as pull request #${waiting.number}, waiting for its grade${result ? `\nBefore: ${this.ws.engine().resultLine(result)}` : ''}`,
      };
    if (!result) return undefined;
    const look = result.passed
      ? STATES.passed
      : result.recertify
        ? STATES.recertify
        : STATES.failed;
    return { ...look, detail: this.ws.engine().resultLine(result) };
  }
}

const STATES = {
  passed: { label: 'passed', icon: 'pass-filled', color: 'testing.iconPassed' },
  failed: { label: 'not passed yet', icon: 'circle-slash', color: 'testing.iconFailed' },
  submitted: { label: 'submitted', icon: 'clock' },
  overdue: { label: 'overdue', icon: 'warning', color: 'problemsWarningIcon.foreground' },
  recertify: { label: 'to recertify', icon: 'history', color: 'problemsWarningIcon.foreground' },
  locked: { label: 'locked', icon: 'lock' },
};

function lockedDetail(reasons: readonly string[] = [], mode?: string): string {
  const then =
    mode === 'strict'
      ? '\nUntil then the Action does not grade it.'
      : mode === 'advisory'
        ? '\nThe Action grades it anyway and says it was taken out of order.'
        : '';
  return `Locked: ${reasons.join(' ')}${then}`;
}
