/**
 * RuleTester in the eslint manner: `valid` texts must produce nothing; each `invalid` text must produce
 * exactly the listed spans, and applying the rule's first fixes must give `output`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, parse, resolveOptions } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/types';

export interface InvalidCase {
  text: string;
  /** The flagged text of each finding, in order. */
  spans: string[];
  /** Text after applying each finding's first fix (omit when the rule has no fix for the case). */
  output?: string;
  /** Substrings every message must contain, in order of findings. */
  messages?: string[];
  language?: 'gongwen' | 'plaintext' | 'markdown';
}

export interface ValidCase {
  text: string;
  language?: 'gongwen' | 'plaintext' | 'markdown';
}

export function runRule(rule: Rule, text: string, language: 'gongwen' | 'plaintext' | 'markdown' = 'gongwen') {
  const doc = parse(text, language);
  return rule.check(doc, { options: resolveOptions({}) });
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      assert.match(rule.meta.id, /^(placeholder|numbering|phrasing|typo|consistency)\/[a-z0-9-]+$/);
      assert.equal(rule.meta.id.split('/')[0], rule.meta.category);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.meta.severity));
      assert.ok(/[\u4e00-\u9fff]/.test(rule.meta.description), 'description speaks Chinese');
    });
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { text: v } : v;
      it(`does not flag ${JSON.stringify(c.text.slice(0, 40))}`, () => {
        const found = runRule(rule, c.text, c.language);
        assert.deepEqual(found.map((f) => c.text.slice(f.start, f.end)), []);
      });
    }
    for (const c of cases.invalid) {
      it(`flags ${JSON.stringify(c.text.slice(0, 40))}`, () => {
        const found = runRule(rule, c.text, c.language);
        assert.deepEqual(found.map((f) => c.text.slice(f.start, f.end)), c.spans);
        for (const f of found) {
          assert.ok(f.start >= 0 && f.end <= c.text.length && f.start < f.end, 'range inside the text');
          assert.ok(/[\u4e00-\u9fff]/.test(f.message), 'message in Chinese');
        }
        if (c.messages) c.messages.forEach((m, i) => assert.ok(found[i].message.includes(m), `message ${i} has ${m}: ${found[i].message}`));
        if (c.output !== undefined) {
          const edits = found.flatMap((f) => f.fixes?.[0]?.edits ?? []);
          assert.ok(edits.length > 0, 'the case has a fix');
          assert.equal(applyEdits(c.text, edits), c.output);
        } else {
          assert.ok(found.every((f) => !f.fixes?.length || rule.meta.fixable), 'fixes only from fixable rules');
        }
      });
    }
  });
}
