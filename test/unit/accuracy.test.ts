/**
 * Accuracy held as tests: the annotated reports, recall with the built-in lists off, false positives on
 * clean report prose, and no safe fix that changes a clean text (the figures npm run eval prints).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { cleanTexts, falsePositives, leaveOutPolitical, leaveOutTypos, scoreAnnotated } from '../helpers/accuracy';
import { fix } from '../../server/src/engine';

describe('accuracy', () => {
  it('finds every annotated defect of the annotated reports, and nothing else', () => {
    const s = scoreAnnotated();
    const expected = [...s.expected.values()].reduce((a, b) => a + b, 0);
    const found = [...s.found.values()].reduce((a, b) => a + b, 0);
    assert.ok(expected >= 70, `${expected} annotated defects`);
    assert.deepEqual(s.misses.map((m) => `${m.name}:${m.e.line + 1}:${m.e.startChar + 1} ${m.e.category} ${m.e.text ?? ''}`), []);
    assert.deepEqual(s.falseAlarms.map((f) => `${f.name}:${f.d.range.start.line + 1} ${f.d.code} ${f.d.message}`), []);
    assert.equal(found, expected);
  });

  it('with the typo list off, finds at least 80% of its four-character entries in ordinary sentences', () => {
    const r = leaveOutTypos();
    assert.ok(r.total >= 350, `${r.total} entries`);
    assert.ok(r.found / r.total >= 0.8, `${r.found}/${r.total}; missed ${r.missed.join(' ')}`);
  });

  it('with the political list off, finds at least 80% of its one-character variants', () => {
    const r = leaveOutPolitical();
    assert.ok(r.total >= 50, `${r.total} entries`);
    assert.ok(r.found / r.total >= 0.8, `${r.found}/${r.total}; missed ${r.missed.join(' ')}`);
  });

  it('reports at most one finding per 20,000 characters of clean report prose, none with a safe fix', () => {
    const { characters, findings } = falsePositives();
    assert.ok(characters >= 50_000, `${characters} characters of clean text`);
    assert.ok(findings.length <= characters / 20_000, findings.map((f) => `${f.name} ${f.code} “${f.text}” ${f.message}`).join('\n'));
    assert.deepEqual(findings.filter((f) => f.safe).map((f) => `${f.name} ${f.code} “${f.text}”`), []);
  });

  it('fix() changes nothing on any clean text in the repository', () => {
    // the corpus, the snippets as inserted (with their default values) and the rules' good examples
    for (const { name, text } of cleanTexts()) {
      const { output } = fix(text);
      assert.equal(output, text, name);
    }
  });
});
