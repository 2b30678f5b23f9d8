/**
 * Work of a past year written as this year's work, recognised by class rather than by phrase: poverty
 * alleviation after 2021, epidemic prevention after early 2023, a campaign of one year in a report of
 * another. A mention in a historical account (回顾, 期间, 以来, a past year named, 成果) stays silent.
 */
import type { ReportDocument } from './document';
import { Zone } from './document';
import type { Finding } from './types';
import { sentenceTest } from './phrases';

interface WorkClass {
  /** Terms of the class, matched as written. */
  terms: RegExp;
  /** Whether the work is current in a report of `year`. */
  currentIn(year: number, match: string, before: string): boolean;
  message(term: string, year: number, before: string): string;
  /** Words right before the term that make it something else (动物防疫). */
  qualifiers?: RegExp;
}

// an action on the work as this year's: 开展/推进/抓好/做好 … within a few characters before the term
const ACTION_BEFORE = /(?:开展|推进|推动|抓好|抓实|做好|落实|实施|打好|打赢|决战|决胜|深化|聚焦|全力|坚决|扎实|持续|加快|加大|强化|助力|服务|投身|参与|坚持|统筹|启动|部署|组织|全面|认真|毫不放松|慎终如始|从严从紧|常态化)[^，。；、\n]{0,6}$/;
// or the term as the object: 精准扶贫工作, 疫情防控任务
const OBJECT_AFTER = /^(?:工作|任务|攻坚战|攻坚|战|行动|责任|举措|政策|要求|措施|部署|第一线|一线)/;
// a historical account or what remains of the work
const HISTORY_AFTER = /^(?:成果|成效|精神|经验|以来|期间|时期|之时|中|时|过程中|收官|总结|表彰|胜利|任务完成|工作成效|取得|的成果|的胜利|“回头看”|有效衔接)/;
const HISTORY_BEFORE = /(?:巩固|拓展|衔接|回顾|总结|自|在|曾|曾经|过去|当年|此前|以往|历经|经过|通过)[^，。；\n]{0,8}$/;
const HISTORY_SENTENCE = /回顾|期间|以来|曾经|过去|当年|此前|以往|年初|一季度|初期|乙类乙管|平稳转段|已于|已经|取得了?全面胜利|历史性/;


/** A year before `year` named in the sentence (2020年, 去年): the sentence tells the past. */
function namesPastYear(s: string, year: number): boolean {
  if (/去年|上年|前年|上一年/.test(s)) return true;
  for (const m of s.matchAll(/(19|20)\d\d(?=年)/g)) if (Number(m[0]) < year) return true;
  return false;
}

// campaigns: the years they were this year's work
const CAMPAIGNS: { name: RegExp; years: number[]; label: string }[] = [
  { name: /党史学习教育/g, years: [2021], label: '党史学习教育' },
  { name: /党纪学习教育/g, years: [2024], label: '党纪学习教育' },
  { name: /(?:深入贯彻)?中央八项规定精神学习教育/g, years: [2025], label: '深入贯彻中央八项规定精神学习教育' },
  { name: /“?两学一做”?学习教育/g, years: [2016, 2017, 2018], label: '“两学一做”学习教育' },
  { name: /“?三严三实”?专题教育/g, years: [2015], label: '“三严三实”专题教育' },
  { name: /主题教育/g, years: [2019, 2020, 2023, 2024], label: '主题教育' },
];

const CLASSES: WorkClass[] = [
  {
    terms: /脱贫攻坚|精准扶贫|精准脱贫|扶贫攻坚/g,
    currentIn: (year) => year < 2022,
    message: (term, year) => `“${term}”写成本年度的工作不合时宜（本报告为${year}年，脱贫攻坚已于2021年取得全面胜利），现行提法为“巩固拓展脱贫攻坚成果”“防止规模性返贫致贫”。`,
  },
  {
    terms: /新冠肺炎疫情防控|新冠疫情防控|新冠肺炎疫情|新冠疫情|常态化疫情防控|疫情防控常态化|疫情常态化防控|疫情防控|抗疫|核酸检测|动态清零|外防输入、内防反弹/g,
    currentIn: (year) => year < 2023,
    qualifiers: /(?:动物|畜禽|猪瘟|禽流感|重大动物|植物|传染病|登革热|鼠疫|手足口病|流感|诺如|艾滋病|结核病?|口蹄疫|布病|狂犬病|虫)[^，。；\n]{0,4}$/,
    message: (term, year) => `“${term}”写成本年度的工作不合时宜（本报告为${year}年，新冠病毒感染自2023年1月起实施“乙类乙管”）。`,
  },
];

/** 2019, 2020, 2023, 2024 → 2019—2020年、2023—2024年. */
function spans(years: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(i === j ? `${years[i]}年` : `${years[i]}—${years[j]}年`);
    i = j + 1;
  }
  return parts.join('、');
}

/** Findings of past work written as current, for a report of `year`. */
export function outdatedWork(doc: ReportDocument, year: number | undefined): Finding[] {
  if (year === undefined) return [];
  const text = doc.text;
  const out: Finding[] = [];
  const skip = Zone.Quote | Zone.Book | Zone.Code | Zone.Url;
  const judge = (start: number, end: number, qualifiers: RegExp | undefined): boolean => {
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 8);
    if (qualifiers?.test(before)) return false;
    if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(before)) return false;
    if (!ACTION_BEFORE.test(before) && !OBJECT_AFTER.test(after)) return false;
    if (sentenceTest(doc, start, end, `past:${year}`, (s) => HISTORY_SENTENCE.test(s) || namesPastYear(s, year))) return false;
    return !doc.touchesZone(start, end, skip);
  };
  for (const c of CLASSES) {
    if (c.currentIn(year, '', '')) continue;
    c.terms.lastIndex = 0;
    for (let m; (m = c.terms.exec(text)); ) {
      if (!judge(m.index, m.index + m[0].length, c.qualifiers)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, message: c.message(m[0], year, '') });
    }
  }
  for (const c of CAMPAIGNS) {
    c.name.lastIndex = 0;
    for (let m; (m = c.name.exec(text)); ) {
      let years = c.years;
      const lead = text.slice(Math.max(0, m.index - 24), m.index);
      // which 主题教育: the 2019 one or the 2023 one, when the text says
      if (c.label === '主题教育') {
        if (/不忘初心、牢记使命”?$/.test(lead)) years = [2019, 2020];
        else if (/社会主义思想$/.test(lead)) years = [2023, 2024];
        else if (/(?:党史学习教育|党纪学习教育)$/.test(lead)) continue;
      }
      if (years.includes(year)) continue;
      if (!judge(m.index, m.index + m[0].length, undefined)) continue;
      const when = spans(years);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: `“${m[0]}”是${when}开展的集中学习教育，本报告为${year}年，不宜写成当年的工作；可写“巩固拓展${c.label}成果”或当年开展的学习教育。`,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
