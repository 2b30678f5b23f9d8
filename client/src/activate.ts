/**
 * What gongwen's client does once its language client exists, on the desktop and in the browser alike:
 * the status bar, the commands, the Word export and import, the paged preview. Everything that reads the
 * report's text lives in the server's engine.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerExport } from './export';
import { DOCX_SCHEME, registerDocx } from './docx';
import { registerPreview } from './preview';

const PLACEHOLDER = /^placeholder\/(?!residue)/;

interface Stats {
  uri: string;
  version: number;
  characters: number;
  placeholders: number;
  /** The source line each page of the Word export starts on (absent for very long texts). */
  pageStarts?: number[];
}

/** The page (1-based) holding `line`. */
function pageOf(starts: number[], line: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= line) k++;
  return k + 1;
}

/** Rule id → the link to its documentation, made once per rule. */
const docLinks = new Map<string, vscode.Uri>();

let current: BaseLanguageClient | undefined;

/** Adds back what a compact diagnostic leaves out, as the server described it at initialization. */
function restoreDiagnostics(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const compact = current?.initializeResult?.capabilities.experimental?.gongwen?.compactDiagnostics as { source: string; docsBase: string } | undefined;
  if (!compact) return diagnostics;
  for (const d of diagnostics) {
    if (d.source !== undefined || typeof d.code !== 'string') continue;
    d.source = compact.source;
    let target = docLinks.get(d.code);
    if (!target) docLinks.set(d.code, (target = vscode.Uri.parse(`${compact.docsBase}${d.code}.md`)));
    d.code = { value: d.code, target };
  }
  return diagnostics;
}

/** The language client's options: the same on the desktop and in the browser. */
export function clientOptions(schemes: string[]): LanguageClientOptions {
  const selector = ['gongwen', 'plaintext', 'markdown'].flatMap((language) => schemes.map((scheme) => ({ scheme, language })));
  return {
    // .gongwen.json too, so that its unsaved edits apply at once and its problems show on it
    documentSelector: [...selector, { scheme: DOCX_SCHEME, language: 'gongwen' }, ...schemes.map((scheme) => ({ scheme, pattern: '**/.gongwen.json' }))],
    synchronize: { configurationSection: 'gongwen', fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwen.json') },
    outputChannelName: vscode.l10n.t('Gongwen'),
    // the server leaves out each diagnostic's source and documentation link; restoreDiagnostics adds them back
    initializationOptions: { locale: vscode.env.language, trusted: vscode.workspace.isTrusted, compactDiagnostics: true },
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, restoreDiagnostics(diagnostics)) },
  };
}

/** Starts `client` and adds the UI around it. */
export function activateClient(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  current = client;
  const status = vscode.window.createStatusBarItem('gongwen.stats', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Gongwen');
  status.command = 'gongwen.nextPlaceholder';
  const stats = new Map<string, Stats>();
  const showStats = () => {
    const editor = vscode.window.activeTextEditor;
    // no active editor while a dialog (workspace trust) or a panel has focus: keep what the item shows,
    // unless no editor is open at all
    if (!editor) {
      if (!vscode.window.visibleTextEditors.length) status.hide();
      return;
    }
    const s = stats.get(editor.document.uri.toString());
    if (!s) return status.hide();
    const pages = s.pageStarts?.length ? '  ' + vscode.l10n.t('{0} pages · page {1}', s.pageStarts.length, pageOf(s.pageStarts, editor.selection.active.line)) : '';
    status.text = vscode.l10n.t('$(book) {0} 字', s.characters) + pages + (s.placeholders ? '  ' + vscode.l10n.t('$(warning) {0} to fill', s.placeholders) : '');
    status.tooltip = s.placeholders ? vscode.l10n.t('Gongwen: click to go to the next placeholder to fill') : vscode.l10n.t('Gongwen: length in 字 (each Chinese character or full-width mark counts 1, a run of letters or digits counts 1)');
    status.show();
  };

  context.subscriptions.push(
    status,
    vscode.window.onDidChangeActiveTextEditor(showStats),
    // 第 K 页 follows the cursor
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor && stats.get(e.textEditor.document.uri.toString())?.pageStarts) showStats();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => stats.delete(d.uri.toString())),
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      await client.stop();
      await client.start();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: the checking server restarted'), 3000);
    }),
    vscode.commands.registerCommand('gongwen.openSample', async () => {
      const sample = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'town-secretary-report.txt'));
      const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: new TextDecoder().decode(sample) });
      await vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand('gongwen.disableRule', async (code?: string) => {
      if (!code) return;
      const config = vscode.workspace.getConfiguration('gongwen');
      const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [code]: 'off' };
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('rules', rules, target);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: rule {0} turned off for this workspace', code), 4000);
    }),
    registerExport(context, () => current),
    registerDocx(() => current),
    registerPreview(context, () => current),
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => movePlaceholder(1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => movePlaceholder(-1)),
    vscode.commands.registerCommand('gongwen.fillPlaceholder', async (uri?: string, range?: vscode.Range, value?: string) => {
      const editor = vscode.window.activeTextEditor;
      const target = uri ? vscode.Uri.parse(uri) : editor?.document.uri;
      const at = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : placeholderAt(editor);
      if (!target || !at) return void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: there is no placeholder to fill at the cursor.'));
      const doc = await vscode.workspace.openTextDocument(target);
      const old = doc.getText(at);
      const text = value ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Fill “{0}”', old), prompt: vscode.l10n.t('Type what replaces the placeholder'), placeHolder: old }));
      if (text === undefined) return;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(target, at, text);
      await vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('gongwen.fillAll', async (uri?: string, placeholder?: string, qualifier?: string, value?: string) => {
      if (!client || !uri || !placeholder || !qualifier) {
        return void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: use “Fill every …” from the quick fix menu of a placeholder such as XX镇 or XX同志.'));
      }
      const text = value ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Fill every “{0}”', placeholder + qualifier), prompt: vscode.l10n.t('Every “{0}” in the document gets this instead of “{1}”', placeholder + qualifier, placeholder), placeHolder: vscode.l10n.t('for example: 城关') }));
      if (text === undefined) return;
      const result = await client.sendRequest<{ changes: Record<string, { range: vscode.Range; newText: string }[]> } | null>('gongwen/fillAll', { uri, placeholder, qualifier, value: text });
      if (!result) return;
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result as never);
      if (edit) await vscode.workspace.applyEdit(edit); // one edit: one undo
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('gongwen/workspaceTrusted');
      showStats();
    }),
    vscode.window.onDidChangeWindowState(() => showStats()),
    // not contributed: lets tests find the server process (and see the client restart it)
    vscode.commands.registerCommand('gongwen.internal.serverInfo', () => client?.sendRequest('gongwen/serverInfo')),
  );
  client.onNotification('gongwen/stats', (s: Stats) => {
    stats.set(s.uri, s);
    showStats();
  });
  // activation returns at once: the server starts in the background (requests made meanwhile wait for it)
  client.start().catch((err: unknown) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the checking server could not start: {0}', err instanceof Error ? err.message : String(err)));
  });
}

function placeholders(doc: vscode.TextDocument): vscode.Range[] {
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => d.source === 'gongwen' && PLACEHOLDER.test(String(typeof d.code === 'object' ? d.code.value : d.code)))
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
}

function placeholderAt(editor: vscode.TextEditor | undefined): vscode.Range | undefined {
  if (!editor) return undefined;
  return placeholders(editor.document).find((r) => r.contains(editor.selection.active));
}

function movePlaceholder(direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const all = placeholders(editor.document);
  if (!all.length) return void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: no placeholder left to fill'), 3000);
  const here = editor.selection.active;
  const target = direction === 1
    ? all.find((r) => r.start.isAfter(here)) ?? all[0]
    : [...all].reverse().find((r) => r.end.isBefore(here) || (r.start.isBefore(here) && !r.contains(here))) ?? all[all.length - 1];
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}


export async function deactivateClient(): Promise<void> {
  const c = current;
  current = undefined;
  await c?.stop();
}

const CONFIG_GLOB = '**/.gongwen.json';
/** At most this many .gongwen.json files, of at most 1 MB each, are read. */
const MAX_CONFIG_FILES = 200;
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads the workspace's .gongwen.json files that `wanted` accepts through vscode.workspace.fs (virtual
 * workspaces included) and sends them to the server (gongwen/configFiles), again whenever one changes.
 * Nothing is read in an untrusted workspace.
 */
export function syncConfigFiles(context: vscode.ExtensionContext, client: BaseLanguageClient, wanted: (uri: vscode.Uri) => boolean): void {
  const send = async () => {
    if (!vscode.workspace.isTrusted || !vscode.workspace.workspaceFolders?.some((f) => wanted(f.uri))) return;
    const files: { uri: string; text: string }[] = [];
    for (const uri of await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', MAX_CONFIG_FILES)) {
      if (!wanted(uri)) continue;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_CONFIG_BYTES) continue;
        files.push({ uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
      } catch {
        /* gone meanwhile */
      }
    }
    if (client.isRunning()) await client.sendNotification('gongwen/configFiles', { files });
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(send),
    watcher.onDidChange(send),
    watcher.onDidDelete(send),
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    client.onDidChangeState((e) => {
      if (e.newState === 2 /* Running */) void send();
    }),
  );
}
