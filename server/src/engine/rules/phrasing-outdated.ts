import type { Rule } from '../types';
import { countEntries, phraseFindings, rightForms } from '../phrases';

/** F2: slogans and names of past campaigns presented as current, judged by the report's year. */
export const phrasingOutdated: Rule = {
  meta: {
    id: 'phrasing/outdated',
    en: 'Outdated formulation presented as current',
    category: 'phrasing',
    severity: 'warning',
    description: '已过时的提法被当作现行工作来写（按报告年份判断）。',
    scope: 'line',
    fixable: true,
    details:
      `内置 ${countEntries('phrasing/outdated')} 个词条，每条有起始年份：报告年份（标题或开头三行中的第一个年份）不早于该年份时才报告；找不到年份时不报告。` +
      '回顾性的写法不报告：“十三五”期间、“十三五”末、2020年打赢脱贫攻坚战、扫黑除恶专项斗争以来等。' +
      '是否过时有把握的才收录；两学一做、三严三实、经济发展新常态等因年份界限见仁见智，未收录。',
    examples: {
      bad: ['2023年度工作总结 … 统筹新冠肺炎疫情防控', '2022年述职报告 … 坚决打赢脱贫攻坚战', '2024年 … 确保“十三五”规划目标完成'],
      good: ['“十三五”期间', '巩固拓展脱贫攻坚成果', '2019年度总结 … 打赢脱贫攻坚战'],
    },
  },
  check(doc, ctx) {
    return phraseFindings(doc, ctx.options, 'phrasing/outdated', (e, wrong) => {
      const forms = rightForms(e);
      const year = doc.reportYear;
      return `“${wrong}”已不是现行提法（本报告为${year}年）。${e.reason}。${forms.length ? `建议改为“${forms.join('”或“')}”。` : '请按现行提法改写。'}`;
    });
  },
};
