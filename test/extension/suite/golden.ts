import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, until } from './helpers.js';

/** The golden fixtures give the same diagnostics in the editor as `enablekit lint --format json`. */
export function registerGoldenSuite(folder: string): void {
  describe('golden fixture in the editor', () => {
    it("publishes exactly the diagnostics of expected.json (the CLI's)", async () => {
      await vscode.workspace
        .getConfiguration('enablekit')
        .update('today', '2026-11-22', vscode.ConfigurationTarget.Workspace);
      const api = await activated();
      const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as {
        file: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
        severity: string;
        ruleId: string;
        message: string;
      }[];
      const shape = () =>
        vscode.languages
          .getDiagnostics()
          .flatMap(([uri, ds]) =>
            ds
              .filter((d) => d.source === 'enablekit')
              .map((d) => ({
                file: api.workspace.relative(uri) ?? uri.path,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning',
                ruleId: typeof d.code === 'object' ? String(d.code.value) : '',
                message: d.message,
              })),
          )
          .sort((a, b) =>
            a.file < b.file
              ? -1
              : a.file > b.file
                ? 1
                : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1),
          );
      await until('the first diagnostics', () => shape().length >= expected.length);
      assert.deepEqual(
        shape(),
        expected.map(({ file, line, column, endLine, endColumn, severity, ruleId, message }) => ({
          file,
          line,
          column,
          endLine,
          endColumn,
          severity,
          ruleId,
          message,
        })),
      );
    });
  });
}
