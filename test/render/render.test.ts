/**
 * The exported .docx as printed: rendered by LibreOffice and measured on the PDF — A4, the type area at
 * 37/28 mm, 22 lines of 28 characters, — N — 7 mm below the type area, odd right and even left, the title
 * on one line. Needs LibreOffice and poppler (bash test/render/setup.sh); fails, never skips, without them.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pageStarts, paginate, parse, type PagedReport } from '../../server/src/engine';
import { exportDocx } from '../../server/src/engine/export';
import { estimatePages } from '../../server/src/engine/navigation';
import { MM, printHtml, renderAll, type Line, type Page, type Rendered } from '../helpers/render';
import { printableHtml, renderPreview } from '../../server/src/engine/preview';

const root = path.join(__dirname, '../../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const sample = read('examples/town-secretary-report.txt');

const REPORTS: Record<string, [string, 'gongwen' | 'markdown']> = {
  sample: [sample, 'gongwen'],
  summary: [read('test/fixtures/export/summary.md'), 'markdown'],
  short: [read('test/corpus/clean/55-archives-bureau-2025.txt'), 'gongwen'],
  medium: [read('test/corpus/clean/01-town-party-secretary-2024.txt'), 'gongwen'],
  long: [[sample, read('test/corpus/clean/02-middle-school-principal-2023.txt'), read('test/corpus/clean/03-county-hospital-summary-2024.txt')].join('\n'), 'gongwen'],
};

const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const TOP = 37 * MM;
const BOTTOM = (297 - 35) * MM;
const CHAR = 16 - 0.25; // 三号 with −0.25 pt spacing
const FULL_WIDTH = /^[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]+$/u;

/** Punctuation that may not start a line, and that may not end one. */
const CLOSING = /[，。、；：？！）》」』”’…—]/;
const OPENING = /[（《「『“‘【]/;

const bodyOf = (p: Page) => p.lines.filter((l) => l.yMin < BOTTOM);

/** The preview's lines, page by page, as text without spaces (a table row: its cells one after another). */
const previewLines = (paged: PagedReport) =>
  paged.pages.map((page) => page.map((l) => (l.kind === 'row' ? (l.cells ?? []).join('') : l.pieces.map((x) => x.text).join('')).replace(/\s/g, '')));
/** LibreOffice's printed lines, page by page, the same way. */
const printedLines = (r: Rendered) => r.pages.map((p) => bodyOf(p).map((l) => l.text.replace(/\s/g, '')));
/** The first line where the two differ: page, line, both texts. */
function firstDifference(printed: string[][], drawn: string[][]): string | undefined {
  for (let k = 0; k < Math.max(printed.length, drawn.length); k++) {
    // blank lines print nothing: LibreOffice's text has no line for them
    const a = printed[k] ?? [];
    const b = (drawn[k] ?? []).filter((t) => t !== '');
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return `page ${k + 1}, line ${i + 1}: printed “${a[i]}”, preview “${b[i]}”`;
  }
  return undefined;
}
const footerOf = (p: Page) => p.lines.filter((l) => l.yMin >= BOTTOM);

describe('Word export rendered by LibreOffice', () => {
  let rendered: Record<string, Rendered>;
  before(async () => {
    const docs: Record<string, Uint8Array> = {};
    for (const [name, [text, language]] of Object.entries(REPORTS)) docs[name] = (await exportDocx(text, language)).bytes;
    rendered = renderAll(docs);
  });

  it('renders every report on A4 pages', () => {
    for (const [name, r] of Object.entries(rendered)) {
      assert.ok(r.pages.length >= 1, name);
      for (const p of r.pages) {
        assert.ok(Math.abs(p.width - 210 * MM) < 0.5 && Math.abs(p.height - 297 * MM) < 0.5, `${name}: ${p.width} × ${p.height}`);
      }
    }
    assert.ok(rendered.long.pages.length >= 10, `long: ${rendered.long.pages.length} pages`);
  });

  it('starts the text 28 mm from the left and 37 mm from the top, and keeps it inside the type area', () => {
    for (const [name, r] of Object.entries(rendered)) {
      const flush = Math.min(...r.pages.flatMap((p) => bodyOf(p).map((l) => l.xMin)));
      assert.ok(Math.abs(flush - LEFT) < 0.5 * MM, `${name}: text starts at ${(flush / MM).toFixed(2)} mm`);
      for (const [i, p] of r.pages.entries()) {
        const body = bodyOf(p);
        for (const l of body) assert.ok(l.xMax <= RIGHT + 0.5 && l.xMin >= LEFT - 0.5, `${name} p${i + 1}: ${l.text} (${l.xMin}–${l.xMax})`);
        // the first line's box starts at the top of the type area (its 28.95 pt line holds a 16 pt or 22 pt line box)
        // (a page may begin with an empty line: then a whole pitch lower)
        assert.ok(body[0].yMin >= TOP - 1 && (body[0].yMin - TOP) % 28.95 < 10, `${name} p${i + 1}: first line at ${(body[0].yMin / MM).toFixed(1)} mm`);
      }
    }
  });

  it('sets 28 characters on every full line, and never more', () => {
    let full = 0;
    let pushed = 0;
    for (const [name, r] of Object.entries(rendered)) {
      for (const [i, p] of r.pages.entries()) {
        const body = bodyOf(p);
        for (const [k, l] of body.entries()) {
          if (!FULL_WIDTH.test(l.text) || l.yMax - l.yMin > 24) continue; // lines with Latin text or digits; the 二号 title
          const chars = [...l.text].length;
          const indent = Math.round((l.xMin - LEFT) / CHAR);
          assert.ok(chars + indent <= 28, `${name} p${i + 1}: ${chars} + ${indent} characters: ${l.text}`);
          if (l.xMax < RIGHT - CHAR / 2) continue;
          full++;
          if (chars + indent === 28) continue;
          // a line is one or two short only where the next begins with a character and the punctuation
          // that may not start a line (the character goes down with it, the line is justified), with an
          // opening mark that may not end one, or with a number or a word that is not broken
          const after = body[k + 1] ?? r.pages[i + 1]?.lines[0];
          // the last line of a paragraph (the next is indented: a new paragraph) is not a full line
          if (!after || after.xMin > LEFT + 1.5 * CHAR) continue;
          const next = after.text;
          const word = /^[A-Za-z0-9.%]+/.exec(next)?.[0].length ?? 0;
          assert.ok((chars + indent >= 26 && (CLOSING.test([...next][1] ?? '') || OPENING.test(next[0] ?? ''))) || (word > 0 && chars + indent >= 28 - Math.ceil(word / 2) - 1), `${name} p${i + 1}: a full line of ${chars} + ${indent}: ${l.text} / ${next}`);
          pushed++;
        }
      }
    }
    assert.ok(full > 100 && pushed < full / 4, `${full} full lines measured, ${pushed} with a character pushed down`);
  });

  it('sets 22 lines on every full page, 28.95 pt apart', () => {
    for (const [name, r] of Object.entries(rendered)) {
      for (const [i, p] of r.pages.entries()) {
        const body = bodyOf(p);
        // the grid line each text line stands on (0 at the top of the type area); empty lines print nothing
        const slots = body.map((l) => Math.floor((l.yMin - TOP) / 28.95));
        assert.ok(body.length <= 22 && Math.max(...slots) <= 21, `${name} p${i + 1}: ${body.length} lines, down to line ${Math.max(...slots) + 1}`);
        if (i < r.pages.length - 1) {
          // a full page: text on its 22nd line, or (where the report leaves empty lines between paragraphs) an empty 22nd line
          const blankLines = /\n[ \t\u3000]*\n/.test(REPORTS[name][0].trim()) && REPORTS[name][1] !== 'markdown';
          if (!blankLines) assert.equal(body.length, 22, `${name} p${i + 1}: ${body.length} lines`);
          assert.ok(Math.max(...slots) === 21 || (blankLines && Math.max(...slots) === 20), `${name} p${i + 1}: the last line is line ${Math.max(...slots) + 1}`);
        }
        // line boxes of the body size stand on the grid: a whole number of pitches below the first (within ¾ pt)
        const size = body[body.length - 1].yMax - body[body.length - 1].yMin;
        const same = body.filter((l) => Math.abs(l.yMax - l.yMin - size) < 1);
        for (const l of same) {
          const steps = (l.yMin - same[0].yMin) / 28.95;
          assert.ok(Math.abs(steps - Math.round(steps)) * 28.95 < 0.75, `${name} p${i + 1}: ${l.text} at ${l.yMin}, ${steps.toFixed(3)} lines below ${same[0].yMin}`);
        }
      }
    }
  });

  it('puts — N — 7 mm below the type area: odd pages right, even pages left, one character in', () => {
    for (const [name, r] of Object.entries(rendered)) {
      for (const [i, p] of r.pages.entries()) {
        const footer = footerOf(p);
        assert.equal(footer.length, 1, `${name} p${i + 1}: ${footer.map((l) => l.text)}`);
        const f: Line = footer[0];
        assert.equal(f.text, `—${i + 1}—`);
        // the 一字线's middle (the dash is drawn at the middle of the CJK em box)
        const dash = f.words.find((w) => w.text === '—')!;
        const below = ((dash.yMin + dash.yMax) / 2 - BOTTOM) / MM;
        assert.ok(Math.abs(below - 7) <= 1, `${name} p${i + 1}: ${below.toFixed(2)} mm below the type area`);
        if ((i + 1) % 2 === 1) assert.ok(Math.abs(f.xMax - (RIGHT - 14)) < 2, `${name} p${i + 1} (odd): ends at ${f.xMax}`);
        else assert.ok(Math.abs(f.xMin - (LEFT + 14)) < 2, `${name} p${i + 1} (even): starts at ${f.xMin}`);
      }
    }
  });

  it('sets the title on one line, centred, and indents the body by two characters', () => {
    const first = bodyOf(rendered.sample.pages[0]);
    assert.equal(first[0].text, '2023年XX县XX镇述职述德述廉报告');
    assert.ok(Math.abs((first[0].xMin + first[0].xMax) / 2 - (LEFT + RIGHT) / 2) < 2, 'centred');
    assert.ok(Math.abs(first[1].xMin - (LEFT + 2 * CHAR)) < 1, `first paragraph at ${first[1].xMin}`);
    const md = bodyOf(rendered.summary.pages[0]);
    assert.equal(md[0].text, '县教育局2024年度工作总结');
    assert.equal(md[1].text, '（2024年12月）');
    // the salutation stands flush left
    assert.equal(md[2].text, '各位领导、同志们：');
    assert.ok(Math.abs(md[2].xMin - LEFT) < 1);
  });

  it('sets the signature and the date at the end to the right, the date two characters in', () => {
    for (const name of ['medium', 'long']) {
      const pages = rendered[name].pages;
      const body = bodyOf(pages[pages.length - 1]);
      const [signer, date] = body.slice(-2);
      assert.match(date.text, /^\d{4}年\d{1,2}月\d{1,2}日$/, name);
      // (the renderer's spacing around the digits moves it by a fraction of a character)
      assert.ok(Math.abs(date.xMax - (RIGHT - 2 * CHAR)) < CHAR / 3, `${name}: the date ends at ${date.xMax}, ${(RIGHT - date.xMax) / CHAR} characters in`);
      assert.ok(Math.abs((signer.xMin + signer.xMax) / 2 - (date.xMin + date.xMax) / 2) < CHAR, `${name}: ${signer.text} centred on the date`);
    }
  });

  it('starts each page with the source line the status bar counts it from (共 N 页 · 第 K 页)', () => {
    for (const [name, [text, language]] of Object.entries(REPORTS)) {
      if (language !== 'gongwen') continue;
      const starts = pageStarts(parse(text, language));
      const lines = text.split('\n').map((l) => l.replace(/\s/g, ''));
      rendered[name].pages.forEach((p, k) => {
        const first = bodyOf(p)[0].text.replace(/\s/g, '');
        // the page's first printed line is part of that source line (its start, or the rest of a paragraph from the page
        // before) — or, where the estimate of line breaks is one line short at the page's end, of the paragraph before it
        // (a page that starts with an empty line prints from the next)
        let line = starts[k];
        while (line + 1 < lines.length && !lines[line]) line++;
        let before = starts[k] - 1;
        while (before > 0 && !lines[before]) before--;
        const inLine = (l: number) => l >= 0 && lines[l].includes(first.slice(0, 12));
        assert.ok(inLine(line) || (k > 0 && inLine(before)), `${name} p${k + 1}: “${first}” is not in line ${line + 1}: “${lines[line].slice(0, 30)}”`);
      });
    }
  });

  it('prints every line and page where the paged preview draws them', () => {
    for (const [name, [text, language]] of Object.entries(REPORTS)) {
      const paged = paginate(parse(text, language));
      assert.equal(paged.pages.length, rendered[name].pages.length, `${name}: pages`);
      assert.equal(firstDifference(printedLines(rendered[name]), previewLines(paged)), undefined, name);
    }
  });

  it('prints the preview’s print version in a browser on the same A4 pages, line for line', () => {
    const html: Record<string, string> = {};
    for (const [name, [text, language]] of Object.entries(REPORTS)) html[name] = printableHtml(renderPreview(parse(text, language)), name);
    const printed = printHtml(html);
    for (const name of Object.keys(REPORTS)) {
      const pages = printed[name].pages;
      assert.equal(pages.length, rendered[name].pages.length, `${name}: pages`);
      for (const p of pages) assert.ok(Math.abs(p.width - 210 * MM) < 1 && Math.abs(p.height - 297 * MM) < 1, `${name}: ${p.width} × ${p.height}`);
      // (a browser's line boxes are taller than LibreOffice's: the page number is told by its text)
      const isNumber = (l: Line) => /^—\d+—$/.test(l.text.replace(/\s/g, ''));
      const lines = pages.map((p) => p.lines.filter((l) => !isNumber(l)).map((l) => l.text.replace(/\s/g, '')));
      assert.equal(firstDifference(printedLines(rendered[name]), lines), undefined, name);
      // — N — where the Word document has it: the same height on the page, the same side
      pages.forEach((p, k) => {
        const mine = p.lines.find(isNumber)!;
        const theirs = footerOf(rendered[name].pages[k])[0];
        assert.ok(mine && Math.abs((mine.yMin + mine.yMax) / 2 - (theirs.yMin + theirs.yMax) / 2) < 2 * MM, `${name} p${k + 1}: page number at ${(mine?.yMin ?? 0) / MM} mm`);
        // odd pages right, even pages left: the outer edge as in the document
        const edge = (l: Line) => (k % 2 === 0 ? l.xMax : l.xMin);
        assert.ok(Math.abs(edge(mine) - edge(theirs)) < 2 * MM, `${name} p${k + 1}: page number's outer edge ${edge(mine) / MM} mm, the document's at ${edge(theirs) / MM}`);
      });
      // the text starts 28 mm from the left edge, as on the Word document's pages
      const left = Math.min(...pages.flatMap((p) => p.lines.filter((l) => !isNumber(l)).map((l) => l.xMin)));
      assert.ok(Math.abs(left - LEFT) < 1.5, `${name}: left ${left / MM} mm`);
    }
  });

  it('has as many pages as the page estimate of the title hover says', () => {
    for (const [name, r] of Object.entries(rendered)) {
      const [text, language] = REPORTS[name];
      assert.equal(estimatePages(parse(text, language)), r.pages.length, name);
    }
  });
});

describe('the page estimate and the preview against LibreOffice, on every clean report of the corpus', () => {
  it('gives the page count LibreOffice renders, and every line where it prints it', async () => {
    const dir = path.join(root, 'test/corpus/clean');
    const docs: Record<string, Uint8Array> = {};
    const texts: Record<string, string> = {};
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      texts[f] = fs.readFileSync(path.join(dir, f), 'utf8');
      docs[f.replace(/\.txt$/, '')] = (await exportDocx(texts[f])).bytes;
    }
    const rendered = renderAll(docs);
    const wrong = Object.keys(docs).filter((name) => estimatePages(parse(texts[`${name}.txt`])) !== rendered[name].pages.length);
    assert.ok(Object.keys(docs).length >= 50);
    assert.deepEqual(wrong, []);
    // and every line as the paged preview draws it
    const lines = Object.keys(docs)
      .map((name) => [name, firstDifference(printedLines(rendered[name]), previewLines(paginate(parse(texts[`${name}.txt`]))))])
      .filter(([, d]) => d !== undefined);
    assert.deepEqual(lines, []);
  });
});

describe('bad input renders too', () => {
  it('gives documents LibreOffice opens: empty, a title only, 10,000-character lines, characters outside the BMP, all XX, control characters', async () => {
    const cases: Record<string, string> = {
      empty: '',
      title: '述职报告',
      long: '标题\n' + '很长的一段话'.repeat(1700) + '\n' + 'x'.repeat(10000),
      astral: '𠀀𠀁报告\n一、𩸽的工作\n内容𠀀。\n',
      xx: 'XX'.repeat(3000) + '\n' + 'XX同志XX镇\n'.repeat(500),
      control: '标题\n\u0001正文\u0007\ud800内容\udc00。\u000b\n',
    };
    const docs: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(cases)) docs[name] = (await exportDocx(text)).bytes;
    const rendered = renderAll(docs);
    for (const [name, r] of Object.entries(rendered)) {
      assert.ok(r.pages.length >= 1, name);
      for (const p of r.pages) for (const l of bodyOf(p)) assert.ok(l.xMax <= RIGHT + 0.5, `${name}: a line past the margin`);
    }
    assert.equal(bodyOf(rendered.title.pages[0])[0].text, '述职报告');
    assert.ok(rendered.long.pages.length >= 15, `long: ${rendered.long.pages.length} pages`);
    assert.ok(bodyOf(rendered.astral.pages[0]).some((l) => l.text.includes('𩸽')));
  });
});
