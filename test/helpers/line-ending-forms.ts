import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inForm, type TextForm } from '../../core/text/line-endings.js';

/** The forms a file may take besides plain LF. */
export const FORMS: Record<string, TextForm> = {
  crlf: { eol: '\r\n', bom: false },
  bom: { eol: '\n', bom: true },
  'crlf+bom': { eol: '\r\n', bom: true },
};

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** A copy of a folder with every Markdown and YAML file rewritten in a form, as a Windows checkout or editor writes it. */
export function copyAs(source: string, form: TextForm): string {
  const dir = mkdtempSync(join(tmpdir(), 'enablekit-eol-'));
  cpSync(source, dir, { recursive: true });
  for (const f of filesUnder(dir)) {
    if (/\.(md|yml)$/.test(f))
      writeFileSync(join(dir, f), inForm(readFileSync(join(dir, f), 'utf8'), form));
  }
  return dir;
}
