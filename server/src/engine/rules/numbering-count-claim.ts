import type { Finding, Rule } from '../types';
import { Zone } from '../document';
import { parseChineseNumeral } from '../chars';
import { siblingGroups } from '../numbering';

// 主要抓了三个方面, 存在三个方面的问题, 有以下几点不足 (几 gives no number), 做到“四个坚持”：
const CLAIM = /([二两三四五六七八九十]|[2-9])(?:个方面|方面|点|条|项|个问题|个短板|个不足)|“([二两三四五六七八九十])个[\u4e00-\u9fff]{1,4}”(?=[：:，,])/g;
const CN: Record<string, number> = { 两: 2 };

/** A sentence announcing N items, followed by an enumeration with a different count. */
export const numberingCountClaim: Rule = {
  meta: {
    id: 'numbering/count-claim',
    name: '列举项数检查',
    en: 'Announced number of items differs from the enumeration',
    category: 'numbering',
    severity: 'warning',
    description: '句中说有几个方面（几点、几条），紧随其后的列举却不是这个数。',
    fixable: false,
    details:
      '如“主要抓了三个方面：一是……二是……三是……四是……”，或“存在三个方面的问题”之后只有（一）（二）两个标题。报告写出数目的句子，并说明列举实际有几项。' +
      '后面没有紧跟列举的不报告；“三个代表”“四个意识”等固定名称不报告（只在引号中的名称后紧跟冒号和列举时才核对，如做到“四个坚持”：一是……）。',
    examples: { bad: ['主要抓了三个方面：一是……二是……三是……四是……', '存在三个方面的问题：\n（一）……\n（二）……'], good: ['主要抓了三个方面：一是……二是……三是……', '增强“四个意识”', '坚持“三个代表”重要思想'] },
  },
  check(doc) {
    const text = doc.text;
    const out: Finding[] = [];
    CLAIM.lastIndex = 0;
    for (let m; (m = CLAIM.exec(text)); ) {
      if (m[1] !== undefined && doc.inZone(m.index, Zone.Quote | Zone.Book | Zone.Code)) continue;
      const numeral = m[1] ?? m[2];
      const claimed = CN[numeral] ?? parseChineseNumeral(numeral) ?? Number(numeral);
      if (!claimed || claimed < 2) continue;
      const line = doc.lines.lineAt(m.index);
      const lineEnd = doc.lines.lineEnds[line];
      // the claim must lead into its items: a colon (or the end of the line) soon after it
      const rest = text.slice(m.index + m[0].length, Math.min(lineEnd, m.index + m[0].length + 20));
      const colon = rest.search(/[：:]/);
      const atLineEnd = !rest.replace(/[的问题不足短板方面。：:\s]/g, '');
      if (colon === -1 && !atLineEnd) continue;
      const after = m.index + m[0].length + (colon === -1 ? rest.length : colon + 1);
      let count: number | undefined;
      // an inline enumeration starting right after the claim, in the same or the next paragraph
      const seq = doc.enumerations.find((s) => s.family !== 'shouxian' && s.items[0].start >= after && s.items[0].line <= line + 1 && s.items[0].value === 1);
      if (seq && text.slice(after, seq.items[0].start).replace(/[\s*“”]/g, '').length <= 2) count = seq.items.length;
      // or headings that begin on the next line and number from 1
      if (count === undefined) {
        const group = siblingGroups(doc).find((g) => g[0].line === line + 1 && g[0].value === 1);
        if (group) count = group.length;
      }
      if (count === undefined || count === claimed) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: `这里说有 ${claimed} 项，后面的列举却有 ${count} 项。`,
      });
    }
    return out;
  },
};
