import type { Position, Range } from './lsp-types';

/**
 * Appends the line breaks of text[from, to) to a line table: for each break, the end of the line it
 * closes to `ends` and the start of the next line to `starts`.
 */
export function scanLines(text: string, from: number, to: number, starts: number[], ends: number[]): void {
  const n = text.length;
  const cr = text.indexOf('\r', from);
  if (cr === -1 || cr >= to) {
    // only \n: the native search is several times faster than a loop over every code unit
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      ends.push(i);
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      ends.push(i);
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

/**
 * Maps UTF-16 offsets to LSP positions and back. Lines end at `\n`, `\r\n` or `\r`, as LSP defines them.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** Offset just past each line's content (before its line break). */
  readonly lineEnds: number[];

  constructor(readonly text: string, lines?: { starts: number[]; ends: number[] }) {
    if (lines) {
      this.lineStarts = lines.starts;
      this.lineEnds = lines.ends;
      return;
    }
    const starts = [0];
    const ends: number[] = [];
    scanLines(text, 0, text.length, starts, ends);
    ends.push(text.length);
    this.lineStarts = starts;
    this.lineEnds = ends;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  private lastLine = 0;

  /** The line containing `offset` (an offset on a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    // findings come in text order: the line of the previous call, or the next one, is the usual answer
    const h = this.lastLine;
    if (starts[h] <= offset && (h + 1 >= starts.length || offset < starts[h + 1])) return h;
    if (h + 1 < starts.length && starts[h + 1] <= offset && (h + 2 >= starts.length || offset < starts[h + 2])) return (this.lastLine = h + 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    // an offset inside a \r\n pair is clamped to the end of the line's content
    const character = Math.min(o, this.lineEnds[line]) - this.lineStarts[line];
    return { line, character };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    return Math.max(start, Math.min(start + Math.max(0, pos.character), this.lineEnds[pos.line]));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnds[line]);
  }
}
