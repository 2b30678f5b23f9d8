import type { Rule } from '../types';
import { placeholderMatches } from './placeholder-match';
import { Zone } from '../document';

/** P3/P4: blanks written with crosses, circles or squares: ××乡, ○○村, □□亿元. */
export const placeholderSymbol: Rule = {
  meta: {
    id: 'placeholder/symbol',
    en: 'Template placeholder (××, ○○, □□) left unfilled',
    category: 'placeholder',
    severity: 'error',
    description: '用“××”“○○”“□□”表示的占位符尚未填写。',
    scope: 'line',
    fixable: false,
    details: '两个或更多连续的 ×（U+00D7）、○（U+25CB）或 □（U+25A1）是模板空白。单个 × 用于乘号（3×4米），〇（U+3007）是数字（二〇二三年），都不报告。',
    examples: { bad: ['××乡', '×××同志', '○○村', '□□亿元'], good: ['3×4米', '二〇二三年', '○ 已完成'] },
  },
  check(doc) {
    return placeholderMatches(doc, /×{2,}|○{2,}|□{2,}/g, Zone.Code, (p) => `占位符“${p}”尚未填写，请补充实际内容。`);
  },
};
