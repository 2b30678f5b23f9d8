import type { Finding, Rule } from '../types';
import { Zone, type ReportDocument } from '../document';
import { ORDERED_SETS, BUILTIN_ENTRIES, phraseHits, rightForms } from '../phrases';
import { registerPatterns, sharedMatches } from '../shared-scan';
import formulations from '../phrases/formulations.json';
import { lexicon } from '../lexicon';

/**
 * The canonical formulations: the right forms of the political catalogue, the members of its ordered sets
 * and the standard formulations of formulations.json, five characters or longer.
 */
export const CANONICAL: readonly string[] = [
  ...new Set(
    [
      ...BUILTIN_ENTRIES.filter((e) => e.category === 'phrasing/political').flatMap(rightForms),
      ...ORDERED_SETS.flatMap((s) => s.members),
      ...(formulations as { formulations: string[] }).formulations,
    ].filter((c) => c.length >= 5),
  ),
];
const KNOWN = new Set(CANONICAL);

// each canonical form is found by its left half or its right half: one slip leaves one of them intact
interface Anchor {
  canon: number;
  left: boolean;
}
const ANCHOR_TEXT: string[] = [];
const ANCHORS: Anchor[][] = [];
{
  const byText = new Map<string, number>();
  CANONICAL.forEach((c, canon) => {
    const h = Math.floor(c.length / 2);
    for (const [part, left] of [[c.slice(0, h), true], [c.slice(h), false]] as const) {
      let i = byText.get(part);
      if (i === undefined) {
        byText.set(part, (i = ANCHOR_TEXT.length));
        ANCHOR_TEXT.push(part);
        ANCHORS.push([]);
      }
      ANCHORS[i].push({ canon, left });
    }
  });
}
/** The cheap look of `candidates` at an anchor match: the far end of one of its canonical forms in place. */
function farEndInPlace(text: string, start: number, end: number, anchor: number): boolean {
  for (const a of ANCHORS[anchor]) {
    const c = CANONICAL[a.canon];
    const L = c.length;
    if (a.left) {
      const last = c.charCodeAt(L - 1);
      if (text.charCodeAt(start + L - 1) === last || text.charCodeAt(start + L - 2) === last || text.charCodeAt(start + L) === last ||
        text.charCodeAt(start + L - 3) === last || text.charCodeAt(start + L - 2) === c.charCodeAt(L - 2)) return true;
    } else {
      const first = c.charCodeAt(0);
      if (text.charCodeAt(end - L) === first || text.charCodeAt(end - L + 1) === first || text.charCodeAt(end - L - 1) === first ||
        text.charCodeAt(end - L + 2) === first || text.charCodeAt(end - L + 1) === c.charCodeAt(1)) return true;
    }
  }
  return false;
}
// kept only where some canonical form may stand around the anchor
registerPatterns('formulation-anchors', ANCHOR_TEXT, (text, start, end, i) => farEndInPlace(text, start, end, i));

const CN_DIGIT = '零一二三四五六七八九';
const NUMERALS = new Set([...'零〇一二三四五六七八九十百千万亿两']);
const digitValue = (ch: string) => {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
};
// what may be inserted in a formulation without garbling it (落实全面从严治党的主体责任)
const HARMLESS_INSERT = new Set([...'的和与及、，,之地']);
const NATIONAL = new Set([...'国中党']);
const LOCAL = new Set([...'省市县区镇乡村校院企局所厂行司部委办队']);
const LIST_PUNCT = new Set([...'、，,']);
const isHan = (ch: string) => ch >= '\u4e00' && ch <= '\u9fff';

type Edit =
  | { kind: 'sub'; at: number; wrong: string; right: string }
  | { kind: 'del'; at: number; missing: string }
  | { kind: 'ins'; at: number; extra: string };

/** The one edit (a changed, missing, inserted character, or two missing side by side) that makes `w` into `c`. */
function oneEdit(w: string, c: string): Edit | undefined {
  let i = 0;
  while (i < w.length && i < c.length && w[i] === c[i]) i++;
  if (w.length === c.length) {
    if (i < w.length && w.slice(i + 1) === c.slice(i + 1)) return { kind: 'sub', at: i, wrong: w[i], right: c[i] };
  } else if (w.length === c.length - 1) {
    if (w.slice(i) === c.slice(i + 1)) return { kind: 'del', at: i, missing: c[i] };
  } else if (w.length === c.length - 2) {
    // two missing side by side only in the long fixed names, where no shorter form is in use
    if (c.length >= 12 && w.slice(i) === c.slice(i + 2)) return { kind: 'del', at: i, missing: c.slice(i, i + 2) };
  } else if (w.length === c.length + 1) {
    if (w.slice(i + 1) === c.slice(i)) return { kind: 'ins', at: i, extra: w[i] };
  }
  return undefined;
}

/** Whether the edit is a slip worth reporting, not another formulation or a rephrasing. */
function plausible(e: Edit, c: string, text: string, start: number, end: number): boolean {
  const L = c.length;
  // an edit near an end, where the window's end character makes a word with the one outside it
  // (中|共中央、国务院; 社会主义现代化国|家): the text says something else, it did not garble this
  const lex = lexicon();
  if (e.at <= 1 && start > 0 && lex.isWord(text.charCodeAt(start - 1), text.charCodeAt(start))) return false;
  if (e.at >= L - 2 && end < text.length && lex.isWord(text.charCodeAt(end - 1), text.charCodeAt(end))) return false;
  if (e.kind === 'sub') {
    if (L <= 6 && (e.at === 0 || e.at === L - 1)) return false;
    const dv = digitValue(e.wrong);
    if (dv >= 0) return CN_DIGIT[dv] === e.right; // 十九届6中全会
    if (NUMERALS.has(e.wrong) || NUMERALS.has(e.right)) return false; // 二十届二中全会 / 三中全会: both right
    if (LIST_PUNCT.has(e.wrong) && LIST_PUNCT.has(e.right)) return true; // “不忘初心，牢记使命”
    if (!isHan(e.wrong) || !isHan(e.right)) return false;
    // a national formulation made local (人才强国战略 → 人才强院战略, 教育强省): the unit's own version
    if (NATIONAL.has(e.right) && LOCAL.has(e.wrong)) return false;
    // the right character just outside: rephrased (全面从严管党治党), not a slip
    if (text.slice(Math.max(0, start - 2), start).includes(e.right) || text.slice(end, end + 2).includes(e.right)) return false;
    return true;
  }
  if (e.kind === 'del') {
    if (e.at + e.missing.length >= L) return false; // a shorter ending is another phrase
    if (e.at === 0 && L < 7) return false;
    if (L <= 6 && e.missing.length > 1) return false;
    if ([...e.missing].some((ch) => NUMERALS.has(ch))) return false;
    // “、”: only inside a line of text, never in a joint document's name (those are in 《》 and skipped)
    return true;
  }
  // an inserted character: never at either end, never a harmless particle; a doubled one always counts
  if (e.at === 0 || e.at >= L) return false;
  if (e.extra === c[e.at - 1] || e.extra === c[e.at]) return true;
  if (HARMLESS_INSERT.has(e.extra) || !isHan(e.extra) || NUMERALS.has(e.extra)) return false;
  return L >= 6;
}

interface Candidate {
  start: number;
  end: number;
  canon: string;
  edit: Edit;
}

function candidates(doc: ReportDocument): Candidate[] {
  const text = doc.text;
  const out: Candidate[] = [];
  // canonical forms written correctly: a look-alike inside one is part of it (中共中央、国务院 holds 共中央、国务院)
  const exact: { start: number; end: number }[] = [];
  for (const m of sharedMatches(doc, 'formulation-anchors')) {
    for (const a of ANCHORS[m.pattern]) {
      const c = CANONICAL[a.canon];
      const L = c.length;
      // where c would start if the anchor is in place
      if (a.left ? text.startsWith(c, m.start) : text.slice(m.end - L, m.end) === c) {
        exact.push(a.left ? { start: m.start, end: m.start + L } : { start: m.end - L, end: m.end });
        continue;
      }
      // a cheap look before any slicing: the far end of c must be in place for some alignment
      if (a.left) {
        const p = m.start;
        const last = c.charCodeAt(L - 1);
        if (text.charCodeAt(p + L - 1) !== last && text.charCodeAt(p + L - 2) !== last && text.charCodeAt(p + L) !== last &&
          text.charCodeAt(p + L - 3) !== last && text.charCodeAt(p + L - 2) !== c.charCodeAt(L - 2)) continue;
      } else {
        const e = m.end;
        const first = c.charCodeAt(0);
        if (text.charCodeAt(e - L) !== first && text.charCodeAt(e - L + 1) !== first && text.charCodeAt(e - L - 1) !== first &&
          text.charCodeAt(e - L + 2) !== first && text.charCodeAt(e - L + 1) !== c.charCodeAt(1)) continue;
      }
      for (let len = L - 2; len <= L + 1; len++) {
        const start = a.left ? m.start : m.end - len;
        const end = start + len;
        if (start < 0 || end > text.length) continue;
        const w = text.slice(start, end);
        if (w.includes('\n') || w.includes('\r') || KNOWN.has(w)) continue;
        const e = oneEdit(w, c);
        if (e && plausible(e, c, text, start, end)) out.push({ start, end, canon: c, edit: e });
      }
    }
  }
  return exact.length ? out.filter((f) => !exact.some((x) => x.start <= f.start && f.end <= x.end)) : out;
}

function describe(e: Edit): string {
  if (e.kind === 'sub') return `“${e.wrong}”应为“${e.right}”`;
  if (e.kind === 'del') return `少了“${e.missing}”`;
  return `多了“${e.extra}”`;
}

/** One-character slips in canonical political formulations, found without a catalogue entry for the slip. */
export const phrasingFormulationVariant: Rule = {
  meta: {
    id: 'phrasing/formulation-variant',
    name: '规范提法错漏字检查',
    en: 'Garbled standard formulation',
    category: 'phrasing',
    severity: 'error',
    description: '规范政治性提法中错一个字、漏一个字或多一个字（不依赖错词表）。',
    scope: 'line',
    fixable: true,
    details:
      `以 ${CANONICAL.length} 个规范提法（政治性提法词条的正确写法、固定并列提法的各项和常用规范表述，五个字以上）为准，` +
      '找出与其中某一个只差一个字的写法：改了一个字（中华民族伟大复习）、漏了一个字（长的固定名称漏两个相连的字也算，如习近平新时代中国特色主义思想）、多了一个字（习近平经济学思想）、' +
      '阿拉伯数字写的届次（十九届6中全会）。不报告：数字不同的另一个正式名称（二十届二中全会）、改写句式（全面从严管党治党）、本单位的提法（人才强院战略、教育强省）、' +
      '插入“的”“和”等虚词（落实全面从严治党的主体责任）、书名号中的文件名。修复为改回规范提法，因是推断，不自动修复。',
    examples: {
      bad: ['坚持以习近平新时代中国特色主义思想为指导', '实现中华民族伟大复习', '学习习近平经济学思想', '党的十九届6中全会'],
      good: ['习近平新时代中国特色社会主义思想', '党的二十届三中全会精神', '落实全面从严治党的主体责任', '推进全面从严管党治党'],
    },
  },
  check(doc, ctx) {
    const found = candidates(doc);
    if (!found.length) return [];
    const listed = phraseHits(doc, ctx.options).filter((p) => ctx.options.severities.get(p.entry.category) !== 'off');
    // prefer the longest canonical form, then the smallest change
    found.sort((a, b) => a.start - b.start || b.canon.length - a.canon.length || a.end - b.end);
    const out: Finding[] = [];
    let until = -1;
    for (const f of found) {
      if (f.start < until) continue;
      if (doc.touchesZone(f.start, f.end, Zone.Book | Zone.Code | Zone.Url)) continue;
      if (listed.some((p) => p.start < f.end && f.start < p.end)) continue;
      const written = doc.text.slice(f.start, f.end);
      if (ctx.options.disabledPhrases.has(written)) continue; // the user accepts this form
      out.push({
        start: f.start,
        end: f.end,
        message: `“${written}”疑为规范提法“${f.canon}”之误：${describe(f.edit)}。`,
        fixes: [{ title: `改为“${f.canon}”`, edits: [{ start: f.start, end: f.end, newText: f.canon }], preferred: true, safe: false }],
      });
      until = f.end;
    }
    return out;
  },
};
