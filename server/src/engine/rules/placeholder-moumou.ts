import type { Rule } from '../types';
import { placeholderMatches } from './placeholder-match';
import { Zone } from '../document';

/** P5: 某某 standing for a name (述职人：某某某, 某某同志). A single 某 is an ordinary word (某些, 某种, 某企业). */
export const placeholderMoumou: Rule = {
  meta: {
    id: 'placeholder/moumou',
    name: '占位符“某某”检查',
    en: 'Placeholder name 某某 left unfilled',
    category: 'placeholder',
    severity: 'error',
    description: '“某某”占位符尚未替换为实际名称。',
    scope: 'line',
    fixable: false,
    details: '“某某”“某某某”是模板中姓名、单位的占位写法。单个“某”是正常用词（某些、某种、某一、某企业），不报告。',
    examples: { bad: ['述职人：某某某', '某某同志'], good: ['某些问题', '某种程度上', '某一方面', '某企业'] },
  },
  check(doc) {
    return placeholderMatches(doc, /某某+/g, Zone.Code, (p) => `占位符“${p}”尚未替换为实际名称。`);
  },
};
