/** A point in a source file. Lines and columns are 1-based; offset is 0-based in UTF-16 units. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A replacement of the text between two offsets: the one way every adapter applies a fix. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
  /**
   * A suggestion is applied one at a time by a person who means it (the editor's quick
   * fix), never in bulk by `lint --fix` or fix-all, which list it instead: it is a guess
   * (the nearest known id to a typo) or a claim (marking an item verified says someone
   * checked it). A fix without it is safe: the only text the rule accepts there.
   */
  suggestion?: boolean;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  fix?: Fix;
}

export function diagnosticAt(
  file: string,
  span: Span,
  ruleId: string,
  severity: Severity,
  message: string,
  fix?: Fix,
): Diagnostic {
  const d: Diagnostic = {
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    severity,
    ruleId,
    message,
  };
  if (fix) d.fix = fix;
  return d;
}

export const FILE_START: Span = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};
