/**
 * Suppression comments, filtered in one place for every rule:
 *   <!-- gongwen-disable-next-line phrasing/outdated -->   the next line
 *   <!-- gongwen-disable typo -->  …  <!-- gongwen-enable typo -->   a block
 * Codes are rule ids or categories; none means every rule. The same HTML comment works in Markdown
 * (where it does not show) and in plain text.
 */
import type { ReportDocument } from './document';

const DIRECTIVE = /<!--\s*gongwen-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

interface Span {
  from: number; // first line
  to: number; // last line
  codes: string[]; // empty: all
}

export type Suppressed = (line: number, code: string) => boolean;

export function suppressions(doc: ReportDocument): Suppressed | undefined {
  if (!doc.hasComments || doc.text.indexOf('gongwen-') === -1) return undefined;
  const spans: Span[] = [];
  const open = new Map<string, number>(); // code ('' = all) → line where disabled
  DIRECTIVE.lastIndex = 0;
  for (let m; (m = DIRECTIVE.exec(doc.text)); ) {
    const line = doc.lines.lineAt(m.index);
    const codes = m[2].split(/[\s,，]+/).filter(Boolean);
    if (m[1] === 'disable-next-line') {
      let next = line + 1;
      while (next < doc.lines.lineCount && !doc.lineText(next).trim()) next++;
      spans.push({ from: next, to: next, codes });
    } else if (m[1] === 'disable') {
      for (const c of codes.length ? codes : ['']) if (!open.has(c)) open.set(c, line);
    } else {
      for (const c of codes.length ? codes : [...open.keys()]) {
        const from = open.get(c);
        if (from === undefined) continue;
        spans.push({ from, to: line, codes: c ? [c] : [] });
        open.delete(c);
      }
    }
  }
  for (const [c, from] of open) spans.push({ from, to: doc.lines.lineCount - 1, codes: c ? [c] : [] });
  if (!spans.length) return undefined;
  // one line's spans (disable-next-line, the common kind) by line; blocks in a list: a finding looks at its
  // own line's spans and the blocks, not at every comment of the document
  const byLine = new Map<number, Span[]>();
  const blocks: Span[] = [];
  for (const s of spans) {
    if (s.from === s.to) {
      const list = byLine.get(s.from);
      if (list) list.push(s);
      else byLine.set(s.from, [s]);
    } else blocks.push(s);
  }
  const covers = (s: Span, code: string) => !s.codes.length || s.codes.some((c) => c === code || code.startsWith(c + '/'));
  return (line, code) => (byLine.get(line)?.some((s) => covers(s, code)) ?? false) || blocks.some((s) => line >= s.from && line <= s.to && covers(s, code));
}

/** The comment that silences `code` on `line`, to insert at the line's start. */
export function disableNextLineComment(code: string): string {
  return `<!-- gongwen-disable-next-line ${code} -->`;
}
