/** URLs and addresses: the same spans as the regular expression that defines them, in linear time. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findUrls } from '../../server/src/engine/urls';
import { commentSpans, markdownSpans } from '../../server/src/engine/document';
import { fileUriToPath, normalizeFileUri } from '../../server/src/uri';

const REFERENCE = /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”‘’《》<>"]+|\bwww\.[A-Za-z0-9-]+\.[^\s\u3000-\u303f\uff00-\uffef“”《》<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const reference = (text: string) => [...text.matchAll(REFERENCE)].flatMap((m) => [m.index!, m.index! + m[0].length]);

describe('findUrls', () => {
  it('finds what the defining expression finds, on texts made of the pieces addresses are made of', () => {
    const piece = fc.constantFrom('a', 'b', 'x', '1', '_', '-', '.', '@', ':', '/', '://', 'http', 'https', 'ftp', 'www', 'www.', 'w', 's', ' ', '中', '，', '“', '%', '+', 'mail', '.com', '@a.cn');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(findUrls(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 20000, seed: 9704 },
    );
  });

  it('finds addresses in report text', () => {
    const text = '详见 https://www.gov.cn/zhengce/ 或 www.moe.gov.cn/jyb，联系 office@county.gov.cn。';
    const spans = findUrls(text);
    const found = [];
    for (let k = 0; k < spans.length; k += 2) found.push(text.slice(spans[k], spans[k + 1]));
    assert.deepEqual(found, ['https://www.gov.cn/zhengce/', 'www.moe.gov.cn/jyb', 'office@county.gov.cn']);
  });

  it('takes time in proportion to a long run of letters around an @, :// or www.', () => {
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        findUrls(text);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
      }
      return best;
    };
    const make = (n: number) => `a@b ${'x'.repeat(n)} www.${'y'.repeat(n)} http://${'z'.repeat(n)}@ ${'w'.repeat(n)}@`;
    const a = make(400000);
    const b = make(800000);
    let ta = Infinity;
    let tb = Infinity;
    for (let i = 0; i < 3; i++) {
      ta = Math.min(ta, time(a));
      tb = Math.min(tb, time(b));
    }
    const ratio = tb / ta;
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
  });
});

describe('Markdown code spans, link targets and comments', () => {
  const REF = /`[^`\r\n]+`|\]\([^)\r\n]*\)|<!--[\s\S]*?-->/g;
  it('are what the defining expression finds', () => {
    const piece = fc.constantFrom('`', 'a', '](', ')', '(', ']', '<!--', '-->', '<!', '--', '>', '\n', '\r\n', ' ', '中', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const out: number[] = [];
        markdownSpans(text, out);
        assert.deepEqual(out, [...text.matchAll(REF)].flatMap((m) => [m.index!, m.index! + m[0].length]), JSON.stringify(text));
        assert.deepEqual(commentSpans(text), [...text.matchAll(/<!--[\s\S]*?-->/g)].flatMap((m) => [m.index!, m.index! + m[0].length]));
      }),
      { numRuns: 20000, seed: 2012 },
    );
  });
});

describe('file URIs compared by one spelling', () => {
  it('takes VS Code’s and Node’s spellings of the same file as one, Windows drive letters included', () => {
    const same: [string, string][] = [
      ['file:///tmp/a%20%28b%29%2Bc%26d/.gongwen.json', 'file:///tmp/a%20(b)+c&d/.gongwen.json'],
      ['file:///c%3A/Users/%E5%BC%A0%E4%B8%89/%E6%8A%A5%E5%91%8A.gongwen', 'file:///C:/Users/张三/报告.gongwen'],
      ['file:///d%3A/a%20b/x.md', 'file:///D:/a b/x.md'],
      ['file://Server/Share/r.txt', 'file://server/Share/r.txt'],
    ];
    for (const [a, b] of same) assert.equal(normalizeFileUri(a), normalizeFileUri(b), `${a} ~ ${b}`);
    assert.notEqual(normalizeFileUri('file:///tmp/A.txt'), normalizeFileUri('file:///tmp/a.txt'));
    assert.notEqual(normalizeFileUri('file:///c%3A/a'), normalizeFileUri('file:///d%3A/a'));
  });

  it('gives no path, rather than an error, for URIs that name none here', () => {
    assert.equal(fileUriToPath('file://server/share/r.txt'), process.platform === 'win32' ? '\\\\server\\share\\r.txt' : undefined);
    assert.equal(fileUriToPath('file:///r/a%2Fb.txt'), undefined);
    assert.equal(typeof fileUriToPath('file:///tmp/a%20(b).txt'), 'string');
    assert.equal(normalizeFileUri('file:///r/bad%E0%A4%A.txt'), 'file:///r/bad%E0%A4%A.txt');
  });
});
