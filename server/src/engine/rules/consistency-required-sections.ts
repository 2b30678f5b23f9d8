import type { Rule } from '../types';
import { countCharacters } from '../metrics';

const MIN_BODY = 300;

export interface SectionRequirement {
  /** Shown in the message, e.g. 存在的问题或不足. */
  name: string;
  /** Words that show the section is there (in a heading or the text). */
  keywords: string[];
}

const WORK = { name: '履职情况', keywords: ['履职', '履行', '职责', '主要工作', '工作成效', '工作情况', '述职'] };
const PROBLEMS = { name: '存在的问题或不足', keywords: ['存在的问题', '存在问题', '不足', '差距', '需要改进', '短板', '薄弱'] };
const PLANS = { name: '今后打算或下一步工作', keywords: ['今后', '下一步', '打算', '努力方向', '整改措施', '下一年', '明年', '工作计划', '工作思路', '工作安排', '新的一年', '来年'] };
const SUMMARY_WORK = { name: '主要工作及成效', keywords: ['主要工作', '工作成效', '成效', '完成', '工作情况', '一年来', '本学年', '本年度', '取得'] };
export const DEFAULT_REQUIRED_SECTIONS: Record<string, SectionRequirement[]> = {
  述职述德述廉报告: [
    WORK,
    { name: '述德（政治品德、职业道德等）', keywords: ['述德', '品德', '道德', '德法', '政治素质', '政治品格', '德才'] },
    { name: '述廉（廉洁自律）', keywords: ['述廉', '廉洁', '廉政', '八项规定'] },
    PROBLEMS,
    PLANS,
  ],
  述职报告: [WORK, PROBLEMS, PLANS],
  工作总结: [SUMMARY_WORK, PROBLEMS, PLANS],
};

/** The kind of report a title names, most specific first. */
export function reportKind(title: string, kinds: string[]): string | undefined {
  // a speech at a meeting (在…工作总结大会上的讲话) is not the report its meeting is about
  if (/(?:讲话|发言|致辞|讲稿|主持词|报告会)(?:提纲|稿)?[）)]?\s*$/.test(title.trim())) return undefined;
  const order = [...kinds].sort((a, b) => b.length - a.length);
  return order.find((k) => title.includes(k)) ?? (title.includes('述职') && kinds.includes('述职报告') ? '述职报告' : title.includes('总结') && kinds.includes('工作总结') ? '工作总结' : undefined);
}

/** A 述职报告 / 述职述德述廉报告 / 工作总结 should carry its usual parts: one information diagnostic on the title. */
export const consistencyRequiredSections: Rule = {
  meta: {
    id: 'consistency/required-sections',
    name: '报告组成部分检查',
    en: 'Report lacks a part such reports carry',
    category: 'consistency',
    severity: 'info',
    description: '按标题识别报告类型，提示缺少的常规部分（如存在的问题、今后打算、述德、述廉）。',
    fixable: false,
    details:
      '述职报告应有履职情况、存在的问题或不足、今后打算；述职述德述廉报告另有述德、述廉部分；工作总结应有主要工作及成效、问题、打算。' +
      '某部分的关键词出现在标题或正文中即算具备（如“需要改进的地方”“今后”）；除问题、打算外还有两个以上“一、”级标题的，即算有履职情况或主要工作部分。正文不足 300 字的草稿不检查。缺少时在标题上给出一条提示，列出缺少的部分。' +
      '可在 .gongwen.json 的 requiredSections 中按报告类型改写，例如 { "requiredSections": { "述职报告": [{ "name": "述学", "keywords": ["学习"] }] } }。',
    examples: { bad: ['2024年度述职报告（只写了工作成绩，没有问题和打算）'], good: ['写了履职情况、存在的不足和今后打算的述职报告'] },
  },
  check(doc, ctx) {
    const title = doc.title;
    if (!title) return [];
    const table = { ...DEFAULT_REQUIRED_SECTIONS, ...(ctx.options.requiredSections ?? {}) };
    const kind = reportKind(title.text, Object.keys(table));
    if (!kind) return [];
    const body = doc.text.slice(title.end);
    // a draft of a few lines is not judged yet: the hint appears once the report has some substance
    if (body.length < MIN_BODY || countCharacters(body, 0, Math.min(body.length, MIN_BODY * 4)) < MIN_BODY) return [];
    // the review of the year's work: a report with several 一、 sections besides its problems and plans has one
    const sectionsBesides = () => doc.headings.filter((h) => h.level === 1 && ![PROBLEMS, PLANS].some((r) => r.keywords.some((k) => doc.text.slice(h.textStart, h.textEnd).includes(k)))).length;
    const missing = table[kind].filter((r) => !r.keywords.some((k) => body.includes(k)) && !((r === WORK || r === SUMMARY_WORK) && sectionsBesides() >= 2));
    if (!missing.length) return [];
    return [{ start: title.start, end: title.end, message: `${kind}通常包括以下部分，本文似乎缺少：${missing.map((m) => m.name).join('；')}。` }];
  },
};
