/**
 * Turns .docx files into measured pages: LibreOffice (headless) renders them to PDF, pdftotext -bbox-layout
 * gives every line's box. Throws — never passes quietly — when either tool is missing or fails.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Line {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  words: { xMin: number; xMax: number; yMin: number; yMax: number; text: string }[];
}

export interface Page {
  width: number;
  height: number;
  lines: Line[];
}

export interface Rendered {
  pdf: string;
  pages: Page[];
}

/** pt per mm. */
export const MM = 72 / 25.4;

let profile: string | undefined;

/** Renders each .docx (name → bytes) in one LibreOffice run; keeps the PDFs in `dir`. */
export function renderAll(docs: Record<string, Uint8Array>, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'))): Record<string, Rendered> {
  for (const tool of ['soffice', 'pdftotext']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is missing: run bash test/render/setup.sh`);
  }
  profile ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-'));
  const inputs = Object.entries(docs).map(([name, bytes]) => {
    const file = path.join(dir, `${name}.docx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs], { encoding: 'utf8', timeout: 300_000 });
  const out: Record<string, Rendered> = {};
  for (const name of Object.keys(docs)) {
    const pdf = path.join(dir, `${name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not render ${name}.docx (exit ${r.status}): ${r.stderr || r.stdout}`);
    const t = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (t.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${t.stderr}`);
    out[name] = { pdf, pages: parseBbox(t.stdout) };
  }
  return out;
}

/**
 * Prints each HTML document (name → text) to PDF in headless Chromium, as a browser's 打印 › 另存为 PDF
 * does, and measures the pages as renderAll does.
 */
export function printHtml(docs: Record<string, string>, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-print-'))): Record<string, Rendered> {
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) throw new Error(`chromium is missing (${chromium}): run bash test/render/setup.sh`);
  const out: Record<string, Rendered> = {};
  for (const [name, html] of Object.entries(docs)) {
    const file = path.join(dir, `${name}.html`);
    const pdf = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, html);
    const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, `file://${file}`], { encoding: 'utf8', timeout: 120_000 });
    if (!fs.existsSync(pdf)) throw new Error(`chromium did not print ${name}.html (exit ${r.status}): ${r.stderr}`);
    const t = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (t.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${t.stderr}`);
    out[name] = { pdf, pages: parseBbox(t.stdout) };
  }
  return out;
}

function parseBbox(html: string): Page[] {
  const pages: Page[] = [];
  for (const p of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(p)!;
    const lines: Line[] = [];
    for (const m of p.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: +w[1],
        yMin: +w[2],
        xMax: +w[3],
        yMax: +w[4],
        text: w[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
      }));
      lines.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: words.map((w) => w.text).join(''), words });
    }
    // in reading order: top to bottom (a line's words may come as separate flows)
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push({ width: +size[1], height: +size[2], lines: mergeRows(lines) });
  }
  return pages;
}

/** pdftotext may split one printed line into several (columns, a number between words): one row each. */
function mergeRows(lines: Line[]): Line[] {
  const rows: Line[] = [];
  for (const l of lines) {
    const row = rows[rows.length - 1];
    // one printed row: the boxes overlap by most of the lower one (Latin and Chinese fonts have different ascents)
    const overlap = row ? Math.min(row.yMax, l.yMax) - Math.max(row.yMin, l.yMin) : 0;
    if (row && overlap > 0.6 * Math.min(row.yMax - row.yMin, l.yMax - l.yMin)) {
      row.words.push(...l.words);
      row.words.sort((a, b) => a.xMin - b.xMin);
      row.text = row.words.map((w) => w.text).join('');
      row.xMin = Math.min(row.xMin, l.xMin);
      row.xMax = Math.max(row.xMax, l.xMax);
    } else rows.push({ ...l, words: [...l.words] });
  }
  return rows;
}

/** PNG pages of a PDF (for looking at them). */
export function toPng(pdf: string, prefix: string, dpi = 60, first = 1, last = first): string[] {
  const r = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf, prefix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return fs.readdirSync(path.dirname(prefix)).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png')).map((f) => path.join(path.dirname(prefix), f));
}
