/**
 * The VS Code side: starts the language server and adds the UI only the editor can give.
 * Everything that reads the report's text lives in the server's engine.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = ['gongwen', 'plaintext', 'markdown'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { scheme: 'vscode-remote', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    // .gongwen.json too, so that its unsaved edits apply at once and its problems show on it
    documentSelector: [...selector, { scheme: 'file', pattern: '**/.gongwen.json' }],
    synchronize: { configurationSection: 'gongwen', fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwen.json') },
    outputChannelName: '公文助手',
  };
  client = new LanguageClient('gongwen', '公文助手', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('公文助手：检查服务已重启', 3000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
