import type { Finding, Rule } from '../types';
import { Zone } from '../document';
import { isAsciiDigit, isAsciiLetter, isCJKAt } from '../chars';

// A lone X before these is a term, not a blank: X光, X线, X射线, X染色体, X轴.
const TERM_AFTER_X = /^(?:光|线|射线|染色体|轴|刀|因子|坐标|方向|值)/;

/** P1/P2: template blanks written with the letter X (XX县, 党的XX大, 增长X％, 20XX年, ＸＸ市). */
export const placeholderLatinX: Rule = {
  meta: {
    id: 'placeholder/latin-x',
    name: '占位符“XX”检查',
    en: 'Template placeholder left unfilled',
    category: 'placeholder',
    severity: 'error',
    description: '模板中的“XX”“X”“ＸＸ”等占位符尚未填写。',
    scope: 'line',
    fixable: false,
    details:
      '连续的大写字母 X（或全角 Ｘ）紧挨着汉字、数字或百分号时，几乎总是模板留下的空白，如“XX县”“党的XX大”“同比增长X％”“20XX年”。' +
      '紧挨英文字母的 X 属于英文单词或型号（RTX 4090、Xbox、XXL、Windows XP），不报告；“X光”“X射线”“X染色体”等术语也不报告。' +
      '小写的 xx 只在紧挨汉字或数字、且不在网址中时报告；单个小写 x 夹在汉字之间（召开x次）或在“月、日、次”等前（x月x日）时报告，数字之间的 x（3x4）和 x轴、x坐标不报告。',
    examples: { bad: ['2023年XX县XX镇述职报告', '同比增长X％', '全年组织学习X次', '２０XX年', 'ＸＸ市', '全年召开x次会议', 'x月x日'], good: ['X光检查', 'RTX 4090显卡', 'XXL码', 'Windows XP系统', 'Model X车型', 'Xbox', '沿x轴方向', '规格3x4米', 'index.html'] },
  },
  check(doc) {
    const text = doc.text;
    const out: Finding[] = [];
    const re = /X+|Ｘ+|x+/g;
    for (let m; (m = re.exec(text)); ) {
      const start = m.index;
      const end = start + m[0].length;
      if (doc.touchesZone(start, end, Zone.Url | Zone.Code)) continue;
      const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
      const next = end < text.length ? text.charCodeAt(end) : 0;
      if (m[0][0] !== 'Ｘ') {
        if (isAsciiLetter(prev) || isAsciiLetter(next)) continue; // RTX, Xbox, XXL, XP
        // `Model X`: an X after a Latin word and a space belongs to the name
        if (prev === 32 && /[A-Za-z0-9]+ $/.test(text.slice(Math.max(0, start - 24), start))) continue;
        const near = (code: number, at: number) =>
          isAsciiDigit(code) || code === 0xff05 || code === 37 || (at >= 0 && at < text.length && isCJKAt(text, at)) ||
          (code >= 0xff10 && code <= 0xff19);
        const cjkOrDigitNearby = near(prev, start - 1) || near(next, end);
        if (m[0][0] === 'x' && !cjkOrDigitNearby) continue;
        if (m[0] === 'x') {
          // a lone x stands for a number between Chinese words (召开x次, x月x日), never between digits (3x4)
          const han = (at: number) => at >= 0 && at < text.length && isCJKAt(text, at);
          if (isAsciiDigit(prev) && isAsciiDigit(next)) continue;
          if (!(han(start - 1) || isAsciiDigit(prev)) || !(han(end) || isAsciiDigit(next))) {
            // at a line start or after punctuation: only before a date or measure word (x月, x次)
            if (!(han(end) && /^[年月日次个人名项件家户元亩号届期批]/.test(text.slice(end, end + 1)))) continue;
          }
        }
        if (m[0].length === 1) {
          if (!cjkOrDigitNearby) continue;
          if (TERM_AFTER_X.test(text.slice(end, end + 3))) continue;
        }
      }
      out.push({ start, end, message: `占位符“${m[0]}”尚未填写，请补充实际内容。`, data: { placeholder: m[0] } });
    }
    return out;
  },
};
