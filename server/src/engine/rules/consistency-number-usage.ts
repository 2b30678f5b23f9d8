import type { Finding, Rule, RuleCheck } from '../types';
import { splitRule } from '../split-rule';
import { Zone } from '../document';

/** Two-digit years (23年底), when the report's year tells the century: line by line. */
const shortYears: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const skip = Zone.Url | Zone.Code | Zone.Book;
  // two-digit years, when the report's year tells the century
  const year = doc.reportYear;
  if (year) {
    const re = /(?<![0-9０-９.,])([0-9]{2})年(?=[0-9]{1,2}月|底|初|上半年|下半年|度|末)/g;
    for (let m; (m = re.exec(text)); ) {
      if (doc.touchesZone(m.index, m.index + 3, skip)) continue;
      let full = Math.floor(year / 100) * 100 + Number(m[1]);
      if (full > year + 1) full -= 100;
      out.push({
        start: m.index,
        end: m.index + 2,
        message: `年份不宜简写：“${m[1]}年”应写作“${full}年”。`,
        fixes: [{ title: `改为“${full}”`, edits: [{ start: m.index, end: m.index + 2, newText: String(full) }], preferred: true, safe: true }],
      });
    }
  }
  return out;
};

/** Range marks, thousands separators, 百分之 against %: the document's majority decides. */
const minorityForms: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const skip = Zone.Url | Zone.Code | Zone.Book;
  // minority forms among alternatives
  const minority = (kinds: { kind: string; start: number; end: number; fix?: string }[], describe: (k: string, major: string) => string) => {
    const counts = new Map<string, number>();
    for (const k of kinds) counts.set(k.kind, (counts.get(k.kind) ?? 0) + 1);
    if (counts.size < 2) return;
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    if (sorted[0][1] === sorted[1][1]) return; // a tie: no majority to follow
    const major = sorted[0][0];
    for (const k of kinds) {
      if (k.kind === major) continue;
      out.push({ start: k.start, end: k.end, message: describe(k.kind, major), fixes: k.fix !== undefined ? [{ title: `改为“${k.fix}”`, edits: [{ start: k.start, end: k.end, newText: k.fix }], preferred: true }] : undefined });
    }
  };
  // each only where two forms are written somewhere: most reports use one, and are not scanned
  const ranges: { kind: string; start: number; end: number }[] = [];
  const has = (...marks: string[]) => marks.some((mark) => text.indexOf(mark) !== -1);
  const rangeForms = [has('～', '~'), has('—', '－'), has('至')].filter(Boolean).length;
  const rangeRe = /(?<=[0-9])(～|~|—|－|至)(?=[0-9])/g;
  for (let m; rangeForms > 1 && (m = rangeRe.exec(text)); ) {
    if (doc.inZone(m.index, skip)) continue;
    ranges.push({ kind: m[1] === '~' ? '～' : m[1] === '－' ? '—' : m[1], start: m.index, end: m.index + 1 });
  }
  minority(ranges.map((r) => ({ ...r })), (k, major) => `数值范围的写法不一致：本文多用“${major}”，这里是“${k}”。`);
  const thousands: { kind: string; start: number; end: number }[] = [];
  const numRe = /(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,})(?![0-9])(?:\.[0-9]+)?(?=\s*(?:元|万|亿|人|户|个|件|次|吨|公里|平方米|亩))/g;
  const separated = /[0-9],[0-9]{3}/.test(text);
  for (let m; separated && (m = numRe.exec(text)); ) {
    if (doc.touchesZone(m.index, m.index + m[1].length, skip)) continue;
    if (/^(19|20)[0-9]{2}$/.test(m[1])) continue; // a year
    thousands.push({ kind: m[1].includes(',') ? '带千分位' : '不带千分位', start: m.index, end: m.index + m[1].length });
  }
  minority(thousands, (k, major) => `千分位写法不一致：本文多为${major}的写法，这里${k}。`);
  const percents: { kind: string; start: number; end: number }[] = [];
  const pctRe = /百分之[零一二三四五六七八九十百点]+|[0-9]+(?:\.[0-9]+)?[%％]/g;
  const bothPercents = text.indexOf('百分之') !== -1 && /[0-9][%％]/.test(text);
  for (let m; bothPercents && (m = pctRe.exec(text)); ) {
    if (doc.touchesZone(m.index, m.index + m[0].length, skip)) continue;
    percents.push({ kind: m[0].startsWith('百分之') ? '百分之' : '%', start: m.index, end: m.index + m[0].length });
  }
  minority(percents, (k, major) => `百分数写法不一致：本文多用“${major === '%' ? '数字加%' : '百分之……'}”，这里是“${k === '%' ? '数字加%' : '百分之……'}”。`);
  return out.sort((a, b) => a.start - b.start);
};

/** GB/T 15835-2011: full years, one range mark, one thousands style, 百分之 or %, not both. */
export const consistencyNumberUsage: Rule = splitRule(
  {
    id: 'consistency/number-usage',
    name: '数字用法检查',
    en: 'Number usage inconsistent (GB/T 15835)',
    category: 'consistency',
    severity: 'warning',
    description: '数字用法不规范或不一致：年份简写、范围号混用、千分位混用、“百分之”与“%”混用。',
    fixable: true,
    details:
      '依据 GB/T 15835-2011《出版物上数字用法》：年份不简写（报告年份已知时，“23年底”建议改为“2023年底”）；同一文档中数值范围统一用“～”“—”“至”中的一种；' +
      '四位以上的数统一写或不写千分位逗号；“百分之五十”与“50%”不混用。都报告少数的写法。十四五、三会一课、一岗双责、第一书记等汉字数字的固定用法不检查。',
    examples: { bad: ['23年底', '3～5天……5至8天……6～9天', '1,200元……3500元……4800元', '百分之五十……30%……45%'], good: ['2023年底', '从教30年', '“十四五”规划'] },
  },
  shortYears,
  minorityForms,
);
