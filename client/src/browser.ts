/**
 * The VS Code side in VS Code for the Web (vscode.dev, github.dev, code-server's browser): the same
 * language server, built for the browser, in a Web Worker. It cannot read files itself, so this side
 * reads the workspace's .gongwen.json files through vscode.workspace.fs (virtual workspaces included) and
 * sends them to it, again whenever one changes.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, clientOptions, deactivateClient, syncConfigFiles } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // the browser's Worker (this file is built for the web extension host, where it exists)
  const Worker = (globalThis as unknown as { Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] }).Worker;
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser-server.js').toString(true));
  // its first message: where the engine is (dist/engine.js, the same file the desktop server loads)
  (worker as unknown as { postMessage(m: unknown): void }).postMessage({ engine: vscode.Uri.joinPath(context.extensionUri, 'dist/engine.js').toString(true) });
  // every scheme: a virtual workspace's files are not file: URIs
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen'), clientOptions(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'memfs', 'vscode-userdata']), worker);
  activateClient(context, client);
  syncConfigFiles(context, client, () => true);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
