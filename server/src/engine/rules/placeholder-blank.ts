import type { Finding, Rule } from '../types';
import { Zone } from '../document';

const BEFORE_SHORT = /[\u4e00-\u9fff：:，,（(]/;
const AFTER_SHORT = /[\u4e00-\u9fff％%，,。；）)]/;

/** P8: fill-in lines: 共办理______件. */
export const placeholderBlank: Rule = {
  meta: {
    id: 'placeholder/blank',
    name: '下划线留空检查',
    en: 'Fill-in blank (____) left unfilled',
    category: 'placeholder',
    severity: 'error',
    description: '下划线留空（“____”，或汉字间的“_”）尚未填写。',
    scope: 'line',
    fixable: false,
    details: '三个或更多连续的下划线（_ 或 ＿），以及夹在汉字之间的一两个下划线（共办理_件），是待填写的空白。Markdown 中单独成行的分隔线（___）和网址、代码中的下划线不报告。',
    examples: { bad: ['共办理______件', '联系电话：＿＿＿＿', '全年共办理_件'], good: ['snake_case_name', '附件：report_2024_v2.docx'] },
  },
  check(doc) {
    const out: Finding[] = [];
    // three or more anywhere; one or two between Chinese characters (共办理_件)
    const text = doc.text;
    const runs: { start: number; end: number }[] = [];
    for (const ch of ['_', '＿']) {
      for (let i = text.indexOf(ch); i !== -1; ) {
        let j = i + 1;
        while (text[j] === ch) j++;
        if (j - i >= 3 || (BEFORE_SHORT.test(text[i - 1] ?? '') && AFTER_SHORT.test(text[j] ?? ''))) runs.push({ start: i, end: j });
        i = text.indexOf(ch, j);
      }
    }
    runs.sort((a, b) => a.start - b.start);
    for (const { start, end } of runs) {
      const m = [text.slice(start, end)];
      if (doc.touchesZone(start, end, Zone.Url | Zone.Code)) continue;
      const line = doc.lines.lineAt(start);
      if (m[0][0] === '_' && /^[ \t]*_{3,}[ \t]*$/.test(doc.lineText(line))) continue; // Markdown rule
      const prev = doc.text[start - 1] ?? '';
      const next = doc.text[end] ?? '';
      if (/[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next)) continue; // an identifier
      out.push({ start, end, message: '下划线留空尚未填写，请补充实际内容。', data: { placeholder: m[0] } });
    }
    return out;
  },
};
