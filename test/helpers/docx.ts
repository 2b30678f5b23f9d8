/** A .docx opened for tests: its parts as text, and its paragraphs as a reader sees them. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  files: Record<string, string>;
  document: string;
  styles: string;
  settings: string;
  /** The body's paragraphs (w:p directly in the body or in table cells): the XML of each, and its text. */
  paragraphs: { xml: string; text: string }[];
}

export function openDocx(bytes: Uint8Array): DocxParts {
  const raw = unzipSync(bytes);
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(raw)) files[name] = strFromU8(data);
  const document = files['word/document.xml'];
  if (!document) throw new Error('no word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({ xml: m[0], text: textOf(m[0]) }));
  return { files, document, styles: files['word/styles.xml'], settings: files['word/settings.xml'], paragraphs };
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
}

/** The runs of a paragraph: text, and the East Asian font and size they are set in. */
export function runsOf(xml: string): { text: string; eastAsia?: string; size?: number; spacing?: number; bold: boolean }[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .map((m) => {
      const r = m[1];
      return {
        text: textOf(r),
        eastAsia: /w:eastAsia="([^"]*)"/.exec(/<w:rFonts[^>]*>/.exec(r)?.[0] ?? '')?.[1],
        size: Number(/<w:sz w:val="(\d+)"/.exec(r)?.[1]) || undefined,
        spacing: /<w:spacing w:val="(-?\d+)"/.test(r) ? Number(/<w:spacing w:val="(-?\d+)"/.exec(r)![1]) : undefined,
        bold: /<w:b\/>|<w:b w:val="(?:true|1)"\/>/.test(r),
      };
    })
    .filter((r) => r.text);
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** True if the text is well-formed enough for Word: no characters XML 1.0 forbids, tags balanced. */
export function wellFormed(xml: string): boolean {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) return false;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml)) return false;
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[0].startsWith('<?')) continue;
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}
