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
  // the browser's Worker, Blob and URL (this file is built for the web extension host, where they exist)
  const web = globalThis as unknown as {
    Worker: new (url: string) => Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;
    Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
    URL: { createObjectURL(blob: unknown): string };
  };
  // an extension installed on a remote (code-server, a remote server opened in the browser) may not start a
  // worker from its own URL: the scripts are read through vscode.workspace.fs and started from blob: URLs
  const remote = context.extensionUri.scheme === 'vscode-remote';
  const scriptUrl = async (file: string) => {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'dist', file);
    if (!remote) return uri.toString(true);
    return web.URL.createObjectURL(new web.Blob([await vscode.workspace.fs.readFile(uri)], { type: 'text/javascript' }));
  };
  const worker = eventTarget(new web.Worker(await scriptUrl('browser-server.js')));
  // its first message: where the engine is (dist/engine.js, the same file the desktop server loads)
  (worker as unknown as { postMessage(m: unknown): void }).postMessage({ engine: await scriptUrl('engine.js') });
  // every scheme: a virtual workspace's files are not file: URIs
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen'), worker, clientOptions(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'memfs', 'vscode-userdata']));
  activateClient(context, client);
  syncConfigFiles(context, client, () => true);
}

type Listener = (e: unknown) => void;
interface PortLike {
  postMessage(m: unknown, transfer?: unknown): void;
  terminate?(): void;
  addEventListener?: unknown;
  onmessage?: Listener | null;
  onerror?: Listener | null;
}

/**
 * A worker with addEventListener, as the language client needs it: the worker a web extension host gives an
 * extension may offer only onmessage and onerror.
 */
function eventTarget<T>(w: T): T {
  const port = w as unknown as PortLike;
  if (typeof port.addEventListener === 'function') return w;
  const listeners: Record<string, Set<Listener>> = { message: new Set(), error: new Set(), messageerror: new Set() };
  port.onmessage = (e) => listeners.message.forEach((l) => l(e));
  port.onerror = (e) => listeners.error.forEach((l) => l(e));
  return {
    postMessage: (m: unknown, transfer?: unknown) => (transfer === undefined ? port.postMessage(m) : port.postMessage(m, transfer)),
    terminate: () => port.terminate?.(),
    addEventListener: (type: string, l: Listener) => listeners[type]?.add(l),
    removeEventListener: (type: string, l: Listener) => listeners[type]?.delete(l),
    dispatchEvent: () => true,
  } as unknown as T;
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
