import type { Rule } from '../types';

/** Report metrics: the 字数 over gongwen.maxLength (organisation departments cap 述职报告 at 2,000–5,000 字). */
export const consistencyLength: Rule = {
  meta: {
    id: 'consistency/length',
    name: '字数上限检查',
    en: 'Report longer than gongwen.maxLength',
    category: 'consistency',
    severity: 'info',
    description: '全文字数超过设置的上限（gongwen.maxLength）。',
    fixable: false,
    details:
      '字数按中文编辑的算法统计：每个汉字、全角标点计 1；连续的英文字母或数字（含小数点、千分位和百分号，如 2023、1.5、85%）计 1；空白和半角标点不计。' +
      '未设置 gongwen.maxLength（或 .gongwen.json 的 maxLength）时不检查。',
    examples: { bad: ['maxLength 为 3000 时，一篇 3600 字的述职报告'], good: ['未设置 maxLength'] },
  },
  check(doc, ctx) {
    const max = ctx.options.maxLength;
    if (!max) return [];
    const count = doc.characters;
    if (count <= max) return [];
    const anchor = doc.title ?? { start: 0, end: Math.min(doc.lines.lineEnds[0], doc.text.length) };
    return [{ start: anchor.start, end: Math.max(anchor.end, anchor.start), message: `全文 ${count} 字，超过上限 ${max} 字（多 ${count - max} 字）。` }];
  },
};
