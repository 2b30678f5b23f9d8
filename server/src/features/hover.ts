/** Hovers: the report's figures on its title (字数, pages, findings), a section's on its heading. */
import { PAGE_FIGURES_LIMIT, type Core } from '../core';
import { estimatePages, linesOfSource, pagedOf, sectionOf } from '../engine';

export function registerHover(core: Core): void {
  core.connection.onHover((params) => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const entry = core.parsedOf(doc);
    const line = params.position.line;
    const findingsIn = (first: number, last: number) => {
      if (!entry.linted) return '';
      // the note on a truncated list is not a problem of the report; past gongwen.maxProblems only the shown ones are counted
      const inside = entry.diagnostics.filter((d) => d.code !== 'truncated' && d.range.start.line >= first && d.range.start.line <= last);
      const errors = inside.filter((d) => d.severity === 1).length;
      const warnings = inside.filter((d) => d.severity === 2).length;
      return inside.length ? `，${inside.length} 个问题（错误 ${errors}，警告 ${warnings}，提示 ${inside.length - errors - warnings}）` : '，没有发现问题';
    };
    const options = core.lastSettings.get(doc.uri)?.lint.export;
    const title = entry.doc.title;
    if (title && title.line === line) {
      const chars = entry.doc.characters;
      const pages = estimatePages(entry.doc, options);
      return {
        contents: { kind: 'markdown', value: `**${title.text}**\n\n全文 ${chars} 字，导出为 Word 约 ${pages} 页（GB/T 9704 版式：每页 22 行、每行 28 字，每段另起一行）${findingsIn(0, entry.doc.lines.lineCount)}。` },
        range: entry.doc.lines.range(title.start, title.end),
      };
    }
    const heading = entry.doc.headingAtLine(line);
    if (!heading) return null;
    const figures = sectionOf(entry.doc, line);
    if (!figures) return null;
    const name = entry.doc.text.slice(heading.markerStart, heading.textEnd);
    let pages = '';
    if (entry.doc.text.length <= PAGE_FIGURES_LIMIT) {
      // the section's share of the printed lines (as the paged preview and the Word export set them)
      const paged = pagedOf(entry.doc, options);
      const share = linesOfSource(paged, figures.firstLine, figures.lastLine) / paged.layout.options.linesPerPage;
      pages = `，约 ${share < 0.1 ? '0.1' : share.toFixed(1)} 页`;
    }
    return {
      contents: { kind: 'markdown', value: `**${name}**\n\n本节 ${figures.characters} 字${pages}（第 ${figures.firstLine + 1}～${figures.lastLine + 1} 行）${findingsIn(figures.firstLine, figures.lastLine)}。` },
      range: entry.doc.lines.range(heading.markerStart, heading.textEnd),
    };
  });
}
