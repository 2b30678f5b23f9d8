import type { Finding, Rule } from '../types';
import { standardMarker } from '../numbering';
import { LEVEL_NAMES } from '../outline';

/** N2: the marker of a heading in its GB/T 9704 form: 一、 （一） 1. （1）. */
export const numberingPunctuation: Rule = {
  meta: {
    id: 'numbering/punctuation',
    name: '序号标点检查',
    en: 'Heading number not in its GB/T 9704 form',
    category: 'numbering',
    severity: 'warning',
    description: '标题序号的标点或括号不符合 GB/T 9704 的写法（一、 （一） 1. （1））。',
    scope: 'line',
    fixable: true,
    details:
      'GB/T 9704-2012 规定结构层次序数依次用“一、”“（一）”“1.”“（1）”。常见错误：“一.”“一，”（应为“一、”），“(一)”“（一）、”（应为“（一）”，括号后不加标点），' +
      '“1、”“1，”“1．”“１．”（应为“1.”），“(1)”“（1)”（应为“（1）”）。第三层的写法可用设置 gongwen.numbering.level3 改为本单位习惯（如“1、”）。',
    examples: { bad: ['一.加强理论学习', '(二)强化监管', '1、工程建设', '（2)开展整治', '（一）、抓发展', '２．加强监管'], good: ['一、总体情况', '（一）学习', '1.抓经济发展。', '（1）中心组学习'] },
  },
  check(doc, ctx) {
    const out: Finding[] = [];
    const style = ctx.options.numbering;
    for (const h of doc.headings) {
      if (!h.numbered) continue;
      const written = doc.text.slice(h.markerStart, h.markerEnd);
      const want = standardMarker(h.level, h.value, style);
      if (written === want) continue;
      out.push({
        start: h.markerStart,
        end: h.markerEnd,
        message: `${LEVEL_NAMES[h.level]}序号“${written}”应写作“${want}”。`,
        fixes: [{ title: `改为“${want}”`, edits: [{ start: h.markerStart, end: h.markerEnd, newText: want }], preferred: true, safe: true }],
      });
    }
    return out;
  },
};
