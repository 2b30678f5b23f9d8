/** Zones kept as spans answer exactly as a mark on every code unit would. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/engine';
import { Zone } from '../../server/src/engine/document';

/** The zones as one mask per code unit, marked the plain way. */
function naive(text: string): number[] {
  const z = new Array<number>(text.length).fill(0);
  const lines = text.split(/(\r\n|\r|\n)/);
  let at = 0;
  for (const line of lines) {
    if (/^(\r\n|\r|\n)$/.test(line)) {
      at += line.length;
      continue;
    }
    const mark = (re: RegExp, bit: number) => {
      for (const m of line.matchAll(re)) for (let k = 0; k < m[0].length; k++) z[at + m.index! + k] |= bit;
    };
    let open = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '“') open = i;
      else if (line[i] === '”' && open >= 0) {
        for (let k = open; k <= i; k++) z[at + k] |= Zone.Quote;
        open = -1;
      }
    }
    open = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '‘') open = i;
      else if (line[i] === '’' && open >= 0) {
        for (let k = open; k <= i; k++) z[at + k] |= Zone.Quote;
        open = -1;
      }
    }
    let depth = 0;
    open = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '《') {
        if (depth++ === 0) open = i;
      } else if (line[i] === '》' && depth > 0 && --depth === 0) for (let k = open; k <= i; k++) z[at + k] |= Zone.Book;
    }
    mark(/https?:\/\/[A-Za-z0-9./]+/g, Zone.Url);
    at += line.length;
  }
  return z;
}

describe('zones as spans', () => {
  it('agree with a mark per code unit, for every offset and every span', () => {
    const pieces = ['“', '”', '‘', '’', '《', '》', 'https://a.cn/x ', '甲', '乙丙', '\n', '\r\n', '𠀀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const doc = parse(text, 'plaintext');
        const z = naive(text);
        for (const mask of [Zone.Quote, Zone.Book, Zone.Url, Zone.Quote | Zone.Book, Zone.Code]) {
          for (let i = 0; i < text.length; i++) {
            assert.equal(doc.inZone(i, mask), (z[i] & mask) !== 0, `offset ${i} mask ${mask} in ${JSON.stringify(text)}`);
            for (let j = i; j <= Math.min(text.length, i + 6); j++) {
              const expected = z.slice(i, j).some((b) => (b & mask) !== 0);
              assert.equal(doc.touchesZone(i, j, mask), expected, `[${i}, ${j}) mask ${mask} in ${JSON.stringify(text)}`);
            }
          }
        }
      }),
      { numRuns: 400, seed: 9704 },
    );
  });

  it('keep a title inside a quotation as a title too', () => {
    const doc = parse('学习“《条例》”');
    assert.ok(doc.inZone(3, Zone.Book));
    assert.ok(doc.inZone(3, Zone.Quote));
  });

  it('take no memory per code unit: a long report holds a few spans', () => {
    const doc = parse('工作'.repeat(500_000) + '“引文”');
    assert.equal(doc.zones.lists.reduce((n, a) => n + a.length, 0), 2);
  });
});
