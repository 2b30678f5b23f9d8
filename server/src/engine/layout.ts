/**
 * The printed report: GB/T 9704-2012 page values (configurable where units differ) and the report as
 * blocks to set on the page — title, subtitle lines, headings by level, body paragraphs, tables, blank
 * lines. The Word export writes these blocks; the page estimate counts their lines.
 */
import { commentSpans, type ReportDocument } from './document';

/** `export` in .gongwen.json and `gongwen.export.*` in the settings. */
export interface ExportOptions {
  /** Font of the title (GB/T 9704: 小标宋体). */
  titleFont?: string;
  /** Font of the lines under the title (date, author). */
  subtitleFont?: string;
  /** Font of the body (仿宋体). */
  bodyFont?: string;
  /** Fonts of the heading levels 一、 （一） 1. （1）. */
  heading1Font?: string;
  heading2Font?: string;
  heading3Font?: string;
  heading4Font?: string;
  /** Font of Latin letters and digits. */
  latinFont?: string;
  /** Lines per page and characters per line (GB/T 9704: 22 × 28). */
  linesPerPage?: number;
  charsPerLine?: number;
  /** Line pitch in pt; by default the type area's height divided by linesPerPage (28.95 pt). */
  linePitch?: number;
  /** Margins in mm: 天头 37, 订口 28, right 26, bottom 35. */
  marginTop?: number;
  marginBottom?: number;
  marginLeft?: number;
  marginRight?: number;
  /** Page numbers — N — in the footer. */
  pageNumbers?: boolean;
  /** outside: odd pages right, even pages left (GB/T 9704); or all centred / right. */
  pageNumberAlign?: 'outside' | 'center' | 'right';
}

export const DEFAULT_EXPORT: Required<Omit<ExportOptions, 'linePitch'>> = {
  titleFont: '方正小标宋简体',
  subtitleFont: '楷体_GB2312',
  bodyFont: '仿宋_GB2312',
  heading1Font: '黑体',
  heading2Font: '楷体_GB2312',
  heading3Font: '仿宋_GB2312',
  heading4Font: '仿宋_GB2312',
  latinFont: 'Times New Roman',
  linesPerPage: 22,
  charsPerLine: 28,
  marginTop: 37,
  marginBottom: 35,
  marginLeft: 28,
  marginRight: 26,
  pageNumbers: true,
  pageNumberAlign: 'outside',
};

const FONT_KEYS = ['titleFont', 'subtitleFont', 'bodyFont', 'heading1Font', 'heading2Font', 'heading3Font', 'heading4Font', 'latinFont'] as const;
const MARGIN_KEYS = ['marginTop', 'marginBottom', 'marginLeft', 'marginRight'] as const;
export const EXPORT_KEYS: readonly string[] = [...FONT_KEYS, 'linesPerPage', 'charsPerLine', 'linePitch', ...MARGIN_KEYS, 'pageNumbers', 'pageNumberAlign'];

/** Checks untrusted export options; what is invalid is reported (with its path under `export`) and left at the default. */
export function validateExportOptions(raw: unknown, problems: { path: string; message: string }[]): ExportOptions {
  const out: ExportOptions = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: 'export', message: '“export”应为对象，例如 { "bodyFont": "仿宋_GB2312" }。' });
    return out;
  }
  const obj = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    const path = `export.${key}`;
    if (value === null || value === undefined) continue; // unset: the default
    if ((FONT_KEYS as readonly string[]).includes(key)) {
      // a font name only: it is written into the document, never looked up or loaded
      if (typeof value === 'string' && value.trim() && value.length <= 64 && !/[\u0000-\u001f<>&"]/.test(value)) out[key as (typeof FONT_KEYS)[number]] = value.trim();
      else problems.push({ path, message: `“${key}”应为字体名称（1～64 个字符），已使用默认值 ${DEFAULT_EXPORT[key as (typeof FONT_KEYS)[number]]}。` });
    } else if ((MARGIN_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'number' && value >= 5 && value <= 80) out[key as (typeof MARGIN_KEYS)[number]] = value;
      else problems.push({ path, message: `“${key}”应为 5～80 之间的数（单位毫米），已使用默认值 ${DEFAULT_EXPORT[key as (typeof MARGIN_KEYS)[number]]}。` });
    } else if (key === 'linesPerPage' || key === 'charsPerLine') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 10 && value <= 60) out[key] = value;
      else problems.push({ path, message: `“${key}”应为 10～60 之间的整数，已使用默认值 ${DEFAULT_EXPORT[key]}。` });
    } else if (key === 'linePitch') {
      if (typeof value === 'number' && value >= 12 && value <= 72) out.linePitch = value;
      else problems.push({ path, message: '“linePitch”应为 12～72 之间的数（单位磅），已按每页行数计算。' });
    } else if (key === 'pageNumbers') {
      if (typeof value === 'boolean') out.pageNumbers = value;
      else problems.push({ path, message: '“pageNumbers”应为 true 或 false。' });
    } else if (key === 'pageNumberAlign') {
      if (value === 'outside' || value === 'center' || value === 'right') out.pageNumberAlign = value;
      else problems.push({ path, message: '“pageNumberAlign”应为 outside（单页居右、双页居左）、center 或 right。' });
    } else {
      problems.push({ path, message: `未知的导出设置“${key}”（可用：${EXPORT_KEYS.join('、')}）。` });
    }
  }
  return out;
}

/** Twentieths of a point per millimetre. */
const TW_PER_MM = 1440 / 25.4;
/** 三号 and 二号 in twips (16 pt, 22 pt); 四号 (14 pt) for page numbers. */
export const BODY_SIZE_TW = 320;
export const TITLE_SIZE_TW = 440;
export const PAGE_NUMBER_SIZE_TW = 280;

/** The page in the units a Word document is written in (twips), worked out from the options. */
export interface PageLayout {
  options: Required<Omit<ExportOptions, 'linePitch'>>;
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Distance of the footer from the page's bottom edge: the page number 7 mm below the type area. */
  footer: number;
  /** The type area. */
  areaWidth: number;
  areaHeight: number;
  /** Line pitch (twips): every paragraph's exact line height. */
  linePitch: number;
  /** Character spacing of body runs (twips, usually negative): charsPerLine characters fill a line. */
  charSpacing: number;
}

export function pageLayout(options: ExportOptions = {}): PageLayout {
  const o = { ...DEFAULT_EXPORT, ...stripUndefined(options) } as Required<Omit<ExportOptions, 'linePitch'>>;
  const pageWidth = 11906;
  const pageHeight = 16838;
  const marginTop = Math.round(o.marginTop * TW_PER_MM);
  const marginBottom = Math.round(o.marginBottom * TW_PER_MM);
  const marginLeft = Math.round(o.marginLeft * TW_PER_MM);
  const marginRight = Math.round(o.marginRight * TW_PER_MM);
  const areaWidth = pageWidth - marginLeft - marginRight;
  const areaHeight = pageHeight - marginTop - marginBottom;
  const linePitch = options.linePitch !== undefined ? Math.round(options.linePitch * 20) : Math.floor(areaHeight / o.linesPerPage);
  const charSpacing = Math.floor(areaWidth / o.charsPerLine) - BODY_SIZE_TW;
  // the footer's line ends about 7 mm + a line below the type area's bottom (GB/T 9704 7.5)
  const footer = Math.max(0, marginBottom - Math.round(10 * TW_PER_MM));
  return { options: o, pageWidth, pageHeight, marginTop, marginBottom, marginLeft, marginRight, footer, areaWidth, areaHeight, linePitch, charSpacing };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A piece of text in one style: heading words keep the heading font, the rest of the line the body's. */
export interface Span {
  text: string;
  bold?: boolean;
  /** The heading level whose font the span takes; none: the body font. */
  level?: 1 | 2 | 3 | 4;
  /** Offset in the document of the span's first character, where the span is the source's text as it stands. */
  src?: number;
}

export type Block =
  | { kind: 'title'; line: number; text: string; src?: number }
  | { kind: 'subtitle'; line: number; text: string; src?: number }
  | { kind: 'heading'; line: number; level: 1 | 2 | 3 | 4; spans: Span[] }
  /** indent false: a salutation (各位领导：), code, or a line that sets itself flush. */
  | { kind: 'paragraph'; line: number; spans: Span[]; indent: boolean }
  | { kind: 'blank'; line: number }
  /** The 署名 and 成文日期 at the end, set to the right; `width` the widest of them in characters (they stand centred on each other). */
  | { kind: 'signature'; line: number; text: string; width: number; src?: number }
  | { kind: 'table'; line: number; rows: string[][] };

/** Characters that are not text (XML cannot hold them): control characters, lone surrogates. */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function clean(text: string): string {
  return text.replace(NOT_TEXT, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\ufffd' : ''));
}

const LEAD = /^[\s\u3000\ufeff]+/;
const SENTENCE_END = /[。；;：:，,！!？?]/;

/** The report as blocks, in order: what is printed. Suppression comments and Markdown syntax are left out. */
export function reportBlocks(doc: ReportDocument): Block[] {
  const md = doc.language === 'markdown';
  const lines = visibleLines(doc);
  const blocks: Block[] = [];
  const titleLine = doc.title?.line ?? -1;
  let subtitleUntil = -1;
  let para: { line: number; spans: Span[] } | undefined; // a Markdown paragraph being joined from its lines
  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', line: para.line, spans: mergeSpans(para.spans), indent: true });
    para = undefined;
  };
  for (let l = 0; l < lines.length; l++) {
    const raw = lines[l];
    if (raw === undefined) continue; // a line of comments only
    if (md && raw.fence) {
      flush();
      if (raw.text.trim()) blocks.push({ kind: 'paragraph', line: l, spans: [{ text: clean(raw.text.replace(/\t/g, '    ')), src: doc.lines.lineStarts[l] }], indent: false });
      continue;
    }
    const text = raw.text;
    if (!text.trim()) {
      flush();
      // Markdown separates paragraphs by blank lines: only a run of two or more is kept as space
      if (!md || (l > 0 && lines[l - 1] !== undefined && !lines[l - 1]!.text.trim() && blocks.length && blocks[blocks.length - 1].kind !== 'blank')) blocks.push({ kind: 'blank', line: l });
      continue;
    }
    if (md && /^\s*\|/.test(text) && l + 1 < lines.length && lines[l + 1] && /^\s*\|?\s*:?-{2,}/.test(lines[l + 1]!.text)) {
      flush();
      const rows: string[][] = [tableCells(text)];
      let k = l + 2;
      for (; k < lines.length && lines[k] && /^\s*\|/.test(lines[k]!.text); k++) rows.push(tableCells(lines[k]!.text));
      blocks.push({ kind: 'table', line: l, rows });
      l = k - 1;
      continue;
    }
    if (md && /^\s{0,3}(?:[-*_]\s*){3,}$/.test(text)) {
      flush();
      continue; // a thematic break
    }
    if (l === titleLine) {
      flush();
      blocks.push({ kind: 'title', line: l, text: plain(doc.title!.text, md) });
      subtitleUntil = l + 2;
      continue;
    }
    const heading = doc.headingAtLine(l);
    if (l <= subtitleUntil && !heading && isSubtitle(text)) {
      blocks.push({ kind: 'subtitle', line: l, text: plain(text.replace(LEAD, '').replace(/^#{1,6}\s+/, ''), md) });
      subtitleUntil = l + 1;
      continue;
    }
    subtitleUntil = -1;
    if (heading) {
      flush();
      const start = doc.lines.lineStarts[l];
      const end = doc.lines.lineEnds[l];
      // the heading's words, with the 。 that closes them; what follows on the line is body text
      let headEnd = heading.textEnd;
      if (headEnd < end && /[。．.]/.test(doc.text[headEnd])) headEnd++;
      // what stands before the marker (indentation, Markdown's #, a bullet, bold) is not printed
      const unmark = (t: string) => (md ? t.replace(/\*\*|__/g, '') : t);
      const head = unmark(stripComments(doc.text.slice(start, headEnd)).replace(/^[\s\u3000\ufeff]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?/, ''));
      const rest = unmark(stripComments(doc.text.slice(headEnd, end)));
      const spans = [...inline(head, md, headEnd - head.length).map((s) => ({ ...s, level: heading.level })), ...inline(rest, md, headEnd)];
      blocks.push({ kind: 'heading', line: l, level: heading.level, spans: mergeSpans(spans) });
      continue;
    }
    let body = text.replace(LEAD, '');
    // where body starts in the document (checked against the text below: a comment cut from the line moves it)
    const lineStart = doc.lines.lineStarts[l];
    const at = () => lineStart + text.length - body.length;
    if (md) {
      const quote = /^(?:>\s?)+/.exec(body);
      if (quote) body = body.slice(quote[0].length);
      const h = /^#{1,6}\s+/.exec(body);
      if (h) {
        flush();
        blocks.push({ kind: 'heading', line: l, level: 1, spans: mergeSpans(inline(body.slice(h[0].length), md, at() + h[0].length).map((s) => ({ ...s, level: 1 as const }))) });
        continue;
      }
      const bullet = /^(?:[-*+]|\d{1,3}[.)])\s+/.exec(body);
      if (bullet) {
        flush();
        body = body.slice(bullet[0].length);
      }
    }
    const spans = inline(body, md, at());
    const flush_ = !md && body.length <= 40 && /[：:]$/.test(body) && !/[。；;]/.test(body);
    if (md) {
      if (para) {
        const prev = para.spans[para.spans.length - 1]?.text ?? '';
        // a soft line break: nothing between Chinese characters, a space between words
        if (/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(body)) para.spans.push({ text: ' ' });
        para.spans.push(...spans);
      } else para = { line: l, spans };
      if (/ {2}$|\\$/.test(text)) flush();
      continue;
    }
    blocks.push({ kind: 'paragraph', line: l, spans: mergeSpans(spans), indent: !flush_ });
  }
  flush();
  // the line after the last line break, and empty lines at the end, print nothing
  while (blocks.length && blocks[blocks.length - 1].kind === 'blank') blocks.pop();
  markSignature(blocks);
  locate(doc, blocks);
  // a salutation in Markdown: a lone short line ending in ：
  if (md) {
    for (const b of blocks) {
      if (b.kind === 'paragraph' && b.indent) {
        const t = b.spans.map((s) => s.text).join('');
        if (t.length <= 40 && /[：:]$/.test(t) && !/[。；;]/.test(t)) b.indent = false;
      }
    }
  }
  return blocks;
}

/**
 * Keeps a span's `src` only where the document holds the span's text there (a comment or a control
 * character taken out of a line moves what follows); gives title, subtitle and signature theirs.
 */
function locate(doc: ReportDocument, blocks: Block[]): void {
  const text = doc.text;
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') {
      for (const s of b.spans) if (s.src !== undefined && !text.startsWith(s.text, s.src)) delete s.src;
    } else if (b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'signature') {
      const at = text.indexOf(b.text, doc.lines.lineStarts[b.line]);
      if (at !== -1 && at + b.text.length <= doc.lines.lineEnds[b.line]) b.src = at;
    }
  }
}

const DATE_LINE = /^[0-9０-９〇零一二三四五六七八九十]{4}\s*年\s*[0-9０-９〇一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９〇一二三四五六七八九十]{1,3}\s*日$/;

/**
 * The report's last lines as 署名 and 成文日期: a date alone on the last line, and up to two short lines
 * above it that are no sentence (述职人：张三, 县人民医院). They are set to the right, centred on each
 * other (GB/T 9704 7.3.5.2).
 */
function markSignature(blocks: Block[]): void {
  const textOf = (b: Block) => (b.kind === 'paragraph' ? b.spans.map((x) => x.text).join('').trim() : undefined);
  const last = blocks[blocks.length - 1];
  const date = last && textOf(last);
  if (!date || !DATE_LINE.test(date)) return;
  let first = blocks.length - 1;
  for (let k = blocks.length - 2; k >= Math.max(0, blocks.length - 3); k--) {
    const t = textOf(blocks[k]);
    if (!t || t.length > 25 || /[。！？!?；;，,]/.test(t)) break;
    first = k;
  }
  const texts = blocks.slice(first).map((b) => textOf(b)!);
  const width = Math.max(...texts.map(widthOf));
  for (let k = first; k < blocks.length; k++) blocks[k] = { kind: 'signature', line: blocks[k].line, text: texts[k - first], width };
}

/** A line under the title that belongs to it: a date in brackets, a name and post — short, no sentence. */
function isSubtitle(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  if (/^[（(][^（()）]*[)）]$/.test(t)) return true;
  return !SENTENCE_END.test(t) && !/^[一二三四五六七八九十]+[、.．]/.test(t);
}

interface VisibleLine {
  text: string;
  /** A line inside (or fencing) a Markdown code block. */
  fence?: boolean;
}

/** Each line without its suppression comments; undefined where nothing but comments was on the line. */
function visibleLines(doc: ReportDocument): (VisibleLine | undefined)[] {
  const out: (VisibleLine | undefined)[] = [];
  const text = doc.text;
  // comment spans, in document offsets
  const comments: number[] = [];
  if (doc.hasComments || text.indexOf('<!--') !== -1) {
    for (const x of commentSpans(text)) comments.push(x); // only a closed comment: an unclosed <!-- is text
  }
  let c = 0;
  let fence: string | undefined;
  for (let l = 0; l < doc.lines.lineCount; l++) {
    const start = doc.lines.lineStarts[l];
    const end = doc.lines.lineEnds[l];
    const line = text.slice(start, end);
    if (doc.language === 'markdown') {
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
        else out.push({ text: line, fence: true });
        if (!fence) out.push(undefined);
        continue;
      }
      if (f) {
        fence = f[1];
        out.push(undefined);
        continue;
      }
    }
    while (c < comments.length && comments[c + 1] <= start) c += 2;
    let visible = '';
    let at = start;
    let hadComment = false;
    for (let k = c; k < comments.length && comments[k] < end; k += 2) {
      const s = Math.max(start, comments[k]);
      const e = Math.min(end, comments[k + 1]);
      if (s > at) visible += text.slice(at, s);
      if (e > s) hadComment = true;
      at = Math.max(at, e);
    }
    if (at < end) visible += text.slice(at, end);
    out.push(hadComment && !visible.trim() ? undefined : { text: visible });
  }
  return out;
}

/** Text of a line's piece without comments (the piece is cut at the heading's end, so a comment may be cut too). */
function stripComments(text: string): string {
  const spans = commentSpans(text);
  let out = '';
  let at = 0;
  for (let k = 0; k < spans.length; k += 2) {
    out += text.slice(at, spans[k]);
    at = spans[k + 1];
  }
  return out + text.slice(at);
}

function tableCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => clean(plain(c.trim().replace(/\\\|/g, '|'), true)));
}

/** Text without Markdown's inline marks. */
function plain(text: string, md: boolean): string {
  return inline(text, md)
    .map((s) => s.text)
    .join('');
}

/** Markdown inline syntax to spans: **bold** stays bold; links keep their words; code keeps its text. `base`: where `text` starts in the document. */
function inline(text: string, md: boolean, base?: number): Span[] {
  const t = clean(text);
  const src = (k: number) => (base === undefined || t.length !== text.length ? undefined : base + k);
  if (!md) return t ? [{ text: t, src: src(0) }] : [];
  const out: Span[] = [];
  const re = /(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1|!\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\([^)]*\)|`([^`]+)`|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)|<[^>\u4e00-\u9fff]{1,40}>|\\([\\`*_{}[\]()#+\-.!|])/g;
  let at = 0;
  for (let m; (m = re.exec(t)); ) {
    if (m.index > at) out.push({ text: t.slice(at, m.index), src: src(at) });
    if (m[2] !== undefined) out.push(...inline(m[2], md, src(m.index + m[1].length)).map((s) => ({ ...s, bold: true })));
    else if (m[4] !== undefined) out.push({ text: m[4], src: src(m.index + 1) });
    else if (m[5] !== undefined) out.push({ text: m[5], src: src(m.index + 1) });
    else if (m[6] !== undefined) out.push({ text: m[6], src: src(m.index + 1) });
    else if (m[7] !== undefined) out.push({ text: m[7], src: src(m.index + 1) });
    // an image or an HTML tag prints nothing
    at = m.index + m[0].length;
  }
  if (at < t.length) out.push({ text: t.slice(at), src: src(at) });
  return out.filter((s) => s.text);
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    // pieces from different places in the source stay apart (each keeps where it came from)
    const joined = last && (last.src === undefined ? s.src === undefined : s.src === last.src + last.text.length);
    if (last && joined && !!last.bold === !!s.bold && last.level === s.level) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Width of a character in ems of its size: CJK and full-width forms 1, Latin and digits about ½. */
export function charWidth(code: number): number {
  if (code < 0x2e80) {
    if (code === 0x2014 || code === 0x2026 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0x00b7) return 1;
    return code === 0x20 ? 0.25 : 0.5;
  }
  if (code >= 0xff61 && code <= 0xffdc) return 0.5; // half-width forms
  return 1;
}

export function widthOf(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a character outside the BMP
    w += charWidth(c);
  }
  return w;
}
