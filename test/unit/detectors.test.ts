/** The detectors that need no list entry for the error: homophones in idioms, slips in canonical formulations. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ruleTester } from '../helpers/rule-tester';
import { lint } from '../../server/src/engine';
import { lexicon, fuzzySyllable } from '../../server/src/engine/lexicon';
import { typoHomophone } from '../../server/src/engine/rules/typo-homophone';
import { phrasingFormulationVariant, CANONICAL } from '../../server/src/engine/rules/phrasing-formulation-variant';

const root = path.join(__dirname, '../../..');

describe('the lexicon', () => {
  it('holds at least 20,000 four-character entries, the catalogues’ right forms among them, and readings of polyphones', () => {
    const lex = lexicon();
    assert.ok(lex.size >= 20000, `${lex.size} entries`);
    const has = (w: string) => lex.find(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2), w.charCodeAt(3)) !== -1;
    for (const w of ['以身作则', '接诉即办', '踔厉奋发', '真抓实干', '一以贯之']) assert.ok(has(w), w);
    // misspellings the source lists beside the right form are left out
    for (const w of ['再接再励', '按步就班']) assert.ok(!has(w), w);
    assert.deepEqual([...lex.readingsOf('行'.charCodeAt(0))].sort(), ['hang', 'heng', 'xing'].filter((r) => lex.readingsOf('行'.charCodeAt(0)).includes(r)).sort());
    assert.ok(lex.readingsOf('行'.charCodeAt(0)).length >= 2, 'polyphone');
    assert.equal(lex.sharedReading('责'.charCodeAt(0), '则'.charCodeAt(0)), 'ze');
    assert.equal(fuzzySyllable('zhi'), 'zi');
    assert.equal(fuzzySyllable('ming'), 'min');
    assert.equal(fuzzySyllable('neng'), 'len');
    assert.ok(lex.isWord('工'.charCodeAt(0), '作'.charCodeAt(0)));
  });

  it('data.json is what scripts/build-lexicon.mjs makes from the installed packages', () => {
    const r = spawnSync(process.execPath, ['scripts/build-lexicon.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

ruleTester(typoHomophone, {
  valid: [
    '以身作则，率先垂范',
    '工作中磨炼意志，增长才干', // two ordinary words, both right
    '进一步明确工作重点',
    '依法制国家级应急预案', // 依法制|国家级
    '党的二十届三中全会精神',
    '建成一立方米的蓄水池',
    '述职人：王立新',
    '他常说“一鼓作气”', // quoted
    '学习《言简意赅的公文写作》一书', // a title
    '这个问题得到了很好的解决', // 的/地 is grammar, not an idiom
    '党风廉政建设责任制',
    '真抓实干、久久为功',
    '各项工作卓有成效',
    '工作有成效',
  ],
  invalid: [
    { text: '他工作中励精图志，从不懈怠。', spans: ['励精图志'], output: '他工作中励精图治，从不懈怠。', messages: ['励精图治”之误：“志”与“治”'] },
    { text: '各项工作，持之以衡。', spans: ['持之以衡'], output: '各项工作，持之以恒。' },
    { text: '全体干部兹兹以求。', spans: ['兹兹以求'], output: '全体干部孜孜以求。', messages: ['“兹兹”与“孜孜”'] },
    { text: '为群众雪中送碳，', spans: ['雪中送碳'], output: '为群众雪中送炭，' },
    { text: '大家任劳任冤、脚踏实第。', spans: ['任劳任冤', '脚踏实第'], output: '大家任劳任怨、脚踏实地。' },
    { text: '坚持接诉即半。', spans: ['接诉即半'], output: '坚持接诉即办。' },
    // a near reading (n/l, -ng/-n) for a common expression
    { text: '全镇上下凌心聚力，', spans: ['凌心聚力'], output: '全镇上下凝心聚力，' },
    // astral characters and CRLF around it: positions stay right
    { text: '𠀀𠀀\r\n各项工作持之以衡。\r\n', spans: ['持之以衡'], output: '𠀀𠀀\r\n各项工作持之以恒。\r\n' },
  ],
});

ruleTester(phrasingFormulationVariant, {
  valid: [
    '坚持以习近平新时代中国特色社会主义思想为指导',
    '学习贯彻党的二十届三中全会精神和党的二十届二中全会精神',
    '落实全面从严治党的主体责任',
    '推进全面从严管党治党',
    '实施人才强院战略，建设教育强省',
    '严格落实党风廉政建设责任制',
    '中共中央、国务院印发意见',
    '全面建设社会主义现代化国家',
    '办人民满意的教育',
    '印发《党中央国务院关于某项工作的意见》',
    '实现中华民族伟大复兴的中国梦',
  ],
  invalid: [
    { text: '坚持以习近平新时代中国特色主义思想为指导', spans: ['习近平新时代中国特色主义思想'], output: '坚持以习近平新时代中国特色社会主义思想为指导', messages: ['少了“社会”'] },
    { text: '为实现中华民族伟大复习而奋斗', spans: ['实现中华民族伟大复习'], output: '为实现中华民族伟大复兴而奋斗', messages: ['“习”应为“兴”'] },
    { text: '推动中华民族伟大复习', spans: ['中华民族伟大复习'], output: '推动中华民族伟大复兴' },
    { text: '坚持以人民为中心的发展展思想', spans: ['以人民为中心的发展展思想'], output: '坚持以人民为中心的发展思想', messages: ['多了“展”'] },
    { text: '坚决维护习近平总书记总书记的核心地位', spans: [] },
    { text: '牢固树立总体国家安安全观', spans: ['总体国家安安全观'], output: '牢固树立总体国家安全观', messages: ['多了“安”'] },
    { text: '落实全面从严治党主休责任', spans: ['全面从严治党主休责任'], output: '落实全面从严治党主体责任' },
  ],
});

describe('catalogue and detectors together', () => {
  it('with the catalogue off, the detectors still find what it lists', () => {
    const off = { rules: { 'typo/fixed-phrase': 'off', 'phrasing/political': 'off' } } as const;
    assert.deepEqual(lint('深入学习习近平经济学思想', off).map((d) => d.code), ['phrasing/formulation-variant']);
    assert.deepEqual(lint('学习党的十九届6中全会精神', off).map((d) => d.code), ['phrasing/formulation-variant']);
    assert.deepEqual(lint('全体干部竞竞业业。', off).map((d) => d.code), ['typo/homophone']);
  });

  it('a slip the catalogue lists is reported once, by the catalogue rule', () => {
    const codes = lint('我们要以身作责。').map((d) => d.code);
    assert.deepEqual(codes, ['typo/fixed-phrase']);
    const off = lint('我们要以身作责。', { rules: { 'typo/fixed-phrase': 'off' } }).map((d) => d.code);
    assert.deepEqual(off, ['typo/homophone']);
  });

  it('a form the user turned off in phrases.disable is not reported by the detectors either', () => {
    assert.deepEqual(lint('我们要以身作责。', { phrases: { disable: ['以身作责'] } }), []);
  });

  it('the detectors’ fixes are never applied without looking', () => {
    for (const d of lint('他工作中励精图志，坚持习近平新时代中国特色主义思想。')) {
      for (const f of (d.data?.fixes ?? []) as { safe?: boolean }[]) assert.notEqual(f.safe, true, d.code);
    }
  });

  it('every canonical formulation is five characters or more, and none is a one-character slip of another', () => {
    assert.ok(CANONICAL.length > 150);
    assert.ok(CANONICAL.every((c) => c.length >= 5));
  });
});
