import type { Finding, Rule } from '../types';
import { Zone } from '../document';

// 待补充 standing as a value: after ：/为/到 (达到)/是, or (待补充, 待填写) before a number word or unit.
const PENDING = /待补充|待填写|待完善/g;
const BEFORE = '：:为是到';
const AFTER = '个人次件元项户%％';

/** P7: a bare 待补充 / 待填写 where a value belongs (合格率为待补充). */
export const placeholderPending: Rule = {
  meta: {
    id: 'placeholder/pending',
    name: '“待补充”检查',
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
    const text = doc.text;
    const out: Finding[] = [];
    if (text.indexOf('待') === -1) return out;
    PENDING.lastIndex = 0;
    for (let m; (m = PENDING.exec(text)); ) {
      const start = m.index;
      const end = start + 3;
      const asValue = (start > 0 && BEFORE.includes(text[start - 1])) || (m[0] !== '待完善' && end < text.length && AFTER.includes(text[end]));
      if (!asValue || doc.touchesZone(start, end, Zone.Code | Zone.Quote)) continue;
      out.push({ start, end, message: `“${m[0]}”尚未替换为实际内容。`, data: { placeholder: m[0] } });
    }
    return out;
  },
};
