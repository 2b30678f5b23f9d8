import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleTester } from '../helpers/rule-tester';
import { numberingPunctuation } from '../../server/src/engine/rules/numbering-punctuation';
import { numberingSequence } from '../../server/src/engine/rules/numbering-sequence';
import { numberingHierarchy } from '../../server/src/engine/rules/numbering-hierarchy';
import { numberingEnumeration } from '../../server/src/engine/rules/numbering-enumeration';
import { fix, lint } from '../../server/src/engine';
import { sequenceProblems } from '../../server/src/engine/numbering';

const L = (...lines: string[]) => lines.join('\n');

ruleTester(numberingPunctuation, {
  valid: [
    L('一、总体', '（一）学习', '1.理论。正文', '（1）中心组'),
    L('十一、其他', '（十二）其他', '12.其他'),
    '2023年以来成效明显',
    '1.5亿元用于建设',
    '三、四月份集中整治',
  ],
  invalid: [
    { text: '一.加强理论学习', spans: ['一.'], output: '一、加强理论学习', messages: ['一、'] },
    { text: '一．加强学习', spans: ['一．'], output: '一、加强学习' },
    { text: '二，存在问题', spans: ['二，'], output: '二、存在问题' },
    { text: '(二)强化监管', spans: ['(二)'], output: '（二）强化监管' },
    { text: '（一)强化监管', spans: ['（一)'], output: '（一）强化监管' },
    { text: '（一）、抓发展', spans: ['（一）、'], output: '（一）抓发展' },
    { text: '1、工程建设', spans: ['1、'], output: '1.工程建设' },
    { text: '1，工程建设', spans: ['1，'], output: '1.工程建设' },
    { text: '1．工程建设', spans: ['1．'], output: '1.工程建设' },
    { text: '２．加强监管', spans: ['２．'], output: '2.加强监管' },
    { text: '（2)开展整治', spans: ['（2)'], output: '（2）开展整治' },
    { text: '(1)开展整治', spans: ['(1)'], output: '（1）开展整治' },
    { text: '（1）.开展整治', spans: ['（1）.'], output: '（1）开展整治' },
    { text: '（１）开展整治', spans: ['（１）'], output: '（1）开展整治' },
  ],
});

describe('numbering/punctuation house style', () => {
  it('accepts 1、 when the unit chose it, and then flags 1.', () => {
    const text = L('1、工程建设', '2.项目管理');
    const codes = lint(text, { numbering: { level3: '1、' } }).filter((d) => d.code === 'numbering/punctuation');
    assert.deepEqual(codes.map((d) => d.range.start.line), [1]);
    assert.match(codes[0].message, /2、/);
  });
});

ruleTester(numberingSequence, {
  valid: [
    L('一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '1.孙', '2.孙', '（二）子', '1.孙'),
    L('一、甲', '1.直接用三级', '2.可以', '二、乙', '1.重新开始'),
    L('一、甲', '二、乙', '三、丙', '四、丁', '五、戊', '六、己', '七、庚', '八、辛', '九、壬', '十、癸', '十一、子'),
    '正文里提到二、三季度',
  ],
  invalid: [
    { text: L('一、甲', '二、乙', '二、丙', '四、丁'), spans: ['二、'], output: L('一、甲', '二、乙', '三、丙', '四、丁'), messages: ['重复'] },
    { text: L('一、甲', '三、乙', '四、丙'), spans: ['三、'], output: L('一、甲', '二、乙', '三、丙'), messages: ['不连续'] },
    { text: L('二、甲', '三、乙'), spans: ['二、'], output: L('一、甲', '二、乙'), messages: ['开始'] },
    { text: L('一、甲', '（一）子', '（三）子'), spans: ['（三）'], output: L('一、甲', '（一）子', '（二）子') },
    { text: L('一、甲', '（一）子', '（二）子', '二、乙', '（三）子', '（四）子'), spans: ['（三）'], output: L('一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '（二）子'), messages: ['重新编号'] },
    { text: L('1.甲', '2.乙', '2.丙', '4.丁'), spans: ['2.'], output: L('1.甲', '2.乙', '3.丙', '4.丁') },
    { text: L('1.甲', '3.乙', '2.丙'), spans: ['3.', '2.'] },
    { text: L('九、甲').replace('九、甲', L('一、甲', '二、乙', '三、丙', '四、丁', '五、戊', '六、己', '七、庚', '八、辛', '九、壬', '十、癸', '十、子')), spans: ['十、'] },
  ],
});

describe('sequenceProblems', () => {
  it('flags one item per slip, never a cascade', () => {
    assert.deepEqual(sequenceProblems([1, 2, 2, 4]).map((p) => [p.index, p.problem]), [[2, 'duplicate']]);
    assert.deepEqual(sequenceProblems([1, 3, 4, 5]).map((p) => [p.index, p.problem]), [[1, 'gap']]);
    assert.deepEqual(sequenceProblems([2, 3, 4]).map((p) => [p.index, p.problem]), [[0, 'start']]);
    assert.deepEqual(sequenceProblems([1, 2, 3, 3, 3]).map((p) => p.index), [3, 4]);
    assert.deepEqual(sequenceProblems([1, 2, 3]), []);
  });
});

ruleTester(numberingHierarchy, {
  valid: [
    L('一、甲', '1.直接三级', '二、乙'),
    L('（一）只用二级', '（二）也可以'),
    L('一、甲', '（一）子', '1.孙', '（1）曾孙'),
  ],
  invalid: [
    { text: L('（一）先出现', '一、甲'), spans: ['（一）'], messages: ['之前'] },
    { text: L('标题', '1.先出现', '一、甲'), spans: ['1.'] },
    { text: L('一、甲', '（1）跳两级'), spans: ['（1）'], messages: ['跳过'] },
  ],
});

ruleTester(numberingEnumeration, {
  valid: [
    '一是坚持实事求是。二是坚持任人唯贤。三是加强监督。',
    '工作中要一是一，二是二，不搞变通。',
    '坚持实事求是，做到唯一是从。统一是关键。',
    '他是第一书记，把发展作为第一要务，第一时间处置，运用第一种形态，是第一责任人。',
    '首先要提高认识，统一思想。',
    '会议再次强调，要抓好落实。再次重申纪律要求。',
    '正如“一是学习，二是学习，二是学习”所说。',
    '学习《一是二是二是》一书。',
    L('一是加强学习。', '二是改进作风。', '三是从严管理。'),
    L('（一）学习', '一是理论学习。二是业务学习。', '（二）作风', '一是改进文风。二是改进会风。'),
    '排名第二，第三方评估，第二轮巡察，第一季度。',
    '第一，提高认识；第二，完善制度；第三，强化监督。',
    '其一，强化领导；其二，完善机制。',
    '首先，提高认识；其次，完善制度；再次，强化监督；最后，抓好落实。',
  ],
  invalid: [
    { text: '一是坚持实事求是。二是坚持任人唯贤。二是建立制度。', spans: ['二是'], output: '一是坚持实事求是。二是坚持任人唯贤。三是建立制度。', messages: ['三是'] },
    { text: '一是甲；二是乙；四是丙。', spans: ['四是'], output: '一是甲；二是乙；三是丙。' },
    { text: '二是甲；三是乙。', spans: ['二是'], output: '一是甲；二是乙。' },
    { text: L('一是加强学习。', '二是改进作风。', '二是从严管理。'), spans: ['二是'], output: L('一是加强学习。', '二是改进作风。', '三是从严管理。') },
    { text: '第一，提高认识；第二，完善制度；第四，强化监督。', spans: ['第四'], output: '第一，提高认识；第二，完善制度；第三，强化监督。' },
    { text: '其一，强化领导；其二，完善机制；其二，加强督查。', spans: ['其二'], output: '其一，强化领导；其二，完善机制；其三，加强督查。' },
    { text: '首先，提高认识；其次，完善制度；其次，强化监督；最后，抓好落实。', spans: ['其次'], output: '首先，提高认识；其次，完善制度；再次，强化监督；最后，抓好落实。' },
    { text: '**一是**学习。**二是**作风。**二是**纪律。', spans: ['二是'], language: 'markdown', output: '**一是**学习。**二是**作风。**三是**纪律。' },
  ],
});

describe('fixing every numbering finding at once', () => {
  const broken = [
    L('述职报告', '一.总体', '(一)学习', '1、理论', '3、实践', '二、问题', '二、问题', '（三）子', '一是甲。二是乙。二是丙。'),
    L('（一）先出现', '一、甲', '（一）子', '（一）子', '1．孙', '１．孙', '四、乙', '第一，甲；第三，乙。'),
    L('年度总结', '二、甲', '三、乙', '（2)子', '（3)子', '首先，甲；其次，乙；其次，丙。'),
    fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8'),
  ];
  for (const [i, text] of broken.entries()) {
    it(`leaves no numbering/punctuation, sequence or enumeration finding (document ${i + 1})`, () => {
      const before = lint(text).filter((d) => d.code.startsWith('numbering/'));
      assert.ok(before.length > 0);
      const { output } = fix(text);
      const after = lint(output).filter((d) => d.code.startsWith('numbering/') && d.code !== 'numbering/hierarchy');
      assert.deepEqual(after.map((d) => `${d.code} ${d.message}`), []);
      assert.equal(fix(output).output, output, 'fixing twice equals fixing once');
    });
  }
});
