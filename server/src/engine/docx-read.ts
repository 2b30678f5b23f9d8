/**
 * The body text of a .docx: its paragraphs in order (table cells' paragraphs included; footnotes,
 * comments, headers and footers are other parts and left out). Only word/document.xml is inflated, and
 * only if the archive declares it no larger than `maxInflated` bytes (a zip bomb is refused unopened).
 * fflate (which the Word export zips with) reads the archive; the XML is read by a small scanner of the
 * few elements that hold text. No Node APIs: it runs in a browser too.
 */
import { strFromU8, unzipSync } from 'fflate';

export type DocxText = { ok: true; paragraphs: string[] } | { ok: false; reason: string };

export const MAX_DOCUMENT_XML = 64 * 1024 * 1024;

export function readDocxText(bytes: Uint8Array, maxInflated = MAX_DOCUMENT_XML): DocxText {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, reason: '这是加密的 Word 文档，或旧版 .doc 格式：请在 Word 或 WPS 中去掉密码或另存为 .docx 后再检查。' };
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: '不是有效的 .docx 文件（不是 ZIP 压缩包）。' };
  let tooLarge = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > maxInflated) {
          tooLarge = f.originalSize;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return { ok: false, reason: `.docx 文件已损坏，无法解压（${e instanceof Error ? e.message : String(e)}）。` };
  }
  if (tooLarge) return { ok: false, reason: `.docx 的正文部分解压后约 ${Math.round(tooLarge / 1024 / 1024)} MB，超过上限 ${Math.round(maxInflated / 1024 / 1024)} MB，未读取。` };
  const xml = files['word/document.xml'];
  if (!xml) return { ok: false, reason: '.docx 中没有正文（word/document.xml），不像 Word 文档。' };
  let text: string;
  try {
    text = strFromU8(xml);
  } catch {
    return { ok: false, reason: '.docx 的正文不是有效的 UTF-8 XML。' };
  }
  return { ok: true, paragraphs: paragraphsOf(text) };
}

/** <w:p> … </w:p> in order, each the text of its <w:t>, <w:tab/> (a tab) and <w:br/>, <w:cr/> (a space). */
function paragraphsOf(xml: string): string[] {
  const bodyStart = xml.indexOf('<w:body');
  const out: string[] = [];
  const open: string[] = [];
  const tag = /<(\/?)w:(p|t|tab|br|cr)(?=[\s/>])([^>]*)>/g;
  tag.lastIndex = Math.max(0, bodyStart);
  for (let m; (m = tag.exec(xml)); ) {
    const [, closing, name, attrs] = m;
    if (name === 'p') {
      if (closing) {
        if (open.length) out.push(open.pop()!);
      } else if (attrs.endsWith('/')) out.push(''); // an empty paragraph
      else open.push('');
      continue;
    }
    if (!open.length || closing) continue;
    if (name === 't') {
      if (attrs.endsWith('/')) continue;
      const end = xml.indexOf('</w:t>', tag.lastIndex);
      if (end === -1) break;
      open[open.length - 1] += unescapeXml(xml.slice(tag.lastIndex, end));
      tag.lastIndex = end + 6;
    } else open[open.length - 1] += name === 'tab' ? '\t' : ' ';
  }
  while (open.length) out.push(open.pop()!);
  return out;
}

function unescapeXml(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
