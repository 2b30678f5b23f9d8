import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, applyLspEdits } from '../helpers/lsp-client';
import { openDocx } from '../helpers/docx';
import { SERVER_NODE_ARGS } from '../../server/src/launch';
import { lint, parseConfigFile, setDocsBase } from '../../server/src/engine';

// the server links to the rule pages installed beside its dist/: compared with it, the engine here does too
setDocsBase(`${pathToFileURL(path.join(__dirname, '../../../docs/rules')).href}/`);

const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
const SAMPLE_URI = 'file:///reports/town-secretary-report.txt';

describe('language server over stdio', () => {
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    const init = await c.initialize();
    assert.equal(init.capabilities.textDocumentSync, 2, 'incremental sync');
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.foldingRangeProvider);
    assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.gongwen']);
  });
  after(() => c.kill());

  it('publishes diagnostics for a Chinese .txt report with no setup', async () => {
    c.open(SAMPLE_URI, sample, 'plaintext', 1);
    const p = await c.diagnosticsFor(SAMPLE_URI, 1);
    const placeholders = p.diagnostics.filter((d: any) => d.code.startsWith('placeholder/'));
    assert.equal(placeholders.length, 41);
    const first = placeholders[0];
    assert.deepEqual(first.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
    assert.equal(first.source, 'gongwen');
    assert.equal(first.severity, 1);
    assert.match(first.codeDescription.href, /docs\/rules\/placeholder\/latin-x\.md$/);
    assert.match(first.message, /占位符/);
  });

  it('returns the outline as a symbol tree under the title', async () => {
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, '2023年XX县XX镇述职述德述廉报告');
    const sections = symbols[0].children;
    assert.equal(sections.length, 5);
    assert.equal(sections[2].name, '三、认真履行岗位职责，统筹抓好党建各项工作任务落实');
    assert.deepEqual(sections[2].range.start, { line: 6, character: 0 });
    assert.equal(sections[2].range.end.line, 10);
    assert.deepEqual(sections[2].children.map((s: any) => s.name), ['1.抓经济发展', '2.抓民生改善', '3.抓安全稳定', '4.抓干部队伍建设']);
  });

  it('returns folding ranges per section', async () => {
    const ranges = await c.request('textDocument/foldingRange', { textDocument: { uri: SAMPLE_URI } });
    assert.deepEqual(ranges.map((r: any) => [r.startLine, r.endLine]), [[2, 3], [4, 5], [6, 10], [11, 12], [13, 16]]);
  });

  it('offers a quick fix that removes a template marker', async () => {
    const p = await c.diagnosticsFor(SAMPLE_URI, 1);
    const marker = p.diagnostics.find((d: any) => d.code === 'placeholder/residue');
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri: SAMPLE_URI },
      range: marker.range,
      context: { diagnostics: [marker], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a: any) => a.title), ['删除“##paidbegin##”', '忽略此处的网站残留检查', '在本工作区关闭网站残留检查（placeholder/residue）']);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    const ignored = applyLspEdits(sample, actions[1].edit.changes[SAMPLE_URI]);
    assert.equal(ignored.split('\n')[7], '<!-- gongwen-disable-next-line placeholder/residue -->');
    assert.equal(actions[2].command.command, 'gongwen.disableRule');
    const fixed = applyLspEdits(sample, actions[0].edit.changes[SAMPLE_URI]);
    assert.ok(!fixed.includes('##paidbegin##'));
    assert.equal(fixed.length, sample.length - '##paidbegin##'.length);
  });

  it('offers source.fixAll.gongwen for every safe fix at once', async () => {
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri: SAMPLE_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(actions.length, 1);
    const fixed = applyLspEdits(sample, actions[0].edit.changes[SAMPLE_URI]);
    assert.ok(!fixed.includes('##paid'));
  });

  it('fixes every numbering problem with one fixAll edit; the result lints clean of them', async () => {
    const uri = 'file:///reports/numbering.gongwen';
    const text = ['述职报告', '一.总体', '(一)学习', '1、理论', '3、实践', '二、问题', '二、问题', '（三）子', '一是甲。二是乙。二是丙。'].join('\r\n');
    c.open(uri, text, 'gongwen', 1);
    const p = await c.diagnosticsFor(uri, 1);
    assert.ok(p.diagnostics.filter((d: any) => d.code.startsWith('numbering/')).length >= 6);
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.gongwen');
    const fixed = applyLspEdits(text, actions[0].edit.changes[uri]);
    assert.equal(fixed, ['述职报告', '一、总体', '（一）学习', '1.理论', '2.实践', '二、问题', '三、问题', '（一）子', '一是甲。二是乙。三是丙。'].join('\r\n'));
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const p2 = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(p2.diagnostics.filter((d: any) => d.code.startsWith('numbering/')), []);
  });

  it('offers the renumbering quick fix for a duplicated 二是 in the sample', async () => {
    const p = await c.diagnosticsFor(SAMPLE_URI, 1);
    const d = p.diagnostics.find((x: any) => x.code === 'numbering/enumeration');
    assert.deepEqual(d.range, { start: { line: 12, character: 261 }, end: { line: 12, character: 263 } });
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a: any) => a.kind === 'quickfix');
    assert.equal(fix.title, '改为“三是”');
    const fixed = applyLspEdits(sample, fix.edit.changes[SAMPLE_URI]);
    assert.equal(fixed.split('\n')[12].slice(261, 263), '三是');
  });

  it('follows incremental edits: a 𠀀 before an XX moves its column by 2', async () => {
    const uri = 'file:///reports/edit.gongwen';
    c.open(uri, '标题\nXX镇\n', 'gongwen', 1);
    const v1 = await c.diagnosticsFor(uri, 1);
    assert.deepEqual(v1.diagnostics[0].range.start, { line: 1, character: 0 });
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '𠀀' }],
    });
    const v2 = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(v2.diagnostics[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, text: '城关' }],
    });
    const v3 = await c.diagnosticsFor(uri, 3);
    assert.deepEqual(v3.diagnostics, []);
  });

  it('handles CRLF documents', async () => {
    const uri = 'file:///reports/crlf.gongwen';
    c.open(uri, '标题\r\n一、总体\r\nXX镇\r\n', 'gongwen', 1);
    const p = await c.diagnosticsFor(uri, 1);
    assert.deepEqual(p.diagnostics[0].range.start, { line: 2, character: 0 });
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols[0].children[0].selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('leaves English plain-text files alone but always lints the gongwen language', async () => {
    const en = 'file:///notes/readme.txt';
    c.open(en, 'Release notes: XX build for Windows XP and the RTX card. Nothing Chinese here at all, only 镇.', 'plaintext', 1);
    assert.deepEqual((await c.diagnosticsFor(en, 1)).diagnostics, []);
    const gw = 'file:///notes/short.gongwen';
    c.open(gw, 'XX', 'gongwen', 1);
    assert.equal((await c.diagnosticsFor(gw, 1)).diagnostics.length, 1);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///reports/closing.gongwen';
    c.open(uri, 'XX镇', 'gongwen', 1);
    await c.diagnosticsFor(uri, 1);
    c.notify('textDocument/didClose', { textDocument: { uri } });
    const cleared = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('answers requests about unknown documents and methods without dying', async () => {
    assert.equal(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.txt' } }), null);
    await assert.rejects(c.request('gongwen/noSuchMethod', {}), (e: any) => e.code === -32601);
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.equal(symbols.length, 1);
  });
});

describe('settings pulled from the client', () => {
  it('applies gongwen.rules and gongwen.otherLanguages from workspace/configuration', async () => {
    const c = new LspClient();
    try {
      let settings: any = { rules: { 'placeholder/latin-x': 'off' } };
      await c.initializeWithSettings(() => settings);
      const uri = 'file:///r/a.txt';
      c.open(uri, '述职报告\n同比增长XX％，##paidend##', 'plaintext', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.deepEqual(p.diagnostics.map((d: any) => d.code), ['placeholder/residue']);
      settings = { otherLanguages: 'never' };
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const p2 = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.diagnostics.length === 0);
      assert.deepEqual(p2.diagnostics, []);
    } finally {
      c.kill();
    }
  });

  it('publishes at most gongwen.maxProblems diagnostics, the note that counts them all included, and a share of every kind', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxProblems: 12 });
      c.open(SAMPLE_URI, sample, 'plaintext', 1);
      const p = await c.diagnosticsFor(SAMPLE_URI, 1);
      const all = lint(sample).map(({ data: _, ...d }) => d);
      assert.equal(all.length, 50);
      assert.equal(p.diagnostics.length, 12);
      const note = p.diagnostics[11];
      assert.equal(note.code, 'truncated');
      assert.match(note.message, /共发现 50 个问题，只显示其中 11 个：每类问题都有显示/);
      const shown: { code: string }[] = p.diagnostics.slice(0, 11);
      // in document order, each one of the full lint's, and every kind of finding among them
      for (const d of shown) assert.ok(all.some((x) => JSON.stringify(x) === JSON.stringify(d)), JSON.stringify(d));
      const order = shown.map((d) => all.findIndex((x) => JSON.stringify(x) === JSON.stringify(d)));
      assert.deepEqual(order, [...order].sort((a, b) => a - b));
      const codes = new Set(all.map((d) => d.code));
      assert.ok(codes.size > 1 && codes.size <= 11);
      assert.deepEqual(new Set(shown.map((d) => d.code)), codes);
      // the status bar still counts every placeholder
      const stats = await c.waitFor('gongwen/stats', (s) => s.uri === SAMPLE_URI && s.version === 1);
      assert.equal(stats.placeholders, all.filter((d) => /^placeholder\/(?!residue)/.test(d.code)).length);
      // the title's hover counts the problems shown, not the note about the others
      const hover = await c.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 0, character: 2 } });
      assert.match(hover.contents.value, /，11 个问题（/);
    } finally {
      c.kill();
    }
  });

  it('shows the one typo of a draft with 3,000 unfilled placeholders (VS Code would keep only the first 1,000 errors)', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      const uri = 'file:///tmp/gongwen-many-xx.gongwen';
      const text = '关于XX同志的述职报告\n' + '本年度完成XX项工作，XX万元，XX个项目。\n'.repeat(1000) + '我始终以身作责，带头落实。\n';
      c.open(uri, text, 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 1000);
      assert.equal(p.diagnostics.at(-1).code, 'truncated');
      assert.ok(p.diagnostics.some((d: { code: string; message: string }) => d.code === 'typo/fixed-phrase' && /以身作则/.test(d.message)));
    } finally {
      c.kill();
    }
  });

  it('warns about an invalid gongwen.maxProblems and uses the default', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxProblems: -1 });
      c.open(SAMPLE_URI, sample, 'plaintext', 1);
      assert.equal((await c.diagnosticsFor(SAMPLE_URI, 1)).diagnostics.length, 50);
      const msg = await c.waitFor('window/showMessageRequest');
      assert.match(msg.message, /gongwen\.maxProblems 应为正整数，已使用默认值 1000/);
    } finally {
      c.kill();
    }
  });

  it('warns once about invalid settings and lints with defaults', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ rules: { 'no/such': 'error' }, enable: 'yes' });
      const uri = 'file:///r/b.gongwen';
      c.open(uri, 'XX镇', 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 1);
      const msg = await c.waitFor('window/showMessageRequest');
      assert.match(msg.message, /公文助手/);
    } finally {
      c.kill();
    }
  });
});

describe('.gongwen.json in the workspace', () => {
  it('applies it over the settings, shows its problems on it, and follows its edits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-ws-'));
    const cfg = path.join(dir, '.gongwen.json');
    fs.writeFileSync(cfg, JSON.stringify({ rules: { 'placeholder/latin-x': 'off', 'no/such': 'error' } }, null, 2));
    const c = new LspClient();
    try {
      c.requestHandlers.set('workspace/configuration', (p) => p.items.map(() => ({ rules: { 'placeholder/latin-x': 'warning' } })));
      await c.request('initialize', { processId: null, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], capabilities: { workspace: { configuration: true } } });
      c.notify('initialized', {});
      const uri = pathToFileURL(path.join(dir, 'report.txt')).href;
      c.open(uri, '工作总结\nXX镇以身作责。', 'plaintext', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.deepEqual(p.diagnostics.map((d: any) => d.code), ['typo/fixed-phrase']);
      const cfgUri = pathToFileURL(cfg).href;
      const problems = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === cfgUri);
      assert.equal(problems.diagnostics.length, 1, JSON.stringify(problems.diagnostics));
      assert.match(problems.diagnostics[0].message, /未知的规则“no\/such”/);
      assert.equal(problems.diagnostics[0].range.start.line, 3, "on the offending key");
      // edited in the editor (unsaved): applies at once
      c.open(cfgUri, '{}', 'json', 1);
      c.notify('textDocument/didChange', { textDocument: { uri: cfgUri, version: 2 }, contentChanges: [{ text: '{ "rules": { "typo": "off" } }' }] });
      const p2 = await c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri && x.diagnostics.length === 1 && x.diagnostics[0].code === 'placeholder/latin-x');
      assert.equal(p2.diagnostics[0].severity, 2, 'the setting applies where the file is silent');
    } finally {
      c.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('untrusted workspaces', () => {
  it('ignore the workspace .gongwen.json until trust is granted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-untrusted-'));
    fs.writeFileSync(path.join(dir, '.gongwen.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    const c = new LspClient();
    try {
      await c.request('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { trusted: false } });
      c.notify('initialized', {});
      const uri = pathToFileURL(path.join(dir, 'r.gongwen')).href;
      c.open(uri, 'XX镇', 'gongwen', 1);
      assert.equal((await c.diagnosticsFor(uri, 1)).diagnostics.length, 1, 'the workspace file is not applied');
      assert.deepEqual(await c.request('gongwen/serverInfo', null), { pid: c.proc.pid, trusted: false, execArgv: [...SERVER_NODE_ARGS], transport: 'stdio' });
      c.notify('gongwen/workspaceTrusted', null);
      await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    } finally {
      c.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never takes user regular expressions: a (a+)+$ pattern is refused with a message', async () => {
    const { options, problems } = parseConfigFile(JSON.stringify({ phrases: { add: [{ wrong: 'x', pattern: '(a+)+$' }, { regex: '(a|aa)+$' }] } }));
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /不支持正则表达式/);
    assert.deepEqual(options.phrases?.add, []);
    const long = 'a'.repeat(100_000) + 'b';
    assert.ok(Array.isArray(lint(long, options)));
  });
});

describe('phrase fixes over the protocol', () => {
  it('offers one quick fix for every phrasing and typo finding in the document', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/phr.gongwen';
      const text = '工作总结\n以身作责，再接再励，目的是为了学习习近平总书记系列讲话精神。';
      c.open(uri, text, 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 4);
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: [p.diagnostics[0]] } });
      const all = actions.find((a: any) => a.title.startsWith('修复本文档全部提法和错别字问题'));
      assert.ok(all, actions.map((a: any) => a.title).join(' | '));
      assert.equal(applyLspEdits(text, all.edit.changes[uri]), '工作总结\n以身作则，再接再厉，目的是学习习近平总书记系列重要讲话精神。');
      assert.equal(actions[0].title, '改为“以身作则”');
      assert.equal(actions[0].isPreferred, true);
    } finally {
      c.kill();
    }
  });
});

describe('fixes are looked up in the server, not shipped with every diagnostic', () => {
  it('publishes diagnostics without data, and still answers code actions, also for a version not yet published', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/lookup.gongwen';
      const text = '工作总结\n以身作责，再接再励。';
      c.open(uri, text, 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 2);
      for (const d of p.diagnostics) assert.equal(d.data, undefined, JSON.stringify(d));
      // the user types before the first typo and asks for its fix at once: the request comes before version 2 is published
      c.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '我们' }],
      });
      const moved = { ...p.diagnostics[0], range: { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } } };
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: moved.range, context: { diagnostics: [moved], only: ['quickfix'] } });
      assert.equal(actions[0].title, '改为“以身作则”');
      assert.equal(applyLspEdits('工作总结\n我们以身作责，再接再励。', actions[0].edit.changes[uri]), '工作总结\n我们以身作则，再接再励。');
      // a diagnostic the server never reported (a stale range) gets no fix of its own
      const stale = { ...p.diagnostics[0], range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } };
      const none = await c.request('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } });
      assert.ok(none.length > 0);
      assert.ok(!none.some((a: any) => a.title.startsWith('改为')), none.map((a: any) => a.title).join(' | '));
    } finally {
      c.kill();
    }
  });
});

describe('compact diagnostics for a client that adds back what they leave out', () => {
  it('says what it leaves out, leaves it out, and still answers code actions', async () => {
    const c = new LspClient();
    try {
      const init = await c.initialize({}, { compactDiagnostics: true });
      const compact = init.capabilities.experimental.gongwen.compactDiagnostics;
      assert.equal(compact.source, 'gongwen');
      assert.match(compact.docsBase, /docs\/rules\/$/);
      const uri = 'file:///r/compact.gongwen';
      c.open(uri, '工作总结\n以身作责，完成XX项。', 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.deepEqual(p.diagnostics.map((d: any) => Object.keys(d).sort().join(',')), ['code,message,range,severity', 'code,message,range,severity']);
      const typo = p.diagnostics.find((d: any) => d.code === 'typo/fixed-phrase');
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo], only: ['quickfix'] } });
      assert.equal(actions[0].title, '改为“以身作则”');
      assert.ok(actions.some((a: any) => a.title === '忽略此处的错别字检查'));
    } finally {
      c.kill();
    }
  });

  it('sends full diagnostics to a client that does not ask for compact ones', async () => {
    const c = new LspClient();
    try {
      const init = await c.initialize();
      assert.equal(init.capabilities.experimental, undefined);
      const uri = 'file:///r/full.gongwen';
      c.open(uri, '工作总结\n以身作责。', 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics[0].source, 'gongwen');
      assert.match(p.diagnostics[0].codeDescription.href, /docs\/rules\/typo\/fixed-phrase\.md$/);
    } finally {
      c.kill();
    }
  });
});

describe('edits in quick succession', () => {
  it('publishes for the last version exactly what a full lint of its text finds (single, multiple and whole-text changes)', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/burst.gongwen';
      let text = sample;
      c.open(uri, text, 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      const edits: [number, number, number, number, string][][] = [
        [[3, 0, 3, 0, '以身作责，']],
        [[5, 2, 5, 2, 'XX\n二、'], [0, 0, 0, 0, '\uFEFF']], // two changes in one notification, applied in order
        [[1, 0, 2, 0, '']],
        [[3, 0, 3, 5, '一']], // replaced by something shorter
        [[8, 4, 8, 4, '\r\n（一）再接再励']],
      ];
      let version = 1;
      const expectFullLint = async () => {
        const p = await c.diagnosticsFor(uri, version);
        assert.deepEqual(p.diagnostics, lint(text, { language: 'gongwen' }).map(({ data: _, ...d }) => d), `version ${version}`);
      };
      // each edit alone, then all of them in one burst
      for (const burst of [...edits.map((e) => [e]), edits]) {
        for (const changes of burst) {
          const contentChanges = changes.map(([l1, c1, l2, c2, t]) => ({ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, text: t }));
          for (const ch of contentChanges) text = applyLspEdits(text, [{ range: ch.range, newText: ch.text }]);
          c.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
        }
        await expectFullLint();
      }
      // a whole-text change, then a small edit
      text = text.replace('全年', '全年度');
      c.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      text = applyLspEdits(text, [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, newText: '某' }]);
      c.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, text: '某' }] });
      await expectFullLint();
    } finally {
      c.kill();
    }
  });
});

describe('lifecycle', () => {
  it('shuts down and exits with code 0', async () => {
    const c = new LspClient();
    await c.initialize();
    assert.equal(await c.shutdown(), 0);
  });

  it('exits when the editor closes the pipe: with 0 after a shutdown request, with 1 without one', async () => {
    const a = new LspClient();
    await a.initialize();
    await a.request('shutdown', null);
    a.proc.stdin.end();
    assert.equal(await a.exited, 0);
    const b = new LspClient();
    await b.initialize();
    b.proc.stdin.end();
    assert.equal(await b.exited, 1);
  });
});

describe('placeholder workflow over the protocol', () => {
  it('offers 填写… and 全部填写, and fills every XX镇 and nothing else with one WorkspaceEdit', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/fill.gongwen';
      const text = '2023年XX县XX镇述职报告\n本人到XX镇任职，XX镇共有XX个村，XXX镇另计。';
      c.open(uri, text, 'gongwen', 1);
      const p = await c.diagnosticsFor(uri, 1);
      const stats = await c.waitFor('gongwen/stats', (s) => s.uri === uri && s.version === 1);
      assert.equal(stats.placeholders, p.diagnostics.length);
      assert.ok(stats.characters > 20);
      const town = p.diagnostics[1]; // the XX of XX镇 in the title
      assert.deepEqual(town.range.start, { line: 0, character: 8 });
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: town.range, context: { diagnostics: [town] } });
      assert.deepEqual(actions.map((a: any) => a.title), ['填写“XX”…', '全部填写“XX镇”（3 处）…', '忽略此处的占位符“XX”检查', '在本工作区关闭占位符“XX”检查（placeholder/latin-x）']);
      assert.equal(actions[0].command.command, 'gongwen.fillPlaceholder');
      assert.deepEqual(actions[1].command.arguments, [uri, 'XX', '镇']);
      const edit = await c.request('gongwen/fillAll', { uri, placeholder: 'XX', qualifier: '镇', value: '城关' });
      assert.equal(edit.changes[uri].length, 3);
      assert.equal(applyLspEdits(text, edit.changes[uri]), '2023年XX县城关镇述职报告\n本人到城关镇任职，城关镇共有XX个村，XXX镇另计。');
      assert.equal(await c.request('gongwen/fillAll', { uri: 'file:///nope', placeholder: 'XX', qualifier: '镇', value: 'a' }), null);
    } finally {
      c.kill();
    }
  });
});

describe('navigation and completion over the protocol', () => {
  it('gives workspace symbols, selection ranges, hovers with figures, and completions of standard formulations', async () => {
    const c = new LspClient();
    try {
      await c.initialize();
      const uri = 'file:///r/nav.gongwen';
      const text = ['年度工作总结', '一、主要工作', '全年完成投资XX万元。群众满意度提高。', '（一）学习', '理论学习扎实。', '二、存在问题', '一是学习不够。'].join('\n');
      c.open(uri, text, 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      const md = 'file:///r/nav.md';
      c.open(md, '# 2025年述职报告\n\n## 工作回顾\n\n### 一、学习\n\n正文，**一是**学习。\n', 'markdown', 1);
      await c.diagnosticsFor(md, 1);

      const ws = await c.request('workspace/symbol', { query: '学习' });
      assert.deepEqual(ws.map((s: any) => [s.name, s.location.uri]).sort(), [['一、学习', md], ['（一）学习', uri]]);
      const mdSymbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: md } });
      assert.equal(mdSymbols[0].name, '2025年述职报告');
      assert.equal(mdSymbols[0].children[0].name, '工作回顾');
      assert.equal(mdSymbols[0].children[0].children[0].name, '一、学习');
      assert.notEqual(mdSymbols[0].children[0].kind, mdSymbols[0].children[0].children[0].kind, 'kinds differ per level');

      const [sel] = await c.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 2, character: 3 }] });
      const chain: any[] = [];
      for (let s = sel; s; s = s.parent) chain.push(s.range);
      assert.deepEqual(chain.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]), [
        [2, 0, 2, 11], // the sentence, with its 。
        [2, 0, 2, 19], // the paragraph
        [1, 0, 4, 7], // the section 一、
        [0, 0, 6, 7], // the document
      ]);

      const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l: any) => [l.range.start.line, l.command.title]), [[1, '本节 36 字 · 1 个问题'], [5, '本节 13 字 · 没有问题']]);
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      assert.match(hover.contents.value, /本节 \d+ 字，约 0\.\d 页（第 2～5 行），1 个问题/);
      const titleHover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.match(titleHover.contents.value, /全文 \d+ 字，导出为 Word 约 1 页/);
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } }), null);

      const typing = 'file:///r/typing.gongwen';
      c.open(typing, '坚持以习近平', 'gongwen', 1);
      const completion = await c.request('textDocument/completion', { textDocument: { uri: typing }, position: { line: 0, character: 6 } });
      const first = completion.items[0];
      assert.equal(first.label, '以习近平同志为核心的党中央');
      assert.deepEqual(first.textEdit.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } });
      c.notify('textDocument/didChange', { textDocument: { uri: typing, version: 2 }, contentChanges: [{ text: '做到两个' }] });
      const two = await c.request('textDocument/completion', { textDocument: { uri: typing }, position: { line: 0, character: 4 } });
      assert.deepEqual(two.items.slice(0, 2).map((i: any) => i.label), ['两个确立', '两个维护']);
      assert.match(two.items[0].documentation, /确立习近平同志党中央的核心/);
      c.notify('textDocument/didChange', { textDocument: { uri: typing, version: 3 }, contentChanges: [{ text: '严格遵守中央八项' }] });
      const eight = await c.request('textDocument/completion', { textDocument: { uri: typing }, position: { line: 0, character: 8 } });
      assert.equal(eight.items[0].label, '中央八项规定及其实施细则精神');
    } finally {
      c.kill();
    }
  });
});

describe('message language', () => {
  it('follows gongwen.messageLanguage over the editor language', async () => {
    const c = new LspClient();
    try {
      c.requestHandlers.set('workspace/configuration', (p) => p.items.map(() => ({ messageLanguage: 'zh-cn' })));
      await c.request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'en' });
      c.notify('initialized', {});
      const uri = 'file:///r/lang2.gongwen';
      c.open(uri, '以身作责', 'gongwen', 1);
      assert.match((await c.diagnosticsFor(uri, 1)).diagnostics[0].message, /^“以身作责”应为“以身作则”/);
    } finally {
      c.kill();
    }
  });

  it('speaks Chinese by default whatever the editor language; auto follows the editor, en is English', async () => {
    const english = /^Wrong character in a fixed expression: “以身作责” → “以身作则”/;
    const chinese = /^“以身作责”应为“以身作则”/;
    for (const [locale, setting, pattern] of [
      [undefined, undefined, chinese], ['zh-cn', undefined, chinese], ['en', undefined, chinese],
      ['en', 'auto', english], ['zh-cn', 'auto', chinese], ['zh-cn', 'en', english],
    ] as const) {
      const c = new LspClient();
      try {
        if (setting) c.requestHandlers.set('workspace/configuration', (p) => p.items.map(() => ({ messageLanguage: setting })));
        const capabilities = setting ? { workspace: { configuration: true } } : {};
        await c.request('initialize', { processId: null, rootUri: null, capabilities, ...(locale ? { locale } : {}) });
        c.notify('initialized', {});
        const uri = 'file:///r/lang.gongwen';
        c.open(uri, '以身作责', 'gongwen', 1);
        const p = await c.diagnosticsFor(uri, 1);
        assert.match(p.diagnostics[0].message, pattern);
      } finally {
        c.kill();
      }
    }
  });
});

describe('multi-root workspaces', () => {
  it('apply each folder’s own .gongwen.json', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-multi-'));
    const a = path.join(base, 'a');
    const b = path.join(base, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, '.gongwen.json'), JSON.stringify({ rules: { typo: 'off' } }));
    fs.writeFileSync(path.join(b, '.gongwen.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    const c = new LspClient();
    try {
      const folders = [a, b].map((d) => ({ uri: pathToFileURL(d).href, name: path.basename(d) }));
      await c.request('initialize', { processId: null, rootUri: null, workspaceFolders: folders, capabilities: {} });
      c.notify('initialized', {});
      const text = 'XX镇以身作责';
      const ua = pathToFileURL(path.join(a, 'r.gongwen')).href;
      const ub = pathToFileURL(path.join(b, 'r.gongwen')).href;
      c.open(ua, text, 'gongwen', 1);
      c.open(ub, text, 'gongwen', 1);
      assert.deepEqual((await c.diagnosticsFor(ua, 1)).diagnostics.map((d: any) => d.code), ['placeholder/latin-x']);
      assert.deepEqual((await c.diagnosticsFor(ub, 1)).diagnostics.map((d: any) => d.code), ['typo/fixed-phrase']);
    } finally {
      c.kill();
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('Word export over the protocol', () => {
  it('returns the open document as a .docx with its errors and pages, taking the export settings', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ export: { bodyFont: '方正仿宋_GBK', linePitch: null } });
      c.open(SAMPLE_URI, sample, 'plaintext', 1);
      await c.diagnosticsFor(SAMPLE_URI, 1);
      const r = await c.request('gongwen/exportDocx', { uri: SAMPLE_URI });
      const all = lint(sample);
      assert.equal(r.errors, all.filter((d) => d.severity === 1).length);
      assert.equal(r.pages, 6);
      const d = openDocx(Buffer.from(r.data, 'base64'));
      assert.equal(d.paragraphs[0].text, '2023年XX县XX镇述职述德述廉报告');
      assert.match(d.document, /w:eastAsia="方正仿宋_GBK"/);
      assert.match(d.document, /w:linePitch="579"/);
      // the hover on the title gives the same page figure
      const hover = await c.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 0, character: 2 } });
      assert.match(hover.contents.value, /导出为 Word 约 6 页/);
    } finally {
      c.kill();
    }
  });

  it('says clearly what it cannot export: a document it does not have, one above gongwen.maxFileSize, binary content', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({ maxFileSize: 0.001 });
      assert.match((await c.request('gongwen/exportDocx', { uri: 'file:///nowhere.txt' })).error, /找不到这个文档/);
      assert.match((await c.request('gongwen/exportDocx', {})).error, /找不到这个文档/);
      c.open('file:///r/big.gongwen', '报告\n' + '内容。'.repeat(2000), 'gongwen', 1);
      assert.match((await c.request('gongwen/exportDocx', { uri: 'file:///r/big.gongwen' })).error, /超过上限 0\.0 MB，不导出/);
      c.open('file:///r/bin.gongwen', 'XX\u0000', 'gongwen', 1);
      assert.match((await c.request('gongwen/exportDocx', { uri: 'file:///r/bin.gongwen' })).error, /二进制内容/);
    } finally {
      c.kill();
    }
  });
});

describe('gongwen-language-server, for other editors', () => {
  it('speaks LSP over stdio with no arguments, lints text as editors name it (text, markdown, gongwen), and takes settings from workspace/configuration', async () => {
    const c = new LspClient([], [], path.join(__dirname, '../../../dist/language-server.js'));
    try {
      await c.initializeWithSettings({ rules: { 'placeholder/latin-x': 'off' } });
      for (const [uri, languageId] of [['file:///r/a.txt', 'text'], ['file:///r/b.md', 'markdown'], ['file:///r/c.gongwen', 'gongwen']]) {
        c.open(uri, '2024年XX县述职报告\n我们要以身作责。\n', languageId, 1);
        const p = await c.diagnosticsFor(uri, 1);
        assert.deepEqual(p.diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase'], languageId);
      }
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///r/c.gongwen' } });
      assert.equal(symbols[0].name, '2024年XX县述职报告');
    } finally {
      c.kill();
    }
  });
});

describe('page figures for the status bar', () => {
  it('sends where each page of the Word export starts, for 共 N 页 · 第 K 页', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      c.open(SAMPLE_URI, sample, 'plaintext', 1);
      const stats = await c.waitFor('gongwen/stats', (s) => s.uri === SAMPLE_URI && s.version === 1);
      assert.equal(stats.pageStarts.length, 6); // as LibreOffice renders the exported sample
      assert.equal(stats.pageStarts[0], 0);
      for (let k = 1; k < stats.pageStarts.length; k++) assert.ok(stats.pageStarts[k] >= stats.pageStarts[k - 1]);
      assert.ok(stats.pageStarts[5] >= 12 && stats.pageStarts[5] <= 16, JSON.stringify(stats.pageStarts));
    } finally {
      c.kill();
    }
  });
});

describe('paged preview', () => {
  it('gives the pages of a report as HTML with its findings marked, the print version without them, and a message for what it cannot draw', async () => {
    const c = new LspClient();
    try {
      await c.initializeWithSettings({});
      c.open(SAMPLE_URI, sample, 'plaintext', 1);
      await c.diagnosticsFor(SAMPLE_URI, 1);
      const model = await c.request('gongwen/preview', { uri: SAMPLE_URI });
      assert.equal(model.version, 1);
      assert.equal(model.pages.length, 6);
      assert.deepEqual(model.starts.slice(0, 1), [0]);
      assert.match(model.css, /\.page \{/);
      const marks = model.pages.join('').match(/class="m placeholder"/g) ?? [];
      assert.ok(marks.length >= 30, String(marks.length));
      const print = await c.request('gongwen/preview', { uri: SAMPLE_URI, print: true });
      assert.match(print.html, /^<!DOCTYPE html>/);
      assert.doesNotMatch(print.html, /class="m /);
      // the hover of a section: its share of the pages
      const hover = await c.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 2, character: 2 } });
      assert.match(hover.contents.value, /本节 \d+ 字，约 \d+\.\d 页/);
      // what it cannot draw: an unknown document, binary content
      assert.match((await c.request('gongwen/preview', { uri: 'file:///nowhere.txt' })).error, /找不到/);
      c.open('file:///r/bin.txt', 'a\u0000b', 'plaintext', 1);
      assert.match((await c.request('gongwen/preview', { uri: 'file:///r/bin.txt' })).error, /二进制/);
      assert.match((await c.request('gongwen/preview', {})).error, /找不到/);
    } finally {
      c.kill();
    }
  });
});

describe('a client that supports neither pull configuration nor dynamic registration', () => {
  it('takes the settings from initializationOptions and didChangeConfiguration, and serves every feature', async () => {
    const c = new LspClient();
    try {
      // no capabilities at all: no workspace/configuration, no dynamic registration, no resolve, no versioned edits
      await c.initialize({}, { gongwen: { rules: { 'placeholder/latin-x': 'off' } } });
      assert.ok(!c.notifications.some((n) => n.method === 'client/registerCapability'));
      const uri = 'file:///r/plain.txt';
      c.open(uri, '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n', 'text', 1);
      const first = await c.diagnosticsFor(uri, 1);
      assert.deepEqual(first.diagnostics.map((d: { code: string }) => d.code), ['typo/fixed-phrase']);
      // settings pushed with the change: XX counts again
      c.notify('workspace/didChangeConfiguration', { settings: { gongwen: { rules: {} } } });
      const again = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: { code: string }) => d.code === 'placeholder/latin-x'));
      assert.ok(again.diagnostics.length >= 2);
      // and the rest answers as for any client
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: again.diagnostics[0].range, context: { diagnostics: again.diagnostics } });
      assert.ok(actions.length > 0);
      assert.ok(actions.every((a: { edit?: { changes?: unknown; documentChanges?: unknown } }) => !a.edit || (a.edit.changes && !a.edit.documentChanges)), 'plain edits for a client without versioned edits');
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0].name, '2024年XX县述职报告');
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.match(hover.contents.value, /本节/);
    } finally {
      c.kill();
    }
  });
});

describe('CodeLens kept current', () => {
  it('asks a client that supports it to fetch the lenses again once the findings are out (their counts change), once for a burst', async () => {
    const c = new LspClient();
    try {
      let refreshes = 0;
      c.requestHandlers.set('workspace/codeLens/refresh', () => ((refreshes += 1), null));
      await c.initialize({ workspace: { codeLens: { refreshSupport: true } } });
      const uri = 'file:///r/lens.gongwen';
      c.open(uri, '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n', 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      for (let v = 2; v <= 6; v++) c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `2024年XX县述职报告\n一、工作情况\n我们要以身作责${'。'.repeat(v)}\n` }] });
      await c.diagnosticsFor(uri, 6);
      await new Promise((r) => setTimeout(r, 800));
      assert.ok(refreshes >= 1 && refreshes <= 3, String(refreshes));
      // a client that does not support it is not asked
      const d = new LspClient();
      try {
        let asked = 0;
        d.requestHandlers.set('workspace/codeLens/refresh', () => ((asked += 1), null));
        await d.initialize({});
        d.open(uri, '2024年XX县述职报告\n', 'gongwen', 1);
        await d.diagnosticsFor(uri, 1);
        await new Promise((r) => setTimeout(r, 600));
        assert.equal(asked, 0);
      } finally {
        d.kill();
      }
    } finally {
      c.kill();
    }
  });
});
