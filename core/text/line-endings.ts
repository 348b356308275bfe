/**
 * Every text enablekit reads is read as LF without a byte-order mark, so a checkout made
 * with Git for Windows' `core.autocrlf=true` (CRLF) or a file saved with a BOM gives the
 * same model, lines and columns as the LF one: a line's `\r` sits after its last column,
 * so positions do not move. What is written back keeps the file's own form.
 */

export type LineEnding = '\n' | '\r\n' | '\r';

/** How a file ends its lines and whether it starts with a BOM: what a rewrite of it keeps. */
export interface TextForm {
  eol: LineEnding;
  bom: boolean;
}

const BOM = 0xfeff;

/** The text with its BOM dropped and CRLF and lone CR as LF. */
export function toLf(text: string): string {
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  // The common case, an LF file, costs one native scan and no copy.
  return body.indexOf('\r') === -1 ? body : body.replace(/\r\n?/g, '\n');
}

/**
 * A file's line ending (the one it uses most, LF on a tie or when it has one line: a
 * rewrite of a file with mixed endings uses that one throughout, as an editor does) and
 * its BOM.
 */
export function textForm(text: string): TextForm {
  const bom = text.charCodeAt(0) === BOM;
  if (text.indexOf('\r') === -1) return { eol: '\n', bom };
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x0a) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const eol: LineEnding = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { eol, bom };
}

/** An LF text written in a file's form. */
export function inForm(lfText: string, form: TextForm): string {
  const body = form.eol === '\n' ? lfText : lfText.replace(/\n/g, form.eol);
  return form.bom ? `\ufeff${body}` : body;
}

/**
 * From an offset in `toLf(original)` to the same place in `original`: for an editor that
 * places edits by offset in its own (CRLF) text. An offset at a line's end is placed
 * before its `\r\n`, so an insertion there stays on that line.
 */
export function originalOffsets(original: string): (lfOffset: number) => number {
  const bom = original.charCodeAt(0) === BOM ? 1 : 0;
  // LF offsets at which a `\r` of a CRLF was dropped (the `\n` that followed it).
  const dropped: number[] = [];
  for (let i = original.indexOf('\r\n'); i !== -1; i = original.indexOf('\r\n', i + 2))
    dropped.push(i - bom - dropped.length);
  return (offset) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo + bom;
  };
}
