/**
 * The report set on pages: every block broken into the lines the Word export prints (the same page
 * values, the same fonts' advances, Chinese line breaking), the lines filled into pages of
 * `linesPerPage`. The paged preview draws these lines; the page figures count them.
 */
import type { ReportDocument } from './document';
import { BODY_SIZE_TW, pageLayout, reportBlocks, TITLE_SIZE_TW, widthOf, type Block, type ExportOptions, type PageLayout, type Span } from './layout';

/** A piece of one printed line in one style; `src`: its first character's offset in the document. */
export interface Piece {
  text: string;
  level?: 1 | 2 | 3 | 4;
  bold?: boolean;
  src?: number;
}

export type LineKind = 'title' | 'subtitle' | 'heading' | 'paragraph' | 'blank' | 'signature' | 'row';

/** One printed line (or one table row, `lines` grid lines high). */
export interface PageLine {
  kind: LineKind;
  /** Source line of the block the line belongs to. */
  line: number;
  pieces: Piece[];
  /** Justified across the line (every line of a body paragraph but its last). */
  justify: boolean;
  /** Left indent in twips (the first line of a paragraph: two characters). */
  indent: number;
  /** Right indent in twips (the signature). */
  right: number;
  /** A heading's level. */
  level?: 1 | 2 | 3 | 4;
  /** Table rows: the cells' text and the grid lines the row takes; `head` the table's first row. */
  cells?: string[];
  head?: boolean;
  lines: number;
}

export interface PagedReport {
  layout: PageLayout;
  pages: PageLine[][];
}

/**
 * Advance widths of Times New Roman (and its metric twin Liberation Serif) for U+0020–U+007E, in
 * thousandths of an em: the Latin font of every run. % and . as set beside Chinese text (a word
 * processor takes them from the Chinese font there: measured 0.861 and 0.258 em).
 */
const LATIN = [
  250, 333, 408, 500, 500, 861, 778, 180, 333, 333, 500, 564, 250, 333, 258, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/** Width of a character in ems: the Latin font's for ASCII, one em for Chinese characters and the marks set in the Chinese font. */
export function advance(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return LATIN[code - 0x20] / 1000;
  if (code < 0x2e80) {
    if (code === 0x2014 || code === 0x2026 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0x00b7) return 1;
    return 0.5;
  }
  if (code >= 0xff61 && code <= 0xffdc) return 0.5;
  return 1;
}

/** May not start a line (closing marks, pauses, small kana-like marks). */
const NO_START = new Set([...'，。、；：？！）》」』”’】〕〗〉…%‰℃·．,.;:?!)]}'].map((c) => c.codePointAt(0)!));
/** May not end a line (opening marks). */
const NO_END = new Set([...'（《「『“‘【〔〖〈([{'].map((c) => c.codePointAt(0)!));

/** Letters and digits of the Latin font: a run of them (a word, a number) is not broken. */
function isWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f);
}

/**
 * The space word processors put where a Chinese character meets a Latin letter or digit (Word's
 * 自动调整中文与西文/数字的间距, LibreOffice's Asian/non-Asian spacing), in ems: measured on LibreOffice's
 * pages (3.45 pt at 三号); marks such as % and ， get none.
 */
const AUTOSPACE = 0.2156;

function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3134f);
}

/** The autospace between `a` and `b`, in ems. */
function autospace(a: number, b: number): number {
  return (isIdeograph(a) && isWord(b)) || (isWord(a) && isIdeograph(b)) ? AUTOSPACE : 0;
}

/** May a line break fall between `a` and `b`? */
function breakable(a: number, b: number): boolean {
  if (NO_START.has(b) || NO_END.has(a)) return false;
  if (a === 0x2014 && b === 0x2014) return false; // ——
  if (isWord(a) && isWord(b)) return false;
  // a number or word right after a closing mark stays with it: 建设，3个 / 创新。2025年
  if (isWord(b) && NO_START.has(a) && a > 0x7f) return false;
  // within a number or a word: 3.5, 1,000, e-mail, a/b
  if (isWord(b) && (a === 0x2e || a === 0x2c || a === 0x2d || a === 0x2f || a === 0x27)) return false;
  if (b === 0x2d || b === 0x2f) return false;
  return true;
}

/**
 * Where each line of `text` starts (UTF-16 offsets; the first is 0): greedy filling of `width` twips at
 * `size` twips a character plus `spacing`, the first line `first` twips narrower, breaking only where
 * Chinese line breaking allows (a mark that may not start a line takes the character before it along).
 */
export function breakLines(text: string, width: number, size: number, spacing: number, first = 0): number[] {
  const starts = [0];
  if (!text) return starts;
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    codes.push(c);
    offsets.push(i);
    i += c > 0xffff ? 2 : 1;
  }
  let s = 0; // index (in codes) of the current line's first character
  let used = first;
  for (let i = 0; i < codes.length; i++) {
    // a little space where Chinese text meets Latin letters or digits (word processors' autospace)
    const w = advance(codes[i]) * size + spacing + (i > s ? autospace(codes[i - 1], codes[i]) * size : 0);
    // a space at a line's end may stand in the margin; 2 twips: the word processor's rounding
    if (used + w <= width - 2 || i === s || codes[i] === 0x20) {
      used += w;
      continue;
    }
    // codes[i] does not fit: break before it, or at the last place before it where a break may fall
    let b = i;
    while (b > s + 1 && !breakable(codes[b - 1], codes[b])) b--;
    if (b === s + 1 && !breakable(codes[s], codes[s + 1])) b = i; // one unbreakable run longer than a line: cut it
    starts.push(offsets[b]);
    s = b;
    used = 0;
    i = b - 1;
  }
  return starts;
}

/** Table rows: the lines each row's longest cell needs (Latin text counted as wide as it can be, so that no text is cut off). */
export function tableRowLines(rows: string[][], layout: PageLayout): number[] {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const cell = Math.floor(layout.areaWidth / columns);
  const perLine = Math.max(1, Math.floor((cell - 2 * CELL_MARGIN) / (BODY_SIZE_TW + layout.charSpacing)));
  const linesOf = (text: string) => {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      w += c < 0x2e80 && advance(c) < 1 ? Math.max(advance(c), 0.6) : advance(c);
    }
    return Math.max(1, Math.ceil(w / perLine));
  };
  return rows.map((row) => Math.max(1, ...row.map(linesOf)));
}

/** Cell margins (left and right) of Word's default table style, in twips. */
export const CELL_MARGIN = 108;

/** Cuts `spans` at the offsets `starts` (into their joined text): one list of pieces a line. */
function cut(spans: Span[], starts: number[]): Piece[][] {
  const out: Piece[][] = starts.map(() => []);
  let base = 0;
  for (const s of spans) {
    const end = base + s.text.length;
    for (let k = 0; k < starts.length; k++) {
      const from = Math.max(base, starts[k]);
      const to = Math.min(end, k + 1 < starts.length ? starts[k + 1] : Infinity);
      if (to <= from) continue;
      const piece: Piece = { text: s.text.slice(from - base, to - base) };
      if (s.level) piece.level = s.level;
      if (s.bold) piece.bold = true;
      if (s.src !== undefined) piece.src = s.src + from - base;
      out[k].push(piece);
    }
    base = end;
  }
  return out;
}

/** The printed lines of one block. */
export function blockPageLines(b: Block, layout: PageLayout): PageLine[] {
  const size = BODY_SIZE_TW;
  const sp = layout.charSpacing;
  const area = layout.areaWidth;
  const make = (kind: LineKind, pieces: Piece[][], o: Partial<PageLine> & { justifyAll?: boolean } = {}): PageLine[] =>
    pieces.map((p, k) => ({
      kind,
      line: b.line,
      pieces: p,
      justify: !!o.justifyAll && k + 1 < pieces.length,
      indent: k === 0 ? (o.indent ?? 0) : 0,
      right: o.right ?? 0,
      ...(o.level ? { level: o.level } : {}),
      lines: 1,
    }));
  switch (b.kind) {
    case 'blank':
      return [{ kind: 'blank', line: b.line, pieces: [], justify: false, indent: 0, right: 0, lines: 1 }];
    case 'title':
    case 'subtitle': {
      const title = b.kind === 'title';
      const starts = breakLines(b.text, area, title ? TITLE_SIZE_TW : size, title ? 0 : sp);
      return make(b.kind, cut([{ text: b.text, src: b.src }], starts));
    }
    case 'signature': {
      const char = size + sp;
      const right = Math.round(2 * char + ((b.width - widthOf(b.text)) / 2) * char);
      const starts = breakLines(b.text, area - right, size, sp);
      return make('signature', cut([{ text: b.text, src: b.src }], starts), { right });
    }
    case 'table': {
      const heights = tableRowLines(b.rows, layout);
      return b.rows.map((row, k) => ({ kind: 'row', line: b.line + (k === 0 ? 0 : k + 1), pieces: [], cells: row, head: k === 0, justify: false, indent: 0, right: 0, lines: heights[k] }));
    }
    case 'heading':
    case 'paragraph': {
      const indent = b.kind === 'heading' || b.indent ? 2 * size : 0;
      const text = b.spans.map((s) => s.text).join('');
      const starts = breakLines(text, area, size, sp, indent);
      return make(b.kind, cut(b.spans, starts), { indent, justifyAll: true, level: b.kind === 'heading' ? b.level : undefined });
    }
  }
}

/** The report on pages: its blocks' lines, `linesPerPage` grid lines a page (a table row is not split). */
export function paginate(doc: ReportDocument, options: ExportOptions = {}): PagedReport {
  const layout = pageLayout(options);
  const per = layout.options.linesPerPage;
  const pages: PageLine[][] = [[]];
  let used = 0;
  for (const b of reportBlocks(doc)) {
    for (const l of blockPageLines(b, layout)) {
      if (used + l.lines > per && used > 0) {
        pages.push([]);
        used = 0;
      }
      pages[pages.length - 1].push(l);
      used += l.lines;
    }
  }
  return { layout, pages };
}

/** The report on pages, set once per document version and options (the status bar, hovers and the preview share it). */
export function pagedOf(doc: ReportDocument, options: ExportOptions = {}): PagedReport {
  return doc.memo(`paged:${JSON.stringify(options)}`, () => paginate(doc, options));
}

/** Pages the report fills at the layout (GB/T 9704 by default). */
export function estimateLayoutPages(doc: ReportDocument, options: ExportOptions = {}): number {
  return pageStarts(doc, options).length;
}

/**
 * The source line each page starts on (the first page on line 0): a paragraph that runs over a page's
 * end starts the next page where it began (a cursor in it is on the page it starts on).
 */
export function pageStarts(doc: ReportDocument, options: ExportOptions = {}): number[] {
  return doc.memo(`pageStarts:${JSON.stringify(options)}`, () => pagedOf(doc, options).pages.map((p, k) => (k === 0 ? 0 : p[0]?.line ?? 0)));
}

/** The page (1-based) that holds source line `line`, by pageStarts. */
export function pageOfLine(starts: readonly number[], line: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
