/**
 * npm run eval: accuracy figures. Precision and recall per category and rule over the annotated reports;
 * recall of the detectors with the built-in lists switched off; false positives on clean report prose.
 */
import { falsePositives, leaveOutPolitical, leaveOutTypos, scoreAnnotated } from '../test/helpers/accuracy';

const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '—');

const score = scoreAnnotated();
console.log('## 标注报告（examples/ 与 test/corpus/annotated/）\n');
/** A table of counts: each key's total and how many of them were right, and the share. */
function table(head: string, total: Map<string, number>, right: Map<string, number>): void {
  console.log(head);
  console.log('|---|---|---|---|');
  let t = 0;
  let r = 0;
  for (const [key, n] of [...total].sort()) {
    const k = right.get(key) ?? 0;
    t += n;
    r += k;
    console.log(`| ${key} | ${n} | ${k} | ${pct(k, n)} |`);
  }
  console.log(`| 合计 | ${t} | ${r} | ${pct(r, t)} |\n`);
}
table('| 类别 | 应报告 | 报告到 | 召回率 |', score.expected, score.found);
table('| 规则 | 报告 | 正确 | 精确率 |', score.reported, score.right);
for (const m of score.misses) console.log(`漏报 ${m.name}:${m.e.line + 1}:${m.e.startChar + 1} ${m.e.category} “${m.e.text ?? ''}”`);
for (const m of score.falseAlarms) console.log(`误报 ${m.name}:${m.d.range.start.line + 1}:${m.d.range.start.character + 1} ${m.d.code} ${m.d.message}`);

console.log('\n## 关掉内置词表后的召回率（每条放在一个普通句子里）\n');
const typos = leaveOutTypos();
const political = leaveOutPolitical();
console.log(`错别字词表的四字词条：${typos.found}/${typos.total} = ${pct(typos.found, typos.total)}`);
console.log(`政治性提法词表中只差一个字的词条：${political.found}/${political.total} = ${pct(political.found, political.total)}`);
if (process.argv.includes('--verbose')) {
  console.log(`  未发现（错别字）：${typos.missed.join(' ')}`);
  console.log(`  未发现（提法）：${political.missed.join(' ')}`);
}

console.log('\n## 正确文本上的误报（test/corpus/clean、全部片段、规则说明中的“不会报告”示例）\n');
const fp = falsePositives();
const safe = fp.findings.filter((f) => f.safe).length;
console.log(`${fp.characters} 字符，${fp.findings.length} 个问题（每 2 万字符 ${(fp.findings.length / (fp.characters / 20000)).toFixed(2)} 个），其中带安全修复的 ${safe} 个`);
for (const f of fp.findings) console.log(`  ${f.name}  ${f.code}  “${f.text}”  ${f.message}${f.safe ? '（安全修复）' : ''}`);
