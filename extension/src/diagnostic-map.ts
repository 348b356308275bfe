import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/types.js';
import { ruleDocsUrl } from '../../core/lint/rule.js';

/** Core's 1-based line and column (UTF-16, as VS Code counts) to a VS Code range. */
export function rangeOf(
  d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>,
): vscode.Range {
  return new vscode.Range(
    d.line - 1,
    d.column - 1,
    Math.max(d.endLine, d.line) - 1,
    d.endLine > d.line || d.endColumn > d.column ? d.endColumn - 1 : d.column - 1,
  );
}

export function toVsDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const v = new vscode.Diagnostic(
    rangeOf(d),
    d.message,
    d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  v.source = 'enablekit';
  v.code = { value: d.ruleId, target: vscode.Uri.parse(ruleDocsUrl(d.ruleId)) };
  return v;
}
