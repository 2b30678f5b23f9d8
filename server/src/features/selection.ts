/** Expand selection: the phrase, the sentence, the paragraph, the section, the report. */
import type { Core } from '../core';
import { selectionSpans, type DocumentSymbol } from '../engine';

export function registerSelection(core: Core): void {
  core.connection.onSelectionRanges((params) => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const parsedDoc = core.parsedOf(doc).doc;
    return params.positions.map((p) => {
      const spans = selectionSpans(parsedDoc, parsedDoc.lines.offsetAt(p));
      type Sel = { range: DocumentSymbol['range']; parent?: Sel };
      let result: Sel | undefined;
      for (const sp of spans.reverse()) result = { range: parsedDoc.lines.range(sp.start, sp.end), parent: result };
      return result ?? { range: { start: p, end: p } };
    });
  });
}
