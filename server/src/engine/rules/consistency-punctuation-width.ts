import type { Finding, Rule, RuleCheck } from '../types';
import { splitRule } from '../split-rule';
import type { ReportDocument } from '../document';
import { Zone } from '../document';
import { isCJKAt, isCJKPunct, isAsciiDigit } from '../chars';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** True if offset `i` is inside a heading's numbering marker (checked by the numbering rules). */
function inMarker(doc: ReportDocument, i: number): boolean {
  const h = doc.headingAtLine(doc.lines.lineAt(i));
  return !!h && i >= h.markerStart && i < h.markerEnd;
}

/** Half-width , ; : ? ! and ( ) " " next to Chinese: each depends on its line alone. */
const halfWidthMarks: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const skip = Zone.Url | Zone.Code;
  const chinese = (i: number) => i >= 0 && i < text.length && (isCJKAt(text, i) || isCJKPunct(text.charCodeAt(i)));
  const n = text.length;
  const isMark = (c: number) => c === 44 || c === 59 || c === 58 || c === 63 || c === 33;
  // a run of marks (!!!) is judged whole: next to Chinese at either end, every mark of it is (one pass of fix)
  let runEnd = -1;
  let runChinese = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isMark(c)) {
      // , ; : ? !
      if (i >= runEnd) {
        let j = i + 1;
        while (j < n && isMark(text.charCodeAt(j))) j++;
        runEnd = j;
        runChinese = j - i > 1 && (chinese(i - 1) || chinese(j));
      }
      if (doc.inZone(i, skip) || inMarker(doc, i)) continue;
      if (!(chinese(i - 1) || chinese(i + 1) || runChinese)) continue;
      if (isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1))) continue; // 9:30, 1,000
      const ch = text[i];
      const full = FULL[ch];
      out.push({
        start: i,
        end: i + 1,
        message: `中文里应使用全角“${full}”，这里是半角“${ch}”。`,
        fixes: [{ title: `改为“${full}”`, edits: [{ start: i, end: i + 1, newText: full }], preferred: true, safe: true }],
      });
    }
  }
  // ( … ) and " … " as pairs within a line
  const pairs = /\(([^()\r\n]{1,80})\)|"([^"\r\n]{1,80})"/g;
  for (let m; (text.indexOf('(') !== -1 || text.indexOf('"') !== -1) && (m = pairs.exec(text)); ) {
    const s = m.index;
    const e = s + m[0].length;
    if (doc.touchesZone(s, e, skip) || inMarker(doc, s)) continue;
    const inner = m[1] ?? m[2];
    const hasChinese = /[\u3400-\u9fff\uff01-\uff5e，。、；：？！“”]/.test(inner) || chinese(s - 1) || chinese(e);
    if (!hasChinese) continue;
    const isParen = m[0][0] === '(';
    const fixed = isParen ? `（${inner}）` : `“${inner}”`;
    out.push({
      start: s,
      end: e,
      message: isParen ? '中文里应使用全角括号“（）”。' : '中文里应使用弯引号“”。',
      fixes: [{ title: `改为“${fixed}”`, edits: [{ start: s, end: s + 1, newText: isParen ? '（' : '“' }, { start: e - 1, end: e, newText: isParen ? '）' : '”' }], preferred: true, safe: true }],
    });
  }
  return out.sort((a, b) => a.start - b.start);
};

/** ％ mixed with %, full-width digits mixed with half-width: the document's majority decides. */
const mixedWidths: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const skip = Zone.Url | Zone.Code;
  // each only where both forms are written somewhere: most reports use one, and are not scanned
  const percents: { at: number; full: boolean }[] = [];
  if (text.indexOf('％') !== -1 && text.indexOf('%') !== -1) {
    const re = /[%％]/g;
    for (let m; (m = re.exec(text)); ) if (!doc.inZone(m.index, skip)) percents.push({ at: m.index, full: m[0] === '％' });
  }
  const runs: { start: number; end: number; full: boolean }[] = [];
  if (/[０-９]/.test(text)) {
    const re = /[0-9]+|[０-９]+/g;
    for (let m; (m = re.exec(text)); ) {
      const i = m.index;
      const j = i + m[0].length;
      if (!doc.touchesZone(i, j, skip) && !inMarker(doc, i)) runs.push({ start: i, end: j, full: m[0].charCodeAt(0) >= 0xff10 });
    }
  }
  // ％ and % mixed: flag the minority, no finding on a tie
  const fullCount = percents.filter((p) => p.full).length;
  const halfCount = percents.length - fullCount;
  if (fullCount && halfCount && fullCount !== halfCount) {
    const minorityFull = fullCount < halfCount;
    const want = minorityFull ? '%' : '％';
    for (const p of percents.filter((x) => x.full === minorityFull)) {
      out.push({
        start: p.at,
        end: p.at + 1,
        message: `百分号写法不一致：本文多用“${want}”（${Math.max(fullCount, halfCount)} 处），这里是“${text[p.at]}”。`,
        fixes: [{ title: `改为“${want}”`, edits: [{ start: p.at, end: p.at + 1, newText: want }], preferred: true, safe: true }],
      });
    }
  }
  // full-width digit runs among half-width ones
  const fullRuns = runs.filter((r) => r.full);
  if (fullRuns.length && fullRuns.length < runs.length - fullRuns.length) {
    for (const r of fullRuns) {
      const half = text.slice(r.start, r.end).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      out.push({
        start: r.start,
        end: r.end,
        message: `数字宽度不一致：本文多用半角数字，这里是全角“${text.slice(r.start, r.end)}”。`,
        fixes: [{ title: `改为“${half}”`, edits: [{ start: r.start, end: r.end, newText: half }], preferred: true, safe: true }],
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
};

/** C2–C4: half-width punctuation in Chinese text, ％ mixed with %, full-width digits mixed with half-width. */
export const consistencyPunctuationWidth: Rule = splitRule(
  {
    id: 'consistency/punctuation-width',
    name: '全角半角检查',
    en: 'Half-width mark or mixed widths in Chinese text',
    category: 'consistency',
    severity: 'warning',
    description: '中文里用了半角标点，或同一文档中 ％ 与 %、全角与半角数字混用。',
    fixable: true,
    details:
      '半角的 , ; : ? ! ( ) " 紧挨汉字或中文标点时，应改为全角（，；：？！（）“”）。时间（9:30）、比例（1:500）、小数、千分位、网址、英文（Science, Cell）和标题序号（由序号规则检查）不报告。' +
      '同一文档中 ％ 与 % 都出现时，报告少数的一种并改为多数的写法；两者一样多时不报告。全角数字与半角数字混用时，报告少数的一种。',
    examples: { bad: ['具体如下:', '全年,我们', '落实;加强', '(暂行)', '"三农"', '增长5％……增长6%……增长7%'], good: ['9:30', '1:500', 'ISO 14001:2015', 'Science, Cell', '1,000元', '1.5亿元'] },
  },
  halfWidthMarks,
  mixedWidths,
);
