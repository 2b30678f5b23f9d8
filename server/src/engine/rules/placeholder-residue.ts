import type { Finding, Rule, RuleCheck } from '../types';
import { Zone, type ReportDocument } from '../document';
import { SITE_LABEL } from '../residue';

/**
 * What template and essay sites add to a text, recognised by its shape: marker tags, the site's notes to
 * the reader, paywall and login notes, notes where text was cut, the site's own numbering of samples.
 * `certain`: the words never belong to a report, so deleting them is safe; otherwise the finding has no
 * safe fix (deleting could take report text with it).
 */
interface ResidueClass {
  kind: string;
  re: RegExp;
  certain: boolean | ((match: string) => boolean);
  /** The residue starts up to this many characters before the match, at the start of its clause. */
  back?: number;
}

// words only a site uses about itself
const SITE = '(?:本站|本网|小编|编者|编辑|网友|文库|范文网|资料网|站长)';
const SITE_RE = new RegExp(SITE);
const END = '[。！!…]*';

const CLASSES: ResidueClass[] = [
  { kind: '网站标记', re: /##[A-Za-z][A-Za-z0-9_]*##/g, certain: true },
  // 以下是小编为大家整理的……，欢迎阅读。
  {
    kind: '网站按语',
    re: new RegExp(`以下(?:是|为)[^。！!\\n]{0,30}?(?:${SITE.slice(3, -1)}|为您|为大家|给大家)[^。！!\\n]{0,40}?(?:整理|精心|收集|搜集|分享|推荐|带来|准备|提供|编辑)[^。！!\\n]{0,60}${END}`, 'g'),
    certain: true,
  },
  { kind: '网站按语', re: /[（(【\[](?:本文|文章|此文)?(?:系|为|由)?网友(?:投稿|上传|分享|提供|原创)[^）)】\]\n]{0,20}[）)】\]]/g, certain: true },
  { kind: '网站按语', re: new RegExp(`(?:本文|文章|此文)(?:来源|来自|转载自|转自|由)[：:]?[^。\\n]{0,20}?(?:网|站|文库|平台|公众号)(?:整理|提供|发布|转载)?${END}`, 'g'), certain: (m) => /网|站|文库|公众号/.test(m) },
  { kind: '网站按语', re: new RegExp(`更多[^。！!\\n]{0,20}?(?:范文|文章|资料|精彩内容|相关内容|内容)[^。！!\\n]{0,20}?(?:请|敬请|欢迎)?(?:关注|访问|登录|点击|查看|搜索|进入)[^。！!\\n]{0,30}${END}`, 'g'), certain: true },
  {
    kind: '网站按语',
    re: new RegExp(`(?:仅供(?:大家)?(?:学习)?(?:参考|借鉴)|欢迎(?:阅读|下载|收藏|借鉴|参考)(?:和?(?:收藏|分享|借鉴|参考))?|希望(?:对|能对)(?:您|你|大家)有所?帮助)${END}`, 'g'),
    back: 20,
    // a site's sign-off; in a report, 以上数据仅供参考 stays (no site word: reported, not deleted)
    certain: (m) => SITE_RE.test(m) || /范文|本文|文章|以上内容/.test(m),
  },
  // 本文档由某某文库用户上传提供，…: the site's own wording, never “本文档由县统计局提供的数据编制”
  { kind: '网站按语', re: /本文档由[^。，,\n]{1,20}?(?:文库|网友|用户|会员|网站|本站)[^。，,\n]{0,10}?(?:上传|整理|提供|分享)(?=[，,。.！!\s]|$)/g, certain: true },
  { kind: '网站按语', re: /(?:本文档|本文|文档|范文|全文)(?:可|已)?(?:免费)?下载后?(?:可(?:任意)?编辑|可修改)?|下载后可(?:任意)?编辑|本文档可(?:任意)?编辑|精品文档|[（(](?:完整版|word版|Word版|WORD版|可编辑版?|精选版?)[）)]/g, certain: true },
  { kind: '页码残留', re: /第\s*\d+\s*页\s*[，,、/／]?\s*共\s*\d+\s*页/g, certain: true },
  // paywalls and logins
  {
    kind: '付费或登录提示',
    re: /[（(【\[]?(?:余下|剩余|剩下|未显示|以下)(?:\d+字)?(?:全文|内容|部分)?(?:请|需|需要)?(?:下载|登录|购买|付费|开通会员)后?(?:查看|阅读|下载)?(?:全文)?[）)】\]]?|VIP(?:会员)?(?:用户)?(?:可)?(?:免费)?(?:阅读|下载|查看)(?:全文|完整版?)?|登录后(?:即可|可)?(?:查看|阅读|下载)(?:完整|全部)?(?:内容|全文)|(?:查看|阅读|下载)(?:完整|全部)?(?:内容|全文|原文)(?:请|需)(?:先)?(?:登录|下载|付费|购买|开通会员)|点击(?:下载|查看|阅读)(?:完整|全部)?(?:全文|原文|内容)|付费(?:阅读|下载|查看)(?:全文)?|开通(?:VIP|会员)(?:即可|可)?(?:查看|阅读|下载)(?:全文)?/g,
    certain: (m) => !/^[（(【\[]?以下/.test(m) || /下载|登录|购买|付费|会员/.test(m),
  },
  // text the site hid or cut
  { kind: '截断提示', re: /[［\[【（(](?:全文|本文)(?:共|约)?\s*\d+\s*字[^］\]】）)\n]{0,30}[］\]】）)]/g, certain: true },
  { kind: '截断提示', re: /[（(【［\[](?:此处|以下|中间|部分内容)(?:已|被)?(?:隐藏|省略|仅显示|不显示|截取)[^）)】］\]\n]{0,20}[）)】］\]]/g, certain: true },
];

/** A line that is nothing but a cut mark: …… / ... / 【…】. */
const CUT_LINE = /^[ \t\u3000]*(?:[.。…·]{3,}|…{1,2}|[【\[［](?:…{1,2}|\.{3,}|略)[】\]］])[ \t\u3000]*$/;
/** A site's numbering of its samples: 篇二：, 范文三, 第2篇：, 【篇一】 (after an optional heading number). */
const SAMPLE_LABEL = new RegExp(`^([ \\t\\u3000]*(?:#{1,6}[ \\t]+)?(?:[一二三四五六七八九十]{1,3}[、.．]|\\d{1,2}[、.．]|[（(][一二三四五六七八九十\\d]{1,3}[）)])?[ \\t\\u3000]*)(${SITE_LABEL.source})`);
/** A collection's count in a title: （通用5篇）, 精选10篇, 范文大全. */
const COLLECTION = /[（(【\[](?:精选|通用|优秀|最新|热门|经典)?[^）)】\]\n]{0,8}?\d+篇(?:范文|合集|精选)?[）)】\]]|(?:精选|通用|优秀|最新|热门|经典)(?:范文)?\d+篇|(?:范文|模板)(?:大全|合集|精选)/g;

function deletion(doc: ReportDocument, start: number, end: number): { start: number; end: number } {
  const text = doc.text;
  const line = doc.lines.lineAt(start);
  const lineStart = doc.lines.lineStarts[line];
  const lineEnd = doc.lines.lineEnds[line];
  if (end > lineEnd || text.slice(lineStart, start).trim() || text.slice(end, lineEnd).trim()) return { start, end };
  // it stands alone on its line: remove the line with its line break
  if (line + 1 < doc.lines.lineCount) return { start: lineStart, end: doc.lines.lineStarts[line + 1] };
  if (line > 0) return { start: doc.lines.lineEnds[line - 1], end: lineEnd };
  return { start: lineStart, end: lineEnd };
}

/**
 * The last paragraph stops in the middle of a sentence: the site cut the text there. A draft being written
 * ends so too, so this needs more: a cut mark (不断提高……) or other site residue in the same text.
 */
function cutAtEnd(doc: ReportDocument, siteResidue: () => boolean): Finding | undefined {
  let line = doc.lines.lineCount - 1;
  while (line >= 0 && !doc.lineText(line).trim()) line--;
  if (line < 1) return undefined;
  let text = doc.lineText(line).trimEnd();
  const marked = /[\u4e00-\u9fff](?:\.{3,}|…{1,2})$/.test(text);
  if (marked) text = text.replace(/(?:\.{3,}|…{1,2})$/, '');
  if (doc.headingAtLine(line) || text.length < 20) return undefined;
  const last = text[text.length - 1];
  // it ends on a Han character after a comma: a sentence going on (not a name, a date or a title)
  if (!/[\u4e00-\u9fff]/.test(last) || !/[，,、；]/.test(text) || /[。！？!?]/.test(text.slice(-12))) return undefined;
  // a draft being written ends so too: only with a cut mark, or with other site residue in the text
  if (!marked && !siteResidue()) return undefined;
  const start = doc.lines.lineStarts[line] + text.length - 1;
  if (doc.inZone(start, Zone.Code)) return undefined;
  return { start, end: start + 1, message: '全文在句子中间结束，可能是从网站复制时被截断，请补全。' };
}

/** What the sites add, line by line (each finding depends on its line alone). */
const residueOnLines: RuleCheck = (doc) => {
    const text = doc.text;
    const out: Finding[] = [];
    // spans already reported, sorted by start and disjoint: an overlap check looks at the neighbours only
    const taken: [number, number][] = [];
    const overlapsTaken = (start: number, end: number) => {
      let lo = 0;
      let hi = taken.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (taken[mid][0] < start) lo = mid + 1;
        else hi = mid;
      }
      return (lo > 0 && taken[lo - 1][1] > start) || (lo < taken.length && taken[lo][0] < end) ? -1 : lo;
    };
    const push = (start: number, end: number, what: string, certain: boolean, message?: string) => {
      if (end <= start || doc.touchesZone(start, end, Zone.Code)) return;
      const at = overlapsTaken(start, end);
      if (at === -1) return;
      taken.splice(at, 0, [start, end]);
      const found = text.slice(start, end).trim();
      const del = deletion(doc, start, end);
      out.push({
        start,
        end,
        message: message ?? `模板残留（${what}）“${found.length > 30 ? found.slice(0, 30) + '…' : found}”，提交前应删除。`,
        fixes: [{ title: `删除“${found.length > 20 ? found.slice(0, 20) + '…' : found}”`, edits: [{ start: del.start, end: del.end, newText: '' }], preferred: certain, safe: certain }],
      });
    };
    for (const c of CLASSES) {
      c.re.lastIndex = 0;
      for (let m; (m = c.re.exec(text)); ) {
        if (!m[0]) {
          c.re.lastIndex++;
          continue;
        }
        let from = m.index;
        // the clause the words stand in: back to its start (以上范文仅供参考), at most c.back characters
        if (c.back) {
          const stop = Math.max(0, from - c.back);
          while (from > stop && !'。！!\n\r'.includes(text[from - 1])) from--;
        }
        const found = text.slice(from, m.index + m[0].length);
        // leading spaces and a sentence's own start are not part of the residue
        const lead = found.length - found.trimStart().length;
        const certain = typeof c.certain === 'function' ? c.certain(found) : c.certain;
        push(from + lead, m.index + m[0].length, c.kind, certain);
      }
    }
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const s = doc.lines.lineStarts[line];
      const t = doc.lineText(line);
      if (CUT_LINE.test(t)) {
        const lead = t.length - t.trimStart().length;
        push(s + lead, s + t.trimEnd().length, '截断处', false, `单独成行的“${t.trim()}”多是网站截断正文留下的，请补全或删除。`);
        continue;
      }
      const label = SAMPLE_LABEL.exec(t);
      if (label) {
        const lead = label[1].length - label[1].trimStart().length;
        // the heading number before a site label belongs to the site's numbering too
        push(s + lead, s + label[1].length + label[2].length, '范文编号', true);
      }
    }
    COLLECTION.lastIndex = 0;
    for (let m; (m = COLLECTION.exec(text)); ) push(m.index, m.index + m[0].length, '范文合集', /^[（(【\[]/.test(m[0]));
    return out.sort((a, b) => a.start - b.start);
};

/** A text that stops mid-sentence at its end (document-wide: where the text ends, and whether a site left other traces). */
const residueAtEnd: RuleCheck = (doc, ctx) => {
  const cut = cutAtEnd(doc, () => residueOnLines(doc, ctx).some((f) => f.fixes?.[0]?.safe));
  return cut ? [cut] : [];
};

/** P9: copy residue from template sites. Certain residue is deleted by the fix (with its line, when alone). */
export const placeholderResidue: Rule = {
  meta: {
    id: 'placeholder/residue',
    name: '网站残留检查',
    en: 'Copy residue from a template site',
    category: 'placeholder',
    severity: 'error',
    description: '从模板网站复制时带入的标记、按语、付费提示、截断提示和范文编号。',
    fixable: true,
    details:
      '按形态识别范文网站加进正文的内容：标记（##paidbegin##）；网站按语（以下是小编为大家整理的……，欢迎阅读；（本文为网友投稿）；更多范文请关注……；仅供参考）；' +
      '付费和登录提示（余下全文请下载后查看、VIP可免费阅读全文、登录后查看完整内容）；截断提示（［全文共6000字，此处仅显示部分］、单独成行的“……”、全文在句子中间以“……”结束，或有其他网站残留时全文在句子中间结束）；' +
      '范文编号（篇二：、范文三、第2篇：、（通用5篇））。“1、篇二：……”中的“1、”属于范文编号，不按标题序号检查。' +
      '只有确定是网站加的内容才可一键删除（单独成行时删除整行）；可能是报告原文的（如“以上数据仅供参考”、单独成行的省略号、截断的结尾）只提示，不自动删除。' +
      '“本文档由县统计局提供的数据编制”这样的正文不报告。',
    examples: {
      bad: ['同比增长X##paidbegin##X％', '以下是小编为大家整理的述职报告范文，欢迎阅读！', '（余下全文请下载后查看）', '［全文共6000字，此处仅显示部分］', '篇二：2024年度述职报告', '本文档由某某文库用户上传提供'],
      good: ['## 一、总体情况', '本文档由县统计局提供的数据编制。', '为群众提供免费下载服务', '第一篇章', '开设VIP客户专属通道'],
    },
  },
  check: (doc, ctx) => [...residueOnLines(doc, ctx), ...residueAtEnd(doc, ctx)].sort((a, b) => a.start - b.start),
  parts: { line: (doc, ctx) => residueOnLines(doc, ctx), rest: (doc, ctx) => residueAtEnd(doc, ctx) },
};

