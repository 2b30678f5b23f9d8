/**
 * The report as a Word document laid out per GB/T 9704-2012: A4, a line grid of 22 lines, 28 characters
 * a line, 二号 title, 三号 body, heading fonts by level, — N — page numbers outside. Built with `docx`
 * (no Node APIs: it runs in a browser too); the one value `docx` cannot write (snapToGrid off in the
 * document defaults) is added to styles.xml afterwards with fflate, which `docx` itself zips with.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReportDocument } from '../document';
import { tableRowLines } from '../paged';
import { BODY_SIZE_TW, PAGE_NUMBER_SIZE_TW, pageLayout, reportBlocks, TITLE_SIZE_TW, widthOf, type Block, type ExportOptions, type PageLayout, type Span } from '../layout';

/** Word measures font sizes in half points. */
const half = (tw: number) => Math.round(tw / 10);

export interface DocxResult {
  /** The .docx file. */
  bytes: Uint8Array;
  /** What was written, for a summary: paragraphs (headings included) and tables. */
  paragraphs: number;
  tables: number;
}

/** A parsed report as a .docx (GB/T 9704 layout unless `options` say otherwise). */
export async function exportParsed(doc: ReportDocument, options: ExportOptions = {}): Promise<DocxResult> {
  const layout = pageLayout(options);
  const blocks = reportBlocks(doc);
  const children: (Paragraph | Table)[] = [];
  let paragraphs = 0;
  let tables = 0;
  for (const b of blocks) {
    if (b.kind === 'table') {
      children.push(table(b.rows, layout));
      tables++;
    } else {
      children.push(paragraph(b, layout));
      paragraphs++;
    }
  }
  // a document needs a paragraph, and Word wants one after a table that ends the document
  if (!children.length || children[children.length - 1] instanceof Table) children.push(new Paragraph({ ...exactLine(layout), children: [] }));
  const title = blocks.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title')?.text ?? '';
  const o = layout.options;
  const document = new Document({
    title,
    creator: ' ',
    evenAndOddHeaderAndFooters: o.pageNumbers && o.pageNumberAlign === 'outside',
    styles: {
      default: {
        document: {
          run: { ...runFont(o.bodyFont, layout), size: half(BODY_SIZE_TW) },
          paragraph: { spacing: { line: layout.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: layout.pageWidth, height: layout.pageHeight },
            margin: { top: layout.marginTop, bottom: layout.marginBottom, left: layout.marginLeft, right: layout.marginRight, header: 851, footer: layout.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: layout.linePitch },
        },
        footers: o.pageNumbers
          ? o.pageNumberAlign === 'outside'
            ? { default: pageNumberFooter('right'), even: pageNumberFooter('left') }
            : { default: pageNumberFooter(o.pageNumberAlign) }
          : undefined,
        children,
      },
    ],
  });
  const packed = await Packer.toArrayBuffer(document);
  return { bytes: withoutGridSnap(new Uint8Array(packed)), paragraphs, tables };
}

function runFont(eastAsia: string, layout: PageLayout): IRunOptions {
  const latin = layout.options.latinFont;
  return {
    font: { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' },
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  };
}

/**
 * Every paragraph: an exact line of the grid's pitch, no widow control (a page keeps its 22 lines), and
 * no punctuation hanging past the margin (a line keeps its 28 characters; 。 at the end of a full line
 * takes the next line with the character before it, as Chinese line breaking does).
 */
function exactLine(layout: PageLayout): Pick<IParagraphOptions, 'spacing' | 'widowControl'> {
  return { spacing: { line: layout.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, widowControl: false };
}

function fontOf(span: Span, layout: PageLayout): string {
  const o = layout.options;
  switch (span.level) {
    case 1:
      return o.heading1Font;
    case 2:
      return o.heading2Font;
    case 3:
      return o.heading3Font;
    case 4:
      return o.heading4Font;
    default:
      return o.bodyFont;
  }
}

function bodyRun(text: string, font: string, layout: PageLayout, bold?: boolean): TextRun {
  return new TextRun({ ...runFont(font, layout), text, size: half(BODY_SIZE_TW), characterSpacing: layout.charSpacing, bold: bold || undefined });
}

function paragraph(b: Exclude<Block, { kind: 'table' }>, layout: PageLayout): Paragraph {
  const o = layout.options;
  const base = exactLine(layout);
  const indent = { firstLine: 2 * BODY_SIZE_TW, firstLineChars: 200 } as unknown as { firstLine: number };
  switch (b.kind) {
    case 'title':
      return new Paragraph({
        ...base,
        alignment: AlignmentType.CENTER,
        outlineLevel: 0,
        children: [new TextRun({ ...runFont(o.titleFont, layout), text: b.text, size: half(TITLE_SIZE_TW) })],
      });
    case 'subtitle':
      return new Paragraph({ ...base, alignment: AlignmentType.CENTER, children: [bodyRun(b.text, o.subtitleFont, layout)] });
    case 'blank':
      return new Paragraph({ ...base, children: [] });
    case 'signature': {
      // right, two characters in; a shorter line centred on the longest (the 署名 on the 成文日期)
      const char = BODY_SIZE_TW + layout.charSpacing;
      const right = Math.round(2 * char + ((b.width - widthOf(b.text)) / 2) * char);
      return new Paragraph({ ...base, alignment: AlignmentType.RIGHT, indent: { right, firstLine: 0 }, children: [bodyRun(b.text, o.bodyFont, layout)] });
    }
    case 'heading':
      return new Paragraph({
        ...base,
        alignment: AlignmentType.JUSTIFIED,
        indent,
        outlineLevel: b.level,
        children: b.spans.map((s) => bodyRun(s.text, fontOf(s, layout), layout, s.bold)),
      });
    case 'paragraph':
      return new Paragraph({
        ...base,
        alignment: AlignmentType.JUSTIFIED,
        indent: b.indent ? indent : { firstLine: 0 },
        children: b.spans.map((s) => bodyRun(s.text, fontOf(s, layout), layout, s.bold)),
      });
  }
}

/** A table border of ½ pt, in twips. */
const BORDER = 10;


/**
 * A table on the line grid: every row is a whole number of lines high (exactly), so the lines below it
 * stay on the grid and a page keeps 22 lines. A row gets the lines its longest cell needs, counted
 * generously (Latin text as wide as it can be), so that no text is ever cut off.
 */
function table(rows: string[][], layout: PageLayout): Table {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const width = Math.floor(layout.areaWidth / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }; // ½ pt
  const heights = tableRowLines(rows, layout);
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: new Array(columns).fill(width),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          // the table's outer borders (½ pt each) come out of its last row: the lines after the table stay on the grid
          height: { value: heights[r] * layout.linePitch - (r === rows.length - 1 ? 2 * BORDER : 0), rule: HeightRule.EXACT },
          children: Array.from(
            { length: columns },
            (_, c) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    ...exactLine(layout),
                    indent: { firstLine: 0 },
                    alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [bodyRun(row[c] ?? '', r === 0 ? layout.options.heading1Font : layout.options.bodyFont, layout)],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** — N — in 四号 half-width digits, one character in from the side it stands on. */
function pageNumberFooter(side: 'left' | 'right' | 'center'): Footer {
  const font = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体', hint: 'eastAsia' };
  const size = half(PAGE_NUMBER_SIZE_TW);
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) => new TextRun({ font, size, language: { value: 'en-US', eastAsia: 'zh-CN' }, children });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        indent: side === 'left' ? { left: PAGE_NUMBER_SIZE_TW, firstLine: 0 } : side === 'right' ? { right: PAGE_NUMBER_SIZE_TW, firstLine: 0 } : { firstLine: 0 },
        spacing: { before: 0, after: 0 },
        widowControl: false,
        children: [run(['— ']), run([PageNumber.CURRENT]), run([' —'])],
      }),
    ],
  });
}

/**
 * Punctuation at the end of a full line. Word reads w:overflowPunct as the specification says: on, a 。 may
 * stand past the margin, which is Word's own default for Chinese text (段落 › 中文版式 › 允许标点溢出边界).
 * LibreOffice reads it the other way round (its DOCX import maps the value 0 to hanging punctuation): on,
 * it keeps every character inside the type area, as the render tests measure and the preview draws. Either
 * way no line holds more than 28 characters inside the type area.
 */
const OVERFLOW_PUNCT = '<w:overflowPunct w:val="1"/>';

/**
 * Sets snapToGrid off in the document's paragraph defaults (styles.xml): with it on, LibreOffice gives
 * the 二号 title two grid lines. And overflowPunct in every paragraph, which `docx` writes only when on
 * and only where a paragraph asks (LibreOffice reads it from a paragraph only).
 */
function withoutGridSnap(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['word/styles.xml'];
  if (!styles) return bytes;
  let xml = strFromU8(styles);
  const snap = `${OVERFLOW_PUNCT}<w:snapToGrid w:val="0"/>`;
  if (/<w:pPrDefault>\s*<w:pPr>/.test(xml)) xml = xml.replace(/<w:pPrDefault>(\s*)<w:pPr>/, `<w:pPrDefault>$1<w:pPr>${snap}`);
  else if (/<w:pPrDefault\s*\/>/.test(xml)) xml = xml.replace(/<w:pPrDefault\s*\/>/, `<w:pPrDefault><w:pPr>${snap}</w:pPr></w:pPrDefault>`);
  else if (xml.includes('<w:pPrDefault>')) xml = xml.replace('<w:pPrDefault>', `<w:pPrDefault><w:pPr>${snap}</w:pPr>`);
  else xml = xml.replace(/<w:docDefaults>/, `<w:docDefaults><w:pPrDefault><w:pPr>${snap}</w:pPr></w:pPrDefault>`);
  files['word/styles.xml'] = strToU8(xml);
  // and in every paragraph: LibreOffice reads it there only
  for (const name of Object.keys(files)) {
    if (!/^word\/(document|footer\d*)\.xml$/.test(name)) continue;
    const part = strFromU8(files[name]).replace(/<w:widowControl w:val="false"\/>/g, `$&${OVERFLOW_PUNCT}`);
    files[name] = strToU8(part);
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}
