/** Folding ranges: the report's sections. */
import type { Core } from '../core';
import { foldingRangesOf } from '../engine';

export function registerFolding(core: Core): void {
  core.connection.onFoldingRanges((params) => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc) return null;
    return foldingRangesOf(core.parsedOf(doc).doc);
  });
}
