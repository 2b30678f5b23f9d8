import type { Finding, Rule } from '../types';
import { Zone } from '../document';
import { siblingGroups } from '../numbering';

const CLAUSE_END = /[。；;！？\r\n]/;

/** C6: the same enumerated item, list item or heading written twice. */
export const consistencyDuplicateItem: Rule = {
  meta: {
    id: 'consistency/duplicate-item',
    category: 'consistency',
    severity: 'warning',
    description: '同一个列举项、顿号并列项或标题重复出现。',
    fixable: false,
    details:
      '报告第二次出现的：一是/二是等列举项的首句相同（二是坚持任人唯贤……二是坚持任人唯贤）；同一串顿号并列中同一项出现两次（“三会一课”、主题党日、“三会一课”）；同级标题文字相同。' +
      '只是开头动词相同的不报告（坚持……、坚持……；互相信任、互相支持）。',
    examples: { bad: ['一是坚持实事求是。二是坚持任人唯贤。二是坚持任人唯贤。', '“三会一课”、主题党日、“三会一课”'], good: ['互相信任、互相支持、互相谅解', '坚持公道正派、坚持光明磊落'] },
  },
  check(doc) {
    const text = doc.text;
    const out: Finding[] = [];
    // enumeration items: the leading clause after the marker
    for (const seq of doc.enumerations) {
      const seen = new Map<string, number>();
      for (const item of seq.items) {
        let e = item.end;
        while (e < text.length && e - item.end < 60 && !CLAUSE_END.test(text[e]) && text[e] !== '，' && text[e] !== ',') e++;
        const clause = text.slice(item.end, e).replace(/^[，,：:\s*]+/, '').trim();
        if (clause.length < 2) continue;
        const start = item.end + text.slice(item.end, e).indexOf(clause);
        if (seen.has(clause)) {
          out.push({ start, end: start + clause.length, message: `列举项“${clause}”与前面的第 ${seen.get(clause)! + 1} 项重复。` });
        } else seen.set(clause, seq.items.indexOf(item));
      }
    }
    // sibling headings with the same words
    for (const group of siblingGroups(doc)) {
      const headingSeen = new Map<string, number>();
      for (const h of group) {
        const words = text.slice(h.textStart, h.textEnd).trim();
        if (words.length < 2) continue;
        if (headingSeen.has(words)) {
          out.push({ start: h.textStart, end: h.textEnd, message: `标题“${words}”与第 ${headingSeen.get(words)! + 1} 行的标题重复。` });
        } else headingSeen.set(words, h.line);
      }
    }
    // 、-lists inside one clause
    const list = /[^，。；：、,;:!?！？\r\n]{2,30}(?:、[^，。；：、,;:!?！？\r\n]{2,30})+/g;
    for (let m; (m = list.exec(text)); ) {
      const parts = m[0].split('、');
      const starts: number[] = [];
      for (let i = 0, at = m.index; i < parts.length; at += parts[i].length + 1, i++) starts.push(at);
      const last = parts.length - 1;
      // the first and last parts carry the words around the list (落实“三会一课”, “三会一课”等制度):
      // there only a quoted or titled item is taken out of them
      const itemOf = (i: number): string | undefined => {
        const p = parts[i];
        if (i > 0 && i < last) return p;
        const q = i === 0 ? /(“[^“”]{1,20}”|《[^《》]{1,30}》)$/.exec(p) : /^(“[^“”]{1,20}”|《[^《》]{1,30}》)/.exec(p);
        return q ? q[1] : undefined;
      };
      const seen = new Set<string>();
      for (let i = 0; i <= last; i++) {
        const item = itemOf(i);
        if (item === undefined || item.length < 2) continue;
        const start = i === 0 ? starts[i] + parts[i].length - item.length : starts[i];
        if (seen.has(item) && !doc.touchesZone(start, start + item.length, Zone.Code | Zone.Url)) {
          out.push({ start, end: start + item.length, message: `并列项“${item}”重复出现。` });
        }
        seen.add(item);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
