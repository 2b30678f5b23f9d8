/** The Word export: the GB/T 9704 values in the document's parts, the blocks it is made of, and bad input. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/engine';
import { exportDocx, pageLayout, reportBlocks, validateExportOptions } from '../../server/src/engine/export';
import { estimatePages } from '../../server/src/engine/navigation';
import { openDocx, runsOf, wellFormed } from '../helpers/docx';

const root = path.join(__dirname, '../../..');
const sample = fs.readFileSync(path.join(root, 'examples/town-secretary-report.txt'), 'utf8');
const summary = fs.readFileSync(path.join(root, 'test/fixtures/export/summary.md'), 'utf8');

/** The w:pPr of a paragraph. */
const pPr = (xml: string) => /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml)?.[0] ?? '';

describe('Word export: GB/T 9704 values in the document', () => {
  it('sets A4, the margins, a 22-line grid and even/odd footers', async () => {
    const d = openDocx((await exportDocx(sample)).bytes);
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(d.document)![0];
    assert.match(sect, /<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(sect)![1];
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(mar)![1]);
    assert.deepEqual([attr('top'), attr('left'), attr('right'), attr('bottom'), attr('footer')], [2098, 1587, 1474, 1984, 1417]);
    assert.match(sect, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // 22 lines of 579 fit the type area, 23 do not
    const area = 16838 - 2098 - 1984;
    assert.ok(22 * 579 <= area && 23 * 579 > area);
    assert.match(d.settings, /<w:evenAndOddHeaders\/>/);
    assert.match(d.styles, /<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"\/><w:snapToGrid w:val="0"\/><w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    assert.match(d.styles, /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"\/><w:sz w:val="32"\/>/);
  });

  it('gives every paragraph an exact 28.95 pt line, no widow control, and every run its fonts and language', async () => {
    const d = openDocx((await exportDocx(sample)).bytes);
    assert.equal(d.paragraphs.length, sample.trimEnd().split('\n').length);
    for (const p of d.paragraphs) {
      assert.match(pPr(p.xml), /<w:widowControl w:val="false"\/><w:overflowPunct w:val="1"\/><w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/, p.text);
      for (const r of p.xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []) {
        assert.match(r, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="[^"]+" w:hAnsi="Times New Roman" w:hint="eastAsia"\/>/);
        assert.match(r, /<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
      }
    }
  });

  it('sets the title centred in 二号 小标宋, the body in 三号 仿宋 indented two characters, 28 characters a line', async () => {
    const d = openDocx((await exportDocx(sample)).bytes);
    const [title, first] = d.paragraphs;
    assert.equal(title.text, '2023年XX县XX镇述职述德述廉报告');
    assert.match(pPr(title.xml), /<w:jc w:val="center"\/>/);
    assert.doesNotMatch(pPr(title.xml), /<w:ind /);
    assert.deepEqual(runsOf(title.xml).map((r) => [r.eastAsia, r.size]), [['方正小标宋简体', 44]]);
    assert.match(pPr(first.xml), /<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    assert.match(pPr(first.xml), /<w:jc w:val="both"\/>/);
    assert.deepEqual(runsOf(first.xml).map((r) => [r.eastAsia, r.size, r.spacing]), [['仿宋_GB2312', 32, -5]]);
    // −0.25 pt: 28 characters of 15.75 pt fill the 156 mm type area, 29 do not
    const width = 11906 - 1587 - 1474;
    assert.ok(28 * (320 - 5) <= width && 29 * (320 - 5) > width);
  });

  it('sets 一、 headings in 黑体 and （一） in 楷体, only the heading sentence when text follows on the line', async () => {
    const text = '总结\n一、政治建设\n（一）加强理论学习。全年开展集中学习24次，撰写心得12篇。\n1.学习制度。每周一学。\n（1）学习形式多样\n正文一段。\n';
    const d = openDocx((await exportDocx(text)).bytes);
    const byText = (t: string) => d.paragraphs.find((p) => p.text.startsWith(t))!;
    assert.deepEqual(runsOf(byText('一、').xml).map((r) => [r.text, r.eastAsia]), [['一、政治建设', '黑体']]);
    assert.deepEqual(runsOf(byText('（一）').xml).map((r) => [r.text, r.eastAsia]), [
      ['（一）加强理论学习。', '楷体_GB2312'],
      ['全年开展集中学习24次，撰写心得12篇。', '仿宋_GB2312'],
    ]);
    assert.deepEqual(runsOf(byText('1.').xml).map((r) => [r.text, r.eastAsia]), [['1.学习制度。', '仿宋_GB2312'], ['每周一学。', '仿宋_GB2312']]);
    assert.deepEqual(runsOf(byText('（1）').xml).map((r) => r.eastAsia), ['仿宋_GB2312']);
    // headings are indented like the body, and are in Word's navigation pane by level
    assert.match(pPr(byText('一、').xml), /<w:ind w:firstLine="640" w:firstLineChars="200"\/>[\s\S]*<w:outlineLvl w:val="1"\/>/);
    assert.match(pPr(byText('（一）').xml), /<w:outlineLvl w:val="2"\/>/);
  });

  it('puts — N — in 四号 宋体 in the footers: odd pages right, even pages left, one character in', async () => {
    const d = openDocx((await exportDocx(sample)).bytes);
    const rels = d.files['word/_rels/document.xml.rels'];
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(d.document)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return d.files[`word/${target[1] ?? target[2]}`];
    };
    const odd = footer('default');
    const even = footer('even');
    assert.match(odd, /<w:ind w:right="280" w:firstLine="0"\/><w:jc w:val="right"\/>/);
    assert.match(even, /<w:ind w:left="280" w:firstLine="0"\/><w:jc w:val="left"\/>/);
    for (const f of [odd, even]) {
      assert.match(f, /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      assert.match(f, /w:eastAsia="宋体"/);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
  });
});

describe('Word export: Markdown', () => {
  it('maps headings, the subtitle, a salutation, bold, lists, a table and comments sensibly', async () => {
    const blocks = reportBlocks(parse(summary, 'markdown'));
    const kinds = blocks.map((b) => b.kind);
    assert.deepEqual(kinds.slice(0, 3), ['title', 'subtitle', 'paragraph']);
    const text = (b: (typeof blocks)[number]) => ('spans' in b ? b.spans.map((s) => s.text).join('') : 'text' in b ? b.text : '');
    assert.equal(text(blocks[0]), '县教育局2024年度工作总结');
    assert.equal(text(blocks[1]), '（2024年12月）');
    assert.equal(text(blocks[2]), '各位领导、同志们：');
    assert.equal((blocks[2] as { indent: boolean }).indent, false);
    // two source lines, one paragraph; bold kept as bold, the marks gone
    const p = blocks[3] as Extract<(typeof blocks)[number], { kind: 'paragraph' }>;
    assert.equal(text(p), '2024年，县教育局在县委、县政府的坚强领导下，坚持立德树人根本任务，着力办好人民满意的教育，各项工作取得新进展。现将全年工作总结如下。');
    assert.deepEqual(p.spans.filter((s) => s.bold).map((s) => s.text), ['着力办好人民满意的教育']);
    assert.ok(!blocks.some((b) => text(b).includes('<!--') || text(b).includes('#') || text(b).includes('**')));
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => [b.kind === 'heading' && b.level, text(b)]);
    assert.deepEqual(headings.slice(0, 4), [
      [1, '一、主要工作完成情况'],
      [2, '（一）基础教育质量稳步提升。全县义务教育巩固率达到99.2%，高中阶段毛入学率达到95.6%。'],
      [3, '1. 优化学校布局。新建、改扩建中小学5所，新增学位2400个。'],
      [3, '2. 加强教师队伍建设。招聘新教师120名，开展全员培训3200人次。'],
    ]);
    const table = blocks.find((b) => b.kind === 'table');
    assert.deepEqual(table && table.kind === 'table' && table.rows, [
      ['指标', '2023年', '2024年'],
      ['义务教育巩固率', '98.7%', '99.2%'],
      ['高中阶段毛入学率', '94.1%', '95.6%'],
    ]);
    assert.ok(blocks.some((b) => text(b) === '全面落实学生资助政策，资助学生1.2万人次。'));
    // blank lines separate Markdown paragraphs: none is printed as an empty line
    assert.ok(!kinds.includes('blank'));
  });

  it('writes the table without first-line indent, with exact single lines and borders', async () => {
    const d = openDocx((await exportDocx(summary, 'markdown')).bytes);
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d.document)![0];
    assert.equal((tbl.match(/<w:tr>/g) ?? []).length, 3);
    for (const p of tbl.match(/<w:p>[\s\S]*?<\/w:p>/g)!) {
      assert.match(p, /<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
      assert.match(p, /<w:ind w:firstLine="0"\/>/);
    }
    assert.match(tbl, /<w:tblBorders>[\s\S]*w:val="single"/);
    // the heading sentence in 楷体, the rest of its line in 仿宋
    const h2 = d.paragraphs.find((p) => p.text.startsWith('（一）基础'))!;
    assert.deepEqual(runsOf(h2.xml).map((r) => r.eastAsia), ['楷体_GB2312', '仿宋_GB2312']);
    const bold = d.paragraphs.flatMap((p) => runsOf(p.xml)).filter((r) => r.bold);
    assert.deepEqual(bold.map((r) => r.text), ['着力办好人民满意的教育']);
  });
});

describe('Word export: the signature and date at the end', () => {
  it('sets 署名 and 成文日期 to the right, two characters in, the shorter centred on the longer', async () => {
    const text = '工作总结\n一、工作\n全年完成了各项任务。\n\n述职人：张三\n2025年1月10日\n';
    const blocks = reportBlocks(parse(text));
    assert.deepEqual(blocks.slice(-2).map((b) => b.kind), ['signature', 'signature']);
    const d = openDocx((await exportDocx(text)).bytes);
    const [name, date] = d.paragraphs.slice(-2);
    assert.equal(date.text, '2025年1月10日');
    assert.match(pPr(date.xml), /<w:jc w:val="right"\/>/);
    // 2025年1月10日 is 6.5 characters wide (digits half), 述职人：张三 6: the date 2 characters in (2 × 315 tw), the name ¼ further
    assert.match(pPr(date.xml), /<w:ind w:right="630" w:firstLine="0"\/>/);
    assert.match(pPr(name.xml), /<w:ind w:right="709" w:firstLine="0"\/>/);
    // a last line that is no date, or a sentence above the date, is body text
    assert.equal(reportBlocks(parse('标题\n正文。\n谢谢大家！\n')).at(-1)!.kind, 'paragraph');
    const kinds = reportBlocks(parse('标题\n这是正文的最后一句话。\n2025年1月10日\n')).map((b) => b.kind);
    assert.deepEqual(kinds.slice(-2), ['paragraph', 'signature']);
  });
});

describe('Word export: options', () => {
  it('takes the fonts, line pitch, margins and page numbers a unit uses', async () => {
    const d = openDocx(
      (await exportDocx(sample, 'gongwen', { bodyFont: '方正仿宋_GBK', titleFont: '华文中宋', heading1Font: '方正黑体_GBK', linePitch: 28, marginTop: 35, pageNumbers: false })).bytes,
    );
    assert.match(d.document, /<w:docGrid w:type="lines" w:linePitch="560"\/>/);
    assert.match(d.document, /w:line="560" w:lineRule="exact"/);
    assert.match(d.document, /<w:pgMar w:top="1984"/);
    assert.match(d.document, /w:eastAsia="方正仿宋_GBK"/);
    assert.match(d.document, /w:eastAsia="华文中宋"/);
    assert.match(d.document, /w:eastAsia="方正黑体_GBK"/);
    assert.doesNotMatch(d.document, /footerReference/);
    // the body's runs in the unit's font
    const body = d.paragraphs.filter((p) => !/<w:outlineLvl/.test(p.xml) && p.text);
    assert.ok(body.length > 5 && body.every((p) => runsOf(p.xml).every((r) => r.eastAsia === '方正仿宋_GBK')));
    assert.doesNotMatch(d.settings, /<w:evenAndOddHeaders\/>/);
  });

  it('fits the characters to a line of another width, and the lines to the page', () => {
    const l = pageLayout({ charsPerLine: 26, linesPerPage: 20 });
    assert.equal(l.linePitch, Math.floor(12756 / 20));
    assert.ok(26 * (320 + l.charSpacing) <= l.areaWidth && 27 * (320 + l.charSpacing) > l.areaWidth);
  });

  it('reports invalid export settings and keeps the defaults for them', () => {
    const problems: { path: string; message: string }[] = [];
    const o = validateExportOptions({ bodyFont: '', linePitch: 3, marginLeft: '28', pageNumberAlign: 'middle', colour: 'red', titleFont: '<x>', heading2Font: '楷体' }, problems);
    assert.deepEqual(o, { heading2Font: '楷体' });
    assert.deepEqual(problems.map((p) => p.path), ['export.bodyFont', 'export.linePitch', 'export.marginLeft', 'export.pageNumberAlign', 'export.colour', 'export.titleFont']);
    for (const p of problems) assert.match(p.message, /[\u4e00-\u9fff]/);
    assert.deepEqual(validateExportOptions({ linePitch: null }, []), {});
  });
});

describe('Word export: bad input', () => {
  const cases: [string, string][] = [
    ['an empty document', ''],
    ['only a title', '述职报告'],
    ['200 pages', (sample + '\n').repeat(40)],
    ['lines of 10,000 characters', '标题\n' + '很长的一段话'.repeat(1700) + '\n' + 'x'.repeat(10000)],
    ['characters outside the BMP', '𠀀𠀁报告\n一、𩸽的工作\n内容𠀀。\n'],
    ['a document full of XX', 'XX'.repeat(3000) + '\n' + 'XX同志XX镇\n'.repeat(500)],
    ['control characters and lone surrogates', '标题\n\u0001正文\u0007\ud800内容\udc00。\u000b\n'],
    ['Markdown syntax gone wrong', '# \n**未闭合\n| a |\n|---\n```\n未闭合的代码块\n<!-- 未闭合的注释\n'],
    ['CRLF, a BOM and full-width digits', '\ufeff报告\r\n一、工作\r\n完成１２项。\r\n'],
  ];
  for (const [name, text] of cases) {
    it(`gives a valid document for ${name}`, async () => {
      for (const language of ['gongwen', 'markdown'] as const) {
        const d = openDocx((await exportDocx(text, language)).bytes);
        for (const [file, xml] of Object.entries(d.files)) if (file.endsWith('.xml')) assert.ok(wellFormed(xml), `${name}, ${language}: ${file}`);
        const printed = d.paragraphs.map((p) => p.text).join('');
        // nothing of the report's own characters is lost (but what XML cannot hold)
        if (language === 'gongwen') assert.equal(printed.replace(/\s/g, ''), text.replace(/[\u0000-\u001f\ufeff\s]/g, '').replace(/[\ud800-\udfff]/g, (c, i, s) => (/[\ud800-\udbff]/.test(c) ? (/[\udc00-\udfff]/.test(s[i + 1] ?? '') ? c : '\ufffd') : /[\ud800-\udbff]/.test(s[i - 1] ?? '') ? c : '\ufffd')));
      }
    });
  }
});

describe('page estimate', () => {
  it('counts the lines of the blocks as the export sets them, 22 a page', () => {
    assert.equal(estimatePages(parse('标题\n' + '字'.repeat(26) + '\n')), 1);
    // 26 + 2 indent = one full line; 22 × 28 per page
    const para = '字'.repeat(26);
    assert.equal(estimatePages(parse(('标题\n' + (para + '\n').repeat(21)))), 1);
    assert.equal(estimatePages(parse(('标题\n' + (para + '\n').repeat(22)))), 2);
    // 3,012 字 of real paragraphs come to about 6 pages, not 5 (每段另起一行)
    assert.equal(estimatePages(parse(sample)), 6);
  });
});
