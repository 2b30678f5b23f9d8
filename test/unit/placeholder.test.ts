import { ruleTester } from '../helpers/rule-tester';
import { placeholderLatinX } from '../../server/src/engine/rules/placeholder-latin-x';
import { placeholderSymbol } from '../../server/src/engine/rules/placeholder-symbol';
import { placeholderMoumou } from '../../server/src/engine/rules/placeholder-moumou';
import { placeholderBracket } from '../../server/src/engine/rules/placeholder-bracket';
import { placeholderPending } from '../../server/src/engine/rules/placeholder-pending';
import { placeholderBlank } from '../../server/src/engine/rules/placeholder-blank';
import { placeholderResidue } from '../../server/src/engine/rules/placeholder-residue';
import { placeholderMissingNumber } from '../../server/src/engine/rules/placeholder-missing-number';

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
    '沿x轴方向运动',
    '规格为3x4米',
    '打开index.html页面',
    'x坐标为5',
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
    { text: '全年召开x次会议', spans: ['x'] },
    { text: 'x月x日召开', spans: ['x', 'x'] },
  ],
});

ruleTester(placeholderSymbol, {
  valid: [
    '面积3×4米', '二〇二三年', '○ 已完成', '□ 未完成',
    { text: '这是*重点*内容', language: 'markdown' }, '这是*重点工作*', '**加粗**的文字', '* 第一项', '面积3*4米', '公式a*b', '* * *',
  ],
  invalid: [
    { text: '*街道*社区', spans: ['*', '*'] },
    { text: '全年召开*次会议', spans: ['*'] },
    { text: '*-*月完成', spans: ['*', '*'] },
    { text: '＊街道办事处', spans: ['＊'] },
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
  valid: ['【经验做法】', '《条例（试行）》', '（暂行）', '（以下简称“中心”）', '（略）', '调用 init() 函数', { text: '[链接]()', language: 'markdown' }],
  invalid: [
    { text: '单位：【】', spans: ['【】'] },
    { text: '单位：【 】', spans: ['【 】'] },
    { text: '【待填写】', spans: ['【待填写】'] },
    { text: '主要成效（待补充）。', spans: ['（待补充）'] },
    { text: '（此处填写单位名称）', spans: ['（此处填写单位名称）'] },
    { text: '主要负责（　）工作', spans: ['（　）'] },
    { text: '由()负责', spans: ['()'] },
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
  valid: [
    'snake_case_name',
    'a_b',
    '变量 user_id 的值','snake___case', '___', '正文\n___\n正文', '访问 https://a.b/c___d'],
  invalid: [
    { text: '共办理______件', spans: ['______'] },
    { text: '联系电话：＿＿＿＿', spans: ['＿＿＿＿'] },
    { text: '全年共办理_件', spans: ['_'] },
    { text: '完成率达到__％', spans: ['__'] },
  ],
});

ruleTester(placeholderResidue, {
  valid: [
    { text: '## 一、总体情况', language: 'markdown' },
    '#标签#',
    '编号##',
    // report text that looks like a site's words
    '本文档由县统计局提供的数据编制。',
    '本文档由县统计局提供。',
    '为群众提供免费下载服务。',
    '开设VIP客户专属通道。',
    '第一篇章：乡村振兴',
    '一、篇幅较长的材料要精简。',
    '以下是全年工作的主要情况：',
    '我们将进一步加强学习，深入调查研究，不断提高', // a draft being written ends so
    '数据来源：县统计局。',
    '2024年度述职报告\n……此前提到的问题已整改。',
  ],
  invalid: [
    { text: '同比增长X##paidbegin##X％', spans: ['##paidbegin##'], output: '同比增长XX％' },
    { text: '正文。\n##paidend##\n', spans: ['##paidend##'], output: '正文。\n' },
    { text: '正文。\n##paidend##', spans: ['##paidend##'], output: '正文。' },
    { text: '正文。\r\n##paidend##\r\n下一段', spans: ['##paidend##'], output: '正文。\r\n下一段' },
    { text: '本文档由某某文库用户上传提供', spans: ['本文档由某某文库用户上传提供'], output: '' },
    // editor and site notes
    { text: '述职报告\n以下是小编为大家整理的述职报告范文，欢迎阅读！\n一、主要工作', spans: ['以下是小编为大家整理的述职报告范文，欢迎阅读！'], output: '述职报告\n一、主要工作' },
    { text: '全年工作成效明显。（本文为网友投稿）', spans: ['（本文为网友投稿）'], output: '全年工作成效明显。' },
    { text: '正文。\n更多范文请关注本站。', spans: ['更多范文请关注本站。'], output: '正文。' },
    { text: '以上范文仅供参考。', spans: ['以上范文仅供参考。'], output: '' },
    // a sign-off without a site word: reported, but not deleted without looking
    { text: '以上数据仅供参考。', spans: ['以上数据仅供参考。'] },
    // paywall and login notes
    { text: '正文。\n（余下全文请下载后查看）', spans: ['（余下全文请下载后查看）'], output: '正文。' },
    { text: '正文。VIP会员可免费阅读全文', spans: ['VIP会员可免费阅读全文'], output: '正文。' },
    { text: '正文。登录后查看完整内容', spans: ['登录后查看完整内容'], output: '正文。' },
    // hidden or cut text
    { text: '正文。\n［全文共6000字，此处仅显示部分］\n下一段', spans: ['［全文共6000字，此处仅显示部分］'], output: '正文。\n下一段' },
    { text: '正文。\n……\n下一段', spans: ['……'] },
    { text: '述职报告\n我们将进一步加强学习，深入调查研究，不断提高……', spans: ['高'] },
    { text: '述职报告\n以下是小编为大家整理的范文。\n我们将进一步加强学习，深入调查研究，不断提高', spans: ['以下是小编为大家整理的范文。', '高'] },
    // a site's own numbering of its samples, also behind a heading number
    { text: '篇二：2024年度述职报告\n正文。', spans: ['篇二：'], output: '2024年度述职报告\n正文。' },
    { text: '1、篇一：教师述职报告', spans: ['1、篇一：'], output: '教师述职报告' },
    { text: '【范文三】乡镇述职报告', spans: ['【范文三】'], output: '乡镇述职报告' },
    { text: '述职报告范文（通用5篇）', spans: ['（通用5篇）'], output: '述职报告范文' },
  ],
});

ruleTester(placeholderMissingNumber, {
  valid: ['完成投资28亿元，同比增长6.8%。', '新增就业人员560人', '投资亿元以上的项目', '接待游客近万人次', '完成投资人遴选', '“增长%”是表头', '实现增长，'],
  invalid: [
    { text: '全年完成投资亿元，同比增长%。', spans: ['亿元', '%'], messages: ['“投资亿元”中“亿元”前缺少数字'] },
    { text: '新增就业人，', spans: ['人'] },
    { text: '利润下降个百分点。', spans: ['个百分点'] },
    { text: '\uFEFF全年实现收入万元\r\n', spans: ['万元'] },
  ],
});
