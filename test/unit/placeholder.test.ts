import { ruleTester } from '../helpers/rule-tester';
import { placeholderLatinX } from '../../server/src/engine/rules/placeholder-latin-x';
import { placeholderSymbol } from '../../server/src/engine/rules/placeholder-symbol';
import { placeholderMoumou } from '../../server/src/engine/rules/placeholder-moumou';
import { placeholderBracket } from '../../server/src/engine/rules/placeholder-bracket';
import { placeholderPending } from '../../server/src/engine/rules/placeholder-pending';
import { placeholderBlank } from '../../server/src/engine/rules/placeholder-blank';
import { placeholderResidue } from '../../server/src/engine/rules/placeholder-residue';

ruleTester(placeholderLatinX, {
  valid: [
    '进行X光检查',
    'X射线探伤',
    'X线片显示正常',
    'X染色体遗传',
    '采购RTX 4090显卡两块',
    '运动服XXL码',
    '淘汰Windows XP系统',
    '购置Xbox游戏机',
    '引进Model X车型',
    '配备XJ-100型设备',
    '使用XGBoost模型和Xeon处理器',
    '访问 https://example.com/xx/XX.html 查看',
    '沿X轴方向',
    'X',
    { text: '代码 `XX` 不算', language: 'markdown' },
  ],
  invalid: [
    { text: '2023年XX县XX镇述职报告', spans: ['XX', 'XX'], messages: ['XX'] },
    { text: '学习贯彻党的XX大精神', spans: ['XX'] },
    { text: '推动“学思想XXX”学习教育', spans: ['XXX'] },
    { text: '同比增长X％', spans: ['X'] },
    { text: '同比增长X%', spans: ['X'] },
    { text: '研讨交流X次', spans: ['X'] },
    { text: '20XX年工作总结', spans: ['XX'] },
    { text: '同比增长X##paidbegin##X％', spans: ['X', 'X'] },
    { text: 'ＸＸ市人民政府', spans: ['ＸＸ'] },
    { text: '第xx小学', spans: ['xx'] },
    { text: '手机：XXXXXXXXXXX', spans: ['XXXXXXXXXXX'] },
  ],
});

ruleTester(placeholderSymbol, {
  valid: ['面积3×4米', '二〇二三年', '○ 已完成', '□ 未完成'],
  invalid: [
    { text: '××乡党委', spans: ['××'] },
    { text: '×××同志', spans: ['×××'] },
    { text: '○○村', spans: ['○○'] },
    { text: '投资□□亿元', spans: ['□□'] },
  ],
});

ruleTester(placeholderMoumou, {
  valid: ['某些问题', '某种程度上', '某一方面', '某企业负责人', '某地发生'],
  invalid: [
    { text: '述职人：某某某', spans: ['某某某'] },
    { text: '某某同志在会上发言', spans: ['某某'] },
  ],
});

ruleTester(placeholderBracket, {
  valid: ['【经验做法】', '《条例（试行）》', '（暂行）', '（以下简称“中心”）', '（略）'],
  invalid: [
    { text: '单位：【】', spans: ['【】'] },
    { text: '单位：【 】', spans: ['【 】'] },
    { text: '【待填写】', spans: ['【待填写】'] },
    { text: '主要成效（待补充）。', spans: ['（待补充）'] },
    { text: '（此处填写单位名称）', spans: ['（此处填写单位名称）'] },
  ],
});

ruleTester(placeholderPending, {
  valid: ['档案中尚待补充完善的材料', '有关制度待完善后印发'],
  invalid: [
    { text: '合格率为待补充', spans: ['待补充'] },
    { text: '完成投资：待填写', spans: ['待填写'] },
    { text: '新增就业待补充人', spans: ['待补充'] },
  ],
});

ruleTester(placeholderBlank, {
  valid: ['snake___case', '___', '正文\n___\n正文', '访问 https://a.b/c___d'],
  invalid: [
    { text: '共办理______件', spans: ['______'] },
    { text: '联系电话：＿＿＿＿', spans: ['＿＿＿＿'] },
  ],
});

ruleTester(placeholderResidue, {
  valid: [{ text: '## 一、总体情况', language: 'markdown' }, '#标签#', '编号##'],
  invalid: [
    { text: '同比增长X##paidbegin##X％', spans: ['##paidbegin##'], output: '同比增长XX％' },
    { text: '正文。\n##paidend##\n', spans: ['##paidend##'], output: '正文。\n' },
    { text: '正文。\n##paidend##', spans: ['##paidend##'], output: '正文。' },
    { text: '正文。\r\n##paidend##\r\n下一段', spans: ['##paidend##'], output: '正文。\r\n下一段' },
    { text: '本文档由某某文库提供', spans: ['本文档由某某文库提供'], output: '' },
  ],
});
