/**
 * The Word export (dist/export.js): loaded only when a report is exported, so that linting never loads
 * the document generator.
 */
import { parse } from '../index';
import type { DocumentLanguage } from '../document';
import type { ExportOptions } from '../layout';
import { exportParsed, type DocxResult } from './docx';

export { exportParsed, type DocxResult };
export { pageLayout, reportBlocks, validateExportOptions, DEFAULT_EXPORT, type ExportOptions, type Block, type PageLayout } from '../layout';

/** The report's text as a .docx in GB/T 9704 layout (or as `options` say). */
export function exportDocx(text: string, language: DocumentLanguage = 'gongwen', options: ExportOptions = {}): Promise<DocxResult> {
  return exportParsed(parse(text, language), options);
}
