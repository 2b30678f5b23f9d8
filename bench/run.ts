/**
 * npm run bench: throughput and keystroke latency on generated reports (10 KB – 10 MB), and the same
 * texts through peer tools. Prints figures; asserts nothing about time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../test/helpers/lsp-client';
import { lint, outline, parse } from '../server/src/engine';
import { exportDocx } from '../server/src/engine/export';
import { readDocxText } from '../server/src/engine/docx-read';
import { estimatePages } from '../server/src/engine/navigation';
import { generateReport } from './report';

const root = path.join(__dirname, '../..');
const SIZES: [string, number][] = [['10 KB', 10_000], ['100 KB', 100_000], ['1 MB', 1_000_000], ['10 MB', 10_000_000]];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const f1 = (x: number) => x.toFixed(1);

/** Untimed runs until 5 are done or 300 ms are spent, whichever comes first (at least one). */
function warmUp(fn: () => unknown): void {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 5 && (i === 0 || Number(process.hrtime.bigint() - t0) / 1e6 < 300); i++) fn();
}

async function peers(): Promise<Record<string, (text: string) => void>> {
  const out: Record<string, (text: string) => void> = {};
  try {
    const ac = await import('@huacnlee/autocorrect');
    out['autocorrect'] = (t) => ac.lintFor(t, 'report.txt');
  } catch (e) {
    console.log(`(autocorrect unavailable: ${(e as Error).message.split('\n')[0]}; run with node --experimental-wasm-modules)`);
  }
  const zhlint = require('zhlint');
  out['zhlint'] = (t) => zhlint.run(t);
  const md = await import('markdownlint/sync');
  out['markdownlint'] = (t) => md.lint({ strings: { report: t } });
  return out;
}

async function keystrokes(text: string, label: string): Promise<string> {
  const c = new LspClient();
  try {
    // as the extension's client: compact diagnostics, with the source and documentation link added back on arrival
    const init = await c.initialize({}, { compactDiagnostics: true });
    const { source, docsBase } = init.capabilities.experimental.gongwen.compactDiagnostics;
    const restore = (p: { diagnostics: { source?: string; code: unknown }[] }) => {
      for (const d of p.diagnostics) {
        d.source = source;
        d.code = { value: d.code, target: `${docsBase}${d.code}.md` };
      }
    };
    const uri = `file:///bench/${label.replace(/\s/g, '')}.gongwen`;
    c.open(uri, text, 'gongwen', 1);
    await c.diagnosticsFor(uri, 1);
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    let col = Math.min(10, lines[line].length);
    const typed = '坚持以人民为中心的发展思想不断提高群众满意度';
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const version = i + 2;
      const t0 = process.hrtime.bigint();
      c.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: typed[i % typed.length] }],
      });
      restore(await c.diagnosticsFor(uri, version));
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      c.notifications.splice(0); // an editor keeps the latest diagnostics only, not every version's
      col++;
    }
    return `| ${label} | ${f1(pct(latencies, 50))} | ${f1(pct(latencies, 95))} | ${f1(Math.max(...latencies))} | ${peakRss(c)} |`;
  } finally {
    c.kill();
  }
}

const peakRss = (c: LspClient) => {
  const m = fs.readFileSync(`/proc/${c.proc.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

/**
 * A 10 MB report through the real server: the time to its first diagnostics, how long the server took
 * to answer another request meanwhile, the peak RSS; then 50 keystrokes in it.
 */
async function bigDocument(text: string): Promise<string[]> {
  const c = new LspClient();
  try {
    await c.initialize({}, { compactDiagnostics: true });
    const uri = 'file:///bench/big.gongwen';
    const small = 'file:///bench/small.gongwen';
    c.open(small, '标题\n一、总体\n（一）学习', 'gongwen', 1);
    await c.diagnosticsFor(small, 1);
    const t0 = process.hrtime.bigint();
    c.open(uri, text, 'gongwen', 1);
    // while the big report is linted: outline requests for the small one, one after another
    const answers: number[] = [];
    let published = false;
    const first = c.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, 300000).then((p) => ((published = true), p));
    while (!published) {
      const s = process.hrtime.bigint();
      await c.request('textDocument/documentSymbol', { textDocument: { uri: small } });
      if (!published) answers.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const p = await first;
    const openMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const openRss = peakRss(c);
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const version = i + 2;
      const s = process.hrtime.bigint();
      c.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 10 + i }, end: { line, character: 10 + i } }, text: '坚' }],
      });
      await c.diagnosticsFor(uri, version);
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      c.notifications.splice(0);
    }
    const shown = p.diagnostics.filter((d: { code: string }) => d.code !== 'truncated').length;
    return [
      `| 打开 | ${f1(openMs)} ms 后发布诊断（显示 ${shown} 个，其余计数） | 其间回应其他请求：${answers.length} 次，最慢 ${f1(Math.max(0, ...answers))} ms | ${openRss} MB |`,
      `| 打开后连续输入 50 字 | 每字 p50 ${f1(pct(latencies, 50))} ms，p95 ${f1(pct(latencies, 95))} ms | — | ${peakRss(c)} MB |`,
    ];
  } finally {
    c.kill();
  }
}

/** Word export of reports of about 10, 30 and 100 pages (GB/T 9704 layout): the median of 5 runs after a warm-up. */
async function exportTimes(): Promise<void> {
  let docxRead = '';
  console.log('\n导出 Word（GB/T 9704 版式，生成 .docx 的时间，5 次的中位数）\n\n| 报告 | 字符 | 页数（估算） | 导出 | .docx 大小 |\n|---|---|---|---|---|');
  for (const pages of [10, 30, 100]) {
    let text = generateReport(pages * 1900);
    while (estimatePages(parse(text)) < pages) text += '\n' + generateReport(4000);
    await exportDocx(text);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      size = (await exportDocx(text)).bytes.length;
      times.push(performance.now() - t0);
    }
    console.log(`| ${pages} 页 | ${text.length} | ${estimatePages(parse(text))} | ${f1(median(times))} ms | ${Math.round(size / 1024)} KB |`);
    if (pages === 100) {
      // and back: reading that .docx and checking its paragraphs (gongwen-lint 报告.docx)
      const bytes = (await exportDocx(text)).bytes;
      const read: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const r = readDocxText(bytes);
        if (r.ok) lint(r.paragraphs.join('\n'));
        read.push(performance.now() - t0);
      }
      docxRead = `\n读取并检查这份 100 页的 .docx：${f1(median(read))} ms（5 次的中位数）`;
    }
  }
  console.log(docxRead);
}

/**
 * The paged preview of reports of about 10, 30 and 100 pages through the real server: after one keystroke,
 * the time until the pages of that version are back (didChange, then gongwen/preview: the lines, pages and
 * HTML with findings), the median of 20 keystrokes. The client asks 60 ms after the last key.
 */
async function previewTimes(): Promise<void> {
  console.log('\n分页预览（经 stdio 的真实语言服务：输入一个字后取回该版本的全部页面 HTML，20 次的中位数）\n\n| 报告 | 字符 | 页数 | 更新 p50 | p95 | 页面 HTML |\n|---|---|---|---|---|---|');
  const c = new LspClient();
  try {
    await c.initialize({}, { compactDiagnostics: true });
    for (const pages of [10, 30, 100]) {
      let text = generateReport(pages * 1900);
      while (estimatePages(parse(text)) < pages) text += '\n' + generateReport(4000);
      const uri = `file:///bench/preview-${pages}.gongwen`;
      c.open(uri, text, 'gongwen', 1);
      await c.diagnosticsFor(uri, 1);
      let model = await c.request('gongwen/preview', { uri });
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const version = i + 2;
        const s = process.hrtime.bigint();
        c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } }, text: '坚' }] });
        model = await c.request('gongwen/preview', { uri });
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
        c.notifications.splice(0);
      }
      const size = model.pages.reduce((n: number, p: string) => n + p.length, 0);
      console.log(`| ${pages} 页 | ${text.length} | ${model.pages.length} | ${f1(pct(times, 50))} ms | ${f1(pct(times, 95))} ms | ${Math.round(size / 1024)} KB |`);
    }
  } finally {
    c.kill();
  }
}

/** Bundle sizes (desktop and web) and the language server's start: from spawn to the answer to initialize and to the first diagnostics. */
async function bundlesAndStart(): Promise<void> {
  const size = (f: string) => fs.statSync(path.join(root, 'dist', f)).size;
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  console.log('\n打包大小与语言服务启动\n\n| 项目 | 结果 |\n|---|---|');
  console.log(`| 桌面：client.js + server.js + engine.js | ${kb(size('client.js'))} + ${kb(size('server.js'))} + ${kb(size('engine.js'))} |`);
  console.log(`| 网页：browser-client.js + browser-server.js（与桌面共用 engine.js） | ${kb(size('browser-client.js'))} + ${kb(size('browser-server.js'))} |`);
  console.log(`| Word 导出 export.js（首次导出时载入） | ${kb(size('export.js'))} |`);
  const starts: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const c = new LspClient();
    try {
      await c.initialize({});
      starts.push(performance.now() - t0);
      c.open('file:///bench/start.gongwen', '2024年XX县述职报告\n一、工作情况\n我们要以身作责。\n', 'gongwen', 1);
      await c.diagnosticsFor('file:///bench/start.gongwen', 1);
      firsts.push(performance.now() - t0);
    } finally {
      c.kill();
    }
  }
  console.log(`| 服务启动到回应 initialize（5 次中位数） | ${f1(median(starts))} ms |`);
  console.log(`| 服务启动到第一份诊断（含载入规则和词典） | ${f1(median(firsts))} ms |`);
}

async function main() {
  console.log(`gongwen bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  if (process.argv.includes('--export')) return exportTimes(); // npm run bench -- --export: the export figures only
  if (process.argv.includes('--preview')) return previewTimes(); // npm run bench -- --preview: the preview figures only
  if (process.argv.includes('--start')) return bundlesAndStart(); // npm run bench -- --start: bundle sizes and server start
  const docs = SIZES.map(([label, bytes]) => ({ label, text: generateReport(bytes) }));
  lint(docs[1].text); // warm up: the phrase automaton is built on first use
  const tools = await peers();
  const names = Object.keys(tools);
  console.log(`| 文档 | 字符 | 问题数 | 全文检查（中位数） | 吞吐 | 大纲 | 堆内存 | ${names.map((n) => `${n}（倍数）`).join(' | ')} |`);
  console.log(`|---|---|---|---|---|---|---|${names.map(() => '---').join('|')}|`);
  for (const { label, text } of docs) {
    const runs = label === '10 MB' ? 3 : 9;
    const times: number[] = [];
    let count = 0;
    // every tool gets the same untimed warm-up on the document first (JIT compilation), then timed runs
    warmUp(() => lint(text));
    for (let i = 0; i < runs; i++) times.push(time(() => (count = lint(text).length)));
    const lintMs = median(times);
    const outlineMs = median([0, 1, 2].map(() => time(() => outline(text))));
    const mb = Buffer.byteLength(text) / 1e6;
    const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    const peerCells: string[] = [];
    for (const n of names) {
      if (label === '10 MB' && n === 'zhlint') {
        peerCells.push('未测（单次超过 1 分钟）');
        continue;
      }
      warmUp(() => tools[n](text));
      const ms = median([0, 1, 2].slice(0, label === '10 MB' ? 1 : 3).map(() => time(() => tools[n](text))));
      peerCells.push(`${f1(ms)} ms（${f1(ms / lintMs)}×）`);
    }
    console.log(`| ${label} | ${text.length} | ${count} | ${f1(lintMs)} ms | ${f1(mb / (lintMs / 1000))} MB/s | ${f1(outlineMs)} ms | ${heap} MB | ${peerCells.join(' | ')} |`);
  }
  console.log('\n按键延迟（经 stdio 的真实语言服务：200 次单字输入，从 didChange 到该版本的 publishDiagnostics，毫秒）\n');
  console.log('| 文档 | p50 | p95 | 最大 | 服务峰值 RSS（MB） |\n|---|---|---|---|---|');
  console.log(await keystrokes(docs[1].text, '100 KB'));
  console.log(await keystrokes(docs[2].text, '1 MB'));
  console.log('\n10 MB 文档（经 stdio 的真实语言服务，默认设置）\n\n| 情形 | 结果 | 响应 | 服务峰值 RSS |\n|---|---|---|---|');
  for (const row of await bigDocument(docs[3].text)) console.log(row);
  await exportTimes();
  await previewTimes();
  await bundlesAndStart();
  const distSize = fs.readdirSync(path.join(root, 'dist')).reduce((n, f) => n + fs.statSync(path.join(root, 'dist', f)).size, 0);
  console.log(`\ndist/ 共 ${(distSize / 1024).toFixed(0)} KB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
