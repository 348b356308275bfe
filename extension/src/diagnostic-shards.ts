import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/types.js';
import { toVsDiagnostic } from './diagnostic-map.js';

/** Lines per block; the blocks of a file are dealt round the collections. */
const BLOCK_LINES = 32;
const SHARDS = 16;

/** What VS Code shows of a diagnostic; a fix's offsets are read from core when asked for. */
function shownAlike(a: CoreDiagnostic, b: CoreDiagnostic): boolean {
  return (
    a === b ||
    (a.line === b.line &&
      a.column === b.column &&
      a.endLine === b.endLine &&
      a.endColumn === b.endColumn &&
      a.severity === b.severity &&
      a.ruleId === b.ruleId &&
      a.message === b.message)
  );
}

/**
 * The extension's diagnostics, each file's spread over several collections by line block.
 * VS Code converts and sends every diagnostic a collection holds for a file each time the
 * file's list is set: ~6 ms for a big lesson's 1,000 broken links, on every keystroke that
 * moved one. Spread, a keystroke hands on only the blocks whose diagnostics changed.
 */
export class DiagnosticShards implements vscode.Disposable {
  private readonly collections: vscode.DiagnosticCollection[];
  /** Per file, the list last set and what each collection was given of it. */
  private readonly shown = new Map<
    string,
    { list: readonly CoreDiagnostic[]; shards: CoreDiagnostic[][] }
  >();
  private readonly converted = new WeakMap<CoreDiagnostic, vscode.Diagnostic>();

  constructor(name: string) {
    this.collections = Array.from({ length: SHARDS }, (_, k) =>
      vscode.languages.createDiagnosticCollection(k ? `${name}-${k}` : name),
    );
  }

  /** Show a file's diagnostics; false when VS Code was shown them already (the very list, or its equal). */
  set(uri: vscode.Uri, list: readonly CoreDiagnostic[]): boolean {
    const key = uri.toString();
    const before = this.shown.get(key);
    if (before?.list === list || (!before && !list.length)) return false;
    const now: CoreDiagnostic[][] = Array.from({ length: SHARDS }, () => []);
    for (const d of list) now[Math.floor((d.line - 1) / BLOCK_LINES) % SHARDS]!.push(d);
    let changed = false;
    for (let k = 0; k < SHARDS; k++) {
      const fresh = now[k]!;
      const old = before?.shards[k] ?? [];
      if (fresh.length === old.length && fresh.every((d, i) => shownAlike(d, old[i]!))) continue;
      this.collections[k]!.set(uri, fresh.length ? fresh.map((d) => this.convert(d)) : undefined);
      changed = true;
    }
    if (list.length) this.shown.set(key, { list, shards: now });
    else this.shown.delete(key);
    return changed;
  }

  delete(uri: vscode.Uri): boolean {
    if (!this.shown.delete(uri.toString())) return false;
    for (const c of this.collections) c.delete(uri);
    return true;
  }

  dispose(): void {
    this.shown.clear();
    for (const c of this.collections) c.dispose();
  }

  /** A diagnostic unchanged since the last keystroke keeps its VS Code object. */
  private convert(d: CoreDiagnostic): vscode.Diagnostic {
    let v = this.converted.get(d);
    if (!v) this.converted.set(d, (v = toVsDiagnostic(d)));
    return v;
  }
}
