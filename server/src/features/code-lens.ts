/** A lens above each 一、 section: its 字数 and findings. */
import { isConfigUri, type Core } from '../core';
import { sectionFigures } from '../engine';
import { lowerBound } from '../engine/bisect';

/** After a lint is published, the lenses are asked for again (their problem counts change) this much later, once for a burst. */
const REFRESH_DELAY_MS = 300;

export function registerCodeLens(core: Core): void {
  let refresh: ReturnType<typeof setTimeout> | undefined;
  // the lens of a section counts its problems: a lens asked for before the lint (or lost while the
  // server started) is asked for again once the findings are out
  core.onPublished.push(() => {
    if (!core.canRefreshCodeLens) return;
    if (refresh) clearTimeout(refresh);
    refresh = setTimeout(() => {
      refresh = undefined;
      void core.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, REFRESH_DELAY_MS);
  });
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
