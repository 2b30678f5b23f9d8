import type { Rule } from '../types';
import { countEntries, phraseFindings, rightForms } from '../phrases';

/** Wrong characters in fixed expressions (以身作责 → 以身作则), with one-click replacement. */
export const typoFixedPhrase: Rule = {
  meta: {
    id: 'typo/fixed-phrase',
    name: '错别字检查',
    en: 'Wrong character in a fixed expression',
    category: 'typo',
    severity: 'warning',
    description: '成语、固定词语和常用公文词语中的错别字。',
    scope: 'line',
    fixable: true,
    details:
      `内置 ${countEntries('typo/fixed-phrase')} 个易错词条，如以身作责→以身作则、率行垂范→率先垂范、再接再励→再接再厉、贯切落实→贯彻落实、帐户→账户。` +
      '只收录任何语境下都错的写法；容易跨词误判的（如“严峻工作”中的“峻工”、“引擎画面”中的“擎画”）设有上下文条件。' +
      '“截止”只在后接时间点时建议改为“截至”（截止日期、报名截止不报告）。“其它”“制订”等规范允许的写法不报告。',
    examples: { bad: ['以身作责', '率行垂范、廉洁自律', '截止2024年6月底', '贯切落实'], good: ['以身作则', '截止日期', '报名截止', '严峻工作形势', '其它'] },
  },
  check(doc, ctx) {
    return phraseFindings(doc, ctx.options, 'typo/fixed-phrase', (e, wrong) => `“${wrong}”应为“${rightForms(e).join('”或“')}”。${e.reason.replace(/^.*?（[^）]*）：?/, '')}`.replace(/。$/, '') + '。');
  },
};
