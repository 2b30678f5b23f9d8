import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/engine';

const file = path.join(__dirname, '../../../snippets/gongwen.code-snippets');
const snippets: Record<string, { prefix: string[]; description: string; body: string[] }> = JSON.parse(fs.readFileSync(file, 'utf8'));

/** The text a writer gets after tabbing through: defaults and first choices filled in, variables resolved. */
export function expandSnippet(body: string[]): string {
  let text = body.join('\n');
  const vars: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_MONTH: '11', CURRENT_DATE: '27' };
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, '$2')
      .replace(/\$\{(\d+):([^{}$]*)\}/g, '$2')
      .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, (_, a, b) => vars[a ?? b] ?? '')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}

describe('snippets', () => {
  it('has at least 20 standard passages, each with a Chinese description and pinyin and Chinese prefixes', () => {
    const names = Object.keys(snippets);
    assert.ok(names.length >= 20, `${names.length} snippets`);
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.description, /[\u4e00-\u9fff]/, name);
      assert.ok(s.prefix.some((p) => /^[a-z-]+$/.test(p)), `${name} has a pinyin-initials prefix`);
      assert.ok(s.prefix.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name} has a Chinese prefix`);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`“${name}” filled in gets no phrasing, typo or numbering diagnostic`, () => {
      const text = expandSnippet(s.body);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'every tab stop is filled');
      const bad = lint(text).filter((d) => /^(phrasing|typo|numbering)\//.test(d.code));
      assert.deepEqual(bad.map((d) => `${d.code} ${d.message}`), []);
    });
  }

  it('includes the whole-report skeletons and the numbering skeleton', () => {
    const names = Object.keys(snippets).join('\n');
    for (const want of ['述职述德述廉报告', '年度述职报告', '个人年度工作总结', '党支部书记抓基层党建工作述职报告', '开头', '政治理论学习', '民主集中制', '履职尽责', '一岗双责', '中央八项规定精神', '存在的问题与不足', '整改措施与今后打算', '结尾', '序号骨架']) {
      assert.ok(names.includes(want), want);
    }
  });
});
