import type { Finding, Rule } from '../types';
import { Zone } from '../document';

// ##paidbegin##, ##paidend## and other marker tags; phrases that download sites add to a template.
const RESIDUE = /##[A-Za-z][A-Za-z0-9_]*##|本文档由[^。\n]{1,30}提供|(?:下载后可(?:任意)?编辑|免费下载|本文档可编辑)/g;

/** P9: copy residue from template sites. The fix deletes it (and its line, when nothing else is on it). */
export const placeholderResidue: Rule = {
  meta: {
    id: 'placeholder/residue',
    en: 'Copy residue from a template site',
    category: 'placeholder',
    severity: 'error',
    description: '从模板网站复制时带入的标记（如“##paidbegin##”）或广告语。',
    fixable: true,
    details: '范文网站在正文中插入的标记（##paidbegin##、##paidend##）和“下载后可编辑”等字样，提交前必须删除。快速修复直接删除；标记独占一行时删除整行。Markdown 标题中的“## 一、”不报告。',
    examples: { bad: ['同比增长X##paidbegin##X％', '##paidend##', '本文档由某某文库提供'], good: ['## 一、总体情况'] },
  },
  check(doc) {
    const out: Finding[] = [];
    RESIDUE.lastIndex = 0;
    for (let m; (m = RESIDUE.exec(doc.text)); ) {
      const start = m.index;
      const end = start + m[0].length;
      if (doc.inZone(start, Zone.Code)) continue;
      const line = doc.lines.lineAt(start);
      const lineStart = doc.lines.lineStarts[line];
      const lineEnd = doc.lines.lineEnds[line];
      let delStart = start;
      let delEnd = end;
      if (!doc.text.slice(lineStart, start).trim() && !doc.text.slice(end, lineEnd).trim()) {
        // the marker stands alone: remove the whole line with its line break
        delStart = lineStart;
        if (line + 1 < doc.lines.lineCount) delEnd = doc.lines.lineStarts[line + 1];
        else if (line > 0) {
          delStart = doc.lines.lineEnds[line - 1];
          delEnd = lineEnd;
        } else delEnd = lineEnd;
      }
      out.push({
        start,
        end,
        message: `模板残留“${m[0]}”，提交前应删除。`,
        fixes: [{ title: `删除“${m[0]}”`, edits: [{ start: delStart, end: delEnd, newText: '' }], preferred: true, safe: true }],
      });
    }
    return out;
  },
};
