import type { Rule } from '../types';
import { placeholderMatches } from './placeholder-match';
import { Zone } from '../document';

// 待补充 standing as a value: after ：/为/达到/是, or before a number word or unit.
const PENDING = /(?<=[：:为是到]|达到)(?:待补充|待填写|待完善)|(?:待补充|待填写)(?=[个人次件元项户%％])/g;

/** P7: a bare 待补充 / 待填写 where a value belongs (合格率为待补充). */
export const placeholderPending: Rule = {
  meta: {
    id: 'placeholder/pending',
    en: '待补充/待填写 left where a value belongs',
    category: 'placeholder',
    severity: 'error',
    description: '“待补充”“待填写”出现在应填数值或内容的位置。',
    scope: 'line',
    fixable: false,
    details: '只在“待补充”等紧跟“：”“为”“达到”之后，或紧挨量词、单位时报告；句子中的普通用法（尚待补充完善的材料）不报告。',
    examples: { bad: ['合格率为待补充', '完成投资：待填写'], good: ['档案中尚待补充完善的材料'] },
  },
  check(doc) {
    if (doc.text.indexOf('待') === -1) return [];
    return placeholderMatches(doc, PENDING, Zone.Code | Zone.Quote, (p) => `“${p}”尚未替换为实际内容。`);
  },
};
