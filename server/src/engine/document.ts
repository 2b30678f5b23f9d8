/**
 * text → ReportDocument, parsed once per version: lines, zones (quotations, titles, URLs, code),
 * the title and the numbered headings. Every rule, the outline and the code actions read this one structure.
 */
import { LineIndex, scanLines } from './positions';
import { countCharacters } from './metrics';
import { BOOK, CODE, emptySpans, normalize, QUOTE, SINGLE_QUOTE, spliceZones, toZoneMap, URL, type ZoneMap, type ZoneSpans } from './zones';
import { parseArabic, parseChineseNumeral } from './chars';
import { enumerationSequences, parseEnumerations, type EnumerationSequence } from './enumeration';
import { startsWithSiteLabel } from './residue';
import { findUrls } from './urls';

export type DocumentLanguage = 'gongwen' | 'plaintext' | 'markdown';

/** Zones of the text (`ReportDocument.inZone`, `touchesZone`), as bits of a mask. */
export const enum Zone {
  Quote = 1, // “…” ‘…’
  Book = 2, // 《…》
  Url = 4, // URLs and e-mail addresses
  Code = 8, // Markdown code spans, fenced blocks, link targets
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Heading {
  level: HeadingLevel;
  line: number;
  /** The numbering marker, e.g. `（一）`, `1.`, `二、` (including any wrong punctuation after it). */
  markerStart: number;
  markerEnd: number;
  /** The numeral inside the marker. */
  numeralStart: number;
  numeralEnd: number;
  numeral: string;
  value: number;
  /** Numeral script: Chinese (一二三) or Arabic (1 2 3, half- or full-width). */
  script: 'chinese' | 'arabic';
  /** Brackets as written (`（`, `(`), empty for levels 1 and 3. */
  open: string;
  close: string;
  /** Punctuation after the numeral or the closing bracket, as written ('' if none). */
  punct: string;
  /** The heading's own words: after the marker, up to the first 。 or the end of the line. */
  textStart: number;
  textEnd: number;
  /** Markdown `#` heading depth, when the line is one. */
  mdDepth?: number;
  /** False for a Markdown heading without 一、/（一）/1./（1）: it shapes the outline, the numbering rules skip it. */
  numbered: boolean;
}

export interface Title {
  line: number;
  start: number;
  end: number;
  text: string;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,2}';
// Prefix a heading may carry: indentation (including U+3000), Markdown #'s, a list bullet, bold.
const PREFIX = /^[ \t\u3000]*(#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?/;
const L1 = new RegExp(`^(${CN_NUM})(、|\\.|．|，|,|：|:)`);
const L2 = new RegExp(`^([（(])(${CN_NUM})([）)])((?:、|\\.|．|，|,)+)?`);
const L3 = new RegExp(`^(${DIGITS})(\\.|．|、|，|,)(?![0-9０-９])`);
const L4 = new RegExp(`^([（(])(${DIGITS})([）)])((?:、|\\.|．|，|,)+)?`);
// `三、四月份`, `一、二级响应`: a numeral list, not a heading.
const NUMERAL_LIST = /^[一二三四五六七八九十]{1,3}(?:、|月|级|类|季度)/;

/**
 * What an editor knows of an edit: at least `prefix` code units at the start and `suffix` at the end
 * are the same in the previous version and this one. It spares comparing the two texts.
 */
export interface Unchanged {
  prefix: number;
  suffix: number;
}

let parses = 0;

/**
 * How a document parsed from a previous version relates to it: lines before `first` are that version's
 * lines of the same numbers; from `movedTo` on, line l is its line l - movedTo + movedFrom. The lines
 * between changed.
 */
export interface Derivation {
  fromId: number;
  first: number;
  movedFrom: number;
  movedTo: number;
  /** How the previous version was derived in turn (a short chain: versions parsed but never linted are bridged). */
  previous?: Derivation;
  depth: number;
}

/** Derivations kept in a chain. */
const MAX_CHAIN = 32;

export class ReportDocument {
  /** Tells parses apart (a derived document names its previous version by it). */
  readonly id = ++parses;
  /** The text holds `<!--` (a comment, e.g. a suppression, which may span lines). */
  readonly hasComments: boolean;
  /** Set when this parse was made from the previous version's. */
  readonly derivation: Derivation | undefined;
  readonly lines: LineIndex;
  readonly zones: ZoneMap;
  readonly headings: Heading[];
  readonly title: Title | undefined;

  /**
   * Parses `text`. Given the previous version of the same document, only the lines an edit touched are
   * parsed again: the rest of the line table, zones and headings is carried over (and moved).
   */
  constructor(readonly text: string, readonly language: DocumentLanguage = 'gongwen', previous?: ReportDocument, unchanged?: Unchanged) {
    const reused = previous && previous.language === language ? reparse(previous, this, unchanged) : undefined;
    this.hasComments = reused ? false : text.indexOf('<!--') !== -1;
    if (reused) {
      this.lines = reused.lines;
      this.zones = reused.zones;
      this.headings = reused.headings;
      this._characters = reused.characters;
      const before = previous!.derivation && previous!.derivation.depth < MAX_CHAIN ? previous!.derivation : undefined;
      this.derivation = { fromId: previous!.id, ...reused.moved, depth: before ? before.depth + 1 : 1, previous: before };
    } else {
      this.lines = new LineIndex(text);
      this.zones = computeZones(text, language);
      this.headings = [];
      for (let l = 0; l < this.lines.lineCount; l++) {
        const h = parseHeading(this, l);
        if (h) this.headings.push(h);
      }
    }
    this.title = findTitle(this);
  }

  /** @internal (read by the next version's parse) */
  _characters: number | undefined;

  /** 字数 of the whole text (see countCharacters); after an edit, recounted on the changed lines only. */
  get characters(): number {
    return (this._characters ??= countCharacters(this.text));
  }

  private _enumerations: EnumerationSequence[] | undefined;

  /** Inline enumerations (一是/二是, 第一/第二, 其一/其二, 首先/其次), grouped into sequences; parsed on first use. */
  get enumerations(): EnumerationSequence[] {
    return (this._enumerations ??= enumerationSequences(this, parseEnumerations(this)));
  }

  private _reportYear: number | null | undefined;

  /** A piece of a report linted on its own takes the whole report's year. */
  assumeReportYear(year: number | undefined): void {
    this._reportYear = year ?? null;
  }

  /** The year the report is about: the first 19xx/20xx in the title, else in the first three non-empty lines. */
  get reportYear(): number | undefined {
    if (this._reportYear === undefined) {
      this._reportYear = null;
      const lines: string[] = [];
      if (this.title) lines.push(this.title.text);
      for (let l = 0; l < this.lines.lineCount && lines.length < 4; l++) if (this.lineText(l).trim()) lines.push(this.lineText(l));
      for (const t of lines) {
        const m = /(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])/.exec(t);
        if (m) {
          this._reportYear = Number(m[1]);
          break;
        }
      }
    }
    return this._reportYear ?? undefined;
  }

  private readonly memos = new Map<string, unknown>();

  /** Work shared by several rules on this version (e.g. one pass of the phrase matcher). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  inZone(offset: number, mask: number): boolean {
    return this.zones.touches(offset, offset + 1, mask);
  }

  /** True if any code unit of [start, end) lies in a zone of `mask`. */
  touchesZone(start: number, end: number, mask: number): boolean {
    return this.zones.touches(start, end, mask);
  }

  lineText(line: number): string {
    return this.lines.lineText(line);
  }

  /** The heading on a line, if the line is one. */
  headingAtLine(line: number): Heading | undefined {
    let lo = 0;
    let hi = this.headings.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = this.headings[mid];
      if (h.line === line) return h;
      if (h.line < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/**
 * The parse of `doc` made from the previous version's: the changed lines (between the common prefix and
 * suffix of the two texts) are scanned again, everything after them is moved. Undefined where zones may
 * span lines (Markdown code fences, HTML comments): those documents are parsed in full.
 */
function reparse(
  prev: ReportDocument,
  doc: ReportDocument,
  unchanged?: Unchanged,
): { lines: LineIndex; zones: ZoneMap; headings: Heading[]; characters?: number; moved: Omit<Derivation, 'fromId' | 'previous' | 'depth'> } | undefined {
  const old = prev.text;
  const text = doc.text;
  if (doc.language === 'markdown' || prev.hasComments) return undefined;
  const max = Math.min(old.length, text.length);
  let p = Math.max(0, Math.min(unchanged?.prefix ?? 0, max));
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = Math.max(0, Math.min(unchanged?.suffix ?? 0, max - p));
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const delta = text.length - old.length;
  const pl = prev.lines;
  // from the line before the change's first character: a \r there may pair with an inserted \n
  const first = pl.lineAt(Math.max(0, p - 1));
  const from = pl.lineStarts[first];
  const last = pl.lineAt(old.length - s); // the old line holding the first unchanged character
  const oldResume = last + 1 < pl.lineCount ? pl.lineStarts[last + 1] : old.length;
  const newResume = oldResume + delta;
  // an HTML comment may span lines: a document that now has one is parsed in full
  if (text.slice(from, newResume).indexOf('<!--') !== -1) return undefined;
  // lines
  const starts = pl.lineStarts.slice(0, first + 1);
  const ends = pl.lineEnds.slice(0, first);
  scanLines(text, from, newResume, starts, ends);
  const resumeLine = starts.length - 1; // the new line number of old line last + 1
  const shiftLines = resumeLine - (last + 1);
  if (last + 1 < pl.lineCount) {
    for (let l = last + 1; l < pl.lineCount; l++) {
      if (l > last + 1) starts.push(pl.lineStarts[l] + delta);
      ends.push(pl.lineEnds[l] + delta);
    }
  } else ends.push(text.length);
  const lines = new LineIndex(text, { starts, ends });
  // zones
  const middle = emptySpans();
  markZones(text, from, newResume, middle);
  const zones = spliceZones(prev.zones, from, middle, oldResume, delta);
  // headings: those above kept, the changed lines parsed, those below moved
  (doc as { lines: LineIndex }).lines = lines;
  (doc as { zones: ZoneMap }).zones = zones;
  const headings: Heading[] = [];
  for (const h of prev.headings) if (h.line < first) headings.push(h);
  const lastNew = last + 1 < pl.lineCount ? resumeLine - 1 : lines.lineCount - 1;
  for (let l = first; l <= lastNew; l++) {
    const h = parseHeading(doc, l);
    if (h) headings.push(h);
  }
  for (const h of prev.headings) {
    if (h.line <= last) continue;
    headings.push(delta === 0 && shiftLines === 0 ? h : {
      ...h, line: h.line + shiftLines, markerStart: h.markerStart + delta, markerEnd: h.markerEnd + delta, numeralStart: h.numeralStart + delta,
      numeralEnd: h.numeralEnd + delta, textStart: h.textStart + delta, textEnd: h.textEnd + delta,
    });
  }
  // 字数 counts nothing across a line break: recount the changed lines only
  const before = prev._characters;
  const characters = before === undefined ? undefined : before - countCharacters(old, from, oldResume) + countCharacters(text, from, newResume);
  const moved = { first, movedFrom: last + 1 < pl.lineCount ? last + 1 : pl.lineCount, movedTo: last + 1 < pl.lineCount ? resumeLine : lines.lineCount };
  return { lines, zones, headings, characters, moved };
}

function parseHeading(doc: ReportDocument, line: number): Heading | undefined {
  const lineStart = doc.lines.lineStarts[line];
  const lineEnd = doc.lines.lineEnds[line];
  if (lineEnd - lineStart < 2) return undefined;
  const first = doc.text.charCodeAt(lineStart);
  // cheap reject: headings start with a space, #, -, *, +, _, a bracket, a digit or a Chinese numeral
  if (first > 0x7f && first !== 0x3000 && first !== 0xff08 && !(first >= 0xff10 && first <= 0xff19) && !'一二三四五六七八九十'.includes(doc.text[lineStart])) {
    return undefined;
  }
  const raw = doc.text.slice(lineStart, Math.min(lineEnd, lineStart + 64));
  if (doc.inZone(lineStart, Zone.Code)) return undefined;
  // a numeral or a bracket first: no prefix to skip, and only the levels that can start so are tried
  const plain = first >= 0x4e00 || first === 0xff08 || first === 0x28 || (first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19);
  const pm = plain ? undefined : PREFIX.exec(raw)!;
  const prefix = pm ? pm[0].length : 0;
  const s = prefix ? raw.slice(prefix) : raw;
  const base = lineStart + prefix;
  const mdDepth = pm?.[1] ? pm[1].trim().length : undefined;
  const lead = s.charCodeAt(0);
  const bracket = lead === 0xff08 || lead === 0x28;
  const digit = (lead >= 0x30 && lead <= 0x39) || (lead >= 0xff10 && lead <= 0xff19);

  let m: RegExpExecArray | null;
  let h: Omit<Heading, 'textStart' | 'textEnd' | 'numbered'> | undefined;
  if (!bracket && !digit && (m = L1.exec(s))) {
    const value = parseChineseNumeral(m[1]);
    const rest = s.slice(m[0].length);
    if (value !== undefined && !NUMERAL_LIST.test(rest) && !(m[2] === '.' && /^[0-9]/.test(rest))) {
      h = { level: 1, line, markerStart: base, markerEnd: base + m[0].length, numeralStart: base, numeralEnd: base + m[1].length,
        numeral: m[1], value, script: 'chinese', open: '', close: '', punct: m[2], mdDepth };
    }
  } else if (bracket && (m = L2.exec(s))) {
    const value = parseChineseNumeral(m[2]);
    if (value !== undefined) {
      h = { level: 2, line, markerStart: base, markerEnd: base + m[0].length, numeralStart: base + 1, numeralEnd: base + 1 + m[2].length,
        numeral: m[2], value, script: 'chinese', open: m[1], close: m[3], punct: m[4] ?? '', mdDepth };
    }
  } else if (digit && (m = L3.exec(s))) {
    const value = parseArabic(m[1]);
    if (value >= 1) {
      h = { level: 3, line, markerStart: base, markerEnd: base + m[0].length, numeralStart: base, numeralEnd: base + m[1].length,
        numeral: m[1], value, script: 'arabic', open: '', close: '', punct: m[2], mdDepth };
    }
  } else if (bracket && (m = L4.exec(s))) {
    const value = parseArabic(m[2]);
    if (value >= 1) {
      h = { level: 4, line, markerStart: base, markerEnd: base + m[0].length, numeralStart: base + 1, numeralEnd: base + 1 + m[2].length,
        numeral: m[2], value, script: 'arabic', open: m[1], close: m[3], punct: m[4] ?? '', mdDepth };
    }
  }
  if (!h && mdDepth !== undefined && doc.language === 'markdown') return markdownHeading(doc, line, base, mdDepth, lineEnd);
  if (!h) return undefined;
  // 1、篇二：…: a template site's numbering of its samples, not a heading (placeholder/residue reports it)
  if (startsWithSiteLabel(doc.text.slice(h.markerEnd, Math.min(lineEnd, h.markerEnd + 16)))) return undefined;
  // the heading's words: up to the first 。 (1.抓经济发展。镇党委…), without closing Markdown bold
  let textStart = h.markerEnd;
  while (textStart < lineEnd && (doc.text[textStart] === ' ' || doc.text[textStart] === '\u3000')) textStart++;
  let textEnd = lineEnd;
  // searched within the line only: a search to the end of the text for every heading is quadratic
  const stop = doc.text.slice(textStart, lineEnd).indexOf('。');
  if (stop !== -1) textEnd = textStart + stop;
  const words = doc.text.slice(textStart, textEnd);
  const stars = words.indexOf('**');
  const unders = words.indexOf('__');
  const bold = stars === -1 ? unders : unders === -1 ? stars : Math.min(stars, unders);
  if (bold > 0) textEnd = textStart + bold;
  if (textEnd <= textStart) return undefined; // a bare `1.` is not a heading
  return { ...h, textStart, textEnd, numbered: true };
}

/** `## 工作回顾`: a Markdown heading without numbering; `#` maps to the title, `##` to level 1, and so on. */
function markdownHeading(doc: ReportDocument, line: number, base: number, depth: number, lineEnd: number): Heading | undefined {
  let textEnd = lineEnd;
  while (textEnd > base && /[\s#*_]/.test(doc.text[textEnd - 1])) textEnd--;
  let textStart = base;
  while (textStart < textEnd && /[*_]/.test(doc.text[textStart])) textStart++;
  if (textEnd <= textStart) return undefined;
  // the first line's # heading is the title, not a section
  if (depth === 1 && !doc.text.slice(0, doc.lines.lineStarts[line]).trim()) return undefined;
  const level = Math.min(4, Math.max(1, depth - 1)) as HeadingLevel;
  const markerStart = doc.lines.lineStarts[line] + (doc.text.slice(doc.lines.lineStarts[line], base).indexOf('#'));
  return {
    level, line, markerStart, markerEnd: markerStart, numeralStart: markerStart, numeralEnd: markerStart, numeral: '', value: 0,
    script: 'arabic', open: '', close: '', punct: '', mdDepth: depth, textStart, textEnd, numbered: false,
  };
}

function findTitle(doc: ReportDocument): Title | undefined {
  for (let l = 0; l < doc.lines.lineCount; l++) {
    let text = doc.lineText(l);
    if (!text.trim()) continue;
    if (doc.headingAtLine(l)) return undefined; // a report that opens with 一、 has no title line
    let start = doc.lines.lineStarts[l];
    const lead = /^[\s\u3000\uFEFF]*(#{1,6}[ \t]+)?/.exec(text)![0];
    start += lead.length;
    text = text.slice(lead.length).trimEnd();
    if (!text || text.length > 80 || /[。；;：:，,]$/.test(text)) return undefined;
    return { line: l, start, end: start + text.length, text };
  }
  return undefined;
}

const MARKS = /[“”‘’《》\r\n]/g;

function computeZones(text: string, language: DocumentLanguage): ZoneMap {
  const spans = emptySpans();
  markZones(text, 0, text.length, spans);
  if (language === 'markdown') markMarkdownCode(text, spans[CODE]);
  else if (text.indexOf('<!--') !== -1) {
    // suppression comments are not report text in any language
    for (const x of commentSpans(text)) spans[CODE].push(x);
  }
  spans[CODE] = normalize(spans[CODE]);
  return toZoneMap(spans);
}

/** Quotations, titles and URLs in text[from, to), which starts and ends at line boundaries: none spans a line. */
function markZones(text: string, from: number, to: number, spans: ZoneSpans): void {
  // quotations and titles: paired within one line; an unpaired mark opens nothing. Only the marks and
  // line breaks are visited (found by one regular expression, faster than a loop over every code unit)
  let quoteOpen = -1;
  let singleOpen = -1;
  let bookDepth = 0;
  let bookOpen = -1;
  MARKS.lastIndex = from;
  for (let m; (m = MARKS.exec(text)) && m.index < to; ) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      quoteOpen = singleOpen = bookOpen = -1;
      bookDepth = 0;
    } else if (c === 0x201c) quoteOpen = i; // “
    else if (c === 0x201d && quoteOpen >= 0) {
      spans[QUOTE].push(quoteOpen, i + 1);
      quoteOpen = -1;
    } else if (c === 0x2018) singleOpen = i; // ‘
    else if (c === 0x2019 && singleOpen >= 0) {
      spans[SINGLE_QUOTE].push(singleOpen, i + 1);
      singleOpen = -1;
    } else if (c === 0x300a) { // 《
      if (bookDepth++ === 0) bookOpen = i;
    } else if (c === 0x300b && bookDepth > 0) { // 》
      if (--bookDepth === 0 && bookOpen >= 0) {
        spans[BOOK].push(bookOpen, i + 1);
        bookOpen = -1;
      }
    }
  }
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  if (part.indexOf('@') !== -1 || part.indexOf('://') !== -1 || part.indexOf('www.') !== -1) {
    const found = findUrls(part);
    for (let k = 0; k < found.length; k++) spans[URL].push(from + found[k]);
  }
}

function markMarkdownCode(text: string, code: number[]): void {
  const fence = /^[ \t]*(```|~~~)[^\n]*$[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
  for (let m; (m = fence.exec(text)); ) if (m[0].length) code.push(m.index, m.index + m[0].length);
  markdownSpans(text, code);
}

const CODE_SPAN = /`[^`\r\n]+`/y;
const LINK_TARGET = /\]\([^)\r\n]*\)/y;

/**
 * What /`[^`\r\n]+`|\]\([^)\r\n]*\)|<!--[\s\S]*?-->/g matches — code spans, link targets, comments —
 * found from each ` ]( and <!-- in turn: the expression itself takes quadratic time over many
 * unclosed comments or link targets. A comment with no --> after it, or a ]( with no ) before the
 * line's end, rules out every later one of its kind (on that line).
 */
export function markdownSpans(text: string, out: number[]): void {
  let pos = 0;
  let noComment = false;
  let noLinkUntil = -1; // no link target can close before this offset (the end of a line seen without one)
  const nextOf = (mark: string, from: number) => text.indexOf(mark, from);
  let tick = nextOf('`', 0);
  let link = nextOf('](', 0);
  let comment = nextOf('<!--', 0);
  while (tick !== -1 || link !== -1 || comment !== -1) {
    const at = Math.min(tick === -1 ? Infinity : tick, link === -1 ? Infinity : link, comment === -1 ? Infinity : comment);
    let end = -1;
    if (at === tick) {
      CODE_SPAN.lastIndex = at;
      if (CODE_SPAN.exec(text)) end = CODE_SPAN.lastIndex;
    } else if (at === link) {
      if (at >= noLinkUntil) {
        LINK_TARGET.lastIndex = at;
        if (LINK_TARGET.exec(text)) end = LINK_TARGET.lastIndex;
        else {
          // no ) before the line's end: no link target starts on the rest of this line
          const nl = text.slice(at).search(/[\r\n]/);
          noLinkUntil = nl === -1 ? text.length : at + nl;
        }
      }
    } else if (!noComment) {
      const close = text.indexOf('-->', at + 4);
      if (close === -1) noComment = true;
      else end = close + 3;
    }
    if (end !== -1) {
      out.push(at, end);
      pos = end;
    } else pos = at + 1;
    if (tick !== -1 && tick < pos) tick = nextOf('`', pos);
    if (link !== -1 && link < pos) link = nextOf('](', pos);
    if (comment !== -1 && comment < pos) comment = noComment ? -1 : nextOf('<!--', pos);
  }
}

/** [start, end) pairs of the closed <!-- … --> comments, in linear time (an unclosed one ends the search). */
export function commentSpans(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('<!--'); i !== -1; ) {
    const close = text.indexOf('-->', i + 4);
    if (close === -1) break;
    out.push(i, close + 3);
    i = text.indexOf('<!--', close + 3);
  }
  return out;
}
