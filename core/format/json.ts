import type { Diagnostic } from '../types.js';

/**
 * The JSON contract other tools rely on: exactly these keys, in this order, and nothing
 * else (fixes are not part of it).
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message,
    })),
    null,
    2,
  );
}
