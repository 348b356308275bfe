import type { Point, Span } from '../types.js';
import type { TextChange } from './text-change.js';

/** Maps offsets to 1-based line/column in O(log n), built once per file. */
export class LineIndex {
  /** Each line's start offset. Typed: an editor builds one per keystroke, and a growing array left ~6× the garbage. */
  private readonly starts: Int32Array;

  constructor(
    readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Int32Array(lines);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts[line++] = i + 1;
  }

  /**
   * The index of a new version of the text from this one's: lines before the change are
   * kept, lines after it moved; only the changed stretch is searched for line breaks.
   */
  edited(text: string, { head, tail }: TextChange): LineIndex {
    const old = this.starts;
    const oldEnd = this.text.length - tail;
    const newEnd = text.length - tail;
    const delta = text.length - this.text.length;
    // Lines starting at or before `head` follow a line break inside the shared start.
    let kept = 0;
    for (let lo = 0, hi = old.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (old[mid]! <= head) lo = kept = mid + 1;
      else hi = mid;
    }
    // Lines starting past the old change follow a line break inside the shared end.
    let after = old.length;
    for (let lo = kept, hi = old.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (old[mid]! > oldEnd) hi = after = mid;
      else lo = mid + 1;
    }
    let added = 0;
    for (let i = text.indexOf('\n', head); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1))
      added++;
    const starts = new Int32Array(kept + added + old.length - after);
    starts.set(old.subarray(0, kept));
    let k = kept;
    for (let i = text.indexOf('\n', head); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1))
      starts[k++] = i + 1;
    for (let j = after; j < old.length; j++) starts[k++] = old[j]! + delta;
    return new LineIndex(text, starts);
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
