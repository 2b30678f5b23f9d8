import type { Finding, Rule } from '../types';

/** GB/T 9704 practice: a standalone 一、/（一） heading takes no full stop; a 1./（1） run-in heading ends with 。 */
export const consistencyHeadingPunctuation: Rule = {
  meta: {
    id: 'consistency/heading-punctuation',
    name: '标题句号检查',
    en: 'Heading punctuation not as GB/T 9704 practice has it',
    category: 'consistency',
    severity: 'warning',
    description: '单独成行的“一、”“（一）”级标题末尾不加句号；“1.”“（1）”级标题后接正文时，标题以句号结束。',
    scope: 'line',
    fixable: true,
    details:
      '一、（一）级标题单独成行，末尾不用句号、分号、逗号。1.（1）级标题与正文写在同一行时，标题部分以“。”结束（如“1.抓经济发展。镇党委……”），写成冒号或逗号时建议改为句号。',
    examples: { bad: ['一、总体情况。', '（二）存在问题；', '1.抓经济发展：镇党委坚持……'], good: ['一、总体情况', '1.抓经济发展。镇党委坚持……', '（1）中心组学习'] },
  },
  check(doc) {
    const text = doc.text;
    const out: Finding[] = [];
    for (const h of doc.headings) {
      if (!h.numbered) continue;
      const lineEnd = doc.lines.lineEnds[h.line];
      const line = text.slice(h.textStart, lineEnd);
      if (h.level <= 2) {
        const m = /[。；;，,]\s*$/.exec(line);
        // the heading stands alone: the only sentence mark is the one at its end
        if (m && !/[。；;]/.test(line.slice(0, m.index)) && line.length - m[0].length <= 40) {
          const at = h.textStart + m.index;
          out.push({
            start: at,
            end: at + 1,
            message: `单独成行的${h.level === 1 ? '一级' : '二级'}标题末尾不加“${text[at]}”。`,
            fixes: [{ title: `删除“${text[at]}”`, edits: [{ start: at, end: at + 1, newText: '' }], preferred: true, safe: true }],
          });
        }
      } else {
        // 1.抓经济发展：镇党委… → 1.抓经济发展。镇党委…
        const m = /^[^。：:，,；;]{2,20}([：:])(?=\S)/.exec(line);
        if (m && line.length > m[0].length + 4) {
          const at = h.textStart + m[0].length - 1;
          out.push({
            start: at,
            end: at + 1,
            message: '标题后接正文时，标题以“。”结束。',
            fixes: [{ title: '改为“。”', edits: [{ start: at, end: at + 1, newText: '。' }], preferred: true, safe: true }],
          });
        }
      }
    }
    return out;
  },
};
