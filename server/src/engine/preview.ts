/**
 * The paged preview as HTML: the lines the Word export prints (paged.ts), each page a white A4 sheet
 * with the type area, fonts by level and — N — outside; findings marked where the editor has them.
 * One page at a time as a string (a view replaces only the pages that changed), the style sheet apart,
 * and a self-contained printable document. No inline style attributes: a strict Content-Security-Policy
 * holds (per-document values are classes in the style sheet).
 */
import type { ReportDocument } from './document';
import type { ExportOptions, PageLayout } from './layout';
import { paginate, type PageLine, type PagedReport, type Piece } from './paged';

/** A finding to mark on the page: document offsets, a kind for its look, its message. */
export interface PreviewMark {
  start: number;
  end: number;
  kind: 'error' | 'warning' | 'info' | 'placeholder';
  message: string;
}

export interface PreviewModel {
  /** The style sheet for these pages (page values, fonts, the row heights and indents they use). */
  css: string;
  /** Each page's HTML (a `<section class="page">`). */
  pages: string[];
  /** The source line each page starts on. */
  starts: number[];
  /** Lines a page (for figures such as 约 N 页). */
  linesPerPage: number;
}

const esc = (t: string) => t.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/** Font stacks: the unit's font name first (from the options), then what a Windows, Mac or Linux machine has. */
const STACKS = {
  fangsong: '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif',
  kaiti: '"楷体_GB2312", "楷体", KaiTi, STKaiti, "KaiTi_GB2312", "Noto Serif CJK SC", serif',
  heiti: '"黑体", SimHei, STHeiti, "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  title: '"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "Noto Serif CJK SC", "Source Han Serif SC", serif',
  song: '"宋体", SimSun, STSong, "Noto Serif CJK SC", serif',
};

function stack(name: string, fallback: string): string {
  const first = `"${name.replace(/["\\<>;{}]/g, '')}"`;
  return fallback.startsWith(`${first},`) ? fallback : `${first}, ${fallback}`;
}

const pt = (tw: number) => `${+(tw / 20).toFixed(3)}pt`;

/** The style sheet of the pages at `layout`; `extra`: the per-document rules (row heights, right indents). */
export function previewCss(layout: PageLayout, extra = ''): string {
  const o = layout.options;
  const pitch = pt(layout.linePitch);
  return `@font-face { font-family: "gw-latin"; src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("Tinos"); unicode-range: U+0020-007E; }
.pages { padding: 16px 0 48px; }
.page { position: relative; box-sizing: border-box; width: ${pt(layout.pageWidth)}; height: ${pt(layout.pageHeight)}; margin: 0 auto 18px; background: #fff; color: #000; box-shadow: 0 1px 3px rgba(0,0,0,.25), 0 4px 14px rgba(0,0,0,.18); overflow: hidden; }
.area { position: absolute; left: ${pt(layout.marginLeft)}; top: ${pt(layout.marginTop)}; width: ${pt(layout.areaWidth)}; height: ${pt(layout.linePitch * o.linesPerPage)}; }
.l { height: ${pitch}; line-height: ${pitch}; white-space: nowrap; font-family: "gw-latin", ${stack(o.bodyFont, STACKS.fangsong)}; font-size: 16pt; letter-spacing: ${pt(layout.charSpacing)}; text-align: left; font-kerning: none; }
.j { text-align: justify; text-align-last: justify; }
.i { padding-left: 32pt; }
.t { font-family: "gw-latin", ${stack(o.titleFont, STACKS.title)}; font-size: 22pt; letter-spacing: 0; text-align: center; }
.st { font-family: "gw-latin", ${stack(o.subtitleFont, STACKS.kaiti)}; text-align: center; }
.sg { text-align: right; }
.f1 { font-family: "gw-latin", ${stack(o.heading1Font, STACKS.heiti)}; }
.f2 { font-family: "gw-latin", ${stack(o.heading2Font, STACKS.kaiti)}; }
.f3 { font-family: "gw-latin", ${stack(o.heading3Font, STACKS.fangsong)}; }
.f4 { font-family: "gw-latin", ${stack(o.heading4Font, STACKS.fangsong)}; }
.b { font-weight: bold; }
.row { display: grid; border: 0.5pt solid #000; border-top: none; box-sizing: border-box; }
.row.first { border-top: 0.5pt solid #000; }
.row > div { border-left: 0.5pt solid #000; padding: 0 ${pt(108)}; white-space: normal; overflow: hidden; display: flex; align-items: center; line-height: ${pitch}; }
.row > div:first-child { border-left: none; }
.row.head > div { justify-content: center; font-family: "gw-latin", ${stack(o.heading1Font, STACKS.heiti)}; }
.num { position: absolute; top: ${pt(layout.marginTop + layout.linePitch * o.linesPerPage + 397 - 140)}; height: 14pt; line-height: 14pt; font-family: "gw-latin", ${STACKS.song}; font-size: 14pt; white-space: nowrap; }
.num.odd { right: ${pt(layout.marginRight + 280)}; }
.num.even { left: ${pt(layout.marginLeft + 280)}; }
.num.center { left: 0; right: 0; text-align: center; }
.m { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-thickness: 1px; text-underline-offset: 4px; text-decoration-skip-ink: none; }
.m.error { text-decoration-color: #e51400; }
.m.warning { text-decoration-color: #bf8803; }
.m.info { text-decoration-color: #1a85ff; }
.m.placeholder { background: #fff3b0; text-decoration-color: #bf8803; }
${extra}`;
}

/** The pages of the report at `options`, findings marked. */
export function renderPreview(doc: ReportDocument, options: ExportOptions = {}, marks: readonly PreviewMark[] = []): PreviewModel {
  const paged = paginate(doc, options);
  return renderPaged(doc, paged, marks);
}

export function renderPaged(doc: ReportDocument, paged: PagedReport, marks: readonly PreviewMark[] = []): PreviewModel {
  const layout = paged.layout;
  const index = new MarkIndex(marks);
  const extra = new Map<string, string>();
  const cls = (name: string, rule: string) => {
    if (!extra.has(name)) extra.set(name, rule);
    return name;
  };
  const lineOf = (src: number | undefined, fallback: number) => (src === undefined ? fallback : doc.lines.positionAt(src).line);
  const align = layout.options.pageNumberAlign;
  const pages = paged.pages.map((page, k) => {
    const n = k + 1;
    let html = `<section class="page" data-page="${n}"><div class="area">`;
    for (const l of page) html += lineHtml(l, lineOf, index, cls, layout);
    html += '</div>';
    if (layout.options.pageNumbers) {
      const side = align === 'center' ? 'center' : align === 'outside' ? (n % 2 ? 'odd' : 'even') : align === 'right' ? 'odd' : 'even';
      html += `<div class="num ${side}">— ${n} —</div>`;
    }
    return html + '</section>';
  });
  const starts = paged.pages.map((p, k) => (k === 0 ? 0 : p[0]?.line ?? 0));
  return { css: previewCss(layout, [...extra.values()].join('\n')), pages, starts, linesPerPage: layout.options.linesPerPage };
}

function lineHtml(l: PageLine, lineOf: (src: number | undefined, fallback: number) => number, index: MarkIndex, cls: (name: string, rule: string) => string, layout: PageLayout): string {
  const first = l.pieces.find((p) => p.src !== undefined);
  const attrs = `data-line="${lineOf(first?.src, l.line)}"`;
  if (l.kind === 'row') {
    const cells = l.cells ?? [];
    const cols = cls(`c${cells.length}`, `.c${cells.length} { grid-template-columns: repeat(${cells.length}, 1fr); }`);
    const height = cls(`n${l.lines}`, `.n${l.lines} { height: ${pt(l.lines * layout.linePitch)}; }`);
    const head = l.head ? ' head first' : '';
    return `<div class="row ${cols} ${height}${head}" ${attrs}>${cells.map((c) => `<div>${esc(c)}</div>`).join('')}</div>`;
  }
  const classes = ['l'];
  if (l.kind === 'title') classes.push('t');
  else if (l.kind === 'subtitle') classes.push('st');
  else if (l.kind === 'signature') classes.push('sg', cls(`r${l.right}`, `.r${l.right} { padding-right: ${pt(l.right)}; }`));
  if (l.justify) classes.push('j');
  if (l.indent) classes.push(l.indent === 640 ? 'i' : cls(`x${l.indent}`, `.x${l.indent} { padding-left: ${pt(l.indent)}; }`));
  let inner = '';
  for (const p of l.pieces) inner += pieceHtml(p, index);
  return `<div class="${classes.join(' ')}" ${attrs}>${inner}</div>`;
}

/** A piece as spans: its font class, and the stretches findings cover marked with their messages. */
function pieceHtml(p: Piece, index: MarkIndex): string {
  const font = [p.level ? `f${p.level}` : '', p.bold ? 'b' : ''].filter(Boolean).join(' ');
  const open = (src: number | undefined, extra = '', title = '') =>
    `<span${font || extra ? ` class="${[font, extra].filter(Boolean).join(' ')}"` : ''}${src !== undefined ? ` data-src="${src}"` : ''}${title ? ` title="${esc(title)}"` : ''}>`;
  if (p.src === undefined) return `${open(undefined)}${esc(p.text)}</span>`;
  const from = p.src;
  const to = p.src + p.text.length;
  const over = index.overlapping(from, to);
  if (!over.length) return `${open(from)}${esc(p.text)}</span>`;
  // cut the piece where a finding starts or ends
  const cuts = new Set<number>([from, to]);
  for (const m of over) {
    if (m.start > from && m.start < to) cuts.add(m.start);
    if (m.end > from && m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const covering = over.filter((m) => m.start < b && m.end > a);
    const text = esc(p.text.slice(a - from, b - from));
    if (!covering.length) {
      out += `${open(a)}${text}</span>`;
      continue;
    }
    const kind = covering.some((m) => m.kind === 'placeholder') ? 'placeholder' : covering.some((m) => m.kind === 'error') ? 'error' : covering.some((m) => m.kind === 'warning') ? 'warning' : 'info';
    out += `${open(a, `m ${kind}`, covering.map((m) => m.message).join('\n'))}${text}</span>`;
  }
  return out;
}

/** Findings by 256-character bucket of the document: a piece looks only at the buckets it lies in. */
class MarkIndex {
  private readonly buckets = new Map<number, PreviewMark[]>();
  constructor(marks: readonly PreviewMark[]) {
    for (const m of marks) {
      if (!(m.end > m.start)) continue;
      for (let b = m.start >> 8; b <= (m.end - 1) >> 8; b++) {
        let list = this.buckets.get(b);
        if (!list) this.buckets.set(b, (list = []));
        list.push(m);
        if (b - (m.start >> 8) > 64) break; // a finding over a whole chapter marks its start only
      }
    }
  }
  overlapping(from: number, to: number): PreviewMark[] {
    const out = new Set<PreviewMark>();
    for (let b = from >> 8; b <= (to - 1) >> 8; b++) for (const m of this.buckets.get(b) ?? []) if (m.start < to && m.end > from) out.add(m);
    return [...out];
  }
}

/** A printable, self-contained HTML document of the pages: A4, no page margins added by the browser. */
export function printableHtml(model: PreviewModel, title: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${esc(title)}</title>
<style>
${model.css}
html, body { margin: 0; background: #e5e5e5; }
@page { size: A4; margin: 0; }
@media print {
  html, body { background: none; }
  .pages { padding: 0; }
  .page { margin: 0; box-shadow: none; break-after: page; }
  .page:last-child { break-after: auto; }
  .m { text-decoration: none; background: none; }
}
</style>
</head>
<body>
<div class="pages">
${model.pages.join('\n')}
</div>
</body>
</html>
`;
}

/** Grid lines the lines `first`..`last` of the source take on the pages (a section's share of the report). */
export function linesOfSource(paged: PagedReport, first: number, last: number): number {
  let n = 0;
  for (const page of paged.pages) for (const l of page) if (l.line >= first && l.line <= last) n += l.lines;
  return n;
}
