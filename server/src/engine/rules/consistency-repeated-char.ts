import type { Finding, Rule, RuleCheck } from '../types';
import { splitRule } from '../split-rule';
import { Zone } from '../document';
import { isCJKAt } from '../chars';
import { registerPatterns, sharedMatches } from '../shared-scan';
import { lexicon } from '../lexicon';

// Words that are never reduplicated on purpose: written twice, it is a slip.
const WORDS = ['我们', '你们', '他们', '她们', '它们', '我们的', '同时', '并且', '以及', '通过', '按照', '根据', '对于', '关于', '但是', '因为', '所以', '如果', '虽然', '而且', '进一步', '不断', '持续', '切实', '全面', '深入', '积极', '认真', '今年', '去年', '全年', '工作', '加强', '推进', '进行', '开展', '落实', '建设', '发展', '组织', '党员', '干部', '群众'];
// found in the document's shared scan, kept only where the same word follows at once
registerPatterns('doubled-words', WORDS, (text, _start, end, i) => text.startsWith(WORDS[i], end));

/** 的的, 了了, a word written twice: within one line. */
const doublings: RuleCheck = (doc) => {
  const text = doc.text;
  const out: Finding[] = [];
  // a run of copies (的的的, 我们我们我们): one finding that keeps the first, so one fix does it all
  const push = (start: number, len: number, word: string) => {
    let end = start + 2 * len;
    while (text.startsWith(word, end)) end += len;
    if (doc.touchesZone(start, end, Zone.Quote | Zone.Code | Zone.Url)) return end;
    out.push({
      start: start + len,
      end,
      message: end - start > 2 * len ? `“${word}”重复了 ${(end - start) / len - 1} 次。` : `“${word}”重复了。`,
      fixes: [{ title: `删除重复的“${word}”`, edits: [{ start: start + len, end, newText: '' }], preferred: true, safe: true }],
    });
    return end;
  };
  for (let i = text.indexOf('的的'); i !== -1; ) {
    let next = i + 2;
    if (text[i + 2] === '确') next = i + 2; // 的的确确
    else if (i > 0 && '目有别似是真标端'.includes(text[i - 1]) && text[i + 2] !== '的') next = i + 1; // 目的的, 有的的, 标的的
    else next = push(i, 1, '的');
    i = text.indexOf('的的', next);
  }
  for (let i = text.indexOf('了了'); i !== -1; ) {
    let next = i + 2;
    if (text[i - 1] === '不' && text[i + 2] === '之') next = i + 2; // 不了了之
    else if ((text[i - 1] === '小' || text[i - 1] === '为' || text[i - 1] === '除' || text[i - 1] === '罢') && text[i + 2] !== '了') next = i + 1;
    else if (i + 2 < text.length && '解结却断然悟如'.includes(text[i + 2]) && text[i - 1] !== '了') next = i + 1; // …了 了解
    else next = push(i, 1, '了');
    i = text.indexOf('了了', next);
  }
  let until = -1;
  // matches come in order of their end; a doubling is a match followed by the same word
  for (const m of sharedMatches(doc, 'doubled-words')) {
    const w = WORDS[m.pattern];
    if (m.start < until) continue;
    until = push(m.start, w.length, w);
  }
  return out.sort((a, b) => a.start - b.start);
};

/** A word ending one line and starting the next: a line wrapped and retyped. Never from a heading or a title. */
const acrossLines: RuleCheck = (doc) => {
  const out: Finding[] = [];
  // a word of 2–4 CJK characters ending one line and starting the next
  for (let l = 0; l + 1 < doc.lines.lineCount; l++) {
    const a = doc.lineText(l);
    const b = doc.lineText(l + 1);
    if (a.length < 2 || b.length < 2) continue;
    // a heading, the title or a short line without a sentence's end: the next paragraph may well repeat its last word
    if (doc.headingAtLine(l) || doc.headingAtLine(l + 1) || doc.title?.line === l) continue;
    if (a.trimEnd().length <= 30 && !/[，,、；;：:]/.test(a)) continue;
    for (let n = 4; n >= 2; n--) {
      if (a.length < n || b.length < n) continue;
      const w = a.slice(a.length - n);
      if (b.startsWith(w) && [...w].every((_, k) => isCJKAt(w, k))) {
        const start = doc.lines.lineStarts[l + 1];
        if (doc.touchesZone(start, start + n, Zone.Quote | Zone.Code)) break;
        out.push({
          start,
          end: start + n,
          message: `“${w}”在上一行末尾和本行开头重复。`,
          // two lines can end and start with the same word on purpose: never applied without looking
          fixes: [{ title: `删除重复的“${w}”`, edits: [{ start, end: start + n, newText: '' }], preferred: true, safe: false }],
        });
        break;
      }
    }
  }
  return out;
};

// Numerals (一一对应, 十十) and the two particles handled above.
const NOT_DOUBLED = new Set([...'零〇一二三四五六七八九十百千万亿两的了']);
// Measure words and time nouns double to mean “every” (年年, 件件, 项项, 级级).
const MEASURES = new Set([...'年月日周天件项级期批届轮遍回篇首顶座栋份张本套台辆所户村组队家条次步层样点']);

/**
 * Any other character typed twice on a line (要要加强), unless the doubling is a word (天天, 层层, 慢慢),
 * part of an idiom or an AABB form (兢兢业业, 认认真真), or two words meeting (工作|作风, 研究院|院长).
 */
const anyDoubling: RuleCheck = (doc) => {
  const text = doc.text;
  const lex = lexicon();
  const out: Finding[] = [];
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i);
    if (a !== text.charCodeAt(i - 1) || a < 0x4e00 || a > 0x9fff) continue;
    const ch = text[i];
    if (NOT_DOUBLED.has(ch) || MEASURES.has(ch) || lex.reduplicates(a)) continue;
    const start = i - 1;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    // the second starts a word (工作|作风, 研究院|院长): two words meeting; the first ending a word and the
    // second starting none is a slip (部署|署工作)
    if (lex.wordStartsAt(text, i)) continue;
    // AABB (认认真真) and idioms with a doubled character (兢兢业业, 井井有条, 彬彬有礼)
    if (next && next === text.charCodeAt(i + 2)) continue;
    if (start >= 2 && text.charCodeAt(start - 1) === text.charCodeAt(start - 2)) continue;
    // (or such an idiom with its doubled pair misspelt, 兹兹以求: typo/homophone reports that)
    let idiom = false;
    for (let s = Math.max(0, i - 3); s <= start && !idiom; s++) {
      if (s + 4 > text.length) continue;
      const [c0, c1, c2, c3] = [text.charCodeAt(s), text.charCodeAt(s + 1), text.charCodeAt(s + 2), text.charCodeAt(s + 3)];
      if (lex.find(c0, c1, c2, c3) !== -1 || (start - s <= 2 && lex.differingPairAt(start - s, c0, c1, c2, c3).length)) idiom = true;
    }
    if (idiom || doc.touchesZone(start, i + 1, Zone.Quote | Zone.Book | Zone.Code | Zone.Url)) continue;
    out.push({
      start: i,
      end: i + 1,
      message: `“${ch}”重复了。`,
      fixes: [{ title: `删除重复的“${ch}”`, edits: [{ start: i, end: i + 1, newText: '' }], preferred: true, safe: false }],
    });
  }
  return out;
};

/** Doubled characters and words on a line: the listed ones (safe to fix) and any other (to look at). */
const onLine: RuleCheck = (doc, ctx) => {
  const listed = doublings(doc, ctx);
  const other = anyDoubling(doc, ctx).filter((f) => !listed.some((g) => g.start < f.end && f.start < g.end));
  return other.length ? [...listed, ...other].sort((a, b) => a.start - b.start) : listed;
};

/** C5: accidental doubling: 的的, 了了, 我们我们, a word repeated across a line break. */
export const consistencyRepeatedChar: Rule = splitRule(
  {
    id: 'consistency/repeated-char',
    name: '重复字词检查',
    en: 'Character or word typed twice',
    category: 'consistency',
    severity: 'warning',
    description: '不小心重复输入的字或词，如“的的”“了了”“我们我们”。',
    fixable: true,
    details:
      '报告“的的”“了了”，“我们”“同时”“进一步”“工作”等不会重叠使用的词连写两次（可一键修复），其他连写两次的字（要要加强，需查看后修复），' +
      '以及上一行末尾与下一行开头重复的词（标题、标题行和不以句子结尾的短行除外，需查看后修复）。' +
      '正常的叠字、叠词不报告：常常、谢谢、人人、天天、层层、年年、慢慢（按词典判断哪些字可以重叠），认认真真、兢兢业业、研究研究、的的确确、不了了之、一一对应；' +
      '两个词相接形成的重叠也不报告：工作作风、研究院院长、目的的实现、为了了解。',
    examples: {
      bad: ['工作的的成效', '完成了了任务', '我们我们要', '我们要要加强学习'],
      good: ['的的确确', '不了了之', '为了了解情况', '达到目的的措施', '认认真真', '研究研究', '常常', '层层压实责任', '工作作风', '研究院院长', '一一对应', '兢兢业业'],
    },
  },
  onLine,
  acrossLines,
);
