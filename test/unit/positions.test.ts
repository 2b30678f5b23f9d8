import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/positions';
import { lint } from '../../server/src/engine';

describe('LineIndex', () => {
  it('splits lines on \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual(idx.lineStarts, [0, 2, 5, 7]);
    assert.deepEqual(idx.lineEnds, [1, 3, 6, 8]);
    assert.deepEqual(idx.positionAt(5), { line: 2, character: 0 });
    assert.equal(idx.offsetAt({ line: 3, character: 1 }), 8);
  });

  it('round-trips every offset of a mixed text', () => {
    const text = '一、总体\r\n𠀀XX😀\r（一）\n\n1.测试';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      const back = idx.offsetAt(p);
      // the only offsets that do not round-trip sit between \r and \n
      if (!(text[o - 1] === '\r' && text[o] === '\n')) assert.equal(back, o, `offset ${o}`);
    }
  });

  it('clamps out-of-range positions', () => {
    const idx = new LineIndex('ab\ncd');
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(idx.offsetAt({ line: -1, character: 0 }), 0);
  });
});

describe('positions of diagnostics', () => {
  const xx = (text: string) => lint(text).filter((d) => d.code === 'placeholder/latin-x').map((d) => d.range);

  it('counts an astral character as two UTF-16 code units', () => {
    assert.deepEqual(xx('𠀀XX镇'), [{ start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }]);
    assert.deepEqual(xx('😀XX镇'), [{ start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }]);
  });

  it('handles CRLF and CR line ends', () => {
    assert.deepEqual(xx('标题\r\nXX镇\r\n'), [{ start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }]);
    assert.deepEqual(xx('标题\r正文\rXX镇'), [{ start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }]);
  });

  it('keeps a BOM as a code unit of the first line', () => {
    assert.deepEqual(xx('\uFEFFXX镇'), [{ start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }]);
  });

  it('treats full-width digits as digits next to a placeholder', () => {
    assert.deepEqual(xx('２０X年'), [{ start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }]);
  });
});
