import type { Finding, Rule } from '../types';
import { sections, LEVEL_NAMES, type Section } from '../outline';

const FIRST: Record<number, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };

/** Levels out of order: （一） before any 一、; （1） directly under 一、 (information). */
export const numberingHierarchy: Rule = {
  meta: {
    id: 'numbering/hierarchy',
    name: '标题层级检查',
    en: 'Heading levels used out of order',
    category: 'numbering',
    severity: 'warning',
    description: '标题层级使用顺序不对，如“（一）”出现在第一个“一、”之前。',
    fixable: false,
    details:
      '层级依次为“一、”“（一）”“1.”“（1）”。下级标题出现在文中第一个上级标题之前（如“（一）”在任何“一、”之前）时报告警告。' +
      '跳过一级（“一、”下直接用“1.”）是常见且可接受的写法，不报告；“一、”下直接用“（1）”跳过两级，作为提示报告。',
    examples: { bad: ['（一）……（在任何“一、”之前）', '一、……\\n（1）……'], good: ['一、……\\n1.……', '一、……\\n（一）……\\n1.……'] },
  },
  check(doc) {
    const out: Finding[] = [];
    const headings = doc.headings.filter((h) => h.numbered);
    // lower levels before the first heading of a higher level that the document does use; for each
    // heading, the first later one of a higher level, found in one pass from the end (not a scan per heading)
    const higherAfter: number[] = new Array(headings.length);
    const nextAt = [Infinity, Infinity, Infinity, Infinity, Infinity]; // by level: the nearest later heading
    for (let i = headings.length - 1; i >= 0; i--) {
      const level = headings[i].level;
      higherAfter[i] = Math.min(...nextAt.slice(1, level));
      nextAt[level] = i;
    }
    let highestBefore = 5;
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i];
      if (h.level === 1) break;
      const higherLater = headings[higherAfter[i]];
      const higherBefore = highestBefore < h.level;
      highestBefore = Math.min(highestBefore, h.level);
      if (higherLater && !higherBefore) {
        out.push({
          start: h.markerStart,
          end: h.markerEnd,
          message: `${LEVEL_NAMES[h.level]}“${doc.text.slice(h.markerStart, h.markerEnd)}”出现在第一个${LEVEL_NAMES[higherLater.level]}“${doc.text.slice(higherLater.markerStart, higherLater.markerEnd)}”之前，层级顺序不对。`,
        });
      }
    }
    const visit = (list: Section[]) => {
      for (const s of list) {
        const parent = s.parent;
        if (parent && s.heading.numbered && parent.heading.numbered && s.heading.level - parent.heading.level >= 3) {
          const h = s.heading;
          out.push({
            start: h.markerStart,
            end: h.markerEnd,
            severity: 'info',
            message: `“${doc.text.slice(h.markerStart, h.markerEnd)}”直接位于${LEVEL_NAMES[parent.heading.level]}之下，跳过了“${FIRST[parent.heading.level + 1]}”“${FIRST[parent.heading.level + 2]}”两个层级。`,
          });
        }
        visit(s.children);
      }
    };
    visit(sections(doc));
    return out;
  },
};
