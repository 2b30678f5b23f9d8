/** The server under abuse: malformed messages, bad positions, bursts of documents, a 10 MB report. */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfigFile } from '../../server/src/engine';
import { LspClient, applyLspEdits } from '../helpers/lsp-client';

const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
export const malformedInputs = { count: 0 };

async function alive(c: LspClient): Promise<void> {
  const uri = `file:///alive/${Math.random()}.gongwen`;
  c.open(uri, '标题\n一、总体', 'gongwen', 1);
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, '标题');
  c.notify('textDocument/didClose', { textDocument: { uri } });
}

describe('robustness over the protocol', () => {
  it('survives malformed JSON-RPC and answers bad requests with errors', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const bad = ['{not json', '[]', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":99,"method":42}', '"string"', 'null', '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}',
        '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///none","version":2},"contentChanges":[{"text":"x"}]}}'];
      for (const body of bad) {
        const buf = Buffer.from(body, 'utf8');
        c.proc.stdin.write(`Content-Length: ${buf.length}\r\n\r\n`);
        c.proc.stdin.write(buf);
        malformedInputs.count++;
      }
      await alive(c);
      const badParams = [
        ['textDocument/documentSymbol', {}],
        ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x' } }],
        ['textDocument/codeAction', null],
        ['textDocument/foldingRange', { textDocument: {} }],
        ['gongwen/fillAll', null],
        ['gongwen/fillAll', { uri: 5 }],
        ['no/such/method', {}],
      ] as const;
      for (const [method, params] of badParams) {
        malformedInputs.count++;
        try {
          const r = await c.request(method, params);
          assert.ok(r === null || Array.isArray(r) || typeof r === 'object');
        } catch (e) {
          assert.ok(typeof (e as { code?: number }).code === 'number', `a JSON-RPC error for ${method}`);
        }
      }
      await alive(c);
    } finally {
      c.kill();
    }
  });

  it('clamps edits with out-of-range positions and keeps linting', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/range.gongwen';
      c.open(uri, '标题\nXX镇', 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      const changes = [
        { range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '某某' },
        { range: { start: { line: 0, character: 999 }, end: { line: 0, character: 1000 } }, text: 'XX' },
        { range: { start: { line: -1, character: -5 }, end: { line: 0, character: 0 } }, text: '' },
        { range: { start: { line: 1, character: 2 }, end: { line: 0, character: 1 } }, text: '' },
      ];
      for (const [i, change] of changes.entries()) {
        malformedInputs.count++;
        c.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
        const p = await c.diagnosticsFor(uri, i + 2);
        assert.ok(Array.isArray(p.diagnostics));
      }
      await alive(c);
    } finally {
      c.kill();
    }
  });

  it('keeps serving through rapid open/change/close of many documents, and clears the closed ones', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uris = Array.from({ length: 60 }, (_, i) => `file:///burst/${i}.gongwen`);
      for (const uri of uris) {
        c.open(uri, sample, 'gongwen', 1);
        c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'XX镇\n' + sample.slice(0, 500) }] });
        if (uri.endsWith('7.gongwen')) continue;
        c.notify('textDocument/didClose', { textDocument: { uri } });
      }
      malformedInputs.count += uris.length * 3;
      const kept = uris.filter((u) => u.endsWith('7.gongwen'));
      for (const uri of kept) {
        const p = await c.diagnosticsFor(uri, 2);
        assert.equal(p.diagnostics[0].code, 'placeholder/latin-x');
      }
      await alive(c);
      // no closed document keeps diagnostics: its last publication is an empty one
      for (const uri of uris.filter((u) => !kept.includes(u))) {
        const last = c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).pop();
        if (last) assert.deepEqual(last.params.diagnostics, [], uri);
      }
    } finally {
      c.kill();
    }
  });

  it('answers other requests while a 10 MB report is linted, and never publishes an old version over a newer one', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxFileSize: 20 });
      let big = '';
      while (big.length < 3_400_000) big += sample;
      const uri = 'file:///r/big.gongwen';
      c.open(uri, big, 'gongwen', 1);
      // a newer version right away: the lint of version 1 must not be published
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某某' }] });
      const small = 'file:///r/small.gongwen';
      c.open(small, '标题\n一、总体\n（一）学习', 'gongwen', 1);
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: small } });
      assert.equal(symbols[0].children[0].children[0].name, '（一）学习');
      const bigPublished = () => c.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
      assert.ok(!bigPublished(), 'the small document was served before the big one finished');
      const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, 120000);
      assert.equal(p.version, 2);
      assert.equal(p.diagnostics.length, 1000); // gongwen.maxProblems, the note included
      assert.equal(p.diagnostics[999].code, 'truncated');
      assert.ok(c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).every((n) => n.params.version === 2));
    } finally {
      c.kill();
    }
  });

  it('skips documents over gongwen.maxFileSize with an explanation, and binary content', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxFileSize: 0.001 });
      const uri = 'file:///r/large.gongwen';
      c.open(uri, sample, 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 1);
      assert.equal(p.diagnostics[0].code, 'skipped');
      assert.match(p.diagnostics[0].message, /超过检查上限/);
      const bin = 'file:///r/bin.gongwen';
      c.open(bin, 'XX\u0000\u0001', 'gongwen', 1);
      assert.deepEqual((await c.diagnosticsFor(bin, 1)).diagnostics, []);
    } finally {
      c.kill();
    }
  });
});

process.on('exit', () => {
  if (process.env.GONGWEN_REPORT_COUNTS) console.log(`malformed inputs tried: ${malformedInputs.count}`);
});

describe('what a client sends that the server must not take at its word', () => {
  it('takes a change range given end first as the same range (the text library swaps the ends)', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      const uri = 'file:///r/end-first.gongwen';
      c.open(uri, '标题\n我们要以身作\n了责，带头落实。\n其他内容。\n', 'gongwen', 1);
      assert.deepEqual((await c.diagnosticsFor(uri, 1)).diagnostics, []);
      // join the two lines: the line break and 了 removed by a range whose end comes before its start
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 1 }, end: { line: 1, character: 6 } }, text: '' }] });
      const p = await c.diagnosticsFor(uri, 2);
      assert.deepEqual(p.diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase']);
      // and a range given the right way round after it, at the other end of the document
      c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 4 } }, text: '内容内容' }] });
      const q = await c.diagnosticsFor(uri, 3);
      assert.deepEqual(q.diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase']);
    } finally {
      c.kill();
    }
  });

  it('lints the new text of a document opened again, or changed under a version number it already had', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      const uri = 'file:///r/reopened.gongwen';
      c.open(uri, '标题\n我们要以身作责。\n', 'gongwen', 5);
      assert.deepEqual((await c.diagnosticsFor(uri, 5)).diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase']);
      const count = () => c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length;
      // a second didOpen with the same version and other text
      let seen = count();
      c.open(uri, '标题\n完全正确的句子。\n', 'gongwen', 5);
      await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && count() > seen);
      let last = c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).at(-1)!;
      assert.deepEqual(last.params.diagnostics, []);
      // a change that reuses the version number
      seen = count();
      c.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: '标题\n再接再励。\n' }] });
      await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && count() > seen);
      last = c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).at(-1)!;
      assert.deepEqual(last.params.diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase']);
      assert.match(last.params.diagnostics[0].message, /再接再厉/);
      // the outline is of the new text too
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0].name, '标题');
    } finally {
      c.kill();
    }
  });
});

describe('requests whose work grows with the document', () => {
  it('CodeLens: time in proportion to the sections (ratio of 2n to n), and none above gongwen.maxFileSize', async () => {
    const c = new LspClient();
    try {
      let settings = { maxFileSize: 20 };
      await c.initializeWithSettings(() => settings);
      const make = (n: number) => '报告\n' + Array.from({ length: n }, (_, i) => `${'一二三四五六七八九'[i % 9]}、工作\n本节内容以身作责。`).join('\n');
      const n = 6000;
      c.open('file:///r/n.gongwen', make(n), 'gongwen', 1);
      c.open('file:///r/2n.gongwen', make(2 * n), 'gongwen', 1);
      await c.diagnosticsFor('file:///r/n.gongwen', 1);
      await c.diagnosticsFor('file:///r/2n.gongwen', 1);
      const lens = async (uri: string) => {
        const t0 = process.hrtime.bigint();
        const r = await c.request('textDocument/codeLens', { textDocument: { uri } });
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r };
      };
      let a = Infinity;
      let b = Infinity;
      for (let i = 0; i < 5; i++) {
        a = Math.min(a, (await lens('file:///r/n.gongwen')).ms);
        b = Math.min(b, (await lens('file:///r/2n.gongwen')).ms);
      }
      assert.ok(b / a < 3.5, `2n/n = ${(b / a).toFixed(2)} (${a.toFixed(1)} ms, ${b.toFixed(1)} ms)`);
      const { r } = await lens('file:///r/n.gongwen');
      assert.equal(r.length, n);
      assert.equal(r[0].command.title, '本节 13 字 · 1 个问题'); // 一、工作 (4) and 本节内容以身作责。 (9)
      // above the size limit: no lenses (and no lint)
      settings = { maxFileSize: 0.01 };
      c.notify('workspace/didChangeConfiguration', { settings: null });
      await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === 'file:///r/2n.gongwen' && x.diagnostics[0]?.code === 'skipped');
      assert.deepEqual((await lens('file:///r/2n.gongwen')).r, []);
    } finally {
      c.kill();
    }
  });
});

describe('code actions as the cursor moves', () => {
  it('offers 修复全部 without working it out (a client that resolves edits), and works it out when chosen', async () => {
    const c = new LspClient();
    try {
      await c.initialize({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const uri = 'file:///r/fixall.gongwen';
      const text = '述职报告\n一.总体\n我们要以身作责，再接再励。\n';
      c.open(uri, text, 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
      // everything at the cursor (what VS Code asks as the cursor moves): the offer, no edit
      const all = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      const offer = all.find((a: { kind: string }) => a.kind === 'source.fixAll.gongwen');
      assert.ok(offer && !offer.edit && offer.data, JSON.stringify(all));
      const resolved = await c.request('codeAction/resolve', offer);
      assert.equal(applyLspEdits(text, resolved.edit.changes[uri]), '述职报告\n一、总体\n我们要以身作则，再接再厉。\n');
      assert.match(resolved.title, /（3 处）/);
      // asked for by kind (on save): the edit at once, the same
      const bySave = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.deepEqual(bySave[0].edit, resolved.edit);
      // chosen after an edit: the fixes of the new text
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '二.问题\n' }] });
      const later = await c.request('codeAction/resolve', offer);
      assert.equal(applyLspEdits(text + '二.问题\n', later.edit.changes[uri]), '述职报告\n一、总体\n我们要以身作则，再接再厉。\n二、问题\n');
    } finally {
      c.kill();
    }
  });

  it('修复本文档全部提法和错别字问题: time in proportion to the findings (ratio of 2n to n)', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxProblems: 100000 });
      const make = (n: number) => '报告\n' + '我们要以身作责，再接再励。\n'.repeat(n);
      const n = 10000;
      const open = async (uri: string, text: string) => {
        c.open(uri, text, 'gongwen', 1);
        return (await c.diagnosticsFor(uri, 1)).diagnostics[0];
      };
      const da = await open('file:///r/a.gongwen', make(n));
      const db = await open('file:///r/b.gongwen', make(2 * n));
      const time = async (uri: string, d: unknown) => {
        const t0 = process.hrtime.bigint();
        const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: (d as { range: unknown }).range, context: { diagnostics: [d], only: ['quickfix'] } });
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6, actions };
      };
      let a = Infinity;
      let b = Infinity;
      for (let i = 0; i < 3; i++) {
        a = Math.min(a, (await time('file:///r/a.gongwen', da)).ms);
        b = Math.min(b, (await time('file:///r/b.gongwen', db)).ms);
      }
      assert.ok(b / a < 3.5, `2n/n = ${(b / a).toFixed(2)} (${a.toFixed(0)} ms, ${b.toFixed(0)} ms)`);
      const { actions } = await time('file:///r/a.gongwen', da);
      const all = actions.find((x: { title: string }) => x.title.startsWith('修复本文档全部提法和错别字问题'));
      assert.equal(all.title, `修复本文档全部提法和错别字问题（${2 * n} 处）`);
    } finally {
      c.kill();
    }
  });
});

describe('a flood of messages', () => {
  it('lints the last of many queued changes, not each one, and answers a request queued behind them', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      const uri = 'file:///r/flood.gongwen';
      c.open(uri, '标题\n', 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      // 3,000 changes in one write, as an editor's queue delivers them while the server was busy
      let text = '标题\n';
      const frames: Buffer[] = [];
      for (let v = 2; v <= 3001; v++) {
        const piece = v % 50 === 0 ? '以身作责。\n' : '字';
        const lines = text.split('\n');
        const at = { line: lines.length - 1, character: lines[lines.length - 1].length };
        text += piece;
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: piece }] } }));
        frames.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body);
      }
      c.proc.stdin.write(Buffer.concat(frames));
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0].name, '标题');
      const last = await c.diagnosticsFor(uri, 3001);
      assert.equal(last.diagnostics.filter((d: { code: string }) => d.code === 'typo/fixed-phrase').length, 60);
      const published = c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length;
      assert.ok(published <= 3, `${published} publishes for 3,000 changes`);
    } finally {
      c.kill();
    }
  });

  it('answers requests cancelled while they waited as cancelled, without working them out', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      const uri = 'file:///r/cancel.gongwen';
      let big = '报告\n';
      while (big.length < 300_000) big += '一、工作\n我们要以身作责，再接再励。\n';
      c.open(uri, big, 'gongwen', 1);
      await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, 60000);
      // a slow request first (every safe fix of the document), then six lens requests behind it, five cancelled at once
      const slow = c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      const lenses = c.batch(() => {
        const made = Array.from({ length: 6 }, () => c.cancellable('textDocument/codeLens', { textDocument: { uri } }));
        for (const l of made.slice(0, 5)) c.notify('$/cancelRequest', { id: l.id });
        return made;
      });
      const settled = Promise.allSettled(lenses.map((l) => l.result));
      await slow;
      const results = await settled;
      assert.deepEqual(results.slice(0, 5).map((r) => r.status === 'rejected' && (r.reason as { code: number }).code), [-32800, -32800, -32800, -32800, -32800]);
      assert.equal(results[5].status, 'fulfilled');
      assert.ok((results[5] as PromiseFulfilledResult<unknown[]>).value.length > 1000);
    } finally {
      c.kill();
    }
  });
});

describe('URIs and the .gongwen.json a document gets', () => {
  let base: string;
  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-uri-')));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  /** A client with workspace folders and settings, trusted unless told otherwise. */
  const start = async (folders: string[], settings: unknown = {}, trusted = true) => {
    const c = new LspClient();
    c.requestHandlers.set('workspace/configuration', (p) => p.items.map(() => settings));
    await c.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted },
    });
    c.notify('initialized', {});
    return c;
  };
  /** How VS Code spells a file URI: ( ) + & and a drive letter's colon escaped. */
  const vscodeUri = (p: string) => 'file://' + p.split('/').map((s) => encodeURIComponent(s).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  const codes = (p: { diagnostics: { code: string }[] }) => p.diagnostics.map((d) => d.code);

  it('applies an unsaved .gongwen.json in a folder named with ( ) + & as VS Code spells it', async () => {
    const dir = path.join(base, 'a (b)+c&d');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.gongwen.json'), '{}');
    const c = await start([dir]);
    try {
      const config = vscodeUri(path.join(dir, '.gongwen.json'));
      assert.notEqual(config, pathToFileURL(path.join(dir, '.gongwen.json')).href, 'the two spellings differ');
      c.open(config, '{ "rules": { "typo": "off" } }', 'json', 1);
      const report = vscodeUri(path.join(dir, '报告.gongwen'));
      c.open(report, '标题\n我们要以身作责。\n', 'gongwen', 1);
      assert.deepEqual(codes(await c.diagnosticsFor(report, 1)), []);
      // its problems are shown on the document as the client spelled it
      c.notify('textDocument/didChange', { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: '{ "rules": { "typo": "off" }, "colour": 1 }' }] });
      const p = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === config && x.diagnostics.length > 0);
      assert.match(p.diagnostics[0].message, /未知的配置项“colour”/);
    } finally {
      c.kill();
    }
  });

  it('lints documents whose URIs name no local path (file://host/…, an escaped /)', async () => {
    const c = await start([]);
    try {
      for (const uri of ['file://server/share/报告.gongwen', 'file:///r/a%2Fb.gongwen', 'file:///r/bad%E0%A4%A.gongwen']) {
        c.open(uri, '标题\n我们要以身作责。\n', 'gongwen', 1);
        assert.deepEqual(codes(await c.diagnosticsFor(uri, 1)), ['typo/fixed-phrase'], uri);
      }
    } finally {
      c.kill();
    }
  });

  it('looks for .gongwen.json up to the workspace folder, not above; a loose file only in its own folder (outside the home)', async () => {
    const ws = path.join(base, 'ws');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(base, '.gongwen.json'), '{ "rules": { "typo": "off" } }'); // above the workspace: planted
    const c = await start([ws]);
    try {
      const inside = pathToFileURL(path.join(ws, 'sub', 'a.gongwen')).href;
      c.open(inside, '标题\n我们要以身作责。\n', 'gongwen', 1);
      assert.deepEqual(codes(await c.diagnosticsFor(inside, 1)), ['typo/fixed-phrase']);
      const loose = pathToFileURL(path.join(base, 'loose', 'b.gongwen')).href;
      c.open(loose, '标题\n我们要以身作责。\n', 'gongwen', 1);
      assert.deepEqual(codes(await c.diagnosticsFor(loose, 1)), ['typo/fixed-phrase']);
    } finally {
      c.kill();
      fs.rmSync(path.join(base, '.gongwen.json'));
    }
  });

  it('does not follow a .gongwen.json that links out of the workspace, and never quotes another file in a message', async () => {
    const ws = path.join(base, 'linked');
    const outside = path.join(base, 'secret');
    fs.mkdirSync(ws);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'token.json'), '{ "rules": { "typo": "off" } }');
    fs.symlinkSync(path.join(outside, 'token.json'), path.join(ws, '.gongwen.json'));
    const c = await start([ws]);
    try {
      const uri = pathToFileURL(path.join(ws, 'a.gongwen')).href;
      c.open(uri, '标题\n我们要以身作责。\n', 'gongwen', 1);
      assert.deepEqual(codes(await c.diagnosticsFor(uri, 1)), ['typo/fixed-phrase']);
    } finally {
      c.kill();
    }
    const { problems } = parseConfigFile('{ "rules": secret-password-1234 }');
    assert.equal(problems.length, 1);
    assert.doesNotMatch(problems[0].message, /secret|password|1234/);
    assert.match(problems[0].message, /不是有效的 JSON/);
  });

  it('in an untrusted workspace takes no restricted setting from the client either', async () => {
    const c = await start([], { rules: { typo: 'off' }, phrases: { add: [{ wrong: '标题', right: '题目' }] } }, false);
    try {
      const uri = 'file:///r/untrusted.gongwen';
      c.open(uri, '标题\n我们要以身作责。\n', 'gongwen', 1);
      assert.deepEqual(codes(await c.diagnosticsFor(uri, 1)), ['typo/fixed-phrase']);
    } finally {
      c.kill();
    }
  });
});

describe('the LSP lifecycle', () => {
  it('answers requests before initialize with ServerNotInitialized, refuses a second initialize, serves nothing after shutdown', async () => {
    const c = new LspClient();
    try {
      const code = (p: Promise<unknown>) => p.then(() => 'answered', (e: { code: number; message: string }) => e);
      const early = await code(c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///x' } }));
      assert.equal((early as { code: number }).code, -32002);
      assert.match((early as { message: string }).message, /请先发送 initialize/);
      // a notification before initialize is dropped: the document is not open afterwards
      c.open('file:///r/early.gongwen', '标题\n以身作责\n', 'gongwen', 1);
      await c.initialize();
      const again = await code(c.request('initialize', { processId: null, rootUri: null, capabilities: {} }));
      assert.equal((again as { code: number }).code, -32600);
      assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///r/early.gongwen' } }), null);
      await c.request('shutdown', null);
      const late = await code(c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///x' } }));
      assert.equal((late as { code: number }).code, -32600);
      c.notify('exit', null);
      assert.equal(await c.exited, 0);
    } finally {
      c.kill();
    }
  });

  it('answers unusable parameters with InvalidParams saying what is missing, not an internal error', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const cases: [string, unknown, RegExp][] = [
        ['textDocument/documentSymbol', {}, /textDocument\.uri/],
        ['textDocument/hover', { textDocument: { uri: 'file:///x' }, position: { line: 'a' } }, /position/],
        ['textDocument/codeAction', { textDocument: { uri: 'file:///x' } }, /range、context/],
        ['textDocument/selectionRange', { textDocument: { uri: 'file:///x' }, positions: [null] }, /positions/],
        ['textDocument/codeAction', null, /textDocument\.uri、range、context/],
      ];
      for (const [method, params, what] of cases) {
        const e = await c.request(method, params).then(() => undefined, (x: { code: number; message: string }) => x);
        assert.equal(e?.code, -32602, method);
        assert.match(e!.message, what);
        assert.match(e!.message, /参数无效/);
      }
    } finally {
      c.kill();
    }
  });

  it('stops on a frame whose header cannot be read, instead of hanging', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      c.proc.stdin.write('Content-Type: text/plain\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}');
      assert.equal(await c.exited, 1);
      assert.match(c.stderr, /无法解析的消息头/);
    } finally {
      c.kill();
    }
  });
});

describe('修复全部 as edits', () => {
  it('sends one small edit per changed line, with the document version they apply to', async () => {
    const c = new LspClient();
    try {
      await c.initialize({ workspace: { workspaceEdit: { documentChanges: true } } });
      const uri = 'file:///r/versioned.gongwen';
      const text = '述职报告\n一.总体\n' + '这一段没有问题。\n'.repeat(50) + '我们要以身作责。\n';
      c.open(uri, text, 'gongwen', 7);
      await c.diagnosticsFor(uri, 7);
      const [action] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      const [change] = action.edit.documentChanges;
      assert.deepEqual(change.textDocument, { uri, version: 7 });
      assert.equal(change.edits.length, 2);
      assert.deepEqual(change.edits.map((e: { range: { start: { line: number } } }) => e.range.start.line), [1, 52]);
      for (const e of change.edits) assert.equal(e.range.start.line, e.range.end.line);
      assert.equal(applyLspEdits(text, change.edits), '述职报告\n一、总体\n' + '这一段没有问题。\n'.repeat(50) + '我们要以身作则。\n');
    } finally {
      c.kill();
    }
  });
});
