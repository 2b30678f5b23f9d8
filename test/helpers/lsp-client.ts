/** A minimal JSON-RPC client that starts dist/server.js over stdio and speaks LSP to it, as an editor would. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_NODE_ARGS } from '../../server/src/launch';

export const SERVER = path.join(__dirname, '../../../dist/server.js');

type Handler = (params: any) => unknown;

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: any) => void }>();
  private waiters: { method: string; pred: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  readonly notifications: { method: string; params: any }[] = [];
  readonly requestHandlers = new Map<string, Handler>();
  stderr = '';
  exited: Promise<number | null>;

  /** Starts the server as gongwen's client does (over stdio, with the same Node options). */
  constructor(args: string[] = ['--stdio'], nodeArgs: readonly string[] = SERVER_NODE_ARGS, script = SERVER) {
    this.proc = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    // an answer to the server written after it was killed (the pipe is closed): nothing to deliver it to
    this.proc.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  /** Body length and header length of the message being received, once its header is read. */
  private expected = -1;
  private headerLength = 0;

  private onData(d: Buffer) {
    // keep chunks until a whole message is there: a large publishDiagnostics arrives in many pieces,
    // and is joined once, not once per piece
    this.chunks.push(d);
    this.buffered += d.length;
    for (;;) {
      if (this.expected < 0) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [head];
        const sep = head.indexOf('\r\n\r\n');
        if (sep < 0) return;
        const m = /Content-Length: (\d+)/i.exec(head.subarray(0, sep).toString('ascii'));
        if (!m) throw new Error('bad header from server');
        this.expected = Number(m[1]);
        this.headerLength = sep + 4;
      }
      if (this.buffered < this.headerLength + this.expected) return;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const end = this.headerLength + this.expected;
      const msg = JSON.parse(all.subarray(this.headerLength, end).toString('utf8'));
      const rest = all.subarray(end);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      this.expected = -1;
      this.dispatch(msg);
      if (!rest.length) return;
    }
  }

  private dispatch(msg: any) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p?.resolve(msg.result);
    } else if (msg.id !== undefined) {
      // a request from the server (workspace/configuration, client/registerCapability, …)
      const h = this.requestHandlers.get(msg.method);
      this.sendRaw({ jsonrpc: '2.0', id: msg.id, result: h ? h(msg.params) : null });
      this.record(msg);
    } else {
      this.record(msg);
    }
  }

  /** Notifications and requests from the server, in order, for waitFor. */
  private record(msg: any) {
    {
      this.notifications.push({ method: msg.method, params: msg.params });
      this.waiters = this.waiters.filter((w) => {
        if (w.method === msg.method && w.pred(msg.params)) {
          w.resolve(msg.params);
          return false;
        }
        return true;
      });
    }
  }

  private batched: Buffer[] | undefined;

  sendRaw(obj: unknown) {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    const frame = [Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body];
    if (this.batched) this.batched.push(...frame);
    else for (const b of frame) this.proc.stdin.write(b);
  }

  /** Sends every message `send` makes in one write: the server reads them together, as a queue it has to work through. */
  batch<T>(send: () => T): T {
    this.batched = [];
    try {
      return send();
    } finally {
      const all = Buffer.concat(this.batched);
      this.batched = undefined;
      this.proc.stdin.write(all);
    }
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.sendRaw({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** A request that can be cancelled: its id, and its answer (rejected with the error's code). */
  cancellable<T = any>(method: string, params: unknown): { id: number; result: Promise<T> } {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.sendRaw({ jsonrpc: '2.0', id, method, params });
    });
    return { id, result };
  }

  notify(method: string, params: unknown) {
    this.sendRaw({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor(method: string, pred: (p: any) => boolean = () => true, timeoutMs = 10000): Promise<any> {
    const seen = this.notifications.find((n) => n.method === method && pred(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ method, pred, resolve: (p) => { clearTimeout(t); resolve(p); } });
    });
  }

  diagnosticsFor(uri: string, version?: number): Promise<any> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
  }

  async initialize(capabilities: unknown = {}, initializationOptions?: unknown) {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  /** Initializes as a client that answers workspace/configuration with `settings` (the gongwen section). */
  async initializeWithSettings(settings: unknown | (() => unknown)) {
    this.requestHandlers.set('workspace/configuration', (p) => p.items.map(() => (typeof settings === 'function' ? settings() : settings)));
    return this.initialize({ workspace: { configuration: true } });
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  kill() {
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Applies LSP text edits (non-overlapping) to a text, as an editor does. */
export function applyLspEdits(text: string, edits: { range: any; newText: string }[]): string {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') { ends.push(i); starts.push(i + 2); i++; }
    else if (text[i] === '\n' || text[i] === '\r') { ends.push(i); starts.push(i + 1); }
  }
  ends.push(text.length);
  // as LSP says: a character past the end of its line means the end of the line
  const off = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, ends[p.line]));
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
