import type { Finding, Rule, RuleCheck } from '../types';
import { Zone, type ReportDocument } from '../document';
import { splitRule } from '../split-rule';
import { siblingGroups } from '../numbering';

const CLAUSE_END = /[。；;！？\r\n]/;

/** The same item twice in one 、-list: a clause never runs past its line. */
const listItems: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const checkList = (clauseStart: number, clause: string) => {
    const parts = clause.split('、');
    const starts: number[] = [];
    for (let i = 0, at = clauseStart; i < parts.length; at += parts[i].length + 1, i++) starts.push(at);
    const last = parts.length - 1;
    // the first and last parts carry the words around the list (落实“三会一课”, “三会一课”等制度):
    // there only a quoted or titled item is taken out of them
    const itemOf = (i: number): string | undefined => {
      const p = parts[i];
      if (i > 0 && i < last) return p.length <= 30 ? p : undefined;
      if (i === 0) {
        const close = p[p.length - 1];
        if (close !== '”' && close !== '》') return undefined;
        const open = p.lastIndexOf(close === '”' ? '“' : '《');
        return open !== -1 && p.length - open <= 32 ? p.slice(open) : undefined;
      }
      const first = p[0];
      if (first !== '“' && first !== '《') return undefined;
      const close = p.indexOf(first === '“' ? '”' : '》');
      return close !== -1 && close <= 31 ? p.slice(0, close + 1) : undefined;
    };
    const seen = new Set<string>();
    for (let i = 0; i <= last; i++) {
      const item = itemOf(i);
      if (item === undefined || item.trim().length < 2) continue;
      const start = i === 0 ? starts[i] + parts[i].length - item.length : starts[i];
      if (seen.has(item) && !doc.touchesZone(start, start + item.length, Zone.Code | Zone.Url)) {
        out.push({ start, end: start + item.length, message: `并列项“${item.trim()}”重复出现。` });
      }
      seen.add(item);
    }
  };
  // 、-lists inside one clause: visit each clause that holds a 、 once
  const STOPS = new Set([0xff0c, 0x3002, 0xff1b, 0xff1a, 44, 59, 58, 33, 63, 0xff01, 0xff1f, 13, 10]);
  const isStop = (i: number) => STOPS.has(text.charCodeAt(i));
  for (let k = text.indexOf('、'); k !== -1; ) {
    let cs = k;
    while (cs > 0 && !isStop(cs - 1)) cs--;
    let ce = k;
    while (ce < text.length && !isStop(ce)) ce++;
    checkList(cs, text.slice(cs, ce));
    k = text.indexOf('、', ce);
  }
  return out.sort((a, b) => a.start - b.start);
};

/** The same enumerated item (一是/二是) or sibling heading twice: across the document. */
const itemsAndHeadings: RuleCheck = (doc: ReportDocument) => {
  const text = doc.text;
  const out: Finding[] = [];
  // enumeration items: the leading clause after the marker
  for (const seq of doc.enumerations) {
    const seen = new Map<string, number>();
    for (let index = 0; index < seq.items.length; index++) {
      const item = seq.items[index];
      let e = item.end;
      while (e < text.length && e - item.end < 60 && !CLAUSE_END.test(text[e]) && text[e] !== '，' && text[e] !== ',') e++;
      const clause = text.slice(item.end, e).replace(/^[，,：:\s*]+/, '').trim();
      if (clause.length < 2) continue;
      const start = item.end + text.slice(item.end, e).indexOf(clause);
      if (seen.has(clause)) {
        out.push({ start, end: start + clause.length, message: `列举项“${clause}”与前面的第 ${seen.get(clause)! + 1} 项重复。` });
      } else seen.set(clause, index);
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
  return out.sort((a, b) => a.start - b.start);
};

/** C6: the same enumerated item, list item or heading written twice. */
export const consistencyDuplicateItem: Rule = splitRule(
  {
    id: 'consistency/duplicate-item',
    name: '重复列举项检查',
    en: 'Item or heading repeated',
    category: 'consistency',
    severity: 'warning',
    description: '同一个列举项、顿号并列项或标题重复出现。',
    fixable: false,
    details:
      '报告第二次出现的：一是/二是等列举项的首句相同（二是坚持任人唯贤……二是坚持任人唯贤）；同一串顿号并列中同一项出现两次（“三会一课”、主题党日、“三会一课”）；同级标题文字相同。' +
      '只是开头动词相同的不报告（坚持……、坚持……；互相信任、互相支持）。',
    examples: { bad: ['一是坚持实事求是。二是坚持任人唯贤。二是坚持任人唯贤。', '“三会一课”、主题党日、“三会一课”'], good: ['互相信任、互相支持、互相谅解', '坚持公道正派、坚持光明磊落'] },
  },
  listItems,
  itemsAndHeadings,
);
