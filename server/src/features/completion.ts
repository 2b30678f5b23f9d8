/** Completion of standard formulations (坚持以习近平… → the whole formulation). */
import { isConfigUri, type Core } from '../core';
import { completeFormulation } from '../engine';

export function registerCompletion(core: Core): void {
  core.connection.onCompletion((params) => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc || isConfigUri(doc.uri)) return null;
    const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
    const before = doc.getText().slice(lineStart, doc.offsetAt(params.position));
    const matches = completeFormulation(before);
    return {
      isIncomplete: true,
      items: matches.map((m, i) => ({
        label: m.formulation.text,
        kind: 12, // Value
        detail: '规范提法',
        documentation: m.formulation.detail,
        sortText: String(i).padStart(3, '0'),
        filterText: m.formulation.text,
        textEdit: {
          range: { start: { line: params.position.line, character: params.position.character - m.replace }, end: params.position },
          newText: m.formulation.text,
        },
      })),
    };
  });
}
