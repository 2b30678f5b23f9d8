/**
 * The lexicon: ~84,000 four-character idioms and fixed expressions, ~40,000 two-character words and the
 * readings of ~8,000 characters (data.json, made by scripts/build-lexicon.mjs from @pinyin-pro/data and
 * pinyin-pro, plus the right forms of gongwen's own catalogues). Loaded on first use into typed arrays:
 * a few megabytes, and lookups that allocate nothing.
 */
import data from './data.json';

const TABLE_BITS = 19;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const FILTER_BITS = 22;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

const mix = (h: number, c: number) => Math.imul(h ^ c, 0x9e3779b1) >>> 0;
/** Hash of an entry with position `k` masked (k = 4: nothing masked). */
function hash4(k: number, c0: number, c1: number, c2: number, c3: number): number {
  let h = mix(0x811c9dc5, k + 1);
  if (k !== 0) h = mix(h, c0);
  if (k !== 1) h = mix(h, c1);
  if (k !== 2) h = mix(h, c2);
  if (k !== 3) h = mix(h, c3);
  return (h ^ (h >>> 15)) & TABLE_MASK;
}
const bigram = (a: number, b: number) => {
  const h = Math.imul((a << 16) | b, 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) & FILTER_MASK;
};

/** The syllable a speaker from the south may not tell apart: zh/z, ch/c, sh/s, n/l, -ng/-n. */
export function fuzzySyllable(s: string): string {
  return s.replace(/^([zcs])h/, '$1').replace(/^n(?=[^g])/, 'l').replace(/([ie])ng$/, '$1n');
}

export class Lexicon {
  /** Four char codes per entry. */
  readonly codes: Uint16Array;
  readonly size: number;
  private readonly rank: string;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  /** entry index × 8 + masked position */
  private readonly slot: Int32Array;
  /** Bigrams that start (first) or end (second) an entry, as a Bloom-like bit filter. */
  private readonly first: Uint8Array;
  private readonly second: Uint8Array;
  private readonly words: Set<number>;
  private readonly redup: Set<number>;
  private readonly words3: Set<number>;
  private readonly readings: Map<number, string[]>;
  /** Entries whose two neighbouring characters are the same (兢兢业业), by the pattern with that pair masked. */
  private readonly doubled = new Map<string, number[]>();

  constructor(d: LexiconData) {
    const n = (this.size = d.idioms.length / 4);
    this.rank = d.rank;
    this.codes = new Uint16Array(n * 4);
    for (let i = 0; i < n * 4; i++) this.codes[i] = d.idioms.charCodeAt(i);
    this.head = new Int32Array(1 << TABLE_BITS).fill(-1);
    this.next = new Int32Array(n * 5);
    this.slot = new Int32Array(n * 5);
    this.first = new Uint8Array(1 << (FILTER_BITS - 3));
    this.second = new Uint8Array(1 << (FILTER_BITS - 3));
    const c = this.codes;
    let used = 0;
    for (let e = 0; e < n; e++) {
      const [c0, c1, c2, c3] = [c[e * 4], c[e * 4 + 1], c[e * 4 + 2], c[e * 4 + 3]];
      for (let k = 0; k <= 4; k++) {
        const h = hash4(k, c0, c1, c2, c3);
        this.slot[used] = e * 8 + k;
        this.next[used] = this.head[h];
        this.head[h] = used++;
      }
      const f = bigram(c0, c1);
      this.first[f >> 3] |= 1 << (f & 7);
      const s = bigram(c2, c3);
      this.second[s >> 3] |= 1 << (s & 7);
      for (let k = 0; k < 3; k++) {
        if (c[e * 4 + k] !== c[e * 4 + k + 1]) continue;
        const key = doubledKey(k, c0, c1, c2, c3);
        const list = this.doubled.get(key);
        if (list) list.push(e);
        else this.doubled.set(key, [e]);
      }
    }
    this.words = new Set();
    for (let i = 0; i + 1 < d.words.length; i += 2) this.words.add((d.words.charCodeAt(i) << 16) | d.words.charCodeAt(i + 1));
    this.redup = new Set([...d.redup].map((ch) => ch.charCodeAt(0)));
    this.words3 = new Set();
    for (let i = 0; i + 2 < d.words3.length; i += 3) this.words3.add(key3(d.words3.charCodeAt(i), d.words3.charCodeAt(i + 1), d.words3.charCodeAt(i + 2)));
    this.readings = new Map();
    for (const [syllable, chars] of Object.entries(d.readings)) {
      for (let i = 0; i < chars.length; i++) {
        const code = chars.charCodeAt(i);
        const list = this.readings.get(code);
        if (list) list.push(syllable);
        else this.readings.set(code, [syllable]);
      }
    }
  }

  entry(e: number): string {
    return String.fromCharCode(this.codes[e * 4], this.codes[e * 4 + 1], this.codes[e * 4 + 2], this.codes[e * 4 + 3]);
  }

  /** A common expression (frequent in the source's corpus, or one of gongwen's own right forms). */
  isCommon(e: number): boolean {
    return this.rank.charCodeAt(e) >= 50; // '2' or '3'
  }

  /** One of gongwen's own fixed expressions (a right form of its catalogues: 纪律意识, 接诉即办). */
  isCatalogued(e: number): boolean {
    return this.rank.charCodeAt(e) === 51; // '3'
  }

  /** The entry spelled c0c1c2c3, or -1. */
  find(c0: number, c1: number, c2: number, c3: number): number {
    const c = this.codes;
    for (let s = this.head[hash4(4, c0, c1, c2, c3)]; s !== -1; s = this.next[s]) {
      const v = this.slot[s];
      if ((v & 7) !== 4) continue;
      const e = v >> 3;
      if (c[e * 4] === c0 && c[e * 4 + 1] === c1 && c[e * 4 + 2] === c2 && c[e * 4 + 3] === c3) return e;
    }
    return -1;
  }

  /** Could an entry start with this pair / end with this pair (false: certainly not). */
  mayStart(c0: number, c1: number): boolean {
    const f = bigram(c0, c1);
    return (this.first[f >> 3] & (1 << (f & 7))) !== 0;
  }
  mayEnd(c2: number, c3: number): boolean {
    const f = bigram(c2, c3);
    return (this.second[f >> 3] & (1 << (f & 7))) !== 0;
  }

  /** Entries equal to c0c1c2c3 except at position k (and different there). */
  differingAt(k: number, c0: number, c1: number, c2: number, c3: number, out: number[]): void {
    const c = this.codes;
    const w = [c0, c1, c2, c3];
    for (let s = this.head[hash4(k, c0, c1, c2, c3)]; s !== -1; s = this.next[s]) {
      const v = this.slot[s];
      if ((v & 7) !== k) continue;
      const e = v >> 3;
      let same = true;
      for (let p = 0; p < 4 && same; p++) if (p !== k && c[e * 4 + p] !== w[p]) same = false;
      if (same && c[e * 4 + k] !== w[k]) out.push(e);
    }
  }

  /** Entries equal to c0c1c2c3 except for the doubled pair at k, k+1 (兢兢 for 竞竞). */
  differingPairAt(k: number, c0: number, c1: number, c2: number, c3: number): readonly number[] {
    return this.doubled.get(doubledKey(k, c0, c1, c2, c3)) ?? [];
  }

  /** The character doubled is a word of its own (天天, 层层, 慢慢). */
  reduplicates(code: number): boolean {
    return this.redup.has(code);
  }

  /** A two-character word of the modern dictionary. */
  isWord(a: number, b: number): boolean {
    return this.words.has((a << 16) | b);
  }

  /** A three-character word (新能源, 研究院). */
  isWord3(a: number, b: number, c: number): boolean {
    return this.words3.has(key3(a, b, c));
  }

  /** A word of two or three characters, or an entry of four, starts at `i` of `text`. */
  wordStartsAt(text: string, i: number): boolean {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (this.isWord(a, b)) return true;
    if (i + 2 < text.length && this.isWord3(a, b, text.charCodeAt(i + 2))) return true;
    return i + 3 < text.length && this.find(a, b, text.charCodeAt(i + 2), text.charCodeAt(i + 3)) !== -1;
  }

  /** Readings of a character without tones (polyphones: all of them); empty when unknown. */
  readingsOf(code: number): readonly string[] {
    return this.readings.get(code) ?? [];
  }

  /** The readings the two characters share, tones aside (several for polyphones). */
  sharedReading(a: number, b: number): string | undefined {
    const ra = this.readingsOf(a);
    const rb = this.readingsOf(b);
    return ra.find((r) => rb.includes(r));
  }

  /** Same reading once zh/z, ch/c, sh/s, n/l and -ng/-n are not told apart (and not the same reading). */
  nearReading(a: number, b: number): string | undefined {
    const rb = this.readingsOf(b).map(fuzzySyllable);
    return this.readingsOf(a).find((r) => rb.includes(fuzzySyllable(r)));
  }
}

const key3 = (a: number, b: number, c: number) => a * 4294967296 + b * 65536 + c;

interface LexiconData {
  idioms: string;
  rank: string;
  words: string;
  words3: string;
  redup: string;
  readings: Record<string, string>;
}

function doubledKey(k: number, c0: number, c1: number, c2: number, c3: number): string {
  const w = [c0, c1, c2, c3];
  w[k] = w[k + 1] = 0;
  return `${k}:${String.fromCharCode(...w)}`;
}

let loaded: Lexicon | undefined;
/** The lexicon, built on first use and kept. */
export function lexicon(): Lexicon {
  return (loaded ??= new Lexicon(data as LexiconData));
}

/** Where the data comes from (for the documentation). */
export const LEXICON_SOURCE: string = (data as { source: string }).source;
