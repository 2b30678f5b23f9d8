import type { Finding, Rule, RuleCheck } from '../types';
import { splitRule } from '../split-rule';
import { Zone } from '../document';
import { isCJKAt } from '../chars';
import { registerPatterns, sharedMatches } from '../shared-scan';

// Words that are never reduplicated on purpose: written twice, it is a slip.
const WORDS = ['我们', '你们', '他们', '她们', '它们', '我们的', '同时', '并且', '以及', '通过', '按照', '根据', '对于', '关于', '但是', '因为', '所以', '如果', '虽然', '而且', '进一步', '不断', '持续', '切实', '全面', '深入', '积极', '认真', '今年', '去年', '全年', '工作', '加强', '推进', '进行', '开展', '落实', '建设', '发展', '组织', '党员', '干部', '群众'];
// found in the document's shared scan, kept only where the same word follows at once
registerPatterns('doubled-words', WORDS, (text, _start, end, i) => text.startsWith(WORDS[i], end));

/** 的的, 了了, a word written twice: within one line. */
const doublings: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  const push = (start: number, len: number, word: string) => {
    if (doc.touchesZone(start, start + 2 * len, Zone.Quote | Zone.Code | Zone.Url)) return;
    out.push({
      start: start + len,
      end: start + 2 * len,
      message: `“${word}”重复了。`,
      fixes: [{ title: `删除重复的“${word}”`, edits: [{ start: start + len, end: start + 2 * len, newText: '' }], preferred: true, safe: true }],
    });
  };
  for (let i = text.indexOf('的的'); i !== -1; i = text.indexOf('的的', i + 2)) {
    if (text[i + 2] === '确') continue; // 的的确确
    if (i > 0 && '目有别似是真标端'.includes(text[i - 1])) continue; // 目的的, 有的的, 标的的
    push(i, 1, '的');
  }
  for (let i = text.indexOf('了了'); i !== -1; i = text.indexOf('了了', i + 2)) {
    if (text[i - 1] === '不' && text[i + 2] === '之') continue; // 不了了之
    if (text[i - 1] === '小' || text[i - 1] === '为' || text[i - 1] === '除' || text[i - 1] === '罢') continue;
    if (i + 2 < text.length && '解结却断然悟如'.includes(text[i + 2])) continue; // …了 了解
    push(i, 1, '了');
  }
  let until = -1;
  // matches come in order of their end; a doubling is a match followed by the same word
  for (const m of sharedMatches(doc, 'doubled-words')) {
    const w = WORDS[m.pattern];
    if (m.start < until) continue;
    push(m.start, w.length, w);
    until = m.end + w.length;
  }
  return out.sort((a, b) => a.start - b.start);
};

/** A word ending one line and starting the next. */
const acrossLines: RuleCheck = (doc) => {
  const out: Finding[] = [];
  // a word of 2–4 CJK characters ending one line and starting the next
  for (let l = 0; l + 1 < doc.lines.lineCount; l++) {
    const a = doc.lineText(l);
    const b = doc.lineText(l + 1);
    for (let n = 4; n >= 2; n--) {
      if (a.length < n || b.length < n) continue;
      const w = a.slice(a.length - n);
      if (b.startsWith(w) && [...w].every((_, k) => isCJKAt(w, k)) && !doc.headingAtLine(l + 1)) {
        const start = doc.lines.lineStarts[l + 1];
        if (doc.touchesZone(start, start + n, Zone.Quote | Zone.Code)) break;
        out.push({
          start,
          end: start + n,
          message: `“${w}”在上一行末尾和本行开头重复。`,
          fixes: [{ title: `删除重复的“${w}”`, edits: [{ start, end: start + n, newText: '' }], preferred: true, safe: true }],
        });
        break;
      }
    }
  }
  return out;
};

/** C5: accidental doubling: 的的, 了了, 我们我们, a word repeated across a line break. */
export const consistencyRepeatedChar: Rule = splitRule(
  {
    id: 'consistency/repeated-char',
    en: 'Character or word typed twice',
    category: 'consistency',
    severity: 'warning',
    description: '不小心重复输入的字或词，如“的的”“了了”“我们我们”。',
    fixable: true,
    details:
      '报告“的的”“了了”，以及“我们”“同时”“进一步”“工作”等不会重叠使用的词连写两次，还有上一行末尾与下一行开头重复的词。' +
      '正常的叠字、叠词不报告：常常、谢谢、人人、天天、认认真真、研究研究、的的确确、不了了之；词语相接形成的“的的”“了了”也不报告（目的的实现、为了了解）。',
    examples: { bad: ['工作的的成效', '完成了了任务', '我们我们要'], good: ['的的确确', '不了了之', '为了了解情况', '达到目的的措施', '认认真真', '研究研究', '常常'] },
  },
  doublings,
  acrossLines,
);
