/**
 * Where the text is not report prose: quotations, titles 《》, URLs, code. Kept as sorted lists of
 * spans (a few per line at most), not a byte per code unit: a 10 MB report needs kilobytes, and a new
 * version carries the lists over instead of copying megabytes.
 */

/** Lists: “…”, ‘…’ (both quotations), 《…》, URLs, code; and the zone bit of each. */
const BITS = [1, 1, 2, 4, 8];
export const LIST_COUNT = BITS.length;

export class ZoneMap {
  /** Per list, the spans as [start0, end0, start1, end1, …]: sorted, disjoint within a list. */
  constructor(readonly lists: Int32Array[]) {}

  /** The zone bits at `offset`. */
  at(offset: number): number {
    let bits = 0;
    for (let k = 0; k < LIST_COUNT; k++) if (!(bits & BITS[k]) && this.touchesList(k, offset, offset + 1)) bits |= BITS[k];
    return bits;
  }

  /** True if any code unit of [start, end) lies in a zone of `mask`. */
  touches(start: number, end: number, mask: number): boolean {
    if (end <= start) return false;
    for (let k = 0; k < LIST_COUNT; k++) if (BITS[k] & mask && this.touchesList(k, start, end)) return true;
    return false;
  }

  private touchesList(k: number, start: number, end: number): boolean {
    const a = this.lists[k];
    // the first span that ends after `start` (ends are sorted as starts are)
    let lo = 0;
    let hi = a.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[2 * mid + 1] > start) hi = mid;
      else lo = mid + 1;
    }
    return 2 * lo < a.length && a[2 * lo] < end;
  }
}

/** The index of the first span for which `after` holds (it holds for every span after it). */
function firstSpan(a: Int32Array, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = a.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Spans being collected, per list. */
export type ZoneSpans = number[][];

export function emptySpans(): ZoneSpans {
  return BITS.map(() => []);
}

export const QUOTE = 0;
export const SINGLE_QUOTE = 1;
export const BOOK = 2;
export const URL = 3;
export const CODE = 4;

/** Sorts and merges a list whose spans may overlap (code: fences, spans and comments found apart). */
export function normalize(spans: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

export function toZoneMap(spans: ZoneSpans): ZoneMap {
  return new ZoneMap(spans.map((list) => Int32Array.from(list)));
}

/**
 * The zones of a new version: the previous version's spans that end by `from` kept, `middle` (the
 * spans found in the changed lines) in between, and the spans from `resumeOld` on moved by `delta`.
 */
export function spliceZones(prev: ZoneMap, from: number, middle: ZoneSpans, resumeOld: number, delta: number): ZoneMap {
  return new ZoneMap(
    prev.lists.map((a, k) => {
      const keep = 2 * firstSpan(a, (i) => a[2 * i + 1] > from); // spans ending by `from`
      const tail = Math.max(keep, 2 * firstSpan(a, (i) => a[2 * i] >= resumeOld)); // spans starting from `resumeOld`
      const out = new Int32Array(keep + middle[k].length + (a.length - tail));
      out.set(a.subarray(0, keep));
      out.set(middle[k], keep);
      for (let i = tail, j = keep + middle[k].length; i < a.length; i++, j++) out[j] = a[i] + delta;
      return out;
    }),
  );
}
