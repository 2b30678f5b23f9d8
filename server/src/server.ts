/**
 * The language server: a thin adapter from LSP to the engine. It parses each document version once and
 * serves diagnostics, symbols, folding and code actions from that parse.
 */
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type ConnectionStrategy,
  type ResponseMessage,
  type SymbolInformation,
  type SymbolKind,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setFlagsFromString } from 'v8';
import { inspect } from 'util';
import * as path from 'path';
import { PublishEncoder } from './publish-json';
import { LifecycleGate, type GateMessage } from './lifecycle';
import { readDocxText } from './engine/docx-read';
import { lowerBound } from './engine/bisect';
import { configBoundary, findConfigFile, insideBoundary, readConfigFile, type LoadedConfig } from './workspace-config';
import { URI_FILE_PREFIX, fileUriToPath, normalizeFileUri, pathToFileUri } from './uri';
import {
  fixesOf,
  fixText,
  getRule,
  IncrementalLinter,
  type DiagnosticFix,
  getDocsBase,
  setDocsBase,
  type PublishedDiagnostic,
  type PublishShape,
  type Unchanged,
  type LiveLint,
  isMostlyChinese,
  localeOf,
  minimalEdits,
  type MessageLocale,
  parse,
  resolveOptions,
  type DocumentLanguage,
  type ReportDocument,
} from './engine';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import {
  completeFormulation,
  disableNextLineComment,
  CONFIG_FILE_NAME,
  documentSymbols,
  estimatePages,
  fillAllEdits,
  foldingRangesOf,
  LineIndex,
  mergeOptions,
  PLACEHOLDER_RULES,
  qualifierAfter,
  sectionOf,
  sectionFigures,
  pageStarts,
  paginate,
  renderPaged,
  printableHtml,
  linesOfSource,
  type PreviewMark,
  selectionSpans,
  type DocumentSymbol,
} from './engine';

export const FIX_ALL_KIND = 'source.fixAll.gongwen';

// the rule pages installed with the server (docs/rules/ beside dist/): every diagnostic's link opens a page that exists
setDocsBase(pathToFileUri(path.join(__dirname, '..', 'docs', 'rules')) + '/');

/**
 * With very long reports open, let the heap grow by 10% over what survives a full collection instead
 * of V8's default of up to several times that: a 10 MB report then stays under 150 MB. Below that,
 * V8's default, which collects less often (keystroke latency at 1 MB is measurably better with it).
 */
const TIGHT_HEAP_ABOVE = 1_500_000; // UTF-16 code units open in all, about 4.5 MB of Chinese
let tightHeap = false;

function fitHeapToDocuments(): void {
  let open = 0;
  for (const d of documents.all()) open += d.getText().length;
  const tight = open > TIGHT_HEAP_ABOVE;
  if (tight === tightHeap) return;
  tightHeap = tight;
  setFlagsFromString(tight ? '--heap-growing-percent=10' : '--heap-growing-percent=0');
}

const encoder = new PublishEncoder();
/**
 * A request the client cancelled while it still waited in the queue is answered as cancelled, not
 * worked out (VS Code cancels CodeLens, hover and code-action requests as the user types on).
 */
const STRATEGY: ConnectionStrategy = {
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as unknown as { id: number | string }).id, error: { code: LSPErrorCodes.RequestCancelled, message: '请求已取消' } }),
};

const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all, STRATEGY);

/**
 * Over stdio (how gongwen's client starts the server), messages are written by PublishEncoder, which
 * serializes only the diagnostics of lines that changed. Otherwise as createConnection does for --stdio:
 * exit when the client closes the pipe, and keep console output off it.
 */
function createStdioConnection() {
  const writer = new StreamMessageWriter(process.stdout, {
    contentTypeEncoder: { name: 'application/json', encode: (msg) => Promise.resolve(encoder.encode(msg)) },
  });
  const reader = new StreamMessageReader(process.stdin);
  const gate = new LifecycleGate((id, code, message) => void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as ResponseMessage));
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message) => {
      // the LSP lifecycle, and parameters a handler could not use, answered before the message is queued
      if (!gate.admit(message as GateMessage)) return;
      // count the changes read but not yet applied: a lint waits for the last of them (see schedule)
      const m = message as { method?: string; params?: { textDocument?: { uri?: unknown } } };
      const uri = m.method === 'textDocument/didChange' ? m.params?.textDocument?.uri : undefined;
      if (typeof uri === 'string') queuedChanges.set(uri, (queuedChanges.get(uri) ?? 0) + 1);
      callback(message);
    });
  // a frame without a readable header leaves the stream at an unknown place: nothing after it can be
  // trusted to be read right, so the server stops (and the client starts it again) instead of hanging
  reader.onError((e) => {
    if (/header|content-length/i.test(String((e as Error)?.message ?? e))) {
      process.stderr.write(`gongwen: 收到无法解析的消息头，连接已无法继续，服务退出（${String((e as Error)?.message ?? e)}）\n`);
      process.exit(1);
    }
  });
  const c = createConnection(ProposedFeatures.all, reader, writer, STRATEGY);
  let shutdown = false;
  c.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const line = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => c.console.log(line(args));
  console.warn = (...args: unknown[]) => c.console.warn(line(args));
  console.error = (...args: unknown[]) => c.console.error(line(args));
  return c;
}
/** Per document: didChange notifications read from the client but not yet applied (stdio only). */
const queuedChanges = new Map<string, number>();

/** Per document: what the edits since its last parse left unchanged at the start and the end. */
const unchangedSinceParse = new Map<string, Unchanged>();

/**
 * Per document: a number raised by every open and every change. The caches key on it, not on the
 * version number, which a client may send twice (or open a document again with the same number).
 */
const stamps = new Map<string, number>();
let stampCount = 0;
const stampOf = (uri: string) => stamps.get(uri) ?? 0;

// TextDocument's own update, which also notes the span the edits touched, so that the next parse
// rescans those lines without comparing the two versions' texts
const documents = new TextDocuments<TextDocument>({
  create(uri, languageId, version, content) {
    // opened (again): nothing of what was known of an earlier text under this URI applies
    stamps.set(uri, ++stampCount);
    unchangedSinceParse.delete(uri);
    queuedChanges.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  },
  update(doc, changes, version) {
    const queued = queuedChanges.get(doc.uri);
    if (queued !== undefined) {
      if (queued > 1) queuedChanges.set(doc.uri, queued - 1);
      else queuedChanges.delete(doc.uri);
    }
    const before = doc.getText().length;
    let bound = unchangedSinceParse.get(doc.uri) ?? { prefix: before, suffix: before };
    for (const change of changes) {
      if (!('range' in change) || changes.length > 1) {
        bound = { prefix: 0, suffix: 0 }; // the whole text, or several edits in a row: compare the texts
        break;
      }
      // a range may come end first (the text library swaps its ends, and so must this)
      const a = doc.offsetAt(change.range.start);
      const b = doc.offsetAt(change.range.end);
      bound = { prefix: Math.min(bound.prefix, a, b), suffix: Math.min(bound.suffix, before - Math.max(a, b)) };
    }
    unchangedSinceParse.set(doc.uri, bound);
    stamps.set(doc.uri, ++stampCount);
    return TextDocument.update(doc, changes, version);
  },
});

let canPullConfiguration = false;
let canResolveEdits = false;
let canVersionEdits = false;
let canRegisterConfiguration = false;
const settingsCache = new Map<string, Promise<ServerSettings>>();
const reportedProblems = new Set<string>();

interface Parsed {
  version: number;
  /** The document's stamp when parsed (see stampOf). */
  stamp: number;
  doc: ReportDocument;
  /** As published: without fixes, which code actions take from `live` or `full`. */
  diagnostics: PublishedDiagnostic[];
  linted: boolean;
  /** The lint of this version: its findings by line, with their fixes. */
  live?: LiveLint;
}
const parsed = new Map<string, Parsed>();
const timers = new Map<string, NodeJS.Timeout>();
/** Per document: line-local findings cached by line text, so a keystroke re-lints only the changed lines. */
const linters = new Map<string, IncrementalLinter>();
/** The settings each document was last linted with (code actions reuse them synchronously). */
const lastSettings = new Map<string, ServerSettings>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  // a client that resolves a code action's edit when it is chosen gets 修复全部 without the edit worked out in advance
  canResolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  canVersionEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
  // in an untrusted workspace (VS Code's restricted mode) the workspace's own .gongwen.json is not read
  const init = params.initializationOptions as { trusted?: boolean; locale?: string; compactDiagnostics?: boolean } | undefined;
  // gongwen's own client adds each diagnostic's source and documentation link itself
  compactDiagnostics = init?.compactDiagnostics === true;
  // messages in Chinese, or in English when VS Code's display language is English
  locale = localeOf(init?.locale ?? params.locale);
  workspaceTrusted = init?.trusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceRoots = folders.filter((u) => u.startsWith(URI_FILE_PREFIX)).map(fileUriToPath).filter((p): p is string => p !== undefined);
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: '公文大纲' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      hoverProvider: true,
      completionProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    },
    serverInfo: { name: 'gongwen', version: '0.1.0' },
  };
  if (compactDiagnostics) {
    // what a compact diagnostic leaves out: source "gongwen", and the link docsBase + code + ".md"
    result.capabilities.experimental = { gongwen: { compactDiagnostics: { source: 'gongwen', docsBase: getDocsBase() } } };
  }
  return result;
});

connection.onInitialized(() => {
  if (canRegisterConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' });
  }
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const d of documents.all()) {
    parsed.delete(d.uri);
    schedule(d, 0);
  }
});

function notifyOnce(problem: string): void {
  if (reportedProblems.has(problem)) return;
  reportedProblems.add(problem);
  void connection.window.showWarningMessage(`公文助手：${problem}`);
}

/** Settings (user, then workspace, as the client resolves them for the document), then .gongwen.json on top. */
function settingsFor(uri: string): Promise<ServerSettings> {
  let s = settingsCache.get(uri);
  if (!s) {
    const fromClient = canPullConfiguration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'gongwen' }).then(readSettings, () => DEFAULT_SETTINGS)
      : Promise.resolve(DEFAULT_SETTINGS);
    s = fromClient.then((given) => {
      // restricted mode: what package.json lists as restrictedConfigurations is not taken from any
      // client (VS Code leaves out the workspace's values; another client might not)
      const settings = workspaceTrusted ? given : { ...given, lint: { ...given.lint, rules: undefined, phrases: undefined, numbering: undefined } };
      for (const p of settings.problems) notifyOnce(p);
      const file = workspaceConfigFor(uri);
      return file ? { ...settings, lint: mergeOptions(settings.lint, file.options) } : settings;
    });
    settingsCache.set(uri, s);
  }
  return s;
}

// ---- .gongwen.json ----

const configFiles = new Map<string, LoadedConfig | null>();
let workspaceTrusted = true;
let locale: MessageLocale = 'zh';
let compactDiagnostics = false;

connection.onNotification('gongwen/workspaceTrusted', () => {
  workspaceTrusted = true;
  configChanged();
});

connection.onRequest('gongwen/serverInfo', () => ({ pid: process.pid, trusted: workspaceTrusted, execArgv: process.execArgv, transport: process.argv.includes('--stdio') ? 'stdio' : 'other' }));
let workspaceRoots: string[] = [];

/**
 * The .gongwen.json that applies to a document: the nearest one from its folder up to the workspace
 * folder that holds it, or (a file outside every workspace folder) up to the user's home — never above
 * it: another user could leave one in a shared folder. A .gongwen.json that links out of that boundary is
 * not read.
 */
function workspaceConfigFor(uri: string): LoadedConfig | undefined {
  if (!workspaceTrusted || !uri.startsWith(URI_FILE_PREFIX)) return undefined;
  const docPath = fileUriToPath(uri);
  if (!docPath) return undefined;
  const boundary = configBoundary(docPath, workspaceRoots);
  const file = findConfigFile(docPath, [boundary]);
  if (!file || !insideBoundary(file, boundary)) return undefined;
  let loaded = configFiles.get(file);
  if (loaded === undefined) {
    const open = openDocument(pathToFileUri(file));
    loaded = readConfigFile(file, open?.getText()) ?? null;
    configFiles.set(file, loaded);
    if (loaded) publishConfigProblems(loaded);
  }
  return loaded ?? undefined;
}

/** The open document of a file: URI, however the client spelled it. */
function openDocument(uri: string): TextDocument | undefined {
  const exact = documents.get(uri);
  if (exact) return exact;
  const key = normalizeFileUri(uri);
  return documents.all().find((d) => d.uri.startsWith(URI_FILE_PREFIX) && normalizeFileUri(d.uri) === key);
}

function publishConfigProblems(config: LoadedConfig): void {
  const lines = new LineIndex(config.text);
  const diagnostics: LspDiagnostic[] = config.problems.map((p) => ({
    range: lines.range(p.start, p.end),
    severity: 2,
    source: 'gongwen',
    code: 'config',
    message: p.message,
  }));
  // on the document as the client knows it, when it is open
  void connection.sendDiagnostics({ uri: openDocument(pathToFileUri(config.path))?.uri ?? pathToFileUri(config.path), diagnostics });
  if (config.problems.length) notifyOnce(`${CONFIG_FILE_NAME} 有 ${config.problems.length} 处配置错误，已忽略这些项，其余配置照常生效。`);
}

function configChanged(): void {
  configFiles.clear();
  settingsCache.clear();
  for (const d of documents.all()) {
    if (d.uri.endsWith('/' + CONFIG_FILE_NAME)) continue;
    schedule(d, 0);
  }
}

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => c.uri.endsWith('/' + CONFIG_FILE_NAME))) configChanged();
});

function languageOf(doc: TextDocument): DocumentLanguage {
  return doc.languageId === 'markdown' ? 'markdown' : doc.languageId === 'gongwen' ? 'gongwen' : 'plaintext';
}

/** Plain text as editors name it: VS Code's plaintext; text in Neovim, Helix, Emacs and others. */
const PLAIN_TEXT = new Set(['plaintext', 'text', 'txt']);

function shouldLint(doc: TextDocument, settings: ServerSettings): boolean {
  if (!settings.enable) return false;
  if (doc.languageId === 'gongwen') return true;
  if (!PLAIN_TEXT.has(doc.languageId) && doc.languageId !== 'markdown') return false;
  if (settings.otherLanguages === 'never') return false;
  if (settings.otherLanguages === 'always') return true;
  return isMostlyChinese(doc.getText());
}

/** The parse of the document's current version, made once and shared by every feature. */
function parsedOf(doc: TextDocument): Parsed {
  const cached = parsed.get(doc.uri);
  if (cached && cached.stamp === stampOf(doc.uri)) return cached;
  // the previous version's parse carries over every line the edits did not touch
  const unchanged = unchangedSinceParse.get(doc.uri);
  unchangedSinceParse.delete(doc.uri);
  const entry: Parsed = { version: doc.version, stamp: stampOf(doc.uri), doc: parse(doc.getText(), languageOf(doc), cached?.doc, cached && unchanged), diagnostics: [], linted: false };
  parsed.set(doc.uri, entry);
  return entry;
}

function messagesFor(settings: ServerSettings): MessageLocale {
  return settings.messageLanguage === 'auto' ? locale : localeOf(settings.messageLanguage);
}

function shapeFor(settings: ServerSettings): PublishShape {
  // the note on a cut list counts among gongwen.maxProblems (VS Code shows 1,000 per file and drops the rest)
  return { locale: messagesFor(settings), compact: compactDiagnostics, limit: Math.max(1, settings.maxProblems - 1) };
}

/** GONGWEN_TRACE=1 writes the time of each lint to stderr (for profiling the server). */
const TRACE = !!process.env.GONGWEN_TRACE;

/** Per document: the latest lint started (a lint that pauses gives up once a newer one has started). */
const lintRuns = new Map<string, number>();
let runs = 0;

/** Documents up to this many code units (about 3 MB of Chinese) may be linted at once for a code action. */
const SYNC_LINT_LIMIT = 1_000_000;

/** A lint works this long at most before it lets other requests in (a keystroke's lint mostly takes less). */
const SLICE_BUDGET_MS = 15;

/** Between slices of a long lint: after the messages that came in meanwhile have been handled. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A document above gongwen.maxFileSize (UTF-8 bytes; counted exactly only near the limit) is neither linted nor given lenses. */
function tooLarge(doc: TextDocument, settings: ServerSettings): boolean {
  const text = doc.getText();
  return text.length * 3 > settings.maxFileSize && Buffer.byteLength(text, 'utf8') > settings.maxFileSize;
}

function tooLargeDiagnostic(size: number, limit: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'gongwen',
    code: 'skipped',
    message: `文档约 ${(size / 1024 / 1024).toFixed(1)} MB，超过检查上限 ${(limit / 1024 / 1024).toFixed(1)} MB，未检查。可在设置 gongwen.maxFileSize 中调高上限。`,
  };
}

async function validate(doc: TextDocument): Promise<void> {
  if (doc.uri.endsWith('/' + CONFIG_FILE_NAME)) return; // its problems are published by the config loader
  const version = doc.version;
  const stamp = stampOf(doc.uri);
  const settings = await settingsFor(doc.uri);
  const current = documents.get(doc.uri);
  if (!current || stampOf(doc.uri) !== stamp) return; // a newer version is on its way
  if (!shouldLint(current, settings)) {
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
    return;
  }
  const text = current.getText();
  // a UTF-8 byte estimate: CJK takes 3 bytes
  // at most 3 UTF-8 bytes per UTF-16 unit: count exactly only near the limit
  const size = text.length * 3 <= settings.maxFileSize ? 0 : Buffer.byteLength(text, 'utf8');
  if (size > settings.maxFileSize) {
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [tooLargeDiagnostic(size, settings.maxFileSize)] });
    return;
  }
  if (text.indexOf('\u0000') !== -1) {
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] }); // binary content: not a report
    return;
  }
  const t0 = TRACE ? performance.now() : 0;
  const entry = parsedOf(current);
  const t1 = TRACE ? performance.now() : 0;
  lastSettings.set(doc.uri, settings);
  // in slices, between which other requests are answered; a newer version or setting stops this lint
  // (never is an old version published over a newer one) and finds the lines linted so far cached
  const run = ++runs;
  lintRuns.set(doc.uri, run);
  const live = await linterOf(doc.uri).lintInSlices(entry.doc, resolveOptions(settings.lint), shapeFor(settings), {
    pause: nextTurn,
    cancelled: () => lintRuns.get(doc.uri) !== run || stampOf(doc.uri) !== stamp,
    budget: SLICE_BUDGET_MS,
    now: () => performance.now(),
  }, reportRuleError);
  if (!live) return;
  lintRuns.delete(doc.uri);
  setLint(entry, live);
  const t2 = TRACE ? performance.now() : 0;
  const sent = connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: entry.diagnostics as LspDiagnostic[] });
  if (TRACE) {
    void sent.then(() => process.stderr.write(`gongwen: ${doc.uri} v${version}: parse ${(t1 - t0).toFixed(1)} ms, lint ${(t2 - t1).toFixed(1)} ms, publish ${(performance.now() - t2).toFixed(1)} ms\n`));
  }
  let placeholders = 0;
  for (const id of PLACEHOLDER_RULES) placeholders += live.counts.get(id) ?? 0;
  // pages as the Word export sets them (the source line each starts on), for reports of ordinary length
  const pages = entry.doc.text.length <= PAGE_FIGURES_LIMIT ? pageStarts(entry.doc, settings.lint.export) : undefined;
  void connection.sendNotification(STATS, { uri: doc.uri, version, characters: entry.doc.characters, placeholders, pageStarts: pages });
}

function linterOf(uri: string): IncrementalLinter {
  let linter = linters.get(uri);
  if (!linter) linters.set(uri, (linter = new IncrementalLinter()));
  return linter;
}

const reportRuleError = (id: string, err: unknown) => connection.console.error(`规则 ${id} 出错：${String(err)}`);

/** Keeps a lint with its version; what is published stops at gongwen.maxProblems, with a note saying so. */
function setLint(entry: Parsed, live: LiveLint): void {
  entry.live = live;
  let total = 0;
  for (const n of live.counts.values()) total += n;
  if (total <= live.diagnostics.length) {
    entry.diagnostics = live.diagnostics;
    encoder.register(entry.diagnostics, live.segments);
  } else {
    const note = truncatedDiagnostic(total, live.diagnostics.length);
    entry.diagnostics = [...live.diagnostics, note];
    encoder.register(entry.diagnostics, [...live.segments, note]);
  }
  entry.linted = true;
}

function truncatedDiagnostic(count: number, shown: number): PublishedDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'gongwen',
    code: 'truncated',
    message: `本文档共发现 ${count} 个问题，只显示其中 ${shown} 个：每类问题都有显示，数量多的一类只显示靠前的。改正后其余问题会陆续显示。上限见设置 gongwen.maxProblems（VS Code 每个文件最多显示 1000 个问题）。`,
  };
}

/**
 * The lint of the document's current version, for code actions: the published one, or, when the
 * request comes before it (the user asks for a fix right after typing), one made now.
 */
function lintedOf(doc: TextDocument): Parsed | undefined {
  const entry = parsedOf(doc);
  if (entry.linted) return entry;
  const settings = lastSettings.get(doc.uri);
  // a very long report is not linted in one go here (its sliced lint is on the way): its fixes come with it
  if (!settings || doc.getText().length > SYNC_LINT_LIMIT) return undefined;
  setLint(entry, linterOf(doc.uri).lint(entry.doc, resolveOptions(settings.lint), shapeFor(settings), reportRuleError));
  return entry;
}

/** The fixes of a published diagnostic, looked up in the lint it came from. */
function fixesFor(entry: Parsed, d: LspDiagnostic): DiagnosticFix[] {
  if (!entry.live) return [];
  const start = entry.doc.lines.offsetAt(d.range.start);
  const end = entry.doc.lines.offsetAt(d.range.end);
  const f = entry.live.findingsOnLines(d.range.start.line, d.range.start.line).find((x) => x.rule.meta.id === d.code && x.start === start && x.end === end);
  return f ? fixesOf(entry.doc, f) : [];
}

/** Every finding's fixes, for the rules whose ids `wanted` accepts. */
function allFixes(entry: Parsed, wanted: (code: string) => boolean): DiagnosticFix[][] {
  if (!entry.live) return [];
  return entry.live.findingsOnLines(0, entry.doc.lines.lineCount - 1).filter((f) => wanted(f.rule.meta.id)).map((f) => fixesOf(entry.doc, f));
}

/** Report figures for the status bar: 字数 and the placeholders still to fill. */
export const STATS = 'gongwen/stats';

/** Page figures are worked out for each version up to this many code units (about 300 pages): longer texts get none. */
const PAGE_FIGURES_LIMIT = 300_000;
/** Fill every identical qualified placeholder (XX镇) with one value: returns one WorkspaceEdit. */
/**
 * The report as a Word document (GB/T 9704 layout, with the export settings of its folder): the bytes in
 * base64 for the client to write, the errors still in it, and its pages. The export code is loaded on the first export.
 */
connection.onRequest('gongwen/exportDocx', async (params: { uri?: unknown }) => {
  const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  if (!doc) return { error: '找不到这个文档：请先在编辑器中打开它。' };
  const settings = await settingsFor(doc.uri);
  const text = doc.getText();
  const size = Buffer.byteLength(text, 'utf8');
  if (size > settings.maxFileSize) return { error: `文档约 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB，不导出。可在设置 gongwen.maxFileSize 中调高上限。` };
  if (text.indexOf('\u0000') !== -1) return { error: '这个文档含有二进制内容，不是报告，不导出。' };
  const entry = lintedOf(doc) ?? parsedOf(doc);
  const errors = entry.live
    ? entry.live.findingsOnLines(0, entry.doc.lines.lineCount - 1).filter((f) => f.severity === 'error').length
    : entry.diagnostics.filter((d) => d.severity === 1).length;
  const { exportParsed } = await import('./engine/export/index.js');
  const result = await exportParsed(entry.doc, settings.lint.export);
  return { data: Buffer.from(result.bytes).toString('base64'), errors, pages: estimatePages(entry.doc, settings.lint.export) };
});

/** The preview is drawn for texts up to this many code units (about 1,000 pages). */
const PREVIEW_LIMIT = 1_000_000;

/**
 * The paged preview of a report: its pages as HTML (the Word export's lines, pages and page numbers), the
 * style sheet, where each page starts; findings of the published diagnostics marked (not with `print`).
 */
connection.onRequest('gongwen/preview', async (params: { uri?: unknown; print?: unknown }) => {
  const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  if (!doc) return { error: '找不到这个文档：请先在编辑器中打开它。' };
  const settings = await settingsFor(doc.uri);
  const text = doc.getText();
  if (text.length > Math.min(PREVIEW_LIMIT, settings.maxFileSize)) return { error: `文档太长（${text.length} 个字符），不生成分页预览。`, version: doc.version };
  if (text.indexOf('\u0000') !== -1) return { error: '这个文档含有二进制内容，不是报告，不生成分页预览。', version: doc.version };
  const entry = parsedOf(doc);
  const marks: PreviewMark[] = [];
  if (params.print !== true && entry.linted) {
    for (const d of entry.diagnostics) {
      if (d.code === 'truncated') continue;
      const code = String(d.code);
      const kind = /^placeholder\/(?!residue)/.test(code) ? 'placeholder' : d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
      marks.push({ start: entry.doc.lines.offsetAt(d.range.start), end: entry.doc.lines.offsetAt(d.range.end), kind, message: d.message });
    }
  }
  const paged = entry.doc.memo(`paged:${JSON.stringify(settings.lint.export ?? {})}`, () => paginate(entry.doc, settings.lint.export));
  const model = renderPaged(entry.doc, paged, marks);
  if (params.print === true) return { version: doc.version, html: printableHtml(model, entry.doc.title?.text ?? '报告') };
  return { version: doc.version, ...model };
});

/**
 * The body text of a Word document the client read (base64), one paragraph a line: for 检查 Word 文档
 * and 导入为可编辑的报告. The bytes come from the client, so remote and virtual workspaces work alike.
 */
connection.onRequest('gongwen/docxText', (params: { data?: unknown }): { text?: string; paragraphs?: number; error?: string } => {
  if (typeof params?.data !== 'string') return { error: '没有收到 Word 文档的内容。' };
  const read = readDocxText(Buffer.from(params.data, 'base64'));
  return read.ok ? { text: read.paragraphs.join('\n'), paragraphs: read.paragraphs.length } : { error: read.reason };
});

export const FILL_ALL = 'gongwen/fillAll';

connection.onRequest(FILL_ALL, (params: { uri: string; placeholder: string; qualifier: string; value: string }) => {
  const doc = documents.get(params?.uri);
  if (!doc || typeof params.placeholder !== 'string' || typeof params.qualifier !== 'string' || typeof params.value !== 'string') return null;
  const entry = parsedOf(doc);
  const edits = fillAllEdits(entry.doc, params.placeholder, params.qualifier, params.value).map((e) => ({
    range: entry.doc.lines.range(e.start, e.end),
    newText: e.newText,
  }));
  return { changes: { [params.uri]: edits } };
});

function schedule(doc: TextDocument, delay: number): void {
  const old = timers.get(doc.uri);
  if (old) clearTimeout(old);
  let waited = 0;
  const run = () => {
    timers.delete(doc.uri);
    // a newer change is read and waits in the queue: its own schedule lints the text it makes (looked at
    // again for a while, in case that change never gets applied — a malformed one)
    if (queuedChanges.has(doc.uri) && waited++ < 200) {
      timers.set(doc.uri, setTimeout(run, 1));
      return;
    }
    validate(doc).catch((err) => connection.console.error(`检查 ${doc.uri} 失败：${err instanceof Error ? err.stack : String(err)}`));
  };
  // a timer, not an immediate: the connection handles one queued message per turn of the event loop, and
  // an immediate set while handling one would lint (and publish) before the next; a timer set again by
  // every change waits until the queued changes are all applied (a flood of them is linted once)
  timers.set(doc.uri, setTimeout(run, Math.max(1, delay)));
}

documents.onDidOpen((e) => {
  fitHeapToDocuments();
  schedule(e.document, 0);
});
documents.onDidChangeContent((e) => {
  if (e.document.uri.endsWith('/' + CONFIG_FILE_NAME)) {
    // the config file edited in the editor: its unsaved text applies at once
    configChanged();
    // in an untrusted workspace the file is not read at all (nor its problems shown)
    const file = e.document.uri.startsWith(URI_FILE_PREFIX) ? fileUriToPath(e.document.uri) : undefined;
    if (workspaceTrusted && file) {
      const loaded = readConfigFile(file, e.document.getText());
      if (loaded) publishConfigProblems(loaded);
    }
    return;
  }
  // no debounce: changes that arrive while a lint runs are coalesced anyway, and a long lint gives way
  // to the next version at its next pause
  fitHeapToDocuments();
  schedule(e.document, 0);
});
documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  parsed.delete(e.document.uri);
  stamps.delete(e.document.uri);
  unchangedSinceParse.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  lastSettings.delete(e.document.uri);
  linters.delete(e.document.uri);
  lintRuns.delete(e.document.uri);
  fitHeapToDocuments();
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  return documentSymbols(parsedOf(doc).doc);
});

connection.onFoldingRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  return foldingRangesOf(parsedOf(doc).doc);
});

connection.onWorkspaceSymbol((params) => {
  const query = (params.query ?? '').trim();
  const out: SymbolInformation[] = [];
  for (const doc of documents.all()) {
    if (doc.uri.endsWith('/' + CONFIG_FILE_NAME) || !(doc.languageId === 'gongwen' || doc.languageId === 'markdown' || PLAIN_TEXT.has(doc.languageId))) continue;
    const walk = (list: DocumentSymbol[], container?: string) => {
      for (const sym of list) {
        if (!query || sym.name.includes(query)) out.push({ name: sym.name, kind: sym.kind as SymbolKind, location: { uri: doc.uri, range: sym.selectionRange }, containerName: container });
        walk(sym.children, sym.name);
      }
    };
    const symbols = documentSymbols(parsedOf(doc).doc);
    // a report's title groups its sections; plain-text files without headings add nothing
    if (symbols.length) walk(symbols);
    if (out.length > 2000) break;
  }
  return out;
});

connection.onSelectionRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const parsedDoc = parsedOf(doc).doc;
  return params.positions.map((p) => {
    const spans = selectionSpans(parsedDoc, parsedDoc.lines.offsetAt(p));
    type Sel = { range: DocumentSymbol['range']; parent?: Sel };
    let result: Sel | undefined;
    for (const sp of spans.reverse()) result = { range: parsedDoc.lines.range(sp.start, sp.end), parent: result };
    return result ?? { range: { start: p, end: p } };
  });
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const entry = parsedOf(doc);
  const line = params.position.line;
  const findingsIn = (first: number, last: number) => {
    if (!entry.linted) return '';
    // the note on a truncated list is not a problem of the report; past gongwen.maxProblems only the shown ones are counted
    const inside = entry.diagnostics.filter((d) => d.code !== 'truncated' && d.range.start.line >= first && d.range.start.line <= last);
    const errors = inside.filter((d) => d.severity === 1).length;
    const warnings = inside.filter((d) => d.severity === 2).length;
    return inside.length ? `，${inside.length} 个问题（错误 ${errors}，警告 ${warnings}，提示 ${inside.length - errors - warnings}）` : '，没有发现问题';
  };
  const title = entry.doc.title;
  if (title && title.line === line) {
    const chars = entry.doc.characters;
    const pages = estimatePages(entry.doc, lastSettings.get(doc.uri)?.lint.export);
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
  const options = lastSettings.get(doc.uri)?.lint.export;
  let pages = '';
  if (entry.doc.text.length <= PAGE_FIGURES_LIMIT) {
    const paged = entry.doc.memo(`paged:${JSON.stringify(options ?? {})}`, () => paginate(entry.doc, options));
    const share = linesOfSource(paged, figures.firstLine, figures.lastLine) / paged.layout.options.linesPerPage;
    pages = `，约 ${share < 0.1 ? '0.1' : share.toFixed(1)} 页`;
  }
  return {
    contents: { kind: 'markdown', value: `**${name}**\n\n本节 ${figures.characters} 字${pages}（第 ${figures.firstLine + 1}～${figures.lastLine + 1} 行）${findingsIn(figures.firstLine, figures.lastLine)}。` },
    range: entry.doc.lines.range(heading.markerStart, heading.textEnd),
  };
});

// a lens above each 一、 section: its 字数 and findings
connection.onCodeLens(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || doc.uri.endsWith('/' + CONFIG_FILE_NAME)) return null;
  const settings = await settingsFor(doc.uri);
  if (!settings.codeLens || !shouldLint(doc, settings) || tooLarge(doc, settings)) return [];
  const entry = parsedOf(doc);
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

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || doc.uri.endsWith('/' + CONFIG_FILE_NAME)) return null;
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

connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  const suppress: CodeAction[] = [];
  const gongwenDiagnostics = params.context.diagnostics.filter(isOurs);
  const linted = wants(CodeActionKind.QuickFix) && gongwenDiagnostics.length ? lintedOf(doc) : undefined;
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of gongwenDiagnostics) {
      const fixes = linted ? fixesFor(linted, d) : [];
      for (const f of fixes) {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: f.isPreferred,
          edit: { changes: { [uri]: f.edits as TextEdit[] } },
        });
      }
      if (PLACEHOLDER_RULES.includes(String(d.code))) actions.push(...placeholderActions(doc, d));
    }
  }
  if (wants(CodeActionKind.QuickFix)) {
    // last in the menu: silence the rule here, or for the workspace
    for (const d of params.context.diagnostics) {
      if (isOurs(d) && typeof d.code === 'string' && d.code.includes('/')) suppress.push(...suppressActions(doc, d));
    }
  }
  if (linted && gongwenDiagnostics.some((d) => /^(phrasing|typo)\//.test(String(d.code)))) {
    const edits = firstSafeEdits(allFixes(linted, (code) => /^(phrasing|typo)\//.test(code)));
    if (edits.length > 1) {
      actions.push({ title: `修复本文档全部提法和错别字问题（${edits.length} 处）`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const entry = parsed.get(uri);
    if (entry && entry.stamp === stampOf(doc.uri) && entry.linted && lastSettings.get(uri)) {
      // asked for it by kind (on save, 修复全部 from the source action menu): the edit now; asked for
      // everything (the light bulb, as the cursor moves): only an offer, its edit worked out when chosen
      const explicit = !!only?.some((k) => k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(k + '.') || k === 'source');
      if (explicit || !canResolveEdits) {
        const action = fixAllAction(doc, entry);
        if (action) actions.push(action);
      } else if (entry.live && entry.live.diagnostics.length) {
        actions.push({ title: '修复全部可自动修复的问题', kind: FIX_ALL_KIND, data: { uri, stamp: entry.stamp } });
      }
    }
  }
  return [...actions, ...suppress];
});

/**
 * 修复全部可自动修复的问题: every safe fix, repeated until stable (a renumbering may follow a punctuation
 * fix), as small edits (one per changed line), tied to the document version they were made for where
 * the client takes versioned edits (an edit for an older text is then refused, not misapplied).
 */
function fixAllAction(doc: TextDocument, entry: Parsed): CodeAction | undefined {
  const settings = lastSettings.get(doc.uri);
  if (!settings) return undefined;
  const text = doc.getText();
  const { output, applied } = fixText(text, resolveOptions(settings.lint), languageOf(doc));
  const edits: TextEdit[] = minimalEdits(text, output).map((e) => ({ range: entry.doc.lines.range(e.start, e.end), newText: e.newText }));
  if (!edits.length) return undefined;
  const edit = canVersionEdits ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };
  return { title: `修复全部可自动修复的问题（${applied} 处）`, kind: FIX_ALL_KIND, edit };
}

connection.onCodeActionResolve((action) => {
  const data = action.data as { uri?: unknown; stamp?: unknown } | undefined;
  if (action.kind !== FIX_ALL_KIND || !data || typeof data.uri !== 'string') return action;
  const doc = documents.get(data.uri);
  const entry = doc && parsed.get(data.uri);
  // the document changed since the offer: the fixes of its text now
  if (!doc || !entry) return action;
  const current = entry.stamp === stampOf(doc.uri) ? entry : lintedOf(doc);
  const resolved = current && fixAllAction(doc, current);
  return resolved ? { ...action, title: resolved.title, edit: resolved.edit } : action;
});

/** A diagnostic of ours, as the client sends it back (a compact one may come back without its source). */
function isOurs(d: LspDiagnostic): boolean {
  return d.source === 'gongwen' || (compactDiagnostics && d.source === undefined && typeof d.code === 'string' && d.code.includes('/'));
}

/** 忽略此处 (a comment above the line) and 在本工作区关闭 (a setting, through the client). */
function suppressActions(doc: TextDocument, d: LspDiagnostic): CodeAction[] {
  const code = String(d.code);
  const line = d.range.start.line;
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  // the check's own name in the title (忽略此处的错别字检查), the rule id only where the name is unknown
  const name = getRule(code)?.meta.name ?? code;
  return [
    {
      title: `忽略此处的${name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: disableNextLineComment(code) + eol }] } },
    },
    { title: `在本工作区关闭${name}（${code}）`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: '关闭规则', command: 'gongwen.disableRule', arguments: [code] } },
  ];
}

/** 填写… for one placeholder, and 全部填写 for a placeholder that qualifies a name (XX镇). */
function placeholderActions(doc: TextDocument, d: LspDiagnostic): CodeAction[] {
  const entry = parsedOf(doc);
  const start = entry.doc.lines.offsetAt(d.range.start);
  const end = entry.doc.lines.offsetAt(d.range.end);
  const placeholder = entry.doc.text.slice(start, end);
  const actions: CodeAction[] = [
    { title: `填写“${placeholder}”…`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: '填写占位符', command: 'gongwen.fillPlaceholder', arguments: [doc.uri, d.range] } },
  ];
  const qualifier = qualifierAfter(entry.doc, end);
  if (qualifier) {
    const count = fillAllEdits(entry.doc, placeholder, qualifier, '').length;
    if (count > 1) {
      actions.push({
        title: `全部填写“${placeholder}${qualifier}”（${count} 处）…`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: '全部填写', command: 'gongwen.fillAll', arguments: [doc.uri, placeholder, qualifier] },
      });
    }
  }
  return actions;
}

/** The first safe fix of each finding, skipping fixes that overlap one already taken. */
function firstSafeEdits(fixes: DiagnosticFix[][]): TextEdit[] {
  const kept: TextEdit[] = [];
  // the kept edits' spans, in order (fixes come in document order: a new span is mostly appended)
  const starts: number[] = [];
  const ends: number[] = [];
  const key = (p: { line: number; character: number }) => p.line * 1e7 + p.character;
  const free = (s: number, e: number) => {
    // the last kept span that starts before e must end at or before s
    const lo = lowerBound(starts, e);
    return lo === 0 || ends[lo - 1] <= s;
  };
  const keep = (s: number, e: number) => {
    let at = starts.length;
    while (at > 0 && starts[at - 1] > s) at--;
    starts.splice(at, 0, s);
    ends.splice(at, 0, e);
  };
  for (const list of fixes) {
    const f = list.find((x) => x.safe);
    if (!f) continue;
    const spans = (f.edits as TextEdit[]).map((e) => [key(e.range.start), key(e.range.end)] as const);
    if (!spans.every(([s, e]) => free(s, e))) continue;
    for (const [s, e] of spans) keep(s, e);
    kept.push(...(f.edits as TextEdit[]));
  }
  return kept;
}

documents.listen(connection);
connection.listen();
