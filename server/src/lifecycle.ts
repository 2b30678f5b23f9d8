/**
 * The LSP lifecycle and request parameters, checked as messages are read (before the connection queues
 * them): requests before `initialize` get ServerNotInitialized, a second `initialize` and requests after
 * `shutdown` get InvalidRequest, notifications before `initialize` are dropped; a text-document request
 * without a usable document URI or position gets InvalidParams with a message saying what is missing.
 */

export interface GateMessage {
  id?: number | string | null;
  method?: unknown;
  params?: unknown;
}

type Reply = (id: number | string, code: number, message: string) => void;

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;

/** What each request needs, by the paths of its parameters (position: { line, character } of numbers). */
const NEEDS: Record<string, string[]> = {
  'textDocument/documentSymbol': ['textDocument.uri'],
  'textDocument/foldingRange': ['textDocument.uri'],
  'textDocument/codeLens': ['textDocument.uri'],
  'textDocument/hover': ['textDocument.uri', 'position'],
  'textDocument/completion': ['textDocument.uri', 'position'],
  'textDocument/selectionRange': ['textDocument.uri', 'positions'],
  'textDocument/codeAction': ['textDocument.uri', 'range', 'context'],
  'workspace/symbol': ['query'],
};

const isPosition = (p: unknown) => !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

function missing(params: unknown, need: string): boolean {
  const value = need.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), params);
  switch (need) {
    case 'textDocument.uri':
    case 'query':
      return typeof value !== 'string';
    case 'position':
      return !isPosition(value);
    case 'positions':
      return !Array.isArray(value) || !value.every(isPosition);
    case 'range':
      return !value || typeof value !== 'object' || !isPosition((value as { start?: unknown }).start) || !isPosition((value as { end?: unknown }).end);
    case 'context':
      return !value || typeof value !== 'object' || !Array.isArray((value as { diagnostics?: unknown }).diagnostics);
    default:
      return value === undefined;
  }
}

export class LifecycleGate {
  private state: 'new' | 'running' | 'shut down' = 'new';

  constructor(private readonly reply: Reply) {}

  /** True if the message goes on to the connection; false if it was answered (or dropped) here. */
  admit(m: GateMessage): boolean {
    if (typeof m.method !== 'string') return true; // a response to the server's own request
    const request = m.id !== undefined && m.id !== null;
    if (!request) return this.state !== 'new' || m.method === 'exit';
    const id = m.id as number | string;
    if (m.method === 'initialize') {
      if (this.state !== 'new') return this.reply(id, INVALID_REQUEST, '服务已经初始化过，不能再次 initialize。'), false;
      this.state = 'running';
      return true;
    }
    if (this.state === 'new') return this.reply(id, SERVER_NOT_INITIALIZED, `服务尚未初始化：请先发送 initialize（收到 ${m.method}）。`), false;
    if (this.state === 'shut down') return this.reply(id, INVALID_REQUEST, `服务已关闭（shutdown），只接受 exit（收到 ${m.method}）。`), false;
    if (m.method === 'shutdown') {
      this.state = 'shut down';
      return true;
    }
    const needs = NEEDS[m.method];
    const lacking = needs?.filter((n) => missing(m.params, n));
    if (lacking?.length) return this.reply(id, INVALID_PARAMS, `${m.method} 的参数无效：缺少或无法使用 ${lacking.join('、')}。`), false;
    return true;
  }
}
