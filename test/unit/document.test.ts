import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/engine';

const headings = (text: string, language?: 'markdown') =>
  parse(text, language).headings.map((h) => [h.level, h.value, text.slice(h.textStart, h.textEnd)]);

describe('heading detection', () => {
  it('finds the four GB/T 9704 levels at line start', () => {
    const text = '一、总体情况\n（一）学习\n1.理论学习。全年学习12次。\n（1）中心组\n二、问题';
    assert.deepEqual(headings(text), [
      [1, 1, '总体情况'],
      [2, 1, '学习'],
      [3, 1, '理论学习'],
      [4, 1, '中心组'],
      [1, 2, '问题'],
    ]);
  });

  it('reads numerals up to 九十九 and 99', () => {
    assert.deepEqual(headings('十一、甲\n二十、乙\n九十九、丙\n（十二）丁\n12.戊\n（99）己').map((h) => h[1]), [11, 20, 99, 12, 12, 99]);
  });

  it('accepts indentation, full-width spaces and Markdown prefixes', () => {
    assert.deepEqual(headings('　　一、总体\n  （一）学习\n## 二、问题\n- 1.条目\n**（二）加粗**', 'markdown'), [
      [1, 1, '总体'],
      [2, 1, '学习'],
      [1, 2, '问题'],
      [3, 1, '条目'],
      [2, 2, '加粗'],
    ]);
  });

  it('recognizes variant punctuation so the numbering rules can fix it', () => {
    assert.deepEqual(headings('一.总体\n(二)学习\n1、工作\n１．工作\n（2)开展').map((h) => h[0]), [1, 2, 3, 3, 4]);
  });

  it('does not take numbers inside sentences or figures for headings', () => {
    assert.deepEqual(headings('2023年以来成效明显\n1.5亿元用于建设\n2024.5启动\n1、2月份完成\n三、四月份集中整治\n一、二级响应\n全年见附件（1）\n十分重要'), []);
  });
});

describe('title', () => {
  it('is the first line when it is short and not a heading', () => {
    assert.equal(parse('2023年XX镇述职报告\n一、总体').title?.text, '2023年XX镇述职报告');
    assert.equal(parse('\n\n  年度工作总结\n正文。').title?.line, 2);
  });
  it('is absent when the report starts with a heading or a sentence', () => {
    assert.equal(parse('一、总体情况\n正文').title, undefined);
    assert.equal(parse('根据组织安排，现将有关情况报告如下：\n正文').title, undefined);
  });
});

describe('zones', () => {
  it('marks quotations, titles and URLs', () => {
    const text = '落实“一岗双责”，学习《条例》，见 https://a.cn/x。';
    const doc = parse(text);
    assert.ok(doc.inZone(text.indexOf('一岗'), 1));
    assert.ok(doc.inZone(text.indexOf('条例'), 2));
    assert.ok(doc.inZone(text.indexOf('a.cn'), 4));
    assert.ok(!doc.inZone(text.indexOf('落实'), 7));
  });
});
