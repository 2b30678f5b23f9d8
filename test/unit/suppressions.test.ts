import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';

const codes = (text: string, language?: 'markdown') => lint(text, { language }).map((d) => `${d.range.start.line}:${d.code}`);

describe('suppression comments', () => {
  it('silence a rule, or a category, on the next line only', () => {
    const text = ['<!-- gongwen-disable-next-line typo/fixed-phrase -->', '以身作责，XX镇', '以身作责'].join('\n');
    assert.deepEqual(codes(text), ['1:placeholder/latin-x', '2:typo/fixed-phrase']);
    const cat = ['<!-- gongwen-disable-next-line placeholder, typo -->', '', '以身作责，XX镇'].join('\n');
    assert.deepEqual(codes(cat), []);
  });

  it('silence a block until gongwen-enable, and everything when no code is given', () => {
    const text = ['<!-- gongwen-disable typo -->', '以身作责', '再接再励，XX镇', '<!-- gongwen-enable typo -->', '以身作责'].join('\n');
    assert.deepEqual(codes(text), ['2:placeholder/latin-x', '4:typo/fixed-phrase']);
    const all = ['<!-- gongwen-disable -->', '以身作责，XX镇', '<!-- gongwen-enable -->', 'XX'].join('\n');
    assert.deepEqual(codes(all), ['3:placeholder/latin-x']);
  });

  it('work the same in Markdown, and the comment itself is never linted', () => {
    const text = ['# 述职报告', '<!-- gongwen-disable-next-line phrasing/outdated,typo -->', '以身作责'].join('\n');
    assert.deepEqual(codes(text, 'markdown'), []);
    assert.deepEqual(codes('<!-- gongwen-disable-next-line 这里,说明:XX -->\n正文'), []);
  });
});
