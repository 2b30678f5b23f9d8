/** The outline (document symbols) and workspace symbol search over the open reports. */
import type { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { isConfigUri, PLAIN_TEXT, type Core } from '../core';
import { documentSymbols, type DocumentSymbol } from '../engine';

export function registerSymbols(core: Core): void {
  const { connection, documents } = core;
  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return documentSymbols(core.parsedOf(doc).doc);
  });

  connection.onWorkspaceSymbol((params) => {
    const query = (params.query ?? '').trim();
    const out: SymbolInformation[] = [];
    for (const doc of documents.all()) {
      if (isConfigUri(doc.uri) || !(doc.languageId === 'gongwen' || doc.languageId === 'markdown' || PLAIN_TEXT.has(doc.languageId))) continue;
      const walk = (list: DocumentSymbol[], container?: string) => {
        for (const sym of list) {
          if (!query || sym.name.includes(query)) out.push({ name: sym.name, kind: sym.kind as SymbolKind, location: { uri: doc.uri, range: sym.selectionRange }, containerName: container });
          walk(sym.children, sym.name);
        }
      };
      const symbols = documentSymbols(core.parsedOf(doc).doc);
      // a report's title groups its sections; plain-text files without headings add nothing
      if (symbols.length) walk(symbols);
      if (out.length > 2000) break;
    }
    return out;
  });
}
