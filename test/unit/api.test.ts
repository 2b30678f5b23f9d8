import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fix, lint, listRules, validateOptions } from '../../server/src/engine';

const examples = path.join(__dirname, '../../../examples');
const sample = fs.readFileSync(path.join(examples, 'town-secretary-report.txt'), 'utf8');
interface Expected { line: number; startChar: number; endChar: number; category: string; text: string }
const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(examples, 'town-secretary-report.expected.json'), 'utf8'));

describe('lint()', () => {
  it('returns LSP-shaped diagnostics with code, source and documentation link', () => {
    const [d] = lint('XX镇');
    assert.equal(d.source, 'gongwen');
    assert.equal(d.code, 'placeholder/latin-x');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription.href, /docs\/rules\/placeholder\/latin-x\.md$/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
  });

  it('covers every placeholder span of the annotated sample, and nothing else', () => {
    const diags = lint(sample).filter((d) => d.code.startsWith('placeholder/'));
    const spans = expected.filter((e) => e.category === 'placeholder');
    for (const e of spans) {
      const hit = diags.some((d) => d.range.start.line === e.line && d.range.start.character < e.endChar && e.startChar < d.range.end.character);
      assert.ok(hit, `expected a placeholder diagnostic on line ${e.line} at ${e.startChar} (${e.text})`);
    }
    for (const d of diags) {
      const hit = spans.some((e) => d.range.start.line === e.line && d.range.start.character < e.endChar && e.startChar < d.range.end.character);
      assert.ok(hit, `unexpected placeholder diagnostic on line ${d.range.start.line} at ${d.range.start.character}: ${d.message}`);
    }
  });

  it('applies severity overrides per rule and per category, and turns rules off', () => {
    assert.equal(lint('XX镇', { rules: { 'placeholder/latin-x': 'warning' } })[0].severity, 2);
    assert.equal(lint('XX镇', { rules: { placeholder: 'info' } })[0].severity, 3);
    assert.deepEqual(lint('XX镇', { rules: { 'placeholder/latin-x': 'off' } }), []);
  });

  it('ignores invalid options instead of failing', () => {
    const bad = { rules: { 'no/such-rule': 'error', 'placeholder/latin-x': 'loud' } } as never;
    assert.equal(lint('XX镇', bad).length, 1);
  });

  it('never throws on hostile input', () => {
    for (const t of ['', '\u0000\u0000', '\uD800XX\uDC00', '\r\r\n\n\r', 'X'.repeat(10000), '（'.repeat(5000), '一、'.repeat(3000)]) {
      assert.doesNotThrow(() => lint(t));
    }
  });
});

describe('validateOptions()', () => {
  it('explains each problem in Chinese and keeps the rest', () => {
    const { options, problems } = validateOptions({ rules: { 'placeholder/latin-x': 'warning', 'x/y': 'off', 'placeholder/symbol': 3 } });
    assert.deepEqual(options.rules, { 'placeholder/latin-x': 'warning' });
    assert.deepEqual(problems.map((p) => p.path), ['rules.x/y', 'rules.placeholder/symbol']);
    assert.ok(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message)));
    assert.equal(validateOptions('nonsense').problems.length, 1);
    assert.equal(validateOptions({ rules: [] }).problems.length, 1);
  });
});

describe('fix()', () => {
  it('removes template markers and is idempotent', () => {
    const { output, applied } = fix(sample);
    assert.ok(applied >= 2);
    assert.ok(!output.includes('##paid'));
    assert.equal(fix(output).output, output);
    assert.equal(fix(output).applied, 0);
  });
  it('changes nothing where nothing is safe to fix', () => {
    assert.deepEqual(fix('XX镇'), { output: 'XX镇', applied: 0 });
  });
});

describe('rule registry', () => {
  it('lists every rule once with complete metadata and a documentation page', () => {
    const metas = listRules();
    assert.equal(new Set(metas.map((m) => m.id)).size, metas.length);
    for (const m of metas) {
      assert.ok(fs.existsSync(path.join(__dirname, '../../../docs/rules', `${m.id}.md`)), `docs/rules/${m.id}.md exists`);
    }
  });
});

describe('minimalEdits', () => {
  it('gives one edit per changed line when the lines stay, else one edit; applying them gives the new text', async () => {
    const { minimalEdits, applyEdits } = await import('../../server/src/engine/index.js');
    const cases: [string, string][] = [
      ['a\nb\r\nc\rd', 'a\nB\r\nc\rD'],
      ['标题\n以身作责\n其他', '标题\n以身作则\n其他'],
      ['一行\n两行', '一行\n新的一行\n两行'],
      ['𠀀𠀁\n', '𠀀𠀂\n'],
      ['x\r\ny', 'x\ny'],
      ['same', 'same'],
    ];
    for (const [a, b] of cases) assert.equal(applyEdits(a, minimalEdits(a, b)), b, JSON.stringify([a, b]));
    assert.equal(minimalEdits('a\nb\nc', 'A\nb\nC').length, 2);
    assert.equal(minimalEdits('a\nb', 'a\nx\nb').length, 1);
  });
});
