/**
 * Aho–Corasick over UTF-16 code units: built once per phrase set, then one pass over the text finds
 * every occurrence of every pattern, however many thousands there are.
 */
export interface Match {
  start: number;
  end: number;
  /** Index of the pattern in the array the matcher was built from. */
  pattern: number;
}

export class Matcher {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state (its own and, through failure links, its suffixes'). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];
  /** Transitions from the root, by code unit: the hot path of the scan (−1: none). */
  private readonly root = new Int32Array(65536).fill(-1);
  /**
   * Every other transition in one open-addressing table keyed by state × 65536 + code unit (a Map per
   * state is several times slower to probe); undefined beyond 32767 states, where the key would overflow.
   */
  private keys: Int32Array | undefined;
  private values: Int32Array | undefined;
  private shift = 0;

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => {
      if (!p) return;
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = this.goto[state].get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.goto[state].set(c, next);
        }
        state = next;
      }
      this.out[state].push(index);
    });
    for (const [c, st] of this.goto[0]) this.root[c] = st;
    if (this.goto.length < 32768) {
      let transitions = 0;
      for (let st = 1; st < this.goto.length; st++) transitions += this.goto[st].size;
      let bits = 4;
      while (1 << bits < 2 * transitions + 16) bits++;
      this.shift = 32 - bits;
      const keys = new Int32Array(1 << bits).fill(-1);
      const values = new Int32Array(1 << bits);
      const mask = (1 << bits) - 1;
      for (let st = 1; st < this.goto.length; st++) {
        for (const [c, next] of this.goto[st]) {
          const key = st * 65536 + c;
          let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
          while (keys[h] !== -1) h = (h + 1) & mask;
          keys[h] = key;
          values[h] = next;
        }
      }
      this.keys = keys;
      this.values = values;
    }
    // breadth-first: failure links and inherited outputs
    const queue: number[] = [];
    for (const s of this.goto[0].values()) queue.push(s);
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi];
      for (const [c, s] of this.goto[r]) {
        queue.push(s);
        let f = this.fail[r];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const g = this.goto[f].get(c);
        this.fail[s] = g !== undefined && g !== s ? g : 0;
        if (this.out[this.fail[s]].length) this.out[s] = this.out[s].concat(this.out[this.fail[s]]);
      }
    }
  }

  get size(): number {
    return this.lengths.length;
  }

  /** The state after `state` (not the root) reads `c`, or −1. */
  private step(state: number, c: number): number {
    const keys = this.keys;
    if (!keys) return this.goto[state].get(c) ?? -1;
    const key = state * 65536 + c;
    const mask = keys.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & mask) {
      const k = keys[h];
      if (k === key) return this.values![h];
      if (k === -1) return -1;
    }
  }

  /** Every occurrence of every pattern, in order of end offset. */
  findAll(text: string): Match[] {
    const found: Match[] = [];
    this.scan(text, (start, end, pattern) => {
      found.push({ start, end, pattern });
    });
    return found;
  }

  /** Calls `onMatch` for every occurrence of every pattern, in order of end offset (nothing is allocated per match). */
  scan(text: string, onMatch: (start: number, end: number, pattern: number) => void): void {
    let state = 0;
    const root = this.root;
    const lengths = this.lengths;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 0) {
        const r = root[c];
        if (r < 0) continue;
        state = r;
      } else {
        let next = this.step(state, c);
        while (next < 0 && state !== 0) {
          state = this.fail[state];
          next = state === 0 ? root[c] : this.step(state, c);
        }
        state = next < 0 ? 0 : next;
      }
      const outs = this.out[state];
      for (let k = 0; k < outs.length; k++) {
        const p = outs[k];
        onMatch(i + 1 - lengths[p], i + 1, p);
      }
    }
  }
}

/** Leftmost-longest selection of non-overlapping matches among those `accept` keeps. */
export function selectLongest(matches: Match[], accept: (m: Match) => boolean): Match[] {
  const sorted = matches.filter(accept).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let until = -1;
  for (const m of sorted) {
    if (m.start < until) continue;
    out.push(m);
    until = m.end;
  }
  return out;
}
