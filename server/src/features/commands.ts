/**
 * gongwen's own requests: the Word export, the text of a Word document, 全部填写, the paged preview, and
 * the server's figures for tests.
 */
import { utf8Length, type Core } from '../core';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { estimatePages, fillAllEdits, pagedOf, printableHtml, renderPaged, type PreviewMark } from '../engine';
import { readDocxText } from '../engine/docx-read';

export const FILL_ALL = 'gongwen/fillAll';

/** The preview is drawn for texts up to this many code units (about 1,000 pages). */
const PREVIEW_LIMIT = 1_000_000;

export function registerCommands(core: Core): void {
  const { connection, documents } = core;

  /**
   * The report as a Word document (GB/T 9704 layout, with the export settings of its folder): the bytes in
   * base64 for the client to write, the errors still in it, and its pages. The export code is loaded on the first export.
   */
  connection.onRequest('gongwen/exportDocx', async (params: { uri?: unknown }) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return { error: '找不到这个文档：请先在编辑器中打开它。' };
    const settings = await core.settingsFor(doc.uri);
    const text = doc.getText();
    const size = text.length * 3 <= settings.maxFileSize ? 0 : utf8Length(text);
    if (size > settings.maxFileSize) return { error: `文档约 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB，不导出。可在设置 gongwen.maxFileSize 中调高上限。` };
    if (text.indexOf('\u0000') !== -1) return { error: '这个文档含有二进制内容，不是报告，不导出。' };
    const entry = core.lintedOf(doc) ?? core.parsedOf(doc);
    const errors = entry.live
      ? entry.live.findingsOnLines(0, entry.doc.lines.lineCount - 1).filter((f) => f.severity === 'error').length
      : entry.diagnostics.filter((d) => d.severity === 1).length;
    const { exportParsed } = await core.host.loadExport();
    const result = await exportParsed(entry.doc, settings.lint.export);
    return { data: bytesToBase64(result.bytes), errors, pages: estimatePages(entry.doc, settings.lint.export) };
  });

  /**
   * The body text of a Word document the client read (base64), one paragraph a line: for 检查 Word 文档
   * and 导入为可编辑的报告. The bytes come from the client, so remote and virtual workspaces work alike.
   */
  connection.onRequest('gongwen/docxText', (params: { data?: unknown }): { text?: string; paragraphs?: number; error?: string } => {
    if (typeof params?.data !== 'string') return { error: '没有收到 Word 文档的内容。' };
    const bytes = base64ToBytes(params.data);
    if (!bytes) return { error: '收到的 Word 文档内容无法读取。' };
    const read = readDocxText(bytes);
    return read.ok ? { text: read.paragraphs.join('\n'), paragraphs: read.paragraphs.length } : { error: read.reason };
  });

  /** Fill every identical qualified placeholder (XX镇) with one value: returns one WorkspaceEdit. */
  connection.onRequest(FILL_ALL, (params: { uri: string; placeholder: string; qualifier: string; value: string }) => {
    const doc = documents.get(params?.uri);
    if (!doc || typeof params.placeholder !== 'string' || typeof params.qualifier !== 'string' || typeof params.value !== 'string') return null;
    const entry = core.parsedOf(doc);
    const edits = fillAllEdits(entry.doc, params.placeholder, params.qualifier, params.value).map((e) => ({
      range: entry.doc.lines.range(e.start, e.end),
      newText: e.newText,
    }));
    return { changes: { [params.uri]: edits } };
  });

  /**
   * The paged preview of a report: its pages as HTML (the Word export's lines, pages and page numbers), the
   * style sheet, where each page starts; findings of the published diagnostics marked (not with `print`).
   */
  connection.onRequest('gongwen/preview', async (params: { uri?: unknown; print?: unknown }) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return { error: '找不到这个文档：请先在编辑器中打开它。' };
    const settings = await core.settingsFor(doc.uri);
    const text = doc.getText();
    if (text.length > Math.min(PREVIEW_LIMIT, settings.maxFileSize)) return { error: `文档太长（${text.length} 个字符），不生成分页预览。`, version: doc.version };
    if (text.indexOf('\u0000') !== -1) return { error: '这个文档含有二进制内容，不是报告，不生成分页预览。', version: doc.version };
    const entry = core.parsedOf(doc);
    const marks: PreviewMark[] = [];
    if (params.print !== true && entry.linted) {
      for (const d of entry.diagnostics) {
        if (d.code === 'truncated') continue;
        const code = String(d.code);
        const kind = /^placeholder\/(?!residue)/.test(code) ? 'placeholder' : d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
        marks.push({ start: entry.doc.lines.offsetAt(d.range.start), end: entry.doc.lines.offsetAt(d.range.end), kind, message: d.message });
      }
    }
    const paged = pagedOf(entry.doc, settings.lint.export);
    const model = renderPaged(entry.doc, paged, marks);
    if (params.print === true) return { version: doc.version, html: printableHtml(model, entry.doc.title?.text ?? '报告') };
    return { version: doc.version, ...model };
  });

  // not for users: lets tests find the server process and what it was started with
  connection.onRequest('gongwen/serverInfo', () => ({ ...core.host.info(), trusted: core.workspaceTrusted }));
}
