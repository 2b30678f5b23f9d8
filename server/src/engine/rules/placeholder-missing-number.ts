import type { Finding, Rule } from '../types';
import { Zone } from '../document';

// What a number is counted in, longest first: 亿元 before 元, 个百分点 before 个.
const UNITS = ['个百分点', '万平方米', '平方公里', '平方米', '千瓦时', '亿元', '万元', '万人次', '人次', '万人', '万吨', '万亩', '公里', '元', '人', '吨', '亩', '户', '家', '项', '件', '名', '%', '％'];
// Words a figure follows directly in a report (完成投资28亿元, 新增就业560人, 同比增长6.8%).
const BEFORE = ['投资', '投入', '收入', '产值', '营收', '利润', '收益', '资金', '就业', '增长', '增加', '新增', '完成', '实现', '达到', '累计', '共计', '合计', '总额', '总量', '税收', '下降', '减少', '提高', '同比', '环比', '超过', '突破', '培训', '接待', '发放', '帮扶', '救助', '服务', '办理', '化解', '查处', '立案', '招商', '引进', '签约', '惠及'];
const RE = new RegExp(`(${BEFORE.join('|')})(${UNITS.map((u) => u.replace('%', '%')).join('|')})(?=$|[，,。；;、）)\\s！!？?])`, 'gm');

/** A unit with no number before it: a site stripped the figures (完成投资亿元, 新增就业人). */
export const placeholderMissingNumber: Rule = {
  meta: {
    id: 'placeholder/missing-number',
    name: '缺少数字检查',
    en: 'Unit without its number',
    category: 'placeholder',
    severity: 'error',
    description: '数量单位前缺少数字（如“完成投资亿元”“新增就业人”），多是网站删掉了数字或模板未填。',
    scope: 'line',
    fixable: false,
    details:
      '“投资、完成、新增、增长”等词后直接跟“亿元、万元、人、户、%”等单位，并且单位后是标点或行尾时，单位前缺了数字。' +
      '单位前有数字或数量词的不报告：亿元以上、近万人次、数百户；单位是词语的一部分时不报告：新增就业人员、完成投资人选定。',
    examples: {
      bad: ['全年完成投资亿元，同比增长%。', '新增就业人，培训农民人次。'],
      good: ['完成投资28亿元，同比增长6.8%。', '新增就业人员560人', '投资亿元以上的项目', '接待游客近万人次', '完成投资人遴选'],
    },
  },
  check(doc) {
    const out: Finding[] = [];
    RE.lastIndex = 0;
    for (let m; (m = RE.exec(doc.text)); ) {
      const start = m.index + m[1].length;
      const end = start + m[2].length;
      if (doc.touchesZone(start, end, Zone.Quote | Zone.Book | Zone.Code | Zone.Url)) continue;
      out.push({ start, end, message: `“${m[1]}${m[2]}”中“${m[2]}”前缺少数字，请补充。` });
    }
    return out;
  },
};
