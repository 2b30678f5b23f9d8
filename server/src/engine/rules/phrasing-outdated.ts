import type { Rule } from '../types';
import { countEntries, phraseFindings, rightForms } from '../phrases';
import { outdatedWork } from '../outdated-work';

/** F2: slogans and names of past campaigns presented as current, judged by the report's year. */
export const phrasingOutdated: Rule = {
  meta: {
    id: 'phrasing/outdated',
    name: '过时提法检查',
    en: 'Outdated formulation presented as current',
    category: 'phrasing',
    severity: 'warning',
    description: '已过时的提法被当作现行工作来写（按报告年份判断）。',
    scope: 'line',
    fixable: true,
    details:
      `内置 ${countEntries('phrasing/outdated')} 个词条，每条有起始年份：报告年份（标题或开头三行中的第一个年份）不早于该年份时才报告；找不到年份时不报告。` +
      '回顾性的写法不报告：“十三五”期间、“十三五”末、2020年打赢脱贫攻坚战、扫黑除恶专项斗争以来等。' +
      '是否过时有把握的才收录；经济发展新常态等因年份界限见仁见智，未收录。' +
      '此外按类别判断写成当年工作的往年工作：2022年起的脱贫攻坚、精准扶贫、精准脱贫（巩固拓展脱贫攻坚成果不报告），2023年起的新冠疫情防控、常态化疫情防控、核酸检测（动物防疫、传染病疫情防控不报告），' +
      '以及在别的年份写成当年工作的集中学习教育（党史学习教育 2021 年、主题教育 2019—2020 年和 2023—2024 年、党纪学习教育 2024 年、深入贯彻中央八项规定精神学习教育 2025 年等）；' +
      '“开展”“推进”“做好”等写成当年工作时才报告，写成成果、期间、以来或句中有往年年份的不报告。',
    examples: {
      bad: ['2023年度工作总结 … 统筹新冠肺炎疫情防控', '2022年述职报告 … 坚决打赢脱贫攻坚战', '2024年 … 确保“十三五”规划目标完成', '2025年述职报告 … 深入开展党纪学习教育', '2024年 … 扎实推进精准扶贫工作', '2024年 … 做好常态化疫情防控'],
      good: ['“十三五”期间', '巩固拓展脱贫攻坚成果', '2019年度总结 … 打赢脱贫攻坚战', '2024年 … 扎实开展党纪学习教育', '2025年 … 巩固拓展党纪学习教育成果', '2024年 … 做好重大动物疫情防控'],
    },
  },
  check(doc, ctx) {
    const listed = phraseFindings(doc, ctx.options, 'phrasing/outdated', (e, wrong) => {
      const forms = rightForms(e);
      const year = doc.reportYear;
      return `“${wrong}”已不是现行提法（本报告为${year}年）。${e.reason}。${forms.length ? `建议改为“${forms.join('”或“')}”。` : '请按现行提法改写。'}`;
    });
    // the classes of past work, where the catalogue has no entry at that place
    const work = outdatedWork(doc, doc.reportYear).filter((f) => !listed.some((g) => g.start < f.end && f.start < g.end));
    return work.length ? [...listed, ...work].sort((a, b) => a.start - b.start) : listed;
  },
};
