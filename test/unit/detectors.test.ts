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
import { phrasingLeaderTitle } from '../../server/src/engine/rules/phrasing-leader-title';
import { phrasingOutdated } from '../../server/src/engine/rules/phrasing-outdated';
import { numberingEnumeration } from '../../server/src/engine/rules/numbering-enumeration';

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

ruleTester(phrasingLeaderTitle, {
  valid: [
    '深入学习习近平总书记重要讲话精神',
    '坚持以习近平新时代中国特色社会主义思想为指导',
    '学习习近平总书记重要讲话。总书记强调要抓落实。',
    '学习《习近平谈治国理政》',
    '胡锦涛总书记指出',
    '学习习近平同志的重要讲话，总书记指出',
    '学习习近平经济思想',
  ],
  invalid: [
    { text: '深入学习习近平重要讲话精神', spans: ['习近平'], output: '深入学习习近平总书记重要讲话精神' },
    { text: '学习习近平的重要指示', spans: ['习近平的'], output: '学习习近平总书记的重要指示' },
    { text: '坚持以总书记习近平新时代中国特色社会主义思想为指导', spans: ['总书记习近平'], output: '坚持以习近平新时代中国特色社会主义思想为指导', messages: ['前面不加“总书记”'] },
    { text: '落实总书记习近平的指示', spans: ['总书记习近平'], output: '落实习近平总书记的指示' },
    { text: '认真学习总书记重要讲话精神。习近平总书记强调', spans: ['总书记'], output: '认真学习习近平总书记重要讲话精神。习近平总书记强调', messages: ['第一次提及'] },
  ],
});

ruleTester(phrasingOutdated, {
  valid: [
    '2024年度述职报告\n扎实开展党纪学习教育。',
    '2025年度述职报告\n巩固拓展党纪学习教育成果。',
    '2025年度述职报告\n在党史学习教育期间，我们建立了制度。',
    '2024年度述职报告\n巩固拓展脱贫攻坚成果同乡村振兴有效衔接。',
    '2024年度述职报告\n回顾脱贫攻坚历程，我们深受教育。',
    '2024年度述职报告\n2020年全力推进脱贫攻坚工作。',
    '2024年度述职报告\n做好重大动物疫情防控工作。',
    '2024年度述职报告\n做好传染病疫情防控工作。',
    '2022年度述职报告\n做好疫情防控工作。',
    '2023年度述职报告\n年初，平稳有序做好疫情防控转段工作。',
    '2023年度述职报告\n深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育。',
    '2020年度述职报告\n深入开展“不忘初心、牢记使命”主题教育。',
    '述职报告\n深入开展党纪学习教育。', // no year: nothing to judge by
    '2025年度述职报告\n他说：“要深入开展党纪学习教育。”',
  ],
  invalid: [
    { text: '2025年度述职报告\n深入开展党纪学习教育。', spans: ['党纪学习教育'], messages: ['2024年开展'] },
    { text: '2024年度述职报告\n扎实推进精准扶贫工作。', spans: ['精准扶贫'], messages: ['本报告为2024年'] },
    { text: '2024年度述职报告\n坚决打好精准脱贫攻坚战。', spans: ['精准脱贫'] },
    { text: '2025年度述职报告\n做好常态化疫情防控工作。', spans: ['常态化疫情防控'] },
    { text: '2024年度述职报告\n组织开展核酸检测。', spans: ['核酸检测'] },
    { text: '2022年度述职报告\n深入开展主题教育。', spans: ['主题教育'], messages: ['2019—2020年、2023—2024年'] },
    { text: '2023年度述职报告\n深入开展党史学习教育。', spans: ['党史学习教育'] },
  ],
});

ruleTester(numberingEnumeration, {
  valid: [
    // a list inside one item of another
    '一是加强领导，全镇有两家企业：一是甲公司；二是乙公司；二是抓落实。',
    '一是抓学习，全镇有两家企业整改：一是甲公司，二是乙公司；二是抓落实；三是抓作风。',
  ],
  invalid: [
    { text: '一是抓学习；二是抓落实；二是抓作风。', spans: ['二是'], output: '一是抓学习；二是抓落实；三是抓作风。' },
  ],
});

describe('fixes of enumerations and formulations in context', () => {
  it('a nested list makes an enumeration fix one to look at first', () => {
    const d = lint('一是抓学习，有三家：一是甲；二是乙；二是丙；二是抓落实。').filter((x) => x.code === 'numbering/enumeration');
    assert.ok(d.length >= 1);
    for (const x of d) for (const f of (x.data?.fixes ?? []) as { safe?: boolean }[]) assert.notEqual(f.safe, true);
  });

  it('a list of rule sets needs no 精神', () => {
    assert.deepEqual(lint('严格落实中央八项规定、省委九项规定和市委九项规定，').map((d) => d.code), []);
    assert.deepEqual(lint('严格落实省委九项规定和中央八项规定，').map((d) => d.code), []);
    assert.deepEqual(lint('严格遵守中央八项规定，').map((d) => d.code), ['phrasing/political']);
  });
});
