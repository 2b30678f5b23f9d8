/**
 * The Web Worker's entry: the engine is not in this bundle but in dist/engine.js, which the desktop
 * server uses too (one copy in the extension). The client's first message names its URL; it is loaded,
 * then the server starts and reads the messages that follow.
 */
const scope = globalThis as unknown as {
  onmessage: ((e: { data: { engine?: unknown } }) => void) | null;
  importScripts(url: string): void;
  module?: { exports: unknown };
  exports?: unknown;
  gongwenEngine?: unknown;
};

scope.onmessage = (e) => {
  scope.onmessage = null;
  if (typeof e.data?.engine !== 'string') throw new Error('gongwen: the first message to the worker names the engine');
  // dist/engine.js is a CommonJS module (for Node): here it fills the module object it is given
  scope.module = { exports: {} };
  scope.exports = scope.module.exports;
  scope.importScripts(e.data.engine);
  scope.gongwenEngine = scope.module.exports;
  delete scope.module;
  delete scope.exports;
  void import('./browser-server.js');
};
