/**
 * Starts the language server on a connection: the core, the capabilities it announces, and each feature
 * (one file each in features/, each given the core). The Node entry (server.ts) and the browser entry
 * (browser-server.ts) make the connection and the Host.
 */
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { Core, type Host } from './core';
import { getDocsBase, localeOf } from './engine';
import { registerCodeActions, FIX_ALL_KIND } from './features/code-actions';
import { registerCodeLens } from './features/code-lens';
import { registerCommands } from './features/commands';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerSelection } from './features/selection';
import { registerSymbols } from './features/symbols';

export { FIX_ALL_KIND };
export { STATS } from './features/diagnostics';
export { FILL_ALL } from './features/commands';

export function startServer(connection: Connection, host: Host, core = new Core(connection, host)): Core {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    core.canPullConfiguration = !!caps.workspace?.configuration;
    core.canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    // a client that resolves a code action's edit when it is chosen gets 修复全部 without the edit worked out in advance
    core.canResolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    core.canVersionEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    core.canRefreshCodeLens = !!caps.workspace?.codeLens?.refreshSupport;
    // in an untrusted workspace (VS Code's restricted mode) the workspace's own .gongwen.json is not read
    const init = params.initializationOptions as { trusted?: boolean; locale?: string; compactDiagnostics?: boolean; gongwen?: unknown } | undefined;
    // settings given with the start (Helix's config, eglot's initializationOptions), for clients that are not asked for them
    if (init?.gongwen !== undefined) core.pushedSettings = init.gongwen;
    // gongwen's own client adds each diagnostic's source and documentation link itself
    core.compactDiagnostics = init?.compactDiagnostics === true;
    // messages in Chinese, or in English when VS Code's display language is English
    core.locale = localeOf(init?.locale ?? params.locale);
    core.workspaceTrusted = init?.trusted !== false;
    core.workspaceRoots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
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
    if (core.compactDiagnostics) {
      // what a compact diagnostic leaves out: source "gongwen", and the link docsBase + code + ".md"
      result.capabilities.experimental = { gongwen: { compactDiagnostics: { source: 'gongwen', docsBase: getDocsBase() } } };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (core.canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' });
  });

  registerDiagnostics(core);
  registerSymbols(core);
  registerFolding(core);
  registerSelection(core);
  registerHover(core);
  registerCompletion(core);
  registerCodeLens(core);
  registerCodeActions(core);
  registerCommands(core);

  core.documents.listen(connection);
  connection.listen();
  return core;
}
