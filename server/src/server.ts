/**
 * The language server in Node (gongwen's VS Code client, gongwen-language-server, the tests): the
 * connection — over stdio with gongwen's own framing of diagnostics and the LSP lifecycle checked before a
 * message is queued — and the Node host. Everything the server does is in start.ts, core.ts and features/.
 */
import {
  createConnection,
  LSPErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type ConnectionStrategy,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { inspect } from 'util';
import * as path from 'path';
import { Core } from './core';
import { setDocsBase } from './engine';
import { LifecycleGate, type GateMessage } from './lifecycle';
import { nodeHost } from './node-host';
import { PublishEncoder } from './publish-json';
import { SentConfigs } from './sent-configs';
import { startServer } from './start';
import { pathToFileUri } from './uri';

export { FIX_ALL_KIND, STATS, FILL_ALL } from './start';

// the rule pages installed with the server (docs/rules/ beside dist/): every diagnostic's link opens a page that exists
setDocsBase(pathToFileUri(path.join(__dirname, '..', 'docs', 'rules')) + '/');

const encoder = new PublishEncoder();

/**
 * A request the client cancelled while it still waited in the queue is answered as cancelled, not
 * worked out (VS Code cancels CodeLens, hover and code-action requests as the user types on).
 */
const STRATEGY: ConnectionStrategy = {
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as unknown as { id: number | string }).id, error: { code: LSPErrorCodes.RequestCancelled, message: '请求已取消' } }),
};

/** didChange notifications read but not yet applied, counted by the stdio reader for the core. */
const queuedChanges = new Map<string, number>();

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
      // count the changes read but not yet applied: a lint waits for the last of them (see Core.schedule)
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

const stdio = process.argv.includes('--stdio');
const connection = stdio ? createStdioConnection() : createConnection(ProposedFeatures.all, STRATEGY);
const sent = new SentConfigs();
const host = nodeHost(encoder, sent);
// the stdio reader counts the changes it queues; the core waits for them before it lints
const core = new Core(connection, host, queuedChanges);
// .gongwen.json files of a virtual workspace, read by the client
connection.onNotification('gongwen/configFiles', (params: { files?: unknown }) => {
  sent.replace(params?.files);
  core.configChanged();
});
startServer(connection, host, core);
