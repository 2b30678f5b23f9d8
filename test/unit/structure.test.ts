import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleTester } from '../helpers/rule-tester';
import { numberingCountClaim } from '../../server/src/engine/rules/numbering-count-claim';
import { consistencyHeadingPunctuation } from '../../server/src/engine/rules/consistency-heading-punctuation';
import { consistencyNumberUsage } from '../../server/src/engine/rules/consistency-number-usage';
import { consistencyRequiredSections } from '../../server/src/engine/rules/consistency-required-sections';
import { lint } from '../../server/src/engine';

const L = (...lines: string[]) => lines.join('\n');
const filler = '认真履行岗位职责，扎实推进各项工作。'.repeat(20);

ruleTester(numberingCountClaim, {
  valid: [
    '主要抓了三个方面：一是抓学习；二是抓作风；三是抓落实。',
    '在三个方面取得进展，群众满意度提高。',
    '坚持“三个代表”重要思想，增强“四个意识”，做到“两个维护”。',
    '有以下几点不足：一是学习不够；二是调研不深。',
    L('存在三个方面的问题：', '（一）学习不够', '（二）调研不深', '（三）创新不足'),
    '做到“四个坚持”：一是坚持学习；二是坚持实践；三是坚持创新；四是坚持廉洁。',
  ],
  invalid: [
    { text: '主要抓了三个方面：一是抓学习；二是抓作风；三是抓落实；四是抓廉洁。', spans: ['三个方面'], messages: ['有 3 项，后面的列举却有 4 项'] },
    { text: L('存在三个方面的问题：', '（一）学习不够', '（二）调研不深'), spans: ['三个方面'], messages: ['2 项'] },
    { text: '做到“四个坚持”：一是坚持学习；二是坚持实践；三是坚持创新。', spans: ['“四个坚持”'] },
    { text: L('下一步重点抓好以下两点：', '一是加强学习。', '二是改进作风。', '三是从严管理。'), spans: ['两点'] },
  ],
});

ruleTester(consistencyHeadingPunctuation, {
  valid: [L('一、总体情况', '（一）学习', '1.抓经济发展。镇党委坚持发展。', '（1）中心组学习'), '一、总体情况。全年完成任务。'],
  invalid: [
    { text: '一、总体情况。', spans: ['。'], output: '一、总体情况' },
    { text: '（二）存在问题；', spans: ['；'], output: '（二）存在问题' },
    { text: '1.抓经济发展：镇党委坚持把发展作为第一要务', spans: ['：'], output: '1.抓经济发展。镇党委坚持把发展作为第一要务' },
  ],
});

ruleTester(consistencyNumberUsage, {
  valid: [
    '2024年度工作总结\n2023年底完成，从教30年，“十四五”规划，三会一课，第一书记。',
    '工作总结\n23年底完成。',
    '3～5天，6～8天。',
    '3～5天，6至8天。',
    '投资1,200元，3,500元。',
    '增长百分之五十。',
    '2023年，2024年，2025年。',
  ],
  invalid: [
    { text: '2024年度工作总结\n23年底完成，24年上半年启动。', spans: ['23', '24'], output: '2024年度工作总结\n2023年底完成，2024年上半年启动。' },
    { text: '3～5天，5至8天，6～9天。', spans: ['至'], messages: ['“～”'] },
    { text: '投资1,200元，3500元，4800元。', spans: ['1,200'] },
    { text: '增长百分之五十，30%，45%。', spans: ['百分之五十'] },
  ],
});

ruleTester(consistencyRequiredSections, {
  valid: [
    L('2024年度述职报告', filler, '存在的不足：学习不够。', '今后，我将加强学习。'),
    L('2024年度述职报告', '只写了两行。'),
    L('关于调研情况的报告', filler),
    // a speech at a meeting about a summary is not itself a summary
    L('在街道2024年工作总结暨表彰大会上的讲话', filler),
    L('2025年度工作总结', '一、主要工作及成效', filler, '存在的不足：学习不够。', '2026年工作计划：加强学习。'),
  ],
  invalid: [
    { text: L('2024年度述职报告', filler), spans: ['2024年度述职报告'], messages: ['存在的问题或不足；今后打算或下一步工作'] },
    { text: L('2024年度述职述德述廉报告', filler, '存在的不足。今后努力。'), spans: ['2024年度述职述德述廉报告'], messages: ['述德（政治品德、职业道德等）；述廉'] },
  ],
});

describe('structure rules on the sample', () => {
  it('give no finding on the annotated sample report', () => {
    const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
    const codes = ['numbering/count-claim', 'consistency/heading-punctuation', 'consistency/number-usage', 'consistency/required-sections'];
    assert.deepEqual(lint(sample).filter((d) => codes.includes(d.code)), []);
  });
  it('take required sections from .gongwen.json options', () => {
    const text = L('2024年度述职报告', filler, '存在的不足。今后努力。');
    const custom = { requiredSections: { 述职报告: [{ name: '述学', keywords: ['理论学习'] }] } };
    const [d] = lint(text, custom).filter((x) => x.code === 'consistency/required-sections');
    assert.match(d.message, /述学/);
  });
});
