/** Headings → a symbol tree under the title, and folding ranges per section, from the one parse. */
import type { ReportDocument, Heading } from './document';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from './lsp-types';

const KIND_BY_LEVEL: Record<number, SymbolKind> = {
  1: SymbolKind.Namespace,
  2: SymbolKind.Class,
  3: SymbolKind.Method,
  4: SymbolKind.Field,
};

export interface Section {
  heading: Heading;
  /** Line of the last non-blank line that belongs to the section. */
  lastLine: number;
  parent: Section | undefined;
  children: Section[];
}

/** Each heading's section runs to the next heading of the same or a higher level (a smaller number). */
export function sections(doc: ReportDocument): Section[] {
  return doc.memo('sections', () => buildSections(doc));
}

function buildSections(doc: ReportDocument): Section[] {
  // in Markdown with plain # headings, the # depth nests (## 工作回顾 > ### 一、学习); otherwise the numbering level does
  const plain = doc.headings.filter((h) => !h.numbered && h.mdDepth !== undefined);
  const deepest = plain.reduce((n, h) => Math.max(n, h.mdDepth!), 0);
  const rank = (h: Heading) => (plain.length ? (h.mdDepth ?? deepest + h.level) : h.level);
  const roots: Section[] = [];
  const stack: Section[] = [];
  const all: Section[] = [];
  for (const heading of doc.headings) {
    while (stack.length && rank(stack[stack.length - 1].heading) >= rank(heading)) stack.pop();
    const parent = stack[stack.length - 1];
    const section: Section = { heading, lastLine: heading.line, parent, children: [] };
    (parent ? parent.children : roots).push(section);
    stack.push(section);
    all.push(section);
  }
  // a section ends before the next heading of the same or a higher level
  const lastNonBlank = (from: number, to: number) => {
    let l = to;
    while (l > from && !doc.lineText(l).trim()) l--;
    return l;
  };
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    let j = i + 1;
    while (j < all.length && rank(all[j].heading) > rank(s.heading)) j++;
    const endLine = j < all.length ? all[j].heading.line - 1 : doc.lines.lineCount - 1;
    s.lastLine = lastNonBlank(s.heading.line, endLine);
  }
  return roots;
}

export function documentSymbols(doc: ReportDocument): DocumentSymbol[] {
  const toSymbol = (s: Section): DocumentSymbol => {
    const h = s.heading;
    const lineStart = doc.lines.lineStarts[h.line];
    const end = doc.lines.lineEnds[s.lastLine];
    const marker = doc.text.slice(h.markerStart, h.markerEnd);
    return {
      name: `${marker}${doc.text.slice(h.textStart, h.textEnd).trim()}`.slice(0, 60),
      detail: LEVEL_NAMES[h.level],
      kind: h.numbered ? KIND_BY_LEVEL[h.level] : SymbolKind.String,
      range: doc.lines.range(lineStart, end),
      selectionRange: doc.lines.range(h.numbered ? h.markerStart : h.textStart, h.textEnd),
      children: s.children.map(toSymbol),
    };
  };
  const roots = sections(doc).map(toSymbol);
  const title = doc.title;
  if (!title) return roots;
  let last = doc.lines.lineCount - 1;
  while (last > title.line && !doc.lineText(last).trim()) last--;
  return [{
    name: title.text,
    detail: '标题',
    kind: SymbolKind.File,
    range: doc.lines.range(doc.lines.lineStarts[title.line], doc.lines.lineEnds[last]),
    selectionRange: doc.lines.range(title.start, title.end),
    children: roots,
  }];
}

export const LEVEL_NAMES: Record<number, string> = { 1: '一级标题', 2: '二级标题', 3: '三级标题', 4: '四级标题' };

export function foldingRanges(doc: ReportDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.lastLine > s.heading.line) out.push({ startLine: s.heading.line, endLine: s.lastLine, kind: 'region' });
      walk(s.children);
    }
  };
  walk(sections(doc));
  return out;
}
