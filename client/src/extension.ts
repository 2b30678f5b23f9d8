/**
 * The VS Code side on the desktop: starts the language server in Node (over stdio) and adds the UI only
 * the editor can give (activate.ts). In VS Code for the Web, browser.ts starts it in a Web Worker instead.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_ARGS } from '../../server/src/launch';
import { activateClient, clientOptions, deactivateClient, syncConfigFiles } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  // over stdio: the server then writes each unchanged line's diagnostics from text it keeps (see publish-json.ts)
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6019'] } },
  };
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen'), serverOptions, clientOptions(['file', 'untitled', 'vscode-remote', 'vscode-vfs']));
  activateClient(context, client);
  // the server reads file: folders itself; a virtual workspace's .gongwen.json comes from here
  syncConfigFiles(context, client, (uri) => uri.scheme !== 'file');
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
