import type { Diagnostic } from '../types.js';

export interface StylishOptions {
  color: boolean;
}

/** ESLint-style output: a block per file, then a summary line. */
export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint('4', file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    for (const d of list) {
      const sev = d.severity === 'error' ? paint('31', 'error  ') : paint('33', 'warning');
      out.push(
        `  ${`${d.line}:${d.column}`.padEnd(width)}  ${sev}  ${d.message}  ${paint('2', d.ruleId)}`,
      );
    }
    out.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) {
    const fixable = diagnostics.filter((d) => d.fix && !d.fix.suggestion).length;
    out.push(
      paint(
        errors ? '31;1' : '33;1',
        `✖ ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
      ),
    );
    if (fixable) out.push(`  ${fixable} can be fixed with --fix`);
    // Listed, never applied: each is a guess (or a claim) a person accepts one at a time.
    const suggested = diagnostics.filter((d) => d.fix?.suggestion).length;
    if (suggested)
      out.push(
        `  ${suggested} ${suggested === 1 ? 'has a suggested fix' : 'have suggested fixes'} that --fix leaves alone: accept ${suggested === 1 ? 'it' : 'each'} from the editor's quick fixes, or edit the file`,
      );
  }
  return out.join('\n');
}
