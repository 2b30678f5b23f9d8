/** A lens above each 一、 section: its 字数 and findings. */
import { isConfigUri, type Core } from '../core';
import { sectionFigures } from '../engine';
import { lowerBound } from '../engine/bisect';

export function registerCodeLens(core: Core): void {
  core.connection.onCodeLens(async (params) => {
    const doc = core.documents.get(params.textDocument.uri);
    if (!doc || isConfigUri(doc.uri)) return null;
    const settings = await core.settingsFor(doc.uri);
    if (!settings.codeLens || !core.shouldLint(doc, settings) || core.tooLarge(doc, settings)) return [];
    const entry = core.parsedOf(doc);
    const figures = sectionFigures(entry.doc);
    // the published diagnostics are in document order: a section's are counted by two binary searches
    const lines = entry.linted ? entry.diagnostics.filter((d) => d.code !== 'truncated').map((d) => d.range.start.line) : undefined;
    const below = (line: number) => lowerBound(lines!, line);
    return entry.doc.headings
      .filter((h) => h.level === 1)
      .map((h) => {
        const f = figures.get(h.line);
        const inside = lines && f ? below(f.lastLine + 1) - below(f.firstLine) : undefined;
        const title = `本节 ${f?.characters ?? 0} 字` + (inside === undefined ? '' : inside ? ` · ${inside} 个问题` : ' · 没有问题');
        return { range: entry.doc.lines.range(h.markerStart, h.textEnd), command: { title, command: '' } };
      });
  });
}
