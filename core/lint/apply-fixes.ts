import type { Diagnostic, TextEdit } from '../types.js';
import { inForm, textForm, toLf } from '../text/line-endings.js';

/**
 * Apply edits to a text, last first so offsets stay valid. An edit that overlaps one
 * already taken is skipped; running fixes again picks it up against the new text.
 */
export function applyEdits(
  text: string,
  edits: readonly TextEdit[],
): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let applied = 0;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.end > floor) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
    applied++;
  }
  return { text: out, applied };
}

/**
 * A file's text with edits made against its LF reading (as every diagnostic is), written
 * back in the file's own form: a CRLF file stays CRLF, a BOM stays.
 */
export function fixText(
  fileText: string,
  edits: readonly TextEdit[],
): { text: string; applied: number } {
  const { text, applied } = applyEdits(toLf(fileText), edits);
  return { text: inForm(text, textForm(fileText)), applied };
}

/**
 * Whether a path (relative, as diagnostics name files) is in the answer-sheet folder: the
 * folder as given (relative to the same place), or a folder of that path deeper down.
 */
function inFolder(file: string, folder: string): boolean {
  const f = folder
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (f === '' || f === '.') return true;
  const path = file.replace(/\\/g, '/');
  return path.startsWith(`${f}/`) || path.includes(`/${f}/`);
}

/**
 * The edits "fix all" applies, by file: every fix but suggestions (a person applies those
 * one at a time), and never in a learner's answer sheet, under `submissions` (the folder
 * the CLI's --submissions or the editor names). The CLI's --fix and the editor's fix-all
 * both take these.
 */
export function bulkFixEdits(
  diagnostics: readonly Diagnostic[],
  submissions: string,
): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const d of diagnostics) {
    if (!d.fix || d.fix.suggestion || inFolder(d.file, submissions)) continue;
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), ...d.fix.edits]);
  }
  return byFile;
}
