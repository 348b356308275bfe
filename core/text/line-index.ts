import type { Point, Span } from '../types.js';

/** Maps offsets to 1-based line/column in O(log n), built once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }

  /**
   * The point at a 1-based line and column, as a parser reports them: when the column is
   * on its line, no search is needed.
   */
  pointAt(line: number, column: number): Point {
    const start = this.starts[line - 1];
    if (start !== undefined && column >= 1) {
      const next = line < this.starts.length ? this.starts[line]! : this.text.length + 1;
      const offset = start + column - 1;
      if (offset < next) return { line, column, offset };
    }
    return this.point(this.offsetAt(line, column));
  }

  /** The offset of a 1-based line and column, as a parser reports them. */
  offsetAt(line: number, column: number): number {
    return Math.min(this.text.length, this.lineStart(line) + column - 1);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** The span of a whole line without its line break. */
  lineSpan(line: number): Span {
    const start = this.lineStart(line);
    let end = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.span(start, end);
  }
}
