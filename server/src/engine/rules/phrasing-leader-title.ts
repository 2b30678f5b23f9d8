import type { Finding, Rule } from '../types';
import { Zone } from '../document';

// the names of his thought: “习近平新时代中国特色社会主义思想”, “习近平经济思想” … take no title
const THOUGHT = /^(?:新时代中国特色社会主义思想|(?:经济|法治|生态文明|强军|外交|文化)思想)/;
// 习近平重要讲话, 习近平的重要指示: the title is missing
const NO_TITLE = /习近平(的)?(?=重要(?:讲话|指示|批示|论述|回信|贺信|文章|思想))/g;
// 总书记习近平: the title before the name
const REVERSED = /总书记习近平/g;
// what may stand right before a bare 总书记 (a verb, a particle, punctuation): not another person's name
const BEFORE_BARE = /(?:^|[^\u4e00-\u9fff]|学习|贯彻|落实|按照|遵照|遵循|牢记|领会|聆听|传达|根据|围绕|听取|感谢|践行|的|和|与|对|把|将|是|在|向|以|为|由|同|及|据)$/;

/** How the General Secretary is named: in full at the first mention, with his title before 重要讲话, the title after the name. */
export const phrasingLeaderTitle: Rule = {
  meta: {
    id: 'phrasing/leader-title',
    name: '领导人称谓检查',
    en: 'General Secretary not named as the norm requires',
    category: 'phrasing',
    severity: 'error',
    description: '对总书记的称谓不规范：首次提及未写全称“习近平总书记”，“习近平重要讲话”缺“总书记”，或写成“总书记习近平”。',
    fixable: true,
    details:
      '“习近平重要讲话（指示、批示、论述）”应为“习近平总书记重要讲话”；“总书记习近平”应为“习近平总书记”，' +
      '在思想名称前则去掉“总书记”（以习近平新时代中国特色社会主义思想为指导）；全文第一次提及时应写全称，' +
      '在“习近平总书记”“习近平同志”出现之前单独写“总书记”的，提示写全称。书名号中的标题不报告；前面是其他人名的“总书记”不报告。',
    examples: {
      bad: ['深入学习习近平重要讲话精神', '坚持以总书记习近平新时代中国特色社会主义思想为指导', '认真学习总书记重要讲话精神'],
      good: ['深入学习习近平总书记重要讲话精神', '坚持以习近平新时代中国特色社会主义思想为指导', '学习习近平总书记重要讲话。总书记强调……', '学习《习近平谈治国理政》'],
    },
  },
  check(doc) {
    const text = doc.text;
    const out: Finding[] = [];
    const skip = Zone.Book | Zone.Code | Zone.Url;
    NO_TITLE.lastIndex = 0;
    for (let m; (m = NO_TITLE.exec(text)); ) {
      if (doc.touchesZone(m.index, m.index + m[0].length, skip)) continue;
      const at = m.index + 3;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: `“${m[0]}重要…”缺少称谓，应为“习近平总书记${m[1] ?? ''}重要…”。`,
        fixes: [{ title: '补上“总书记”', edits: [{ start: at, end: at, newText: '总书记' }], preferred: true, safe: true }],
      });
    }
    REVERSED.lastIndex = 0;
    for (let m; (m = REVERSED.exec(text)); ) {
      if (doc.touchesZone(m.index, m.index + m[0].length, skip)) continue;
      const end = m.index + m[0].length;
      const thought = THOUGHT.test(text.slice(end, end + 16));
      out.push({
        start: m.index,
        end,
        message: thought ? '思想的名称是“习近平新时代中国特色社会主义思想”等，前面不加“总书记”。' : '“总书记习近平”应为“习近平总书记”。',
        fixes: [thought
          ? { title: '删除“总书记”', edits: [{ start: m.index, end: m.index + 3, newText: '' }], preferred: true, safe: true }
          : { title: '改为“习近平总书记”', edits: [{ start: m.index, end, newText: '习近平总书记' }], preferred: true, safe: true }],
      });
    }
    // the first mention: a bare 总书记 before any 习近平总书记 / 习近平同志
    const full = /习近平(?:总书记|同志|主席)/.exec(text);
    const fullAt = full ? full.index : text.length;
    // with no full mention at all, only a whole report (not a phrase or a line on its own) is judged
    const judged = full !== null || text.length >= 200;
    for (let i = judged ? text.indexOf('总书记') : -1; i !== -1 && i < fullAt; i = text.indexOf('总书记', i + 3)) {
      if (text.startsWith('习近平', i - 3) || text.startsWith('习近平', i + 3)) continue;
      if (!BEFORE_BARE.test(text.slice(Math.max(0, i - 4), i)) || doc.touchesZone(i, i + 3, skip | Zone.Quote)) continue;
      out.push({
        start: i,
        end: i + 3,
        message: '第一次提及应写全称“习近平总书记”，之后可简称“总书记”。',
        fixes: [{ title: '改为“习近平总书记”', edits: [{ start: i, end: i, newText: '习近平' }], preferred: true, safe: false }],
      });
      break;
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
