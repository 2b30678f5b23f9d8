import type { Finding, Rule } from '../types';
import { placeholderMatches } from './placeholder-match';
import { Zone, type ReportDocument } from '../document';
import { isCJKAt } from '../chars';

/**
 * A lone * or ＊ standing for a name or a number: *街道, 全年*次, *-*月. Not Markdown emphasis (*重点*,
 * **加粗**), a bullet (* 一项), a product (3*4) or a footnote mark after a word at the end of a line.
 */
function starBlanks(doc: ReportDocument): Finding[] {
  const text = doc.text;
  const out: Finding[] = [];
  const han = (at: number) => at >= 0 && at < text.length && isCJKAt(text, at);
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const s = doc.lines.lineStarts[line];
    const t = doc.lineText(line);
    if (t.indexOf('*') === -1 && t.indexOf('＊') === -1) continue;
    // stars in pairs around a word are emphasis: leave every star of such a pair alone
    const paired = new Set<number>();
    for (const m of t.matchAll(/(\*{1,3}|＊)(?![\s*＊])([^*＊\n]{1,40}?)(?<![\s*＊])\1(?![*＊])/g)) {
      if (/^[-—~～至到]+$/.test(m[2])) continue; // *-*: two blanks around a range mark
      // in plain text a short pair is two blanks (*街道*社区); Markdown always means emphasis
      if (doc.language !== 'markdown' && m[1].length === 1 && m[2].length < 3) continue;
      for (let k = 0; k < m[0].length; k++) paired.add(m.index! + k);
    }
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if ((ch !== '*' && ch !== '＊') || paired.has(i)) continue;
      if (t[i + 1] === '*' || t[i - 1] === '*') continue; // ** or a longer run: Markdown
      const at = s + i;
      if (doc.inZone(at, Zone.Code | Zone.Url)) continue;
      const before = t[i - 1] ?? '';
      const after = t[i + 1] ?? '';
      if (/[0-9A-Za-z]/.test(before) && /[0-9A-Za-z]/.test(after)) continue; // 3*4, a*b
      if (/^\s*$/.test(t.slice(0, i)) && /\s/.test(after)) continue; // a bullet
      const rangeNext = /[-—~～至到]/.test(after) || /[-—~～至到]/.test(before);
      if (!(han(at + 1) || han(at - 1) || rangeNext)) continue;
      if (!han(at + 1) && !rangeNext && /[。！？.!?]?$/.test(t.slice(i + 1).trim())  && !t.slice(i + 1).trim()) continue; // 重点*: a note mark at the end
      out.push({ start: at, end: at + 1, message: `占位符“${ch}”尚未填写，请补充实际内容。`, data: { placeholder: ch } });
    }
  }
  return out;
}

/** P3/P4: blanks written with crosses, circles or squares: ××乡, ○○村, □□亿元. */
export const placeholderSymbol: Rule = {
  meta: {
    id: 'placeholder/symbol',
    name: '占位符“××”“○○”检查',
    en: 'Template placeholder (××, ○○, □□) left unfilled',
    category: 'placeholder',
    severity: 'error',
    description: '用“××”“○○”“□□”或单个“*”表示的占位符尚未填写。',
    scope: 'line',
    fixable: false,
    details: '两个或更多连续的 ×（U+00D7）、○（U+25CB）或 □（U+25A1）是模板空白；紧挨汉字的单个 * 或 ＊ 也是（*街道、全年*次、*-*月）。单个 × 用于乘号（3×4米），〇（U+3007）是数字（二〇二三年），成对的 * 是强调（Markdown 中的 *重点*、**加粗**；纯文本中括起三个字以上的 *重点工作*），行首的“* ”是列表，数字之间的 * 是乘号（3*4），都不报告。',
    examples: { bad: ['××乡', '×××同志', '○○村', '□□亿元', '*街道*社区', '全年召开*次', '*-*月'], good: ['3×4米', '二〇二三年', '○ 已完成', '这是*重点工作*', '**加粗**', '* 第一项', '面积3*4米'] },
  },
  check(doc) {
    const found = placeholderMatches(doc, /×{2,}|○{2,}|□{2,}/g, Zone.Code, (p) => `占位符“${p}”尚未填写，请补充实际内容。`);
    const stars = starBlanks(doc);
    return stars.length ? [...found, ...stars].sort((a, b) => a.start - b.start) : found;
  },
};
