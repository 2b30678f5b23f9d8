/**
 * Inline enumerations inside paragraphs: 一是/二是, 第一/第二, 其一/其二, 首先/其次/再次/最后.
 * Items are grouped into sequences per section body; a new sequence starts at a 1 in a new paragraph.
 */
import type { ReportDocument } from './document';
import { Zone } from './document';
import { parseChineseNumeral } from './chars';

export type EnumerationFamily = 'shi' | 'di' | 'qi' | 'shouxian';

export interface EnumerationItem {
  family: EnumerationFamily;
  /** 1-based position the word stands for (首先 1, 其次 2, 再次 3, 最后 0 = last). */
  value: number;
  /** The whole marker word (`二是`, `第三`, `其次`). */
  start: number;
  end: number;
  /** The numeral part to rewrite when renumbering (`二` of `二是`; the whole word for 首先 family). */
  numeralStart: number;
  numeralEnd: number;
  line: number;
}

export interface EnumerationSequence {
  family: EnumerationFamily;
  items: EnumerationItem[];
  /** A list inside an item of another (一是……有两家：一是……；二是……；二是……): its numbering is less certain. */
  nested?: boolean;
}

// The character before an item: a clause boundary, line start, Markdown emphasis or a space.
const BOUNDARY = /[。；;：:，,！!？?…\s\u3000*_（(“”]/;
const SHI = /([一二三四五六七八九十]{1,3})是/g;
const DI = /第([一二三四五六七八九十]{1,3})(?=[，、,：:；;是])/g;
const QI = /其([一二三四五六七八九十])(?=[，、,：:；;])/g;
const SHOUXIAN = /首先|其次|再次(?=[，,：:])|最后/g;
const IDIOM = /一是一[，、,]?\s*二是二/g;

function atBoundary(doc: ReportDocument, offset: number): boolean {
  const lineStart = doc.lines.lineStarts[doc.lines.lineAt(offset)];
  if (offset === lineStart) return true;
  // after a heading marker on the same line (（一）一是…) also counts
  return BOUNDARY.test(doc.text[offset - 1]) || /[、.．）)]/.test(doc.text[offset - 1]) && isAfterMarker(doc, offset, lineStart);
}

function isAfterMarker(doc: ReportDocument, offset: number, lineStart: number): boolean {
  const h = doc.headingAtLine(doc.lines.lineAt(lineStart));
  return !!h && h.markerEnd === offset;
}

export function parseEnumerations(doc: ReportDocument): EnumerationItem[] {
  const text = doc.text;
  const items: EnumerationItem[] = [];
  const idioms: [number, number][] = [];
  IDIOM.lastIndex = 0;
  for (let m; (m = IDIOM.exec(text)); ) idioms.push([m.index, m.index + m[0].length]);
  // idioms come in order and do not overlap: the last one starting at or before o is the only candidate
  const inIdiom = (o: number) => {
    let lo = 0;
    let hi = idioms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idioms[mid][0] <= o) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && o < idioms[lo - 1][1];
  };
  const push = (item: EnumerationItem) => {
    if (doc.touchesZone(item.start, item.end, Zone.Quote | Zone.Book | Zone.Code | Zone.Url)) return;
    if (inIdiom(item.start)) return;
    if (!atBoundary(doc, item.start)) return;
    items.push(item);
  };
  if (text.indexOf('是') !== -1) {
    SHI.lastIndex = 0;
    for (let m; (m = SHI.exec(text)); ) {
      // 一是 needs the numeral to begin right at the boundary: in 唯一是, 统一是 the 一 belongs to a word
      const value = parseChineseNumeral(m[1]);
      if (value === undefined) continue;
      push({ family: 'shi', value, start: m.index, end: m.index + m[0].length, numeralStart: m.index, numeralEnd: m.index + m[1].length, line: doc.lines.lineAt(m.index) });
    }
  }
  if (text.indexOf('第') !== -1) {
    DI.lastIndex = 0;
    for (let m; (m = DI.exec(text)); ) {
      const value = parseChineseNumeral(m[1]);
      if (value === undefined) continue;
      push({ family: 'di', value, start: m.index, end: m.index + m[0].length, numeralStart: m.index + 1, numeralEnd: m.index + 1 + m[1].length, line: doc.lines.lineAt(m.index) });
    }
  }
  if (text.indexOf('其') !== -1) {
    QI.lastIndex = 0;
    for (let m; (m = QI.exec(text)); ) {
      const value = parseChineseNumeral(m[1])!;
      push({ family: 'qi', value, start: m.index, end: m.index + m[0].length, numeralStart: m.index + 1, numeralEnd: m.index + 2, line: doc.lines.lineAt(m.index) });
    }
    SHOUXIAN.lastIndex = 0;
    for (let m; (m = SHOUXIAN.exec(text)); ) {
      const value = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 }[m[0]]!;
      push({ family: 'shouxian', value, start: m.index, end: m.index + 2, numeralStart: m.index, numeralEnd: m.index + 2, line: doc.lines.lineAt(m.index) });
    }
  }
  items.sort((a, b) => a.start - b.start);
  return items;
}

/**
 * Groups items into sequences: per family, within one section body (between headings); a 1 in a later
 * paragraph than the previous item starts a new sequence. 首先-family sequences need a 首先.
 */
export function enumerationSequences(doc: ReportDocument, items: EnumerationItem[]): EnumerationSequence[] {
  const sectionOf = (line: number) => {
    let lo = 0;
    let hi = doc.headings.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (doc.headings[mid].line <= line) { idx = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return idx;
  };
  // per family, the open sequences: a list nested in an item of another is pushed on top of it
  const open = new Map<EnumerationFamily, { seq: EnumerationSequence; section: number }[]>();
  const out: EnumerationSequence[] = [];
  const start = (item: EnumerationItem, section: number, nested: boolean) => {
    const seq: EnumerationSequence = { family: item.family, items: [item] };
    if (nested) seq.nested = true;
    out.push(seq);
    return { seq, section };
  };
  for (const item of items) {
    const section = sectionOf(item.line);
    const stack = open.get(item.family) ?? [];
    const cur = stack[stack.length - 1];
    const last = cur?.seq.items[cur.seq.items.length - 1];
    if (!cur || cur.section !== section || (item.value === 1 && last!.line !== item.line) || (item.family === 'shouxian' && item.value === 1)) {
      open.set(item.family, [start(item, section, false)]);
      continue;
    }
    // a 1 after a colon in the same paragraph opens a list inside the current item (有两家：一是……)
    if (item.value === 1 && item.family !== 'shouxian' && /[：:]/.test(doc.text.slice(last!.end, item.start))) {
      cur.seq.nested = true;
      stack.push(start(item, section, true));
      continue;
    }
    // an item that does not follow the inner list but follows the outer one closes the inner list
    if (stack.length > 1 && item.value !== last!.value + 1) {
      const outer = stack[stack.length - 2];
      const outerLast = outer.seq.items[outer.seq.items.length - 1];
      if (item.value === outerLast.value + 1) {
        stack.pop();
        outer.seq.items.push(item);
        continue;
      }
    }
    cur.seq.items.push(item);
  }
  return out.filter((s) => s.family !== 'shouxian' || s.items[0].value === 1);
}
