import type { Rule } from '../types';
import { countEntries, phraseFindings, rightForms } from '../phrases';

/** F3: redundant, mixed-up and colloquial wording (目的是为了, 涉及到, 咱们, 比去年同期相比). */
export const phrasingColloquial: Rule = {
  meta: {
    id: 'phrasing/colloquial',
    name: '口语和语义重复检查',
    en: 'Redundant or colloquial wording',
    category: 'phrasing',
    severity: 'info',
    description: '语义重复、句式杂糅或口语、网络用语，不合公文语体。',
    scope: 'line',
    fixable: true,
    details:
      `内置 ${countEntries('phrasing/colloquial')} 个词条。引号中的口语（引用群众原话）不报告。双重否定使意思相反的（切忌不要、避免不发生）和用“倍”表示减少的为警告，其余为提示。`,
    examples: { bad: ['目的是为了提高效率', '涉及到多个部门', '咱们村', '比去年同期相比增长5%', '成本降低了一倍'], good: ['群众说：“咱们村变样了。”', '涉及多个部门', '与去年同期相比'] },
  },
  check(doc, ctx) {
    return phraseFindings(doc, ctx.options, 'phrasing/colloquial', (e, wrong) => {
      const forms = rightForms(e);
      return `“${wrong}”：${e.reason}${forms.length ? `，建议改为“${forms.join('”或“')}”` : ''}。`;
    });
  },
};
