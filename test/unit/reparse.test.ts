/** Parsing an edited version from the previous one gives exactly the parse of the text on its own. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, type ReportDocument } from '../../server/src/engine';

const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
const pieces = ['\n', '\r', '\r\n', '\n\n', '一、', '（一）', '1.', '（1）', '二、总结。', '“', '”', '‘', '’', '《', '》', 'https://a.cn/x', 'a@b.cn', 'www.gov.cn', 'XX', '𠀀', '\uFEFF', '　', '2023年度述职报告\n', '12.5%', 'COVID-19', '<!--', '-->', '```'];

function view(doc: ReportDocument) {
  return {
    starts: doc.lines.lineStarts,
    ends: doc.lines.lineEnds,
    zones: doc.zones.lists.map((a) => Array.from(a).join(',')),
    headings: doc.headings,
    title: doc.title,
    characters: doc.characters,
  };
}

describe('parsing an edited version from the previous one', () => {
  it('equals a full parse after every one of many random edits (CRLF, lone CR, astral characters, quotes, URLs, headings)', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((x) => x.join(''))), { minLength: 1, maxLength: 30 });
    const starts = fc.constantFrom(sample, sample.replace(/\n/g, '\r\n'), sample.replace(/\n/g, '\r'), '', '\n', '一、甲\n（一）乙', '甲\r乙\r\n丙\n丁\r');
    fc.assert(
      fc.property(starts, edits, fc.constantFrom<'gongwen' | 'plaintext' | 'markdown'>('gongwen', 'plaintext', 'markdown'), fc.boolean(), (start, steps, language, told) => {
        let text = start;
        let doc = parse(text, language);
        doc.characters; // counted, so that the next version recounts only the changed lines
        for (const [at, del, ins] of steps) {
          const s = at % (text.length + 1);
          const end = Math.min(text.length, s + del);
          const unchanged = { prefix: s, suffix: text.length - end }; // as an editor reports the edit
          text = text.slice(0, s) + ins + text.slice(end);
          const next = parse(text, language, doc, told ? unchanged : undefined);
          assert.deepEqual(view(next), view(parse(text, language)), JSON.stringify(text.slice(Math.max(0, s - 5), s + ins.length + 5)));
          // what the parse says carried over is the same text, line for line
          const d = next.derivation;
          if (d) {
            assert.equal(d.fromId, doc.id);
            assert.equal(next.lines.lineCount - d.movedTo, doc.lines.lineCount - d.movedFrom);
            for (let l = 0; l < d.first; l++) assert.equal(next.lineText(l), doc.lineText(l));
            for (let l = d.movedTo; l < next.lines.lineCount; l++) assert.equal(next.lineText(l), doc.lineText(l - d.movedTo + d.movedFrom));
          }
          doc = next;
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('keeps the objects of headings above the edit and moves the ones below', () => {
    const before = parse(sample);
    const at = sample.indexOf('以身作责');
    const after = parse(sample.slice(0, at) + '坚持' + sample.slice(at), 'gongwen', before);
    const line = before.lines.lineAt(at);
    const above = after.headings.filter((h) => h.line < line);
    assert.ok(above.length > 0);
    for (const h of above) assert.ok(before.headings.includes(h));
    const below = after.headings.filter((h) => h.line > line);
    assert.ok(below.length > 0);
    for (const h of below) {
      const old = before.headings.find((o) => o.line === h.line)!;
      assert.equal(h.markerStart, old.markerStart + 2);
    }
  });
});
