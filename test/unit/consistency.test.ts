import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTester } from '../helpers/rule-tester';
import { consistencyTimeSpan } from '../../server/src/engine/rules/consistency-time-span';
import { consistencyPunctuationWidth } from '../../server/src/engine/rules/consistency-punctuation-width';
import { consistencyDuplicateItem } from '../../server/src/engine/rules/consistency-duplicate-item';
import { consistencyRepeatedChar } from '../../server/src/engine/rules/consistency-repeated-char';
import { consistencyLength } from '../../server/src/engine/rules/consistency-length';
import { countCharacters } from '../../server/src/engine/metrics';
import { lint } from '../../server/src/engine';

ruleTester(consistencyTimeSpan, {
  valid: [
    '一年来，全年完成投资。上半年完成60%，下半年完成40%。',
    '全年工作总结\n近三年来成效明显，五年来累计投资。',
    '全年开展专项整治，专项整治开展半年来共查处问题20个。',
    '2024年上半年工作总结\n半年来完成投资，完成全年目标的55%。',
    '半年来，本人认真履职。',
    '一年来成效明显。他说：“半年来变化很大。”',
  ],
  invalid: [
    { text: '一年来，全年完成投资。半年来，本人在工作中起到了作用。', spans: ['半年来'], messages: ['“一年来”“全年”'], output: '一年来，全年完成投资。一年来，本人在工作中起到了作用。' },
    { text: '2023年度述职报告\n几个月来，我认真履职。', spans: ['几个月来'], messages: ['年度'] },
    { text: '全年完成任务。三个月来，群众满意。', spans: ['三个月来'] },
  ],
});

ruleTester(consistencyPunctuationWidth, {
  valid: [
    '会议于9:30开始，比例尺1:500。',
    '通过ISO 14001:2015认证。',
    '发表于Science, Cell等期刊。',
    '投资1,000万元，增长1.5%，增长2.5%。',
    '访问 https://example.com/a,b 查看。',
    '(一)强化监管',
    '（1）开展整治',
    '增长5％，增长6％。',
    '增长5%，增长6％。',
    { text: '[说明](https://example.com/a(b)) 见上', language: 'markdown' },
  ],
  invalid: [
    { text: '具体如下:', spans: [':'], output: '具体如下：' },
    { text: '全年,我们完成了任务', spans: [','], output: '全年，我们完成了任务' },
    { text: '落实;加强', spans: [';'], output: '落实；加强' },
    { text: '是否完成?', spans: ['?'], output: '是否完成？' },
    { text: '执行《条例》(暂行)规定', spans: ['(暂行)'], output: '执行《条例》（暂行）规定' },
    { text: '做好"三农"工作', spans: ['"三农"'], output: '做好“三农”工作' },
    { text: '增长5％，增长6%，增长7%。', spans: ['％'], output: '增长5%，增长6%，增长7%。', messages: ['“%”'] },
    { text: '全年１２次，共15次，合计20次。', spans: ['１２'], output: '全年12次，共15次，合计20次。' },
  ],
});

ruleTester(consistencyDuplicateItem, {
  valid: [
    '互相信任、互相支持、互相谅解、互相补台。',
    '一是坚持实事求是。二是坚持任人唯贤。三是坚持公道正派。',
    '坚持公道正派、坚持光明磊落。',
    '一、总体情况\n（一）学习\n二、存在问题\n（一）学习',
  ],
  invalid: [
    { text: '一是坚持实事求是。二是坚持任人唯贤。二是坚持任人唯贤。认真贯彻。', spans: ['坚持任人唯贤'], messages: ['第 2 项'] },
    { text: '落实“三会一课”、主题党日、“三会一课”等制度', spans: ['“三会一课”'] },
    { text: '一、加强学习\n二、加强学习', spans: ['加强学习'] },
    // a list and an enumeration in one text: both parts of the rule report
    { text: '一是抓学习。二是抓学习。\n开展学习、党课、主题党日、党课、志愿服务等活动', spans: ['抓学习', '党课'] },
  ],
});

ruleTester(consistencyRepeatedChar, {
  valid: [
    '的的确确', '不了了之', '为了了解情况', '达到目的的措施', '认认真真', '研究研究', '常常', '谢谢', '人人', '天天', '他说：“我们我们”',
    // legitimate doublings the dictionary knows, idioms, AABB, and two words meeting
    '层层压实责任', '年年有余', '件件有着落', '慢慢地', '兢兢业业', '井井有条', '明明白白', '一一对应', '工作作风', '研究院院长', '卫生院院长', '学生生活', '市市场监管局', '各县县委',
    // a heading (numbered, Markdown, the title, or a short line without a sentence's end) and the paragraph under it
    '一、加强理论学习\n加强理论学习是根本。',
    '存在的问题\n存在的问题主要有三个方面。',
    { text: '## 主要工作\n主要工作如下。', language: 'markdown' },
    '2024年度述职报告\n2024年度，我认真履职。',
  ],
  invalid: [
    { text: '工作的的成效', spans: ['的'], output: '工作的成效' },
    { text: '完成了了任务', spans: ['了'], output: '完成了任务' },
    { text: '我们我们要加强学习', spans: ['我们'], output: '我们要加强学习' },
    // a sentence wrapped across two lines, the last word typed again
    { text: '述职报告\n我们要认真总结经验，要进一步\n进一步加强学习', spans: ['进一步'], output: '述职报告\n我们要认真总结经验，要进一步\n加强学习' },
    // any other character typed twice
    { text: '我们要要加强学习', spans: ['要'], output: '我们要加强学习' },
    { text: '召开会议，研究部署署工作', spans: ['署'], output: '召开会议，研究部署工作' },
    // at the very start or end of the text, or of a line, a doubling is still one
    { text: '的的成效', spans: ['的'], output: '的成效' },
    { text: '工作完成了了', spans: ['了'], output: '工作完成了' },
    { text: '总结\n的的成效', spans: ['的'], output: '总结\n的成效' },
  ],
});

describe('consistency/length and 字数', () => {
  it('counts as Chinese editors do', () => {
    assert.equal(countCharacters('中文，字数。'), 6);
    assert.equal(countCharacters('2023年增长1.5%，投资1,000万元'), 11); // 2023·年·增·长·1.5%·，·投·资·1,000·万·元
    assert.equal(countCharacters('ISO 14001 认证'), 4);
    assert.equal(countCharacters('𠀀😀 \n\t'), 2);
    assert.equal(countCharacters(''), 0);
  });
  it('reports a text over maxLength on the title, and nothing without the option', () => {
    const text = '年度工作总结\n' + '字'.repeat(100);
    assert.deepEqual(lint(text).filter((d) => d.code === 'consistency/length'), []);
    const [d] = lint(text, { maxLength: 50 }).filter((x) => x.code === 'consistency/length');
    assert.match(d.message, /全文 106 字，超过上限 50 字/);
    assert.equal(d.range.start.line, 0);
    assert.equal(d.severity, 3);
    void consistencyLength;
  });
});
