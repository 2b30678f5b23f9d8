import type { Finding, Rule } from '../types';
import { Zone } from '../document';
import { countEntries, ORDERED_SETS, phraseFindings, rightForms } from '../phrases';
import { registerPatterns, sharedMatches } from '../shared-scan';
import type { ReportDocument } from '../document';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One sticky regular expression per ordered set, built from our own data once: members joined by separators. */
const SET_PATTERNS = ORDERED_SETS.map((set) => {
  const alt = [...set.members].sort((a, b) => b.length - a.length).map(escape).join('|');
  const seps = set.separators ?? '、';
  const sep = `[${escape(seps)}]`;
  return { set, seps, re: new RegExp(`(?:${alt})(?:${sep}(?:${alt})){${set.members.length - 1}}`, 'y'), sep: new RegExp(sep) };
});
// every member of every set, to find where a list may start in one pass
const MEMBERS = [...new Set(ORDERED_SETS.flatMap((s) => s.members))];
const SETS_OF_MEMBER = new Map(MEMBERS.map((m) => [m, SET_PATTERNS.filter((p) => p.set.members.includes(m))]));
// a list goes on after its first member with one of these
const ALL_SEPARATORS = [...new Set(SET_PATTERNS.map((p) => p.seps).join(''))].join('');
// found in the document's shared scan, kept only where a separator follows (a list may start there)
registerPatterns('set-members', MEMBERS, (text, _start, end) => end < text.length && ALL_SEPARATORS.includes(text[end]));

function orderedSetFindings(doc: ReportDocument, inSkippedZone: (s: number, e: number) => boolean): Finding[] {
  const text = doc.text;
  const hits = sharedMatches(doc, 'set-members');
  const out: Finding[] = [];
  const doneUntil = new Map<(typeof SET_PATTERNS)[number], number>();
  for (const hit of hits) {
    const member = MEMBERS[hit.pattern];
    for (const pattern of SETS_OF_MEMBER.get(member)!) {
      const { set, seps, re, sep } = pattern;
      if (!seps.includes(text[hit.end] ?? '') || hit.start < (doneUntil.get(pattern) ?? 0)) continue;
      re.lastIndex = hit.start;
      const m = re.exec(text);
      if (!m) continue;
      doneUntil.set(pattern, hit.start + m[0].length);
      const written = m[0];
      const parts = written.split(sep);
      if (new Set(parts).size !== set.members.length || !set.members.every((x) => parts.includes(x))) continue;
      if (parts.every((p, i) => p === set.members[i])) continue;
      if (inSkippedZone(hit.start, hit.start + written.length)) continue;
      // keep the separators as written, put the members in order
      const found = written.match(new RegExp(sep.source, 'g')) ?? [];
      const fixed = set.members.map((x, i) => x + (found[i] ?? '')).join('');
      out.push({
        start: hit.start,
        end: hit.start + written.length,
        message: `“${set.name}”的顺序不对，应为“${fixed}”。${set.reason}。`,
        fixes: [{ title: `改为“${fixed}”`, edits: [{ start: hit.start, end: hit.start + written.length, newText: fixed }], preferred: true, safe: true }],
      });
    }
  }
  return out;
}

/** F1: garbled standard political formulations, and fixed sets in the wrong order. */
export const phrasingPolitical: Rule = {
  meta: {
    id: 'phrasing/political',
    name: '政治性提法检查',
    en: 'Non-standard political formulation',
    category: 'phrasing',
    severity: 'error',
    description: '政治性提法不规范：固定表述缺字、错字、顺序颠倒或称谓不当。',
    scope: 'line',
    fixable: true,
    details:
      `内置 ${countEntries('phrasing/political')} 个词条（含 ${ORDERED_SETS.length} 组固定顺序的并列提法，如“四个意识”“四个自信”“新发展理念”）。` +
      '例如“习近平为核心的党中央”应为“以习近平同志为核心的党中央”，“习近平总书记系列讲话精神”应为“习近平总书记系列重要讲话精神”。' +
      '正确的写法不会被报告：习近平经济思想、习近平法治思想等是正式名称；“中央八项规定”后接“精神”“及其实施细则精神”时不报告；联合发文的文件名《中共中央 国务院关于……》不报告。' +
      '“中央八项规定”缺“精神”等把握不大的条目为提示级别。',
    examples: {
      bad: ['坚决维护习近平为核心的党中央权威', '学习习近平总书记系列讲话精神', '严格遵守中央八项规定，', '增强大局意识、政治意识、核心意识、看齐意识', '党的20大'],
      good: ['以习近平同志为核心的党中央', '习近平经济思想', '中央八项规定精神', '违反中央八项规定精神问题', '《中共中央 国务院关于实施乡村振兴战略的意见》'],
    },
  },
  check(doc, ctx) {
    const found = phraseFindings(doc, ctx.options, 'phrasing/political', (e, wrong) => {
      const forms = rightForms(e);
      return forms.length ? `“${wrong}”不规范，应为“${forms.join('”或“')}”。${e.reason}。` : `“${wrong}”不规范。${e.reason}。`;
    });
    const sets = orderedSetFindings(doc, (s, e) => doc.touchesZone(s, e, Zone.Code | Zone.Url));
    return sets.length ? [...found, ...sets].sort((a, b) => a.start - b.start) : found;
  },
};
