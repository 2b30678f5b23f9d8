/**
 * The web build's language server (dist/browser-server.js) in a real Web Worker in Chromium, spoken to
 * over postMessage as VS Code for the Web's client does: the same diagnostics as the Node server for the
 * sample and the fixtures, .gongwen.json from the client, the Word export and the preview; and the web
 * bundles hold no Node built-ins. Needs Chromium (bash test/render/setup.sh); fails, never skips, without it.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LspClient } from '../helpers/lsp-client';

const root = path.join(__dirname, '../../..');
const dist = path.join(root, 'dist');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

type Diagnostic = { code: string; message: string; severity: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`;

/** In the page: a minimal LSP client over postMessage to the worker. */
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script>
const worker = new Worker('/browser-server.js');
worker.postMessage({ engine: location.origin + '/engine.js' });
let id = 0;
const pending = new Map();
const waiters = [];
const notes = [];
worker.onmessage = (e) => {
  const m = e.data;
  if (m.id !== undefined && !m.method) { const p = pending.get(m.id); pending.delete(m.id); if (p) p(m); return; }
  if (m.id !== undefined && m.method) { worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null }); return; }
  notes.push(m);
  for (const w of [...waiters]) if (w.test(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m.params); }
};
window.lsp = {
  request: (method, params) => new Promise((resolve) => { const i = ++id; pending.set(i, resolve); worker.postMessage({ jsonrpc: '2.0', id: i, method, params }); }),
  notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
  waitFor: (method, uri, version) => new Promise((resolve) => {
    const test = (m) => m.method === method && m.params.uri === uri && (version === undefined || m.params.version === version);
    const seen = notes.find(test);
    if (seen) resolve(seen.params); else waiters.push({ test, resolve });
  }),
};
</script>`;

describe('the language server in a Web Worker (VS Code for the Web)', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let node: LspClient;

  before(async () => {
    const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(chromiumPath)) throw new Error(`chromium is missing (${chromiumPath}): run bash test/render/setup.sh`);
    server = http.createServer((req, res) => {
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      if (req.url === '/browser-server.js' || req.url === '/engine.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(dist, req.url.slice(1))));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    // as a client that is asked nothing and registers nothing: every setting from initializationOptions
    const init = await page.evaluate(() => (globalThis as any).lsp.request('initialize', { processId: null, rootUri: 'file:///ws', capabilities: {}, workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }] }));
    assert.ok(init.result?.capabilities?.codeActionProvider, JSON.stringify(init).slice(0, 300) + errors.join('\n'));
    await page.evaluate(() => (globalThis as any).lsp.notify('initialized', {}));
    node = new LspClient();
    await node.initialize({});
  });

  after(async () => {
    node?.kill();
    await browser?.close();
    server?.close();
  });

  const inWorker = async (uri: string, text: string, languageId: string, version = 1): Promise<Diagnostic[]> =>
    (await page.evaluate(([u, t, l, v]) => {
      const lsp = (globalThis as any).lsp;
      lsp.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: l, version: v, text: t } });
      return lsp.waitFor('textDocument/publishDiagnostics', u, v);
    }, [uri, text, languageId, version] as const)).diagnostics;

  const inNode = async (uri: string, text: string, languageId: string): Promise<Diagnostic[]> => {
    node.open(uri, text, languageId, 1);
    return (await node.diagnosticsFor(uri, 1)).diagnostics;
  };

  it('gives the same diagnostics as the Node server for the sample and the fixtures', async () => {
    const cases: [string, string, string][] = [
      ['file:///ws/sample.txt', read('examples/town-secretary-report.txt'), 'plaintext'],
      ['file:///ws/summary.md', read('test/fixtures/export/summary.md'), 'markdown'],
    ];
    for (const dir of ['test/corpus/annotated', 'test/corpus/clean']) {
      const files = fs.readdirSync(path.join(root, dir)).filter((f) => /\.(txt|md|gongwen)$/.test(f)).slice(0, 12);
      for (const f of files) cases.push([`file:///ws/${dir.split('/').pop()}/${f}`, read(path.join(dir, f)), f.endsWith('.md') ? 'markdown' : 'gongwen']);
    }
    let total = 0;
    for (const [uri, text, languageId] of cases) {
      const web = (await inWorker(uri, text, languageId)).map(key).sort();
      const desktop = (await inNode(uri, text, languageId)).map(key).sort();
      assert.deepEqual(web, desktop, uri);
      total += web.length;
    }
    assert.ok(cases.length >= 14 && total >= 50, `${cases.length} documents, ${total} diagnostics`);
    const sample = await page.evaluate(() => (globalThis as any).lsp.waitFor('textDocument/publishDiagnostics', 'file:///ws/sample.txt'));
    assert.equal(sample.diagnostics.length, 50);
  });

  it('applies the .gongwen.json the client sends, and reads it again when it changes', async () => {
    const uri = 'file:///ws/sub/draft.gongwen';
    const text = '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n';
    assert.ok((await inWorker(uri, text, 'gongwen')).some((d) => d.code === 'placeholder/latin-x'));
    await page.evaluate(() => (globalThis as any).lsp.notify('gongwen/configFiles', { files: [{ uri: 'file:///ws/.gongwen.json', text: '{ "rules": { "placeholder/latin-x": "off" } }' }] }));
    const after = await page.evaluate(() => {
      const lsp = (globalThis as any).lsp;
      lsp.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/sub/draft.gongwen', version: 2 }, contentChanges: [{ text: '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n' }] });
      return lsp.waitFor('textDocument/publishDiagnostics', 'file:///ws/sub/draft.gongwen', 2);
    });
    assert.deepEqual(after.diagnostics.map((d: Diagnostic) => d.code), ['typo/fixed-phrase']);
    // a config outside the workspace folder does not apply
    await page.evaluate(() => (globalThis as any).lsp.notify('gongwen/configFiles', { files: [{ uri: 'file:///.gongwen.json', text: '{ "rules": { "typo/fixed-phrase": "off" } }' }] }));
    const outside = await page.evaluate(() => {
      const lsp = (globalThis as any).lsp;
      lsp.notify('textDocument/didChange', { textDocument: { uri: 'file:///ws/sub/draft.gongwen', version: 3 }, contentChanges: [{ text: '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n' }] });
      return lsp.waitFor('textDocument/publishDiagnostics', 'file:///ws/sub/draft.gongwen', 3);
    });
    assert.ok(outside.diagnostics.some((d: Diagnostic) => d.code === 'typo/fixed-phrase') && outside.diagnostics.some((d: Diagnostic) => d.code === 'placeholder/latin-x'));
  });

  it('exports the Word document and draws the paged preview in the worker', async () => {
    const result = await page.evaluate(async () => {
      const lsp = (globalThis as any).lsp;
      const docx = await lsp.request('gongwen/exportDocx', { uri: 'file:///ws/sample.txt' });
      const preview = await lsp.request('gongwen/preview', { uri: 'file:///ws/sample.txt' });
      const outline = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///ws/sample.txt' } });
      return { docx: docx.result, pages: preview.result.pages.length, outline: outline.result.length };
    });
    assert.equal(result.pages, 6);
    assert.equal(result.outline, 1);
    assert.ok(!result.docx.error, result.docx.error);
    // a .docx: a zip that starts with PK
    assert.equal(Buffer.from(result.docx.data, 'base64').subarray(0, 2).toString(), 'PK');
  });

  it('builds the web bundles without Node built-ins', () => {
    for (const file of ['browser-server.js', 'browser-client.js']) {
      const bundle = fs.readFileSync(path.join(dist, file), 'utf8');
      const required = new Set([...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
      assert.deepEqual([...required].filter((r) => r !== 'vscode'), [], file);
      // nothing that only Node has (the jsonrpc library's own setImmediate is its RAL's, made of setTimeout)
      assert.ok(!/\bprocess\.(argv|execArgv|pid|stdin|stdout)\b|__dirname|["']node:/.test(bundle), `${file} refers to Node`);
    }
  });
});
