/**
 * The paged preview's engine: line breaking as the Word export is printed, pages of 22 lines, where each
 * printed piece comes from in the source, and the pages as HTML with findings marked. That the lines
 * equal LibreOffice's is measured by the render tests on 60 reports.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { breakLines, linesOfSource, paginate, parse, printableHtml, renderPreview, type PageLine } from '../../server/src/engine';

const root = path.join(__dirname, '../../..');
const sample = fs.readFileSync(path.join(root, 'examples/town-secretary-report.txt'), 'utf8');
const summary = fs.readFileSync(path.join(root, 'test/fixtures/export/summary.md'), 'utf8');
const corpus = fs.readdirSync(path.join(root, 'test/corpus/clean')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(root, 'test/corpus/clean', f), 'utf8'));

/** GB/T 9704 body: a type area of 8845 twips, 三号 (320) with −5 spacing. */
const body = (text: string, first = 640) => {
  const starts = breakLines(text, 8845, 320, -5, first);
  return starts.map((s, k) => text.slice(s, starts[k + 1]));
};
const textOf = (l: PageLine) => l.pieces.map((p) => p.text).join('');
const CLOSING = '，。、；：？！）》」』”’】…%';
const OPENING = '（《「『“‘【';

describe('line breaking as the export prints', () => {
  it('sets 28 Chinese characters a line, 26 after the first line indent', () => {
    const lines = body('国'.repeat(100));
    assert.deepEqual(lines.map((l) => l.length), [26, 28, 28, 18]);
    assert.deepEqual(body('国'.repeat(60), 0).map((l) => l.length), [28, 28, 4]);
  });

  it('never starts a line with a closing mark or ends one with an opening mark: the character before goes along', () => {
    // 26 characters then 。: the 。 cannot start the next line, so 。 and the character before it move down
    const lines = body('国'.repeat(25) + '家。' + '国'.repeat(10));
    assert.equal(lines[0], '国'.repeat(25));
    assert.ok(lines[1].startsWith('家。'));
    const opening = body('国'.repeat(25) + '“国家”' + '国'.repeat(10));
    assert.ok(!opening[0].endsWith('“'), opening[0]);
    // over every report of the corpus
    for (const text of corpus) {
      const paged = paginate(parse(text));
      const all = paged.pages.flat();
      for (let k = 0; k + 1 < all.length; k++) {
        if (all[k].line !== all[k + 1].line || all[k].kind === 'row') continue; // within a paragraph
        const next = textOf(all[k + 1]);
        assert.ok(!CLOSING.includes(next[0]), `a line starts with ${next[0]}: ${next}`);
        assert.ok(!OPENING.includes(textOf(all[k]).slice(-1)), `a line ends with an opening mark: ${textOf(all[k])}`);
      }
    }
  });

  it('keeps a number, a word and a number after a closing mark whole', () => {
    for (const probe of ['2024', '3.5', '1,000', 'GB/T']) {
      const text = '国'.repeat(25) + probe + '国'.repeat(10);
      const lines = body(text);
      assert.ok(lines.some((l) => l.includes(probe)), `${probe}: ${lines.join(' | ')}`);
    }
    const lines = body('国'.repeat(25) + '，3个' + '国'.repeat(10));
    assert.ok(lines.some((l) => l.includes('，3')), lines.join(' | '));
  });

  it('gives Latin letters their Times New Roman widths and a little space where they meet Chinese text', () => {
    // a digit is ½ em less the −0.25 pt spacing, 155 twips: 57 of them fill the 8845-twip line
    const digits = body('1'.repeat(80), 0);
    assert.equal(digits[0].length, 57);
    // autospace: 国1国1… holds fewer than 28 + 28/2 characters' worth
    const mixed = body('国1'.repeat(30), 0);
    assert.ok(mixed[0].length < 37, String(mixed[0].length));
  });

  it('cuts a run that cannot be broken and is longer than a line, and never splits a character outside the BMP', () => {
    const long = 'a'.repeat(200);
    const lines = body(long, 0);
    assert.ok(lines.length >= 3);
    assert.equal(lines.join(''), long);
    const astral = '𠀋'.repeat(60);
    const parts = body(astral, 0);
    assert.equal(parts.join(''), astral);
    for (const p of parts) assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p), 'a surrogate pair split');
    assert.deepEqual(parts.map((p) => [...p].length), [28, 28, 4]);
    // full-width digits are set as Chinese characters
    assert.deepEqual(body('１'.repeat(30), 0).map((l) => l.length), [28, 2]);
    assert.deepEqual(breakLines('', 8845, 320, -5), [0]);
  });
});

describe('pages', () => {
  it('fills 22 lines a page (or linesPerPage) and keeps a table row whole', () => {
    const paged = paginate(parse(sample));
    assert.deepEqual(paged.pages.map((p) => p.length), [22, 22, 22, 22, 22, 7]);
    const fewer = paginate(parse(sample), { linesPerPage: 18 });
    assert.ok(fewer.pages.every((p) => p.reduce((n, l) => n + l.lines, 0) <= 18));
    assert.ok(fewer.pages.length > 6);
    const md = paginate(parse(summary, 'markdown'));
    const rows = md.pages.flat().filter((l) => l.kind === 'row');
    assert.ok(rows.length >= 3 && rows[0].head && !rows[1].head);
    for (const page of md.pages) assert.ok(page.reduce((n, l) => n + l.lines, 0) <= 22);
  });

  it('knows where each printed piece stands in the source, with CRLF, a BOM, astral characters and Markdown', () => {
    const cases: [string, 'gongwen' | 'markdown'][] = [
      [sample, 'gongwen'],
      ['\ufeff' + sample.replace(/\n/g, '\r\n'), 'gongwen'],
      [sample.replace(/\n/g, '\r'), 'gongwen'],
      ['2024年述职报告\n\n一、工作𠀋情况\n  本人𠀋𠀋认真学习，完成１２项任务。<!-- gongwen-disable-line -->\n', 'gongwen'],
      [summary, 'markdown'],
      ...corpus.slice(0, 10).map((t) => [t, 'gongwen'] as [string, 'gongwen']),
    ];
    for (const [text, language] of cases) {
      const doc = parse(text, language);
      let mapped = 0;
      let all = 0;
      for (const l of paginate(doc).pages.flat()) {
        for (const p of l.pieces) {
          all += p.text.length;
          if (p.src === undefined) continue;
          mapped += p.text.length;
          assert.equal(text.slice(p.src, p.src + p.text.length), p.text, `${language}: ${p.text}`);
        }
      }
      // plain reports: every printed character is found in the source
      if (language === 'gongwen' && !text.includes('<!--')) assert.equal(mapped, all);
      else assert.ok(mapped / all > 0.9, `${mapped}/${all}`);
    }
  });

  it('counts a section’s share of the pages', () => {
    const paged = paginate(parse(sample));
    const total = paged.pages.reduce((n, p) => n + p.reduce((m, l) => m + l.lines, 0), 0);
    assert.equal(linesOfSource(paged, 0, 10_000), total);
    assert.ok(linesOfSource(paged, 2, 2) >= 1);
    assert.equal(linesOfSource(paged, 9_000, 9_001), 0);
  });
});

describe('the preview as HTML', () => {
  it('draws one section a page with — N — outside, and the style sheet apart (no style attributes: the view’s CSP holds)', () => {
    const model = renderPreview(parse(sample));
    assert.equal(model.pages.length, 6);
    assert.deepEqual(model.starts, paginate(parse(sample)).pages.map((p, k) => (k === 0 ? 0 : p[0].line)));
    assert.match(model.pages[0], /^<section class="page" data-page="1">/);
    assert.match(model.pages[0], /<div class="num odd">— 1 —<\/div>/);
    assert.match(model.pages[1], /<div class="num even">— 2 —<\/div>/);
    for (const page of model.pages) assert.doesNotMatch(page, /style=|<script|javascript:/i);
    assert.match(model.css, /\.page \{[^}]*width: 595\.3pt; height: 841\.9pt/);
    assert.match(model.css, /\.area \{[^}]*left: 79\.35pt; top: 104\.9pt; width: 442\.25pt; height: 636\.9pt/);
    assert.match(model.css, /letter-spacing: -0\.25pt/);
    // fonts: local names only, the unit's configured font first
    assert.doesNotMatch(model.css, /url\(|https?:/);
    assert.match(renderPreview(parse(sample), { bodyFont: '方正仿宋_GBK' }).css, /font-family: "gw-latin", "方正仿宋_GBK", "仿宋_GB2312"/);
    assert.equal(renderPreview(parse(sample), { pageNumbers: false }).pages[0].includes('class="num'), false);
  });

  it('marks findings where the editor has them, their messages on hover, placeholders highlighted; text is escaped', () => {
    const text = '2024年述职报告\n本人以身作责，完成XX项<b>任务</b>。\n';
    const doc = parse(text);
    const at = (s: string) => text.indexOf(s);
    const model = renderPreview(doc, {}, [
      { start: at('以身作责'), end: at('以身作责') + 4, kind: 'error', message: '应为“以身作则”' },
      { start: at('作责'), end: at('作责') + 2, kind: 'warning', message: '第二条 "提示" <x>' },
      { start: at('XX'), end: at('XX') + 2, kind: 'placeholder', message: '占位符“XX”尚未填写' },
    ]);
    const html = model.pages[0];
    assert.match(html, /<span class="m error" data-src="\d+" title="应为“以身作则”">以身<\/span>/);
    assert.match(html, /<span class="m error" data-src="\d+" title="应为“以身作则”\n第二条 &quot;提示&quot; &lt;x&gt;">作责<\/span>/);
    assert.match(html, /<span class="m placeholder" data-src="\d+" title="占位符“XX”尚未填写">XX<\/span>/);
    assert.match(html, /&lt;b&gt;任务&lt;\/b&gt;/);
    // data-src is the document offset of the span's first character
    const src = Number(/data-src="(\d+)" title="占位符/.exec(html)![1]);
    assert.equal(text.slice(src, src + 2), 'XX');
    // every line knows its source line
    assert.deepEqual([...html.matchAll(/<div class="l[^"]*" data-line="(\d+)"/g)].map((m) => Number(m[1])), [0, 1]);
  });

  it('writes a self-contained print version: A4, no margins from the browser, no marks, no scripts, nothing remote', () => {
    const html = printableHtml(renderPreview(parse(sample)), '述职报告');
    assert.match(html, /@page \{ size: A4; margin: 0; \}/);
    assert.match(html, /<title>述职报告<\/title>/);
    assert.doesNotMatch(html, /<script|https?:\/\/|\ssrc=|url\(/i);
    assert.equal((html.match(/<section class="page"/g) ?? []).length, 6);
  });

  it('draws what a broken input gives without throwing: empty, control characters, lone surrogates, a huge line', () => {
    for (const text of ['', '\n\n\n', 'a\u0000b\u0007c', '\ud800述职\udc00报告', '国'.repeat(100_000), '|a|\n|-|\n', '# \n**'] as const) {
      for (const language of ['gongwen', 'markdown'] as const) {
        const model = renderPreview(parse(text, language));
        assert.ok(model.pages.length >= 1);
        for (const p of model.pages) assert.doesNotMatch(p, /[\u0000-\u0008]/);
      }
    }
  });
});
