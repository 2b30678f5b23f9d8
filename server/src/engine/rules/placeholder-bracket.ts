import type { Rule } from '../types';
import { placeholderMatches } from './placeholder-match';
import { Zone } from '../document';

// 【】, 【待填写】, （待补充）, （此处填写单位名称）: brackets holding nothing or only an instruction to the writer.
const BRACKET = /【[ \t\u3000]*】|（[ \t\u3000]*）|(?<![\]A-Za-z0-9_])\([ \t\u3000]*\)|［[ \t\u3000]*］|【(?:待补充|待填写|待完善|略|此处[^】\n]{0,20}|请?填写[^】\n]{0,20}|请?输入[^】\n]{0,20})】|[（(](?:待补充|待填写|待完善|此处[^）)\n]{0,16}(?:填写|填入|补充|插入)[^）)\n]{0,16}|请?(?:填写|填入|输入)[^）)\n]{1,16})[）)]/g;

/** P6: empty brackets and bracketed instructions left in the text. */
export const placeholderBracket: Rule = {
  meta: {
    id: 'placeholder/bracket',
    name: '空括号和填写提示检查',
    en: 'Empty or instruction brackets left in the text',
    category: 'placeholder',
    severity: 'error',
    description: '空的【】（）或“（待补充）”“（此处填写…）”等填写提示尚未替换。',
    scope: 'line',
    fixable: false,
    details: '报告模板用空括号或括号中的提示标出要填写的位置。括号中有实际内容的不报告：【经验做法】、（暂行）、（试行）。',
    examples: { bad: ['【】', '【待填写】', '（待补充）', '（此处填写单位名称）', '主要负责（　）工作'], good: ['【经验做法】', '《条例（试行）》', '（暂行）', '调用 init() 函数'] },
  },
  check(doc) {
    return placeholderMatches(doc, BRACKET, Zone.Code, (p) => `填写提示“${p}”尚未替换为实际内容。`);
  },
};
