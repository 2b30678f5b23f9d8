/**
 * The lexicon: ~84,000 four-character idioms and fixed expressions, ~40,000 two-character words and the
 * readings of ~8,000 characters (data.json, made by scripts/build-lexicon.mjs from @pinyin-pro/data and
 * pinyin-pro, plus the right forms of gongwen's own catalogues). Loaded on first use into typed arrays:
 * a few megabytes, and lookups that allocate nothing.
 */
import data from './data.json';

const TABLE_BITS = 19;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

// the masked keys of the targets as a Bloom filter of two bits per key: a window whose key is absent fails
// at the first bit almost always (one read), and passes both wrongly about once in 400
const KEY_FILTER_BITS = 23;
const KEY_FILTER_MASK = (1 << KEY_FILTER_BITS) - 1;
const PAIR_BITS = 20;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
const pairBit = (h1: number, h2: number) => ((Math.imul(h1 ^ ((h2 << 11) | (h2 >>> 21)), 0x27d4eb2d) >>> 0) >>> 12) & PAIR_MASK;
const bit1 = (key: number) => (key >>> 9) & KEY_FILTER_MASK;
const bit2 = (key: number) => (Math.imul(key, 0x2c1b3c6d) >>> 9) & KEY_FILTER_MASK;

// Keys of an entry with position k masked (k = 4: nothing masked), made from one hash per character so
// that a scan computes each character's hash once and every window's four keys with a few operations.
const charHash = (c: number) => Math.imul(c, 0x9e3779b1);
const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
const SEED = [0x2545f491, 0x6c8e9cf5, 0x1b873593, 0x7feb352d, 0x3c6ef372];
/** The key's value before mixing: the other characters' hashes, rotated by position. */
function rawKey(k: number, h0: number, h1: number, h2: number, h3: number): number {
  return SEED[k] ^ (k === 0 ? 0 : h0) ^ (k === 1 ? 0 : rotl(h1, 8)) ^ (k === 2 ? 0 : rotl(h2, 16)) ^ (k === 3 ? 0 : rotl(h3, 24));
}
const fmix = (x: number) => {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  return (x ^ (x >>> 13)) >>> 0;
};
function keyOf(k: number, h0: number, h1: number, h2: number, h3: number): number {
  return fmix(rawKey(k, h0, h1, h2, h3));
}
/** A masked position's key with the sound (fuzzy syllable id) of the character that stood there. */
const soundKey = (raw: number, fid: number) => fmix(raw ^ Math.imul(fid, 0x27d4eb2d));
function mixed4(k: number, c0: number, c1: number, c2: number, c3: number): number {
  return keyOf(k, charHash(c0), charHash(c1), charHash(c2), charHash(c3));
}

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
  /** Every (masked position, sound there, other three characters) of a target entry, as a Bloom filter. */
  private readonly keys: Uint8Array;
  /** The first and the last two characters of every target, as bit filters (small: they stay in cache). */
  private readonly heads = new Uint8Array(1 << (PAIR_BITS - 3));
  private readonly tails = new Uint8Array(1 << (PAIR_BITS - 3));
  private readonly words: Set<number>;
  private readonly redup: Set<number>;
  private readonly words3: Set<number>;
  private readonly readings: Map<number, string[]>;
  /** Up to four syllable ids (1-based) per character U+4E00–U+9FFF, and the same for fuzzy syllables. */
  private readonly syllables = new Uint16Array(0x5200 * 4);
  private readonly fuzzy = new Uint16Array(0x5200 * 4);
  /** Entries whose two neighbouring characters are the same (兢兢业业), by the pattern with that pair masked. */
  private readonly doubled = new Map<string, number[]>();

  constructor(d: LexiconData) {
    const n = (this.size = d.idioms.length / 4);
    this.rank = d.rank;
    this.codes = new Uint16Array(n * 4);
    for (let i = 0; i < n * 4; i++) this.codes[i] = d.idioms.charCodeAt(i);
    this.head = new Int32Array(1 << TABLE_BITS).fill(-1);
    // an entry's key for each masked position and each sound of the masked character (at most 4), and exact
    this.next = new Int32Array(n * 17);
    this.slot = new Int32Array(n * 17);
    this.keys = new Uint8Array(1 << (KEY_FILTER_BITS - 3));
    this.words = new Set();
    for (let i = 0; i + 1 < d.words.length; i += 2) this.words.add((d.words.charCodeAt(i) << 16) | d.words.charCodeAt(i + 1));
    this.redup = new Set([...d.redup].map((ch) => ch.charCodeAt(0)));
    this.words3 = new Set();
    for (let i = 0; i + 2 < d.words3.length; i += 3) this.words3.add(key3(d.words3.charCodeAt(i), d.words3.charCodeAt(i + 1), d.words3.charCodeAt(i + 2)));
    this.readings = new Map();
    let id = 0;
    const fuzzyIds = new Map<string, number>();
    for (const [syllable, chars] of Object.entries(d.readings)) {
      id++;
      const fz = fuzzySyllable(syllable);
      let fid = fuzzyIds.get(fz);
      if (fid === undefined) fuzzyIds.set(fz, (fid = fuzzyIds.size + 1));
      for (let i = 0; i < chars.length; i++) {
        const code = chars.charCodeAt(i);
        if (code >= 0x4e00 && code <= 0x9fff) {
          const at = (code - 0x4e00) * 4;
          for (let j = 0; j < 4; j++) {
            if (this.syllables[at + j] === 0) {
              this.syllables[at + j] = id;
              break;
            }
          }
          for (let j = 0; j < 4; j++) {
            if (this.fuzzy[at + j] === fid) break;
            if (this.fuzzy[at + j] === 0) {
              this.fuzzy[at + j] = fid;
              break;
            }
          }
        }
        const list = this.readings.get(code);
        if (list) list.push(syllable);
        else this.readings.set(code, [syllable]);
      }
    }
    const c = this.codes;
    let used = 0;
    for (let e = 0; e < n; e++) {
      const [c0, c1, c2, c3] = [c[e * 4], c[e * 4 + 1], c[e * 4 + 2], c[e * 4 + 3]];
      const [h0, h1, h2, h3] = [charHash(c0), charHash(c1), charHash(c2), charHash(c3)];
      const add = (k: number, m: number) => {
        if (k < 4) {
          const b1 = bit1(m);
          const b2 = bit2(m);
          this.keys[b1 >> 3] |= 1 << (b1 & 7);
          this.keys[b2 >> 3] |= 1 << (b2 & 7);
        }
        const h = m & TABLE_MASK;
        this.slot[used] = e * 8 + k;
        this.next[used] = this.head[h];
        this.head[h] = used++;
      };
      add(4, keyOf(4, h0, h1, h2, h3));
      for (let k = 0; k < 3; k++) {
        if (c[e * 4 + k] !== c[e * 4 + k + 1]) continue;
        const key = doubledKey(k, c0, c1, c2, c3);
        const list = this.doubled.get(key);
        if (list) list.push(e);
        else this.doubled.set(key, [e]);
      }
      // a rare entry made of two ordinary words (婚姻关系, 立体仓库) is known, but no window is corrected to it
      if (d.rank.charCodeAt(e) === 49 && this.isWord(c0, c1) && this.isWord(c2, c3)) continue;
      const hb = pairBit(h0, h1);
      this.heads[hb >> 3] |= 1 << (hb & 7);
      const tb = pairBit(h2, h3);
      this.tails[tb >> 3] |= 1 << (tb & 7);
      for (let k = 0; k < 4; k++) {
        const ch = c[e * 4 + k];
        if (ch < 0x4e00 || ch > 0x9fff) continue;
        const raw = rawKey(k, h0, h1, h2, h3);
        for (let j = 0; j < 4; j++) {
          const fid = this.fuzzy[(ch - 0x4e00) * 4 + j];
          if (!fid) break;
          add(k, soundKey(raw, fid));
        }
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
    const m = mixed4(4, c0, c1, c2, c3);
    const c = this.codes;
    for (let s = this.head[m & TABLE_MASK]; s !== -1; s = this.next[s]) {
      const v = this.slot[s];
      if ((v & 7) !== 4) continue;
      const e = v >> 3;
      if (c[e * 4] === c0 && c[e * 4 + 1] === c1 && c[e * 4 + 2] === c2 && c[e * 4 + 3] === c3) return e;
    }
    return -1;
  }

  /**
   * Entries equal to c0c1c2c3 except at position k (and different there), written to out from n on; returns
   * the new count. `key` is the window's key for k with one sound of its character there (scan's lastKeys).
   */
  differingAt(k: number, c0: number, c1: number, c2: number, c3: number, out: Int32Array, n: number, key: number): number {
    if (!this.mayHave(key)) return n;
    const c = this.codes;
    for (let s = this.head[key & TABLE_MASK]; s !== -1 && n < out.length; s = this.next[s]) {
      const v = this.slot[s];
      if ((v & 7) !== k) continue;
      const b = (v >> 3) * 4;
      if ((k === 0 || c[b] === c0) && (k === 1 || c[b + 1] === c1) && (k === 2 || c[b + 2] === c2) && (k === 3 || c[b + 3] === c3)) {
        const mine = k === 0 ? c0 : k === 1 ? c1 : k === 2 ? c2 : c3;
        if (c[b + k] !== mine) out[n++] = v >> 3;
      }
    }
    return n;
  }

  /** Whether a target entry may have this masked key (false: certainly not). */
  private mayHave(key: number): boolean {
    const b1 = bit1(key);
    const b2 = bit2(key);
    return (this.keys[b1 >> 3] & (1 << (b1 & 7))) !== 0 && (this.keys[b2 >> 3] & (1 << (b2 & 7))) !== 0;
  }

  /** The keys of the window scan last visited: masked position k, sound j at k × 2 + j. */
  readonly lastKeys = new Int32Array(8);

  /**
   * Every window of four Han characters in text[from, to) (within a run of Han characters) for which an
   * entry may differ from it at one position k by a character of the same (fuzzy) sound, by the key filter;
   * `visit(start, mask)` gets bit k × 2 + j of `mask` for position k and the j-th sound of the window's
   * character there (its key in lastKeys), or mask 0 for a window holding a doubled pair. Allocates nothing.
   */
  scan(text: string, from: number, to: number, visit: (start: number, mask: number) => void): void {
    const keys = this.keys;
    const heads = this.heads;
    const tails = this.tails;
    const fz = this.fuzzy;
    const lk = this.lastKeys;
    // whether a target has the key raw ^ sound (both Bloom bits), remembering it for visit
    const probe = (raw: number, fid: number, slot: number): number => {
      let x = raw ^ Math.imul(fid, 0x27d4eb2d);
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
      x = (x ^ (x >>> 13)) >>> 0;
      const b1 = (x >>> 9) & KEY_FILTER_MASK;
      if ((keys[b1 >> 3] & (1 << (b1 & 7))) === 0) return 0;
      const b2 = (Math.imul(x, 0x2c1b3c6d) >>> 9) & KEY_FILTER_MASK;
      if ((keys[b2 >> 3] & (1 << (b2 & 7))) === 0) return 0;
      lk[slot] = x;
      return 1 << slot;
    };
    let run = 0;
    // the window's characters, their hashes and sounds (first and second), oldest first
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    let h0 = 0, h1 = 0, h2 = 0, h3 = 0;
    let f0 = 0, f1 = 0, f2 = 0, f3 = 0;
    let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x4e00 || c > 0x9fff) {
        run = 0;
        continue;
      }
      c0 = c1; c1 = c2; c2 = c3; c3 = c;
      h0 = h1; h1 = h2; h2 = h3; h3 = Math.imul(c, 0x9e3779b1);
      const at = (c - 0x4e00) * 4;
      f0 = f1; f1 = f2; f2 = f3; f3 = fz[at];
      g0 = g1; g1 = g2; g2 = g3; g3 = fz[at + 1];
      if (++run < 4) continue;
      const r1 = (h1 << 8) | (h1 >>> 24);
      const r2 = (h2 << 16) | (h2 >>> 16);
      const r3 = (h3 << 24) | (h3 >>> 8);
      // rawKey(k, …) for each k, from the rotations computed once
      const raw0 = SEED[0] ^ r1 ^ r2 ^ r3;
      const raw1 = SEED[1] ^ h0 ^ r2 ^ r3;
      const raw2 = SEED[2] ^ h0 ^ r1 ^ r3;
      const raw3 = SEED[3] ^ h0 ^ r1 ^ r2;
      let mask = 0;
      // a change at 0 or 1 keeps the last two characters, at 2 or 3 the first two: check those first
      const tb = pairBit(h2, h3);
      if (tails[tb >> 3] & (1 << (tb & 7))) {
        if (f0) mask |= probe(raw0, f0, 0);
        if (g0) mask |= probe(raw0, g0, 1);
        if (f1) mask |= probe(raw1, f1, 2);
        if (g1) mask |= probe(raw1, g1, 3);
      }
      const hb = pairBit(h0, h1);
      if (heads[hb >> 3] & (1 << (hb & 7))) {
        if (f2) mask |= probe(raw2, f2, 4);
        if (g2) mask |= probe(raw2, g2, 5);
        if (f3) mask |= probe(raw3, f3, 6);
        if (g3) mask |= probe(raw3, g3, 7);
      }
      if (mask || c0 === c1 || c1 === c2 || c2 === c3) visit(i - 3, mask);
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

  /** Whether two characters share a reading once zh/z, ch/c, sh/s, n/l and -ng/-n are not told apart. */
  nearHomophones(a: number, b: number): boolean {
    return this.share(this.fuzzy, a, b);
  }

  /** Whether two characters share a reading, tones aside (by syllable ids: no allocation). */
  homophones(a: number, b: number): boolean {
    return this.share(this.syllables, a, b);
  }

  private share(ids: Uint16Array, a: number, b: number): boolean {
    if (a < 0x4e00 || a > 0x9fff || b < 0x4e00 || b > 0x9fff) return false;
    const ia = (a - 0x4e00) * 4;
    const ib = (b - 0x4e00) * 4;
    for (let i = 0; i < 4 && ids[ia + i]; i++) for (let j = 0; j < 4 && ids[ib + j]; j++) if (ids[ia + i] === ids[ib + j]) return true;
    return false;
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
