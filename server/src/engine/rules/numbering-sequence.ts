import type { Finding, Rule } from '../types';
import { numeralText, renumberEdits, sequenceProblems, siblingGroups, standardMarker } from '../numbering';

/** N3: siblings under one parent run 一、二、三…; duplicates, gaps, wrong order, a wrong start, no restart. */
export const numberingSequence: Rule = {
  meta: {
    id: 'numbering/sequence',
    name: '序号顺序检查',
    en: 'Heading numbers out of sequence',
    category: 'numbering',
    severity: 'error',
    description: '同级标题序号重复、跳号、顺序颠倒，或没有在新的上级标题下重新编号。',
    fixable: true,
    details:
      '同一上级标题下的同级标题应从 1 开始连续编号；“（一）”在每个新的“一、”下重新开始，“1.”在每个新的“（一）”下重新开始。' +
      '只报告破坏顺序的那一个序号（如 1. 2. 2. 4. 只报告第三个），不连带报告后面的序号。快速修复“重新编号”只改写本组其后各标题的序号数字。' +
      '重复和跳号为错误，顺序颠倒为警告。',
    examples: { bad: ['一、… 二、… 二、…', '（一）… （三）…', '1. 2. 2. 4.', '二、（第一个一级标题）'], good: ['一、…（一）…（二）… 二、…（一）…', '1. 2. 3.'] },
  },
  check(doc, ctx) {
    const out: Finding[] = [];
    const style = ctx.options.numbering;
    // the first line of a heading of each level: a heading has a parent if a higher level came before it
    const firstAtLevel = [Infinity, Infinity, Infinity, Infinity, Infinity];
    for (const x of doc.headings) firstAtLevel[x.level] = Math.min(firstAtLevel[x.level], x.line);
    for (const group of siblingGroups(doc)) {
      const problems = sequenceProblems(group.map((h) => h.value));
      for (const p of problems) {
        const h = group[p.index];
        const written = doc.text.slice(h.markerStart, h.markerEnd);
        const want = standardMarker(h.level, p.expected, style);
        const prev = group[p.index - 1];
        const hasParent = firstAtLevel.slice(1, h.level).some((line) => line < h.line);
        const message =
          p.problem === 'start'
            ? hasParent && h.value > 1
              ? `序号“${written}”没有在新的上级标题下重新编号，应为“${want}”。`
              : `同级序号应从“${want}”开始，这里是“${written}”。`
            : p.problem === 'duplicate'
              ? `序号“${written}”与上一个重复，应为“${want}”。`
              : p.problem === 'gap'
                ? `序号不连续：“${doc.text.slice(prev.markerStart, prev.markerEnd)}”之后是“${written}”，应为“${want}”。`
                : `序号顺序颠倒：“${doc.text.slice(prev.markerStart, prev.markerEnd)}”之后是“${written}”，应为“${want}”。`;
        const edits = renumberEdits(group, p.index, (v) => numeralText(h.level, v), (x) => doc.text.slice(x.numeralStart, x.numeralEnd));
        out.push({
          start: h.markerStart,
          end: h.markerEnd,
          message,
          severity: p.problem === 'order' ? 'warning' : undefined,
          fixes: edits.length ? [{ title: edits.length > 1 ? `重新编号本组序号（${edits.length} 处）` : `改为“${want}”`, edits, preferred: true, safe: true }] : undefined,
        });
      }
    }
    return out;
  },
};
