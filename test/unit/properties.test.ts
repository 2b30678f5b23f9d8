/**
 * Property tests: random Unicode and random edits of real reports never make the engine throw, every
 * range stays inside the text without splitting a surrogate pair, and fixing is idempotent.
 * `npm test` runs a fixed seed; `npm run fuzz` runs many more cases with a random one.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, fix, lint, LineIndex, outline, foldingRanges, type DocumentSymbol } from '../../server/src/engine';

const FUZZ = process.env.GONGWEN_FUZZ_RUNS ? Number(process.env.GONGWEN_FUZZ_RUNS) : 0;
const params = FUZZ ? { numRuns: FUZZ } : { numRuns: 300, seed: 20261127 };
export const propertyRuns = { count: 0 };

const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
const fragments = [
  ...sample.split(/(?<=[。，；：\n])/).slice(0, 80),
  'XX', 'X', 'ＸＸ', '××', '某某', '【】', '（待补充）', '##paidbegin##', '一、', '（一）', '1.', '（1）', '(1)', '1、', '一是', '二是', '第一，', '首先，', '其次，',
  '“', '”', '《', '》', '\r\n', '\r', '\n', '\u3000', '\uFEFF', '𠀀', '😀', '\u0301', '\u202e', '\u0000', '\uD800', '\uDC00', '９', '％', '%', ':', ',', '(', ')', '"',
  'https://example.com/a_b?x=1', '以身作责', '中央八项规定', '习近平为核心的党中央', '半年来', '全年', '的的', '　　',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const report = fc.array(piece, { maxLength: 120 }).map((xs) => xs.join(''));

/** A real report with random edits: deletions, insertions and replacements at random places. */
const editedSample = fc
  .array(fc.tuple(fc.nat(sample.length), fc.nat(40), fc.array(piece, { maxLength: 4 }).map((x) => x.join(''))), { maxLength: 12 })
  .map((edits) => {
    let t = sample;
    for (const [at, del, ins] of edits) {
      const s = Math.min(at, t.length);
      t = t.slice(0, s) + ins + t.slice(Math.min(t.length, s + del));
    }
    return t;
  });

const splitsPair = (text: string, offset: number) =>
  offset > 0 && offset < text.length && text.charCodeAt(offset - 1) >= 0xd800 && text.charCodeAt(offset - 1) <= 0xdbff &&
  text.charCodeAt(offset) >= 0xdc00 && text.charCodeAt(offset) <= 0xdfff;

function checkText(text: string): void {
  propertyRuns.count++;
  const lines = new LineIndex(text);
  const diagnostics = lint(text);
  for (const d of diagnostics) {
    const s = lines.offsetAt(d.range.start);
    const e = lines.offsetAt(d.range.end);
    assert.ok(d.range.start.line < lines.lineCount && d.range.end.line < lines.lineCount, 'range inside the document');
    assert.ok(s <= e && e <= text.length, `ordered range ${JSON.stringify(d.range)}`);
    assert.deepEqual(lines.positionAt(s), d.range.start, 'start is a real position');
    assert.ok(!splitsPair(text, s) && !splitsPair(text, e), `${d.code} splits a surrogate pair`);
    for (const f of d.data?.fixes ?? []) {
      for (const edit of f.edits) {
        const es = lines.offsetAt(edit.range.start);
        const ee = lines.offsetAt(edit.range.end);
        assert.ok(es <= ee && ee <= text.length);
        assert.ok(!splitsPair(text, es) && !splitsPair(text, ee), `${d.code} fix splits a surrogate pair`);
        // applying the fix changes the text only inside its range
        const out = applyEdits(text, [{ start: es, end: ee, newText: edit.newText }]);
        assert.equal(out.slice(0, es), text.slice(0, es));
        assert.equal(out.slice(es + edit.newText.length), text.slice(ee));
      }
    }
  }
  const once = fix(text).output;
  assert.equal(fix(once).output, once, 'fixing twice equals fixing once');
  const walk = (s: DocumentSymbol[]) => s.forEach((x) => {
    assert.ok(x.range.start.line <= x.selectionRange.start.line && x.range.end.line < lines.lineCount);
    walk(x.children);
  });
  walk(outline(text));
  for (const r of foldingRanges(text)) assert.ok(r.startLine < r.endLine && r.endLine < lines.lineCount);
}

describe('properties', () => {
  it('hold for random Unicode text (astral, combining, RTL, NUL, lone surrogates, mixed line ends)', () => {
    fc.assert(fc.property(report, (text) => checkText(text)), params);
  });
  it('hold for random edits of the real sample report', () => {
    fc.assert(fc.property(editedSample, (text) => checkText(text)), { ...params, numRuns: Math.ceil(params.numRuns / 3) });
  });
  it('fixing is idempotent on long runs: repeated marks, particles and words (as many as 600 copies)', () => {
    const unit = fc.constantFrom('!', ',', ';', ':', '?', '的', '了', '我们', '同时', '(', '"');
    const run = fc.tuple(unit, fc.integer({ min: 2, max: 600 })).map(([u, n]) => u.repeat(n));
    const text = fc.array(fc.oneof(run, fc.constantFrom(...fragments)), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, (t) => {
      const once = fix(t).output;
      assert.equal(fix(once).output, once);
    }), { ...params, numRuns: Math.ceil(params.numRuns / 3) });
  });
  it('hold for the same report with each kind of line ending', () => {
    for (const eol of ['\n', '\r\n', '\r']) checkText(sample.replace(/\n/g, eol));
  });
});

process.on('exit', () => {
  if (FUZZ) console.log(`fuzz: ${propertyRuns.count} cases checked`);
});
