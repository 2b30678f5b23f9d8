import type { Finding, Rule } from '../types';
import { Zone, type ReportDocument } from '../document';
import { lexicon, type Lexicon } from '../lexicon';
import { phraseHits } from '../phrases';

// Numerals: 一/亿, 十/实 sound alike, and numbers are not idioms to be corrected (党的二十届三中全会).
const NUMERALS = new Set([...'零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟']);
// Grammatical characters belong to the words around a window as often as to the window: not at its edge.
const FUNCTION_CHARS = new Set([...'的地得了着过是在和与及或而之其也都就还又把被将对从向以为乃即便个这那每各该本此']);
// Particles are grammar, not a character of an idiom: never the slip this rule looks for (好的解决 is not
// 好地解决), nor what it is corrected to (地 and 得 stay possible: 脚踏实地, 得心应手).
const PARTICLES = new Set([...'的地得了着过吗呢吧啊']);
const PARTICLE_TARGETS = new Set([...'的了着过吗呢吧啊']);
// A person's name comes after these on the same line (述职人：赵明远): names are not idioms.
const NAME_LABEL = /(?:述职人|报告人|姓名|署名|作者|发言人|主持人|联系人)[:：]\s*$/;


interface Hit {
  start: number;
  targets: string[];
  /** The position in the window of the character that differs (the first of a doubled pair). */
  at: number;
  pair: boolean;
  reading: string;
}

/**
 * Four-character windows of Han characters that are not an entry of the lexicon but differ from one in a
 * single character of the same reading (tones aside), or in a doubled pair (竞竞 for 兢兢).
 */
function homophoneHits(doc: ReportDocument, lex: Lexicon): Hit[] {
  const text = doc.text;
  const out: Hit[] = [];
  const buffer = new Int32Array(64);
  lex.scan(text, 0, text.length, (s, mask) => {
    const c0 = text.charCodeAt(s);
    const c1 = text.charCodeAt(s + 1);
    const c2 = text.charCodeAt(s + 2);
    const c3 = text.charCodeAt(s + 3);
    // most windows visited are entries themselves (an idiom written right): nothing more to look at
    if (lex.find(c0, c1, c2, c3) !== -1) return;
    let n = 0;
    const keys = lex.lastKeys;
    for (let b = 0; b < 8; b++) if (mask & (1 << b)) n = lex.differingAt(b >> 1, c0, c1, c2, c3, buffer, n, keys[b] >>> 0);
    if (n > 1) {
      // an entry found under two sounds of a polyphone once only
      const seen = new Set(buffer.subarray(0, n));
      if (seen.size < n) {
        n = 0;
        for (const e of seen) buffer[n++] = e;
      }
    }
    const pairs = (c0 === c1 ? 1 : 0) | (c1 === c2 ? 2 : 0) | (c2 === c3 ? 4 : 0);
    if (!n && !pairs) return;
    // most look-alikes differ by a character of another sound: drop them before anything else
    let sound = false;
    for (let i = 0; i < n && !sound; i++) {
      const e = buffer[i];
      const b = e * 4;
      const k = lex.codes[b] !== c0 ? 0 : lex.codes[b + 1] !== c1 ? 1 : lex.codes[b + 2] !== c2 ? 2 : 3;
      const wrong = k === 0 ? c0 : k === 1 ? c1 : k === 2 ? c2 : c3;
      sound = lex.homophones(wrong, lex.codes[b + k]) || (lex.isCommon(e) && lex.nearHomophones(wrong, lex.codes[b + k]));
    }
    if (!sound && !pairs) return;
    const hit = judge(doc, lex, s, [c0, c1, c2, c3], Array.from(buffer.subarray(0, n)), pairs);
    if (hit) out.push(hit);
  });
  return out;
}

function judge(doc: ReportDocument, lex: Lexicon, s: number, w: number[], found: number[], pairs: number): Hit | undefined {
  // the window straddles a word of the text (依法制|国家级): its edge belongs to the neighbouring word
  const text = doc.text;
  if (s + 4 < text.length && lex.isWord(w[3], text.charCodeAt(s + 4))) return undefined;
  if (s > 0 && lex.isWord(text.charCodeAt(s - 1), w[0])) return undefined;
  // or a word of three characters does (在县|教育局, 党支|部书记)
  const code = (i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);
  if (lex.isWord3(w[2], w[3], code(s + 4)) || lex.isWord3(w[3], code(s + 4), code(s + 5))) return undefined;
  if (lex.isWord3(code(s - 1), w[0], w[1]) || lex.isWord3(code(s - 2), code(s - 1), w[0])) return undefined;
  // both halves are ordinary words (磨炼意志, 社会主意): the writer may mean them, unless the expression is a common one
  const halves = lex.isWord(w[0], w[1]) && lex.isWord(w[2], w[3]);
  const targets: string[] = [];
  const common: string[] = [];
  let at = -1;
  let reading = '';
  let pair = false;
  for (const e of found) {
    const t = lex.codes;
    let k = 0;
    while (t[e * 4 + k] === w[k]) k++;
    const right = t[e * 4 + k];
    const wrong = w[k];
    if (NUMERALS.has(String.fromCharCode(wrong)) || NUMERALS.has(String.fromCharCode(right))) continue;
    if (PARTICLES.has(String.fromCharCode(wrong)) || PARTICLE_TARGETS.has(String.fromCharCode(right))) continue;
    if ((k === 0 || k === 3) && (FUNCTION_CHARS.has(String.fromCharCode(wrong)) || (FUNCTION_CHARS.has(String.fromCharCode(right)) && !lex.isCommon(e)))) continue;
    const same = lex.sharedReading(wrong, right);
    // a near reading (zh/z, n/l, -ng/-n) only for a common expression, and for two ordinary words only
    // when the expression is one of the catalogues' own (纪律意思 for 纪律意识)
    const near = same ? undefined : lex.isCommon(e) && (!halves || lex.isCatalogued(e)) ? lex.nearReading(wrong, right) : undefined;
    if (!same && !near) continue;
    if (halves && !lex.isCommon(e)) continue;
    // the half with the changed character is a word as written (依法|治税) and the entry is a rare one: keep the word
    if (!lex.isCommon(e) && (k < 2 ? lex.isWord(w[0], w[1]) : lex.isWord(w[2], w[3]))) continue;
    if (lex.isCommon(e)) common.push(lex.entry(e));
    targets.push(lex.entry(e));
    at = k;
    reading = (same ?? near)!;
  }
  // a common expression among them is the one meant (实事求是 beside the rare 实事求实)
  if (common.length && common.length < targets.length) targets.splice(0, targets.length, ...common);
  for (let pairAt = 0; pairAt < 3 && !targets.length; pairAt++) {
    if (!(pairs & (1 << pairAt))) continue;
    for (const e of lex.differingPairAt(pairAt, w[0], w[1], w[2], w[3])) {
      const right = lex.codes[e * 4 + pairAt];
      if (right === w[pairAt] || NUMERALS.has(String.fromCharCode(w[pairAt]))) continue;
      const same = lex.sharedReading(w[pairAt], right);
      if (!same) continue;
      targets.push(lex.entry(e));
      at = pairAt;
      reading = same;
      pair = true;
    }
  }
  if (!targets.length) return undefined;
  // several entries differ from the window at the same place (以法治税, 已法治税 for 依法治税): the window is
  // one more form of a family of phrases, not a slip from one of them
  if (!pair && new Set(targets.map((t) => t[at])).size > 1) return undefined;
  if (doc.touchesZone(s, s + 4, Zone.Quote | Zone.Book | Zone.Code | Zone.Url)) return undefined;
  const lineStart = doc.lines.lineStarts[doc.lines.lineAt(s)];
  if (NAME_LABEL.test(doc.text.slice(Math.max(lineStart, s - 12), s)) || NAME_LABEL.test(doc.text.slice(Math.max(lineStart, s - 14), s - 1)) || NAME_LABEL.test(doc.text.slice(Math.max(lineStart, s - 15), s - 2))) return undefined;
  return { start: s, targets: [...new Set(targets)], at, pair, reading };
}

/** Wrong characters in idioms and fixed expressions found without a list entry: a homophone of the right one. */
export const typoHomophone: Rule = {
  meta: {
    id: 'typo/homophone',
    name: '同音错字检查',
    en: 'Homophone in an idiom or fixed expression',
    category: 'typo',
    severity: 'warning',
    description: '成语、固定词语中的同音错字（不依赖错词表，按词典和读音发现）。',
    scope: 'line',
    fixable: true,
    details:
      `按内置词典（约 ${Math.round(lexicon().size / 1000) * 1000} 个四字成语和固定词语，含本扩展词条的全部正确写法）检查：连续四个汉字不是词典中的词，` +
      '却与某个词只差一个字，且这两个字读音相同（不计声调；常用固定词语也认 zh/z、ch/c、sh/s、n/l、前后鼻音之差），就提示可能写错，' +
      '如“言简意骇”应为“言简意赅”、“励兵秣马”应为“厉兵秣马”、“竞竞业业”应为“兢兢业业”。' +
      '不报告：两半都是常用词的组合（磨炼意志、工作重点），边上的字与相邻的字组成词（依法制|国家级），数字（一立方米），助词在边上的组合（的二十届），引号、书名号中的文字，署名中的人名。' +
      '修复为“改为…”，因是推断，不自动修复（不随“全部修复”和 --fix 应用）。与错词表（typo/fixed-phrase）重复的不再报告；在 phrases.disable 中关闭的写法也不报告。',
    examples: {
      bad: ['工作中兢兢业业，言简意骇', '同志们要励精图志', '各项工作稳中求进、持之以衡'],
      good: ['言简意赅', '磨炼意志', '党的二十届三中全会', '述职人：王立新', '他说“一鼓作气”'],
    },
  },
  check(doc, ctx) {
    const lex = lexicon();
    const hits = homophoneHits(doc, lex);
    if (!hits.length) return [];
    hits.sort((a, b) => a.start - b.start); // the scan's order already, made sure of
    // the catalogue's own entries are reported by typo/fixed-phrase and the phrasing rules
    const listed = phraseHits(doc, ctx.options)
      .filter((p) => ctx.options.severities.get(p.entry.category) !== 'off')
      .sort((a, b) => a.start - b.start);
    // a sweep over the listed spans (the hits come in order, each 4 long): the furthest end of those starting before a hit's end
    let next = 0;
    let furthest = -1;
    const disabled = ctx.options.disabledPhrases;
    const out: Finding[] = [];
    let lastEnd = -1;
    for (const h of hits) {
      const end = h.start + 4;
      if (h.start < lastEnd) continue; // one finding for overlapping windows
      while (next < listed.length && listed[next].start < end) furthest = Math.max(furthest, listed[next++].end);
      if (furthest > h.start) continue;
      const wrongChar = doc.text[h.start + h.at];
      const rightChars = [...new Set(h.targets.map((t) => t[h.at]))];
      const written = doc.text.slice(h.start, end);
      if (disabled.size && [...disabled].some((d) => d.includes(written) || written.includes(d))) continue; // the user accepts this form
      out.push({
        start: h.start,
        end,
        message:
          `“${written}”疑为“${h.targets.join('”或“')}”之误：` +
          `“${h.pair ? wrongChar + wrongChar : wrongChar}”与“${rightChars.map((c) => (h.pair ? c + c : c)).join('”“')}”读音相近（${h.reading}）。`,
        fixes: h.targets.map((t) => ({ title: `改为“${t}”`, edits: [{ start: h.start, end, newText: t }], preferred: h.targets.length === 1, safe: false })),
      });
      lastEnd = end;
    }
    return out;
  },
};
