import type { Finding, Rule } from '../types';
import { renumberEdits, sequenceProblems } from '../numbering';
import { toChineseNumeral } from '../chars';
import type { EnumerationSequence } from '../enumeration';

const word = (seq: EnumerationSequence, value: number) =>
  seq.family === 'shi' ? `${toChineseNumeral(value)}是` : seq.family === 'di' ? `第${toChineseNumeral(value)}` : `其${toChineseNumeral(value)}`;

/** N4: 一是/二是/二是, 第一/第二/第四, 其一/其二/其二, 首先/其次/其次 inside paragraphs. */
export const numberingEnumeration: Rule = {
  meta: {
    id: 'numbering/enumeration',
    name: '列举顺序检查',
    en: 'Inline enumeration out of sequence',
    category: 'numbering',
    severity: 'warning',
    description: '段落中的“一是、二是”“第一、第二”“其一、其二”“首先、其次、再次”重复、跳号或顺序错误。',
    fixable: true,
    details:
      '在同一部分中逐项检查列举词的顺序。“一是……二是……二是”报告第三项并建议改为“三是”，快速修复只改写数字。' +
      '不报告：“一是一，二是二”；“唯一是”“统一是”（“一”属于前面的词）；“实事求是”；“第一书记”“第一要务”“第一时间”“第一种形态”等（后面紧跟名词）；' +
      '只有“首先”没有“其次”；“再次强调”（副词）；引号“……”和书名号《……》中的内容。' +
      '某一项中冒号后另起的列举（一是……有两家：一是……；二是……）是嵌套的列举，分开检查，其修复需查看后应用。',
    examples: { bad: ['一是…。二是…。二是…。', '第一，…；第二，…；第四，…', '首先，…；其次，…；其次，…'], good: ['一是一，二是二', '实事求是', '第一书记', '第一时间', '首先要提高认识', '再次强调'] },
  },
  check(doc) {
    const out: Finding[] = [];
    for (const seq of doc.enumerations) {
      if (seq.family === 'shouxian') {
        let pos = 1;
        for (const item of seq.items.slice(1)) {
          const w = doc.text.slice(item.start, item.end);
          if (item.value === 2 && pos >= 2) {
            out.push({ start: item.start, end: item.end, message: `“${w}”重复出现，第三项应为“再次”。`, fixes: [{ title: '改为“再次”', edits: [{ start: item.start, end: item.end, newText: '再次' }], preferred: true, safe: true }] });
          } else if (item.value === 3 && pos === 1) {
            out.push({ start: item.start, end: item.end, message: '“首先”之后应先用“其次”，再用“再次”。', fixes: [{ title: '改为“其次”', edits: [{ start: item.start, end: item.end, newText: '其次' }], preferred: true, safe: true }] });
          }
          pos = Math.max(pos, item.value === 0 ? pos : item.value);
        }
        continue;
      }
      const values = seq.items.map((i) => i.value);
      for (const p of sequenceProblems(values)) {
        if (p.problem === 'start' && seq.items.length < 2) continue; // a lone 二是 may continue an earlier list
        const item = seq.items[p.index];
        const written = doc.text.slice(item.start, item.end);
        const want = word(seq, p.expected);
        const prev = seq.items[p.index - 1];
        const prevWord = prev ? doc.text.slice(prev.start, prev.end) : '';
        const message =
          p.problem === 'start' ? `列举应从“${want}”开始，这里是“${written}”。`
            : p.problem === 'duplicate' ? `“${written}”与上一项重复，应为“${want}”。`
              : p.problem === 'gap' ? `列举不连续：“${prevWord}”之后是“${written}”，应为“${want}”。`
                : `列举顺序颠倒：“${prevWord}”之后是“${written}”，应为“${want}”。`;
        const edits = renumberEdits(seq.items, p.index, toChineseNumeral, (x) => doc.text.slice(x.numeralStart, x.numeralEnd));
        out.push({
          start: item.start,
          end: item.end,
          message,
          // with a list nested in another the numbering could be read more than one way: look before fixing
          fixes: edits.length ? [{ title: edits.length > 1 ? `重新编号后续各项（${edits.length} 处）` : `改为“${want}”`, edits, preferred: true, safe: !seq.nested }] : undefined,
        });
      }
    }
    return out;
  },
};
