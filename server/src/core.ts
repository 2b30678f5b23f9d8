/**
 * The language server's core, shared by every feature: the open documents (with the stamps the caches
 * key on), the settings of each document (the client's, then .gongwen.json), the parse of each version
 * and its lint, and the scheduling of lints. No Node module here: the same core runs in Node and in a
 * browser's Web Worker, each entry giving its Host.
 */
import { TextDocuments, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishEncoder } from './publish-json';
import { uriKey } from './uri-key';
import {
  CONFIG_FILE_NAME,
  fixesOf,
  IncrementalLinter,
  isMostlyChinese,
  LineIndex,
  localeOf,
  mergeOptions,
  parse,
  resolveOptions,
  type DiagnosticFix,
  type DocumentLanguage,
  type LintOptions,
  type LiveLint,
  type MessageLocale,
  type PublishedDiagnostic,
  type PublishShape,
  type ReportDocument,
  type Unchanged,
} from './engine';
import type { ConfigFileProblem } from './engine';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** A .gongwen.json as read: its text, the options it gives and its problems. */
export interface ConfigFile {
  /** The file's URI as the client names it. */
  uri: string;
  text: string;
  options: LintOptions;
  problems: ConfigFileProblem[];
}

/** What differs between Node and a browser. */
export interface Host {
  /**
   * The .gongwen.json that applies to the document `uri` (`roots`: the workspace folders' URIs), and how
   * to read it (`openText`: the unsaved text of an open document). Reading only: nothing in it is executed.
   */
  configFor(uri: string, roots: readonly string[]): { uri: string; read(openText: (uri: string) => string | undefined): ConfigFile | undefined } | undefined;
  /** A .gongwen.json open in the editor, read from its text; undefined where this host does not read it. */
  configFromText(uri: string, text: string): ConfigFile | undefined;
  /** The next turn of the event loop, after the messages that came in meanwhile. */
  nextTurn(): Promise<void>;
  /** The code units open in all changed (Node tunes its heap). */
  documentsChanged?(openCodeUnits: number): void;
  /** Process figures for gongwen/serverInfo. */
  info(): Record<string, unknown>;
  /** The Word export (loaded on the first export). */
  loadExport(): Promise<typeof import('./engine/export/index')>;
  /** Where each lint's time goes (GONGWEN_TRACE in Node). */
  trace?(message: string): void;
  /** Writes each publishDiagnostics from its runs (over stdio in Node). */
  encoder?: PublishEncoder;
}

export interface Parsed {
  version: number;
  /** The document's stamp when parsed (see Core.stampOf). */
  stamp: number;
  doc: ReportDocument;
  /** As published: without fixes, which code actions take from `live`. */
  diagnostics: PublishedDiagnostic[];
  linted: boolean;
  /** The lint of this version: its findings by line, with their fixes. */
  live?: LiveLint;
}

/** Plain text as editors name it: VS Code's plaintext; text in Neovim, Helix, Emacs and others. */
export const PLAIN_TEXT = new Set(['plaintext', 'text', 'txt']);

/** Documents up to this many code units (about 3 MB of Chinese) may be linted at once for a code action. */
const SYNC_LINT_LIMIT = 1_000_000;

/** Page figures are worked out for each version up to this many code units (about 300 pages): longer texts get none. */
export const PAGE_FIGURES_LIMIT = 300_000;

export const isConfigUri = (uri: string) => uri.endsWith('/' + CONFIG_FILE_NAME);

/** UTF-8 bytes of a text, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class Core {
  /** Per document: what the edits since its last parse left unchanged at the start and the end. */
  private readonly unchangedSinceParse = new Map<string, Unchanged>();
  /** Per document: a number raised by every open and change; the caches key on it, not on the version a client may repeat. */
  private readonly stamps = new Map<string, number>();
  private stampCount = 0;
  readonly documents: TextDocuments<TextDocument>;
  readonly parsed = new Map<string, Parsed>();
  /** Per document: line-local findings cached by line text, so a keystroke re-lints only the changed lines. */
  private readonly linters = new Map<string, IncrementalLinter>();
  /** The settings each document was last linted with (code actions reuse them synchronously). */
  readonly lastSettings = new Map<string, ServerSettings>();
  private readonly settingsCache = new Map<string, Promise<ServerSettings>>();
  private readonly configFiles = new Map<string, ConfigFile | null>();
  private readonly reportedProblems = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  // what the client can do and said at initialization
  canPullConfiguration = false;
  canResolveEdits = false;
  canVersionEdits = false;
  canRegisterConfiguration = false;
  /** The client asks for CodeLens again when told (workspace/codeLens/refresh). */
  canRefreshCodeLens = false;
  workspaceTrusted = true;
  locale: MessageLocale = 'zh';
  compactDiagnostics = false;
  workspaceRoots: string[] = [];
  /**
   * The `gongwen` settings a client gives without being asked (clients that do not answer
   * workspace/configuration): from initializationOptions.gongwen and didChangeConfiguration's settings.
   */
  pushedSettings: unknown = undefined;

  /** Called after a document's findings are published (features that show them elsewhere listen). */
  readonly onPublished: ((uri: string) => void)[] = [];

  /** Lints a document and publishes what it finds (the diagnostics feature sets it). */
  validate: (doc: TextDocument) => Promise<void> = async () => undefined;

  constructor(
    readonly connection: Connection,
    readonly host: Host,
    /** Per document: didChange notifications read from the client but not yet applied (a reader that can count them fills it). */
    readonly queuedChanges = new Map<string, number>(),
  ) {
    const self = this;
    // TextDocument's own update, which also notes the span the edits touched, so that the next parse
    // rescans those lines without comparing the two versions' texts
    this.documents = new TextDocuments<TextDocument>({
      create(uri, languageId, version, content) {
        // opened (again): nothing of what was known of an earlier text under this URI applies
        self.stamps.set(uri, ++self.stampCount);
        self.unchangedSinceParse.delete(uri);
        self.queuedChanges.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update(doc, changes, version) {
        const queued = self.queuedChanges.get(doc.uri);
        if (queued !== undefined) {
          if (queued > 1) self.queuedChanges.set(doc.uri, queued - 1);
          else self.queuedChanges.delete(doc.uri);
        }
        const before = doc.getText().length;
        let bound = self.unchangedSinceParse.get(doc.uri) ?? { prefix: before, suffix: before };
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
        self.unchangedSinceParse.set(doc.uri, bound);
        self.stamps.set(doc.uri, ++self.stampCount);
        return TextDocument.update(doc, changes, version);
      },
    });
  }

  stampOf(uri: string): number {
    return this.stamps.get(uri) ?? 0;
  }

  /** Forgets all that was kept for a closed document. */
  forget(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.parsed.delete(uri);
    this.stamps.delete(uri);
    this.unchangedSinceParse.delete(uri);
    this.settingsCache.delete(uri);
    this.lastSettings.delete(uri);
    this.linters.delete(uri);
  }

  documentsChanged(): void {
    if (!this.host.documentsChanged) return;
    let open = 0;
    for (const d of this.documents.all()) open += d.getText().length;
    this.host.documentsChanged(open);
  }

  notifyOnce(problem: string): void {
    if (this.reportedProblems.has(problem)) return;
    this.reportedProblems.add(problem);
    void this.connection.window.showWarningMessage(`公文助手：${problem}`);
  }

  // ---- settings ----

  /** Settings (user, then workspace, as the client resolves them for the document), then .gongwen.json on top. */
  settingsFor(uri: string): Promise<ServerSettings> {
    let s = this.settingsCache.get(uri);
    if (!s) {
      const fromClient = this.canPullConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'gongwen' }).then(readSettings, () => DEFAULT_SETTINGS)
        : Promise.resolve(this.pushedSettings === undefined ? DEFAULT_SETTINGS : readSettings(this.pushedSettings));
      s = fromClient.then((given) => {
        // restricted mode: what package.json lists as restrictedConfigurations is not taken from any
        // client (VS Code leaves out the workspace's values; another client might not)
        const settings = this.workspaceTrusted ? given : { ...given, lint: { ...given.lint, rules: undefined, phrases: undefined, numbering: undefined } };
        for (const p of settings.problems) this.notifyOnce(p);
        const file = this.workspaceConfigFor(uri);
        return file ? { ...settings, lint: mergeOptions(settings.lint, file.options) } : settings;
      });
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  /** Settings changed: every document is linted again with the new ones. */
  settingsChanged(): void {
    this.settingsCache.clear();
    for (const d of this.documents.all()) {
      this.parsed.delete(d.uri);
      this.schedule(d, 0);
    }
  }

  /** The .gongwen.json that applies to a document (none in an untrusted workspace), read once until it changes. */
  private workspaceConfigFor(uri: string): ConfigFile | undefined {
    if (!this.workspaceTrusted) return undefined;
    const found = this.host.configFor(uri, this.workspaceRoots);
    if (!found) return undefined;
    let loaded = this.configFiles.get(found.uri);
    if (loaded === undefined) {
      loaded = found.read((u) => this.openDocument(u)?.getText()) ?? null;
      this.configFiles.set(found.uri, loaded);
      if (loaded) this.publishConfigProblems(loaded);
    }
    return loaded ?? undefined;
  }

  /** The open document of a URI, however the client spelled it (file: URIs compared in one spelling). */
  openDocument(uri: string): TextDocument | undefined {
    const exact = this.documents.get(uri);
    if (exact) return exact;
    const key = uriKey(uri);
    return this.documents.all().find((d) => uriKey(d.uri) === key);
  }

  publishConfigProblems(config: ConfigFile): void {
    const lines = new LineIndex(config.text);
    const diagnostics: LspDiagnostic[] = config.problems.map((p) => ({ range: lines.range(p.start, p.end), severity: 2, source: 'gongwen', code: 'config', message: p.message }));
    // on the document as the client knows it, when it is open
    void this.connection.sendDiagnostics({ uri: this.openDocument(config.uri)?.uri ?? config.uri, diagnostics });
    if (config.problems.length) this.notifyOnce(`${CONFIG_FILE_NAME} 有 ${config.problems.length} 处配置错误，已忽略这些项，其余配置照常生效。`);
  }

  /** A .gongwen.json changed (on disk, in the editor, or trust was granted): read again, lint again. */
  configChanged(): void {
    this.configFiles.clear();
    this.settingsCache.clear();
    for (const d of this.documents.all()) {
      if (isConfigUri(d.uri)) continue;
      this.schedule(d, 0);
    }
  }

  // ---- parse and lint ----

  languageOf(doc: TextDocument): DocumentLanguage {
    return doc.languageId === 'markdown' ? 'markdown' : doc.languageId === 'gongwen' ? 'gongwen' : 'plaintext';
  }

  shouldLint(doc: TextDocument, settings: ServerSettings): boolean {
    if (!settings.enable) return false;
    if (doc.languageId === 'gongwen') return true;
    if (!PLAIN_TEXT.has(doc.languageId) && doc.languageId !== 'markdown') return false;
    if (settings.otherLanguages === 'never') return false;
    if (settings.otherLanguages === 'always') return true;
    return isMostlyChinese(doc.getText());
  }

  /** A document above gongwen.maxFileSize (UTF-8 bytes; counted exactly only near the limit). */
  tooLarge(doc: TextDocument, settings: ServerSettings): boolean {
    const text = doc.getText();
    return text.length * 3 > settings.maxFileSize && utf8Length(text) > settings.maxFileSize;
  }

  /** The parse of the document's current version, made once and shared by every feature. */
  parsedOf(doc: TextDocument): Parsed {
    const cached = this.parsed.get(doc.uri);
    if (cached && cached.stamp === this.stampOf(doc.uri)) return cached;
    // the previous version's parse carries over every line the edits did not touch
    const unchanged = this.unchangedSinceParse.get(doc.uri);
    this.unchangedSinceParse.delete(doc.uri);
    const entry: Parsed = { version: doc.version, stamp: this.stampOf(doc.uri), doc: parse(doc.getText(), this.languageOf(doc), cached?.doc, cached && unchanged), diagnostics: [], linted: false };
    this.parsed.set(doc.uri, entry);
    return entry;
  }

  messagesFor(settings: ServerSettings): MessageLocale {
    return settings.messageLanguage === 'auto' ? this.locale : localeOf(settings.messageLanguage);
  }

  shapeFor(settings: ServerSettings): PublishShape {
    // the note on a cut list counts among gongwen.maxProblems (VS Code shows 1,000 per file and drops the rest)
    return { locale: this.messagesFor(settings), compact: this.compactDiagnostics, limit: Math.max(1, settings.maxProblems - 1) };
  }

  linterOf(uri: string): IncrementalLinter {
    let linter = this.linters.get(uri);
    if (!linter) this.linters.set(uri, (linter = new IncrementalLinter()));
    return linter;
  }

  readonly reportRuleError = (id: string, err: unknown) => this.connection.console.error(`规则 ${id} 出错：${String(err)}`);

  /** Keeps a lint with its version; what is published stops at gongwen.maxProblems, with a note saying so. */
  setLint(entry: Parsed, live: LiveLint): void {
    entry.live = live;
    let total = 0;
    for (const n of live.counts.values()) total += n;
    if (total <= live.diagnostics.length) {
      entry.diagnostics = live.diagnostics;
      this.host.encoder?.register(entry.diagnostics, live.segments);
    } else {
      const note = truncatedDiagnostic(total, live.diagnostics.length);
      entry.diagnostics = [...live.diagnostics, note];
      this.host.encoder?.register(entry.diagnostics, [...live.segments, note]);
    }
    entry.linted = true;
  }

  /**
   * The lint of the document's current version, for code actions: the published one, or, when the
   * request comes before it (the user asks for a fix right after typing), one made now.
   */
  lintedOf(doc: TextDocument): Parsed | undefined {
    const entry = this.parsedOf(doc);
    if (entry.linted) return entry;
    const settings = this.lastSettings.get(doc.uri);
    // a very long report is not linted in one go here (its sliced lint is on the way): its fixes come with it
    if (!settings || doc.getText().length > SYNC_LINT_LIMIT) return undefined;
    this.setLint(entry, this.linterOf(doc.uri).lint(entry.doc, resolveOptions(settings.lint), this.shapeFor(settings), this.reportRuleError));
    return entry;
  }

  /** The fixes of a published diagnostic, looked up in the lint it came from. */
  fixesFor(entry: Parsed, d: LspDiagnostic): DiagnosticFix[] {
    if (!entry.live) return [];
    const start = entry.doc.lines.offsetAt(d.range.start);
    const end = entry.doc.lines.offsetAt(d.range.end);
    const f = entry.live.findingsOnLines(d.range.start.line, d.range.start.line).find((x) => x.rule.meta.id === d.code && x.start === start && x.end === end);
    return f ? fixesOf(entry.doc, f) : [];
  }

  /** Every finding's fixes, for the rules whose ids `wanted` accepts. */
  allFixes(entry: Parsed, wanted: (code: string) => boolean): DiagnosticFix[][] {
    if (!entry.live) return [];
    return entry.live.findingsOnLines(0, entry.doc.lines.lineCount - 1).filter((f) => wanted(f.rule.meta.id)).map((f) => fixesOf(entry.doc, f));
  }

  /** Lints the document after `delay` ms, once the changes read from the client are all applied. */
  schedule(doc: TextDocument, delay: number): void {
    const old = this.timers.get(doc.uri);
    if (old) clearTimeout(old);
    let waited = 0;
    const run = () => {
      this.timers.delete(doc.uri);
      // a newer change is read and waits in the queue: its own schedule lints the text it makes (looked at
      // again for a while, in case that change never gets applied — a malformed one)
      if (this.queuedChanges.has(doc.uri) && waited++ < 200) {
        this.timers.set(doc.uri, setTimeout(run, 1));
        return;
      }
      this.validate(doc).catch((err) => this.connection.console.error(`检查 ${doc.uri} 失败：${err instanceof Error ? err.stack : String(err)}`));
    };
    // a timer, not an immediate: the connection handles one queued message per turn of the event loop, and
    // an immediate set while handling one would lint (and publish) before the next; a timer set again by
    // every change waits until the queued changes are all applied (a flood of them is linted once)
    this.timers.set(doc.uri, setTimeout(run, Math.max(1, delay)));
  }
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

