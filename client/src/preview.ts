/**
 * 公文助手：打开分页预览: the report as the printed A4 pages, beside the editor. The server sets the
 * pages (the Word export's lines and pages, findings marked); this side only shows them, keeps them
 * current while the user types (coalesced: one request in flight, the latest text next), and keeps the
 * editor and the preview scrolled together. 在浏览器中打开打印版 writes a printable HTML file.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

interface PreviewReply {
  version?: number;
  css?: string;
  pages?: string[];
  starts?: number[];
  error?: string;
}

/** What the page last showed, as its script reported it (tests read it through gongwen.internal.previewState). */
interface Rendered {
  uri: string;
  version: number;
  pages: number;
  /** The source line at the top of the view. */
  top?: number;
  /** Milliseconds the page took to put the update in place and lay it out. */
  ms?: number;
  /** When the page said so (Date.now()). */
  at?: number;
}

/** The preview is asked for this long after the last key (a burst of keys is one update). */
const TYPING_DELAY_MS = 40;

const LANGUAGES = new Set(['gongwen', 'plaintext', 'markdown']);
const isReport = (d: vscode.TextDocument) => LANGUAGES.has(d.languageId) && !d.uri.path.endsWith('/.gongwen.json');

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  let preview: Preview | undefined;
  const open = async (column: vscode.ViewColumn, resource?: vscode.Uri) => {
    const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
    if (!document || !isReport(document)) return void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: open a report (.gongwen, .txt or .md) to preview its pages.'));
    if (preview) {
      preview.show(document, column);
      return;
    }
    preview = new Preview(context, client, document, column);
    preview.onDispose(() => (preview = undefined));
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('gongwen.showPreview', (resource?: vscode.Uri) => open(vscode.ViewColumn.Active, resource)),
    vscode.commands.registerCommand('gongwen.showPreviewToSide', (resource?: vscode.Uri) => open(vscode.ViewColumn.Beside, resource)),
    vscode.commands.registerCommand('gongwen.printPreview', async (resource?: vscode.Uri, answers?: { open?: boolean }) => {
      const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : preview?.document ?? vscode.window.activeTextEditor?.document;
      if (!document || !isReport(document)) return void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: open a report (.gongwen, .txt or .md) to preview its pages.'));
      return printVersion(context, client, document, answers);
    }),
    // not contributed: what the preview shows, for tests
    vscode.commands.registerCommand('gongwen.internal.previewState', () => preview?.rendered),
    { dispose: () => preview?.dispose() },
  );
}

class Preview {
  readonly panel: vscode.WebviewPanel;
  document: vscode.TextDocument;
  rendered: Rendered | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  /** Until then, the editor's scroll events are our own (a reveal the preview asked for). */
  private editorScrolledByUs = 0;

  constructor(
    context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    document: vscode.TextDocument,
    column: vscode.ViewColumn,
  ) {
    this.document = document;
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('gongwen.preview', title(document), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    this.panel.webview.html = page(this.panel.webview, media);
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.refresh(TYPING_DELAY_MS);
      }),
      // findings arrive after the text: mark them when they do (without putting off an update already due)
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.document.uri.toString())) this.refresh(TYPING_DELAY_MS, false);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('gongwen')) this.refresh(200);
      }),
      // the preview follows the report being edited, as Markdown's does
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isReport(editor.document) && editor.document !== this.document && editor.document.uri.scheme !== 'output') this.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.document || !e.visibleRanges.length) return;
        if (Date.now() < this.editorScrolledByUs) return;
        void this.panel.webview.postMessage({ type: 'scroll', line: e.visibleRanges[0].start.line });
      }),
    );
  }

  onDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  show(document: vscode.TextDocument, column?: vscode.ViewColumn): void {
    if (document !== this.document) {
      this.document = document;
      this.rendered = undefined;
      this.panel.title = title(document);
      void this.panel.webview.postMessage({ type: 'reset' });
      this.refresh(0);
    }
    if (column !== undefined) this.panel.reveal(column, true);
  }

  /**
   * Asks for the pages after `delay` ms (typing puts it off: the last key counts); `postpone` false keeps
   * an update already due. While a request is out, once more when it is back.
   */
  private refresh(delay: number, postpone = true): void {
    if (this.timer && !postpone) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  private async update(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const c = this.client();
    if (!c) return;
    this.inFlight = true;
    try {
      const document = this.document;
      const reply = await c.sendRequest<PreviewReply>('gongwen/preview', { uri: document.uri.toString() });
      if (document !== this.document) return;
      if (reply.error || !reply.pages) {
        void this.panel.webview.postMessage({ type: 'error', message: reply.error ?? '?' });
        return;
      }
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      void this.panel.webview.postMessage({
        type: 'update',
        uri: document.uri.toString(),
        version: reply.version,
        css: reply.css,
        pages: reply.pages,
        line: editor?.visibleRanges[0]?.start.line,
        labels: { fit: vscode.l10n.t('Fit width'), actual: '100%', print: vscode.l10n.t('Print version'), pages: vscode.l10n.t('{0} pages') },
      });
    } catch (err) {
      void this.panel.webview.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.refresh(0);
      }
    }
  }

  private async onMessage(m: { type?: string; line?: number; src?: number; pages?: number; version?: number; uri?: string; top?: number; ms?: number }): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.refresh(0);
        return;
      case 'rendered':
        if (typeof m.uri === 'string' && typeof m.version === 'number' && typeof m.pages === 'number') this.rendered = { uri: m.uri, version: m.version, pages: m.pages, top: m.top, ms: m.ms, at: Date.now() };
        return;
      case 'scrolled': {
        if (typeof m.line !== 'number') return;
        if (this.rendered) this.rendered.top = m.line;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        if (!editor) return;
        this.editorScrolledByUs = Date.now() + 300;
        editor.revealRange(new vscode.Range(m.line, 0, m.line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'open': {
        if (typeof m.line !== 'number') return;
        const at = typeof m.src === 'number' && m.src <= this.document.getText().length ? this.document.positionAt(m.src) : new vscode.Position(m.line, 0);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'print':
        await vscode.commands.executeCommand('gongwen.printPreview', this.document.uri);
        return;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    for (const l of this.disposeListeners.splice(0)) l();
  }
}

function title(document: vscode.TextDocument): string {
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) || vscode.l10n.t('report');
  return vscode.l10n.t('Pages: {0}', name);
}

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The view's page: no remote resources, scripts only with this page's nonce, the pages' styles through CSSOM. */
function page(webview: vscode.Webview, media: vscode.Uri): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; font-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}">
</head>
<body>
<div class="bar"><button id="fit" type="button"></button><button id="actual" type="button"></button><span id="count"></span><button id="print" type="button"></button></div>
<div id="message" hidden></div>
<div id="zoom"><div class="pages" id="pages"></div></div>
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
}

/** Writes the printable pages to a temporary HTML file and opens it in the browser. */
async function printVersion(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, document: vscode.TextDocument, answers?: { open?: boolean }): Promise<vscode.Uri | undefined> {
  const c = client();
  if (!c) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the checking server is not running.'));
  const reply = await c.sendRequest<PreviewReply & { html?: string }>('gongwen/preview', { uri: document.uri.toString(), print: true });
  if (reply.error || !reply.html) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not make the print version: {0}', reply.error ?? '?'));
  const dir = context.globalStorageUri ?? context.storageUri;
  if (!dir) return undefined;
  await vscode.workspace.fs.createDirectory(dir);
  const base = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '') || 'report';
  const target = vscode.Uri.joinPath(dir, `${base}.print.html`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(reply.html));
  if (answers?.open !== false) {
    const opened = await vscode.env.openExternal(target);
    if (!opened) void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: the print version is at {0}', target.fsPath));
    else void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: print version opened in the browser (print it or save it as PDF there)'), 5000);
  }
  return target;
}
