/**
 * URLs and e-mail addresses in a text, found in time proportional to the text: the spans that
 *   /\b(?:https?|ftp):\/\/[^\s　-〿＀-￯“”‘’《》<>"]+|\bwww\.[A-Za-z0-9-]+\.[^\s　-〿＀-￯“”《》<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g
 * matches, without running it: over a long run of letters that expression tries every start of an
 * address (quadratic). Here each `://`, `www.` and `@` is looked at from where it stands.
 */

const SCHEME_REST = /[^\s\u3000-\u303f\uff00-\uffef“”‘’《》<>"]+/y;
const WWW = /www\.[A-Za-z0-9-]+\.[^\s\u3000-\u303f\uff00-\uffef“”《》<>"]+/y;
const EMAIL_DOMAIN = /@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
// [A-Za-z0-9._%+-]
const isLocal = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;

interface Candidate {
  start: number;
  end: number;
  /** The alternative's place in the expression: at one start, the first that matches wins. */
  rank: number;
  /** For an address: its @ (the start may move right, up to it). */
  at?: number;
}

/** [start, end) pairs of every URL and address, in order, as the expression above finds them. */
export function findUrls(text: string): number[] {
  const out: number[] = [];
  let pos = 0; // where the expression would search from: the end of the last match
  // per alternative: the next occurrence of its mark not yet looked at (a mark found wanting stays so)
  const resume = [0, 0, 0];
  const next: (Candidate | null | undefined)[] = [undefined, undefined, undefined]; // undefined: to look for; null: none left
  const find = [
    (): Candidate | null => {
      // scheme://: the scheme before each ://, starting at a word boundary and after the last match
      for (let i = text.indexOf('://', resume[0]); i !== -1; i = text.indexOf('://', i + 1)) {
        resume[0] = i + 1;
        for (const scheme of ['https', 'http', 'ftp']) {
          const s = i - scheme.length;
          if (s < pos || text.slice(s, i) !== scheme || (s > 0 && isWord(text.charCodeAt(s - 1)))) continue;
          SCHEME_REST.lastIndex = i + 3;
          if (SCHEME_REST.exec(text)) return { start: s, end: SCHEME_REST.lastIndex, rank: 0 };
          break;
        }
      }
      return null;
    },
    (): Candidate | null => {
      for (let i = text.indexOf('www.', Math.max(resume[1], pos)); i !== -1; i = text.indexOf('www.', i + 1)) {
        resume[1] = i + 1;
        if (i > 0 && isWord(text.charCodeAt(i - 1))) continue;
        WWW.lastIndex = i;
        if (WWW.exec(text)) return { start: i, end: WWW.lastIndex, rank: 1 };
      }
      return null;
    },
    (): Candidate | null => {
      for (let i = text.indexOf('@', Math.max(resume[2], pos + 1)); i !== -1; i = text.indexOf('@', i + 1)) {
        resume[2] = i + 1;
        if (!isLocal(text.charCodeAt(i - 1))) continue;
        EMAIL_DOMAIN.lastIndex = i;
        if (!EMAIL_DOMAIN.exec(text)) continue;
        let s = i - 1;
        while (s > pos && isLocal(text.charCodeAt(s - 1))) s--;
        return { start: s, end: EMAIL_DOMAIN.lastIndex, rank: 2, at: i };
      }
      return null;
    },
  ];
  for (;;) {
    let best: Candidate | undefined;
    for (let k = 0; k < 3; k++) {
      let c = next[k];
      // a candidate the last match ran over: an address may still start after it (its local part cut short)
      if (c && c.start < pos) c = next[k] = c.at !== undefined && c.at > pos ? { ...c, start: pos } : undefined;
      if (c === undefined) c = next[k] = find[k]();
      if (c && (!best || c.start < best.start || (c.start === best.start && c.rank < best.rank))) best = c;
    }
    if (!best) return out;
    out.push(best.start, best.end);
    pos = best.end;
    for (let k = 0; k < 3; k++) if (next[k] === best) next[k] = undefined;
  }
}
