/**
 * Diagnostics: each document linted when it opens and after each change (in slices, between which other
 * requests are answered), published with the report figures of the status bar; .gongwen.json and the
 * settings watched.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isConfigUri, PAGE_FIGURES_LIMIT, utf8Length, type Core } from '../core';
import { pageStarts, PLACEHOLDER_RULES, resolveOptions } from '../engine';

/** Report figures for the status bar: 字数, the placeholders still to fill, where each page starts. */
export const STATS = 'gongwen/stats';

/** A lint works this long at most before it lets other requests in (a keystroke's lint mostly takes less). */
const SLICE_BUDGET_MS = 15;

function tooLargeDiagnostic(size: number, limit: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'gongwen',
    code: 'skipped',
    message: `文档约 ${(size / 1024 / 1024).toFixed(1)} MB，超过检查上限 ${(limit / 1024 / 1024).toFixed(1)} MB，未检查。可在设置 gongwen.maxFileSize 中调高上限。`,
  };
}

export function registerDiagnostics(core: Core): void {
  const { connection, documents } = core;
  /** Per document: the latest lint started (a lint that pauses gives up once a newer one has started). */
  const lintRuns = new Map<string, number>();
  let runs = 0;

  core.validate = async (doc: TextDocument): Promise<void> => {
    if (isConfigUri(doc.uri)) return; // its problems are published by the config loader
    const version = doc.version;
    const stamp = core.stampOf(doc.uri);
    const settings = await core.settingsFor(doc.uri);
    const current = documents.get(doc.uri);
    if (!current || core.stampOf(doc.uri) !== stamp) return; // a newer version is on its way
    if (!core.shouldLint(current, settings)) {
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
      return;
    }
    const text = current.getText();
    // at most 3 UTF-8 bytes per UTF-16 unit: count exactly only near the limit
    const size = text.length * 3 <= settings.maxFileSize ? 0 : utf8Length(text);
    if (size > settings.maxFileSize) {
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [tooLargeDiagnostic(size, settings.maxFileSize)] });
      return;
    }
    if (text.indexOf('\u0000') !== -1) {
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] }); // binary content: not a report
      return;
    }
    const trace = core.host.trace;
    const t0 = trace ? performance.now() : 0;
    const entry = core.parsedOf(current);
    const t1 = trace ? performance.now() : 0;
    core.lastSettings.set(doc.uri, settings);
    // in slices, between which other requests are answered; a newer version or setting stops this lint
    // (never is an old version published over a newer one) and finds the lines linted so far cached
    const run = ++runs;
    lintRuns.set(doc.uri, run);
    const live = await core.linterOf(doc.uri).lintInSlices(
      entry.doc,
      resolveOptions(settings.lint),
      core.shapeFor(settings),
      {
        pause: () => core.host.nextTurn(),
        cancelled: () => lintRuns.get(doc.uri) !== run || core.stampOf(doc.uri) !== stamp,
        budget: SLICE_BUDGET_MS,
        now: () => performance.now(),
      },
      core.reportRuleError,
    );
    if (!live) return;
    lintRuns.delete(doc.uri);
    core.setLint(entry, live);
    const t2 = trace ? performance.now() : 0;
    const sent = connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: entry.diagnostics as LspDiagnostic[] });
    for (const listener of core.onPublished) listener(doc.uri);
    if (trace) void sent.then(() => trace(`gongwen: ${doc.uri} v${version}: parse ${(t1 - t0).toFixed(1)} ms, lint ${(t2 - t1).toFixed(1)} ms, publish ${(performance.now() - t2).toFixed(1)} ms`));
    let placeholders = 0;
    for (const id of PLACEHOLDER_RULES) placeholders += live.counts.get(id) ?? 0;
    // pages as the Word export sets them (the source line each starts on), for reports of ordinary length
    const pages = entry.doc.text.length <= PAGE_FIGURES_LIMIT ? pageStarts(entry.doc, settings.lint.export) : undefined;
    void connection.sendNotification(STATS, { uri: doc.uri, version, characters: entry.doc.characters, placeholders, pageStarts: pages });
  };

  documents.onDidOpen((e) => {
    core.documentsChanged();
    core.schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (isConfigUri(e.document.uri)) {
      // the config file edited in the editor: its unsaved text applies at once
      core.configChanged();
      // in an untrusted workspace the file is not read at all (nor its problems shown)
      if (core.workspaceTrusted) {
        const loaded = core.host.configFromText(e.document.uri, e.document.getText());
        if (loaded) core.publishConfigProblems(loaded);
      }
      return;
    }
    // no debounce: changes that arrive while a lint runs are coalesced anyway, and a long lint gives way
    // to the next version at its next pause
    core.documentsChanged();
    core.schedule(e.document, 0);
  });
  documents.onDidClose((e) => {
    core.forget(e.document.uri);
    lintRuns.delete(e.document.uri);
    core.documentsChanged();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    // the settings themselves, where a client pushes them (it may not answer workspace/configuration)
    const pushed = (params?.settings as { gongwen?: unknown } | null | undefined)?.gongwen;
    if (pushed !== undefined) core.pushedSettings = pushed;
    core.settingsChanged();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => isConfigUri(c.uri))) core.configChanged();
  });
  connection.onNotification('gongwen/workspaceTrusted', () => {
    core.workspaceTrusted = true;
    core.configChanged();
  });
}
