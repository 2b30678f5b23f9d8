/** Expand-selection steps, section figures for hovers, and workspace symbol search, from the one parse. */
import type { ExportOptions } from './layout';
import { estimateLayoutPages } from './paged';
import type { ReportDocument } from './document';
import { sections, type Section } from './outline';
import { countCharacters } from './metrics';

const SENTENCE_END = /[。！？!?；;]/;

/** Nested spans around an offset, innermost first: sentence → paragraph → sections → document. */
export function selectionSpans(doc: ReportDocument, offset: number): { start: number; end: number }[] {
  const text = doc.text;
  const line = doc.lines.lineAt(offset);
  const ls = doc.lines.lineStarts[line];
  const le = doc.lines.lineEnds[line];
  const spans: { start: number; end: number }[] = [];
  const push = (start: number, end: number) => {
    const last = spans[spans.length - 1];
    if (end <= start) return;
    if (last && last.start === start && last.end === end) return;
    if (last && (start > last.start || end < last.end)) return; // must contain the previous one
    spans.push({ start, end });
  };
  let s = offset;
  while (s > ls && !SENTENCE_END.test(text[s - 1])) s--;
  let e = offset;
  while (e < le && !SENTENCE_END.test(text[e])) e++;
  if (e < le) e++; // the sentence's own 。
  while (s < e && (text[s] === ' ' || text[s] === '\u3000')) s++;
  push(s, e);
  push(ls, le);
  const chain: Section[] = [];
  const find = (list: Section[]) => {
    for (const sec of list) {
      if (sec.heading.line <= line && line <= sec.lastLine) {
        chain.push(sec);
        find(sec.children);
        return;
      }
    }
  };
  find(sections(doc));
  for (const sec of chain.reverse()) push(doc.lines.lineStarts[sec.heading.line], doc.lines.lineEnds[sec.lastLine]);
  push(0, text.length);
  return spans;
}

export interface SectionFigures {
  characters: number;
  firstLine: number;
  lastLine: number;
}

/** The section a heading opens: its lines and its 字数. */
export function sectionOf(doc: ReportDocument, headingLine: number): SectionFigures | undefined {
  return sectionFigures(doc).get(headingLine);
}

/**
 * Every heading's section figures, by the heading's line: one walk of the section tree (a heading's
 * characters are counted once per level it nests in, at most four times in all).
 */
export function sectionFigures(doc: ReportDocument): Map<number, SectionFigures> {
  return doc.memo('sectionFigures', () => {
    const out = new Map<number, SectionFigures>();
    const walk = (list: Section[]) => {
      for (const s of list) {
        const start = doc.lines.lineStarts[s.heading.line];
        const end = doc.lines.lineEnds[s.lastLine];
        out.set(s.heading.line, { characters: countCharacters(doc.text, start, end), firstLine: s.heading.line, lastLine: s.lastLine });
        walk(s.children);
      }
    };
    walk(sections(doc));
    return out;
  });
}

/** GB/T 9704: 22 lines of 28 characters a page. */
export const CHARS_PER_PAGE = 22 * 28;

/** Pages the report fills at GB/T 9704's layout (or the one `options` give): its blocks as the Word export sets them. */
export function estimatePages(doc: ReportDocument, options?: ExportOptions): number {
  return estimateLayoutPages(doc, options);
}
