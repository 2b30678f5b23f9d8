import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { foldingRanges, outline, type DocumentSymbol } from '../../server/src/engine';

const shape = (s: DocumentSymbol[]): unknown[] =>
  s.map((x) => [x.name, x.range.start.line, x.range.end.line, ...(x.children.length ? [shape(x.children)] : [])]);

describe('outline', () => {
  it('nests 一、 → （一） → 1. → （1） under the title', () => {
    const text = ['年度工作总结', '一、主要工作', '（一）学习', '1.理论', '（1）中心组', '正文', '2.实践', '（二）业务', '二、问题', '正文'].join('\n');
    assert.deepEqual(shape(outline(text)), [
      ['年度工作总结', 0, 9, [
        ['一、主要工作', 1, 7, [
          ['（一）学习', 2, 6, [
            ['1.理论', 3, 5, [['（1）中心组', 4, 5]]],
            ['2.实践', 6, 6],
          ]],
          ['（二）业务', 7, 7],
        ]],
        ['二、问题', 8, 9],
      ]],
    ]);
  });

  it('puts the selection range on the heading and the range up to the next sibling', () => {
    const text = '标题\n一、甲。\n正文\n\n二、乙';
    const [title] = outline(text);
    const [first] = title.children;
    assert.deepEqual(first.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.deepEqual(first.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 2 } });
  });

  it('still gives a sensible tree when numbering is broken', () => {
    const text = '（一）先出现的二级\n一、甲\n（三）跳号\n二、乙\n二、重复';
    assert.deepEqual(shape(outline(text)), [
      ['（一）先出现的二级', 0, 0],
      ['一、甲', 1, 2, [['（三）跳号', 2, 2]]],
      ['二、乙', 3, 3],
      ['二、重复', 4, 4],
    ]);
  });

  it('outlines the sample report', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
    const [title] = outline(text);
    assert.equal(title.name, '2023年XX县XX镇述职述德述廉报告');
    assert.deepEqual(title.children.map((c) => c.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、']);
    assert.deepEqual(title.children[2].children.map((c) => c.name), ['1.抓经济发展', '2.抓民生改善', '3.抓安全稳定', '4.抓干部队伍建设']);
  });
});

describe('folding ranges', () => {
  it('folds each section with more than one line', () => {
    const text = '标题\n一、甲\n正文\n（一）子\n正文\n二、乙';
    assert.deepEqual(foldingRanges(text), [
      { startLine: 1, endLine: 4, kind: 'region' },
      { startLine: 3, endLine: 4, kind: 'region' },
    ]);
  });
});
