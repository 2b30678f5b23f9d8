/**
 * The language server in a browser's Web Worker (VS Code for the Web): the same core and features as in
 * Node, over postMessage. It reads no files: the client sends the workspace's .gongwen.json files
 * (gongwen/configFiles), read through vscode.workspace.fs, and sends them again when one changes.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { Core, type Host } from './core';
import { readConfigText, SentConfigs } from './sent-configs';
import * as exportModule from './engine/export/index';
import { startServer } from './start';

/** The worker's global scope, as far as the connection needs it. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const sent = new SentConfigs();

const host: Host = {
  configFor: (uri, roots) => sent.configFor(uri, roots),
  configFromText: (uri, text) => readConfigText(uri, text),
  nextTurn: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  info: () => ({ transport: 'worker' }),
  loadExport: () => Promise.resolve(exportModule),
};

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const core = new Core(connection, host);
connection.onNotification('gongwen/configFiles', (params: { files?: unknown }) => {
  sent.replace(params?.files);
  core.configChanged();
});
startServer(connection, host, core);
