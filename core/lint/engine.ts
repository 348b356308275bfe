import type { Config } from '../config/config.js';
import type { Item } from '../model.js';
import { diagnosticAt, type Diagnostic, type Fix, type Severity, type Span } from '../types.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';
import type { Rule } from './rule.js';
import { sameFix } from './same-fix.js';

/**
 * An editor's re-lint reports mostly what it reported last time, on the same span objects
 * (a kept link's, an unchanged front matter's). The diagnostic made last time is handed
 * out again when it says the same thing at the same place: a big lesson's ~1,000 broken
 * links then cost no allocation per keystroke, and callers tell unchanged ones by identity.
 */
const lastOnSpan = new WeakMap<Span, Diagnostic>();

function reportedAgain(
  file: string,
  span: Span,
  ruleId: string,
  severity: Severity,
  message: string,
  fix: Fix | undefined,
): Diagnostic {
  const d = lastOnSpan.get(span);
  if (
    d &&
    sameFix(d.fix, fix) &&
    d.message === message &&
    d.ruleId === ruleId &&
    d.severity === severity &&
    d.file === file &&
    d.line === span.start.line &&
    d.column === span.start.column &&
    d.endLine === span.end.line &&
    d.endColumn === span.end.column
  )
    return d;
  const fresh = diagnosticAt(file, span, ruleId, severity, message, fix);
  lastOnSpan.set(span, fresh);
  return fresh;
}

export interface LintOptions {
  today: string;
  /** Report only on these files (cross-file rules still see every file). */
  only?: ReadonlySet<string>;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line ||
        a.column - b.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Run rules over an indexed workspace; severities and `off` come from the config. */
export function runRules(
  rules: readonly Rule[],
  index: WorkspaceIndex,
  config: Config,
  options: LintOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const only = options.only;
  // With a few files to report on (an editor's change), their items are looked up, not filtered from all.
  const items: Item[] | undefined = only
    ? [...only].flatMap((f) => index.files.get(f)?.item ?? [])
    : undefined;
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.severity;
    if (setting === 'off') continue;
    rule.check({
      index,
      config,
      today: options.today,
      items: () => items ?? index.items(),
      report(r) {
        if (only && !only.has(r.file) && r.file !== config.file) return;
        out.push(
          only
            ? reportedAgain(r.file, r.span, rule.meta.id, setting, r.message, r.fix)
            : diagnosticAt(r.file, r.span, rule.meta.id, setting, r.message, r.fix),
        );
      },
    });
  }
  return out.sort(compareDiagnostics);
}
