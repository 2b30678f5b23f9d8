import type { Finding, Rule } from '../types';
import { Zone } from '../document';

// Expressions that say the report covers a year, and ones that say it covers less.
const YEAR = /一年来|全年|本年度|今年以来|一年以来/g;
const SHORT = /半年来|这半年|半年以来|几个月来|数月来|(?:[两三四五六七八九十]|[1-9]|1[01])个月来/g;
// 专项整治开展半年来: the age of a campaign, not the report's period
const OWN_AGE = /(?:开展|实施|运行|成立|启动|推行|试点|上线|建设|组建|投用|投运)[^，。；、\n]{0,4}$/;

/** C1: the report says both 全年/一年来 and 半年来 about the period it covers. */
export const consistencyTimeSpan: Rule = {
  meta: {
    id: 'consistency/time-span',
    name: '时段一致性检查',
    en: 'Time span contradicts the period the report covers',
    category: 'consistency',
    severity: 'warning',
    description: '报告时段前后矛盾：写一年的工作，却出现“半年来”“几个月来”等。',
    fixable: true,
    details:
      '当报告写的是一年（标题有“年度”，或正文有“一年来”“全年”“今年以来”）而又出现“半年来”“这半年”“几个月来”时，报告后者，并说明它与哪些表述矛盾。' +
      '“上半年”“下半年”“近三年来”不报告；“专项整治开展半年来”这类说某项工作本身开展了多久的也不报告。半年工作总结（标题有“半年”）不检查。',
    examples: { bad: ['一年来……全年……半年来，本人在工作中……'], good: ['上半年完成投资', '专项整治开展半年来', '近三年来'] },
  },
  check(doc) {
    const text = doc.text;
    if (doc.title && /半年|季度|月份/.test(doc.title.text)) return [];
    const collect = (re: RegExp) => {
      const out: { start: number; end: number; word: string }[] = [];
      re.lastIndex = 0;
      for (let m; (m = re.exec(text)); ) {
        if (doc.touchesZone(m.index, m.index + m[0].length, Zone.Quote | Zone.Book | Zone.Code)) continue;
        out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
      }
      return out;
    };
    const year = collect(YEAR);
    const yearTitle = !!doc.title && /年度/.test(doc.title.text);
    if (!year.length && !yearTitle) return [];
    const evidence = [...new Set(year.map((y) => y.word))];
    if (yearTitle) evidence.unshift('标题中的“年度”');
    const findings: Finding[] = [];
    for (const s of collect(SHORT)) {
      const lineStart = doc.lines.lineStarts[doc.lines.lineAt(s.start)];
      if (OWN_AGE.test(text.slice(Math.max(lineStart, s.start - 12), s.start))) continue;
      const named = evidence.map((e) => (e.startsWith('标题') ? e : `“${e}”`)).join('').replace('”标题', '”和标题');
      findings.push({
        start: s.start,
        end: s.end,
        message: `“${s.word}”与报告的时段矛盾：本报告写的是一年的工作（文中有${named}）。`,
        fixes: [{ title: '改为“一年来”', edits: [{ start: s.start, end: s.end, newText: '一年来' }], preferred: true }],
      });
    }
    return findings;
  },
};
