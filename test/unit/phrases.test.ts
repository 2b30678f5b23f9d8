import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleTester } from '../helpers/rule-tester';
import { BUILTIN_ENTRIES, ORDERED_SETS, countEntries, rightForms, type TaggedEntry } from '../../server/src/engine/phrases';
import { Matcher } from '../../server/src/engine/matcher';
import fc from 'fast-check';
import { fix, lint, validateOptions } from '../../server/src/engine';
import { phrasingPolitical } from '../../server/src/engine/rules/phrasing-political';
import { phrasingOutdated } from '../../server/src/engine/rules/phrasing-outdated';
import { phrasingColloquial } from '../../server/src/engine/rules/phrasing-colloquial';
import { typoFixedPhrase } from '../../server/src/engine/rules/typo-fixed-phrase';

const PHRASE_CODES = /^(phrasing|typo)\//;
const contextFor = (e: TaggedEntry) => (e.fromYear ? `${e.fromYear}年度工作总结\n` : "工作总结\n");

describe('the phrase catalogue', () => {
  it('has at least 300 phrasing entries and 500 typo entries, each with a Chinese reason', () => {
    const phrasing = countEntries('phrasing/political') + countEntries('phrasing/outdated') + countEntries('phrasing/colloquial');
    assert.ok(phrasing >= 300, `phrasing entries: ${phrasing}`);
    assert.ok(countEntries('typo/fixed-phrase') >= 500, `typo entries: ${countEntries('typo/fixed-phrase')}`);
    for (const e of BUILTIN_ENTRIES) assert.match(e.reason, /[\u4e00-\u9fff]/, e.wrong);
  });

  it('lists every wrong form once', () => {
    const seen = new Set<string>();
    for (const e of BUILTIN_ENTRIES) {
      assert.ok(!seen.has(e.wrong), `duplicate entry ${e.wrong}`);
      seen.add(e.wrong);
    }
  });

  // generated from the data, so an entry that never matches, or whose standard form is flagged, fails here
  for (const e of BUILTIN_ENTRIES) {
    it(`finds “${e.wrong}” (${e.category})`, () => {
      const text = `${contextFor(e)}，${e.wrong}${e.followedBy?.[0] ?? ''}。`;
      const start = text.indexOf(e.wrong, contextFor(e).length);
      const d = lint(text).find((x) => x.code === e.category && x.range.start.line === 1 && x.range.start.character === start - contextFor(e).length);
      assert.ok(d, `no ${e.category} diagnostic for ${e.wrong} in ${JSON.stringify(text)}: ${JSON.stringify(lint(text).map((x) => x.code + ' ' + x.message))}`);
      assert.equal(d!.range.end.character - d!.range.start.character, e.wrong.length);
      const forms = rightForms(e);
      if (forms.length === 1) assert.equal(d!.data?.fixes?.[0].edits[0].newText, forms[0]);
    });
    for (const r of rightForms(e)) {
      it(`leaves the standard form “${r}” alone`, () => {
        const text = `${contextFor(e)}，${r}。`;
        const flagged = lint(text).filter((x) => PHRASE_CODES.test(x.code));
        assert.deepEqual(flagged.map((x) => `${x.code}: ${x.message}`), []);
      });
    }
  }

  for (const set of ORDERED_SETS) {
    it(`checks the order of ${set.name}`, () => {
      const sep = set.separators?.[0] ?? '、';
      const right = set.members.join(sep);
      assert.deepEqual(lint(`，${right}。`).filter((x) => x.code === 'phrasing/political'), []);
      const swapped = [set.members[1], set.members[0], ...set.members.slice(2)].join(sep);
      const found = lint(`，${swapped}。`).filter((x) => x.code === 'phrasing/political');
      assert.equal(found.length, 1, swapped);
      assert.equal(found[0].data?.fixes?.[0].edits[0].newText, right);
    });
  }
});

describe('Matcher (Aho–Corasick)', () => {
  it('finds overlapping patterns and patterns inside others in one pass', () => {
    const m = new Matcher(['他', '他们', '们的', '的确', 'he', 'she', 'hers']);
    const found = m.findAll('他们的确ushers').map((x) => [x.start, x.end, x.pattern]);
    assert.deepEqual(found, [[0, 1, 0], [0, 2, 1], [1, 3, 2], [2, 4, 3], [5, 8, 5], [6, 8, 4], [6, 10, 6]]);
  });
  it('works on astral characters as UTF-16 units', () => {
    const m = new Matcher(['𠀀XX']);
    assert.deepEqual(m.findAll('a𠀀XX').map((x) => [x.start, x.end]), [[1, 5]]);
  });

  const naive = (patterns: string[], text: string) => {
    const out: [number, number, number][] = [];
    for (let end = 1; end <= text.length; end++) {
      patterns.forEach((p, i) => {
        if (p && end >= p.length && text.startsWith(p, end - p.length)) out.push([end - p.length, end, i]);
      });
    }
    return out.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
  };
  const found = (m: Matcher, text: string) => m.findAll(text).map((x) => [x.start, x.end, x.pattern] as [number, number, number]).sort((a, b) => a[1] - b[1] || a[2] - b[2]);

  it('finds exactly what a naive search finds (random patterns and texts, overlaps and suffixes)', () => {
    const unit = fc.constantFrom('甲', '乙', '丙', 'X', '𠀀');
    fc.assert(
      fc.property(fc.array(fc.array(unit, { minLength: 1, maxLength: 4 }).map((a) => a.join('')), { minLength: 1, maxLength: 12 }), fc.array(unit, { maxLength: 40 }).map((a) => a.join('')), (patterns, text) => {
        assert.deepEqual(found(new Matcher(patterns), text), naive(patterns, text));
      }),
      { numRuns: 500, seed: 892 },
    );
  });

  it('still works past 32767 states (a very large user catalogue)', () => {
    const patterns: string[] = [];
    for (let i = 0; i < 20000; i++) patterns.push(String.fromCharCode(0x4e00 + (i % 500), 0x4e00 + Math.floor(i / 500), 0x5000 + (i % 7)));
    const m = new Matcher(patterns);
    const text = patterns[12345] + '，' + patterns[19999] + patterns[0];
    assert.deepEqual(found(m, text), naive(patterns, text));
  });
});

ruleTester(phrasingPolitical, {
  valid: [
    '坚决维护以习近平同志为核心的党中央权威',
    '深入学习习近平经济思想、习近平法治思想、习近平生态文明思想、习近平强军思想、习近平外交思想、习近平文化思想',
    '学习贯彻习近平总书记重要讲话和重要指示批示精神',
    '严格遵守中央八项规定及其实施细则精神',
    '查处违反中央八项规定精神问题',
    '印发《中共中央 国务院关于实施乡村振兴战略的意见》',
    '认真学习总结经验',
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    '政治意识、大局意识、核心意识、看齐意识',
    '坚持创新、协调、绿色、开放、共享的新发展理念',
    '党的二十届三中全会',
  ],
  invalid: [
    { text: '坚决维护和捍卫习近平为核心的党中央权威', spans: ['习近平为核心的党中央'], output: '坚决维护和捍卫以习近平同志为核心的党中央权威' },
    { text: '在习近平同志为核心的党中央坚强领导下', spans: ['习近平同志为核心的党中央'], output: '在以习近平同志为核心的党中央坚强领导下' },
    { text: '学习习近平总书记系列讲话精神', spans: ['习近平总书记系列讲话精神'], output: '学习习近平总书记系列重要讲话精神' },
    { text: '严格遵守中央八项规定，', spans: ['中央八项规定'], output: '严格遵守中央八项规定精神，' },
    { text: '增强大局意识、政治意识、核心意识、看齐意识', spans: ['大局意识、政治意识、核心意识、看齐意识'], output: '增强政治意识、大局意识、核心意识、看齐意识' },
    { text: '贯彻创新、协调、开放、绿色、共享的新发展理念', spans: ['创新、协调、开放、绿色、共享'], output: '贯彻创新、协调、绿色、开放、共享的新发展理念' },
    { text: '深刻领悟“两个确定”的决定性意义', spans: ['两个确定'], output: '深刻领悟“两个确立”的决定性意义' },
    { text: '学习贯彻党的20大精神', spans: ['党的20大'], output: '学习贯彻党的二十大精神' },
    { text: '学习习总书记讲话', spans: ['习总书记'], output: '学习习近平总书记讲话' },
  ],
});

ruleTester(phrasingOutdated, {
  valid: [
    '2023年度述职报告\n“十三五”期间，全县完成投资100亿元。',
    '2023年度述职报告\n巩固拓展脱贫攻坚成果同乡村振兴有效衔接。',
    '2019年度工作总结\n坚决打赢脱贫攻坚战。',
    '2023年度述职报告\n2020年统筹新冠肺炎疫情防控和经济社会发展。',
    '述职报告\n坚决打赢脱贫攻坚战。',
  ],
  invalid: [
    { text: '2022年度述职报告\n坚决打赢脱贫攻坚战。', spans: ['打赢脱贫攻坚战'], output: '2022年度述职报告\n坚决巩固拓展脱贫攻坚成果。', messages: ['2022年'] },
    { text: '2023年度工作总结\n统筹新冠肺炎疫情防控。', spans: ['新冠肺炎'], output: '2023年度工作总结\n统筹新冠病毒感染疫情防控。' },
    { text: '2024年度工作总结\n确保“十三五”规划目标完成。', spans: ['十三五'] },
  ],
});

ruleTester(phrasingColloquial, {
  valid: ['群众说：“咱们村变样了。”', '涉及多个部门', '与去年同期相比增长5%', '令人咋舌'],
  invalid: [
    { text: '目的是为了提高效率', spans: ['目的是为了'], output: '目的是提高效率' },
    { text: '涉及到多个部门', spans: ['涉及到'], output: '涉及多个部门' },
    { text: '咱们村变样了', spans: ['咱们'], output: '我们村变样了' },
    { text: '比去年同期相比增长5%', spans: ['比去年同期相比'], output: '与去年同期相比增长5%' },
  ],
});

ruleTester(typoFixedPhrase, {
  valid: ['以身作则', '截止日期为6月30日', '报名截止', '截止到今年6月底', '面对严峻工作形势', '引擎画面', '当做为人民服务的机会', '其它', '制订计划', '多重迭代', '各自已经完成', '蚊帐', '帐篷'],
  invalid: [
    { text: '以身作责，用行动带动', spans: ['以身作责'], output: '以身作则，用行动带动' },
    { text: '五、率行垂范、廉洁自律', spans: ['率行垂范'], output: '五、率先垂范、廉洁自律' },
    { text: '截止2024年6月底', spans: ['截止'], output: '截至2024年6月底' },
    { text: '截止目前，', spans: ['截止目前'], output: '截至目前，' },
    { text: '贯切落实', spans: ['贯切落实'], output: '贯彻落实' },
    { text: '开设帐户', spans: ['帐户'], output: '开设账户' },
    { text: '按期峻工', spans: ['峻工'], output: '按期竣工' },
    { text: '要求自已的', spans: ['自已的'], output: '要求自己的' },
  ],
});

describe('phrase options', () => {
  it('adds user entries and disables built-in ones', () => {
    const text = '本单位简称为某某局，并以身作责。';
    const opts = { phrases: { add: [{ wrong: '简称为', right: '简称', category: 'phrasing/colloquial' as const }], disable: ['以身作责'] } };
    const codes = lint(text, opts).filter((d) => PHRASE_CODES.test(d.code));
    assert.deepEqual(codes.map((d) => [d.code, d.data?.fixes?.[0].edits[0].newText]), [['phrasing/colloquial', '简称']]);
  });

  it('reports malformed user entries and keeps the good ones', () => {
    const { options, problems } = validateOptions({ phrases: { add: [{ wrong: '' }, { wrong: 'a', category: 'nope' }, 5, { wrong: '好的', right: ['佳'] }], disable: 'x' } });
    assert.equal(options.phrases?.add?.length, 1);
    assert.deepEqual(problems.map((p) => p.path), ['phrases.disable', 'phrases.add[0].wrong', 'phrases.add[1].category', 'phrases.add[2]']);
  });

  it('handles 100,000 user entries: the first 5,000 are used, the rest reported', () => {
    const add = Array.from({ length: 100_000 }, (_, i) => ({ wrong: `词${i}条`, right: `词条${i}` }));
    const text = '这里有词4999条、词99999条和词5条。';
    const found = lint(text, { phrases: { add } }).filter((d) => d.code === 'typo/fixed-phrase');
    assert.deepEqual(found.map((d) => d.data?.fixes?.[0].edits[0].newText), ['词条4999', '词条5']);
    assert.ok(validateOptions({ phrases: { add } }).problems.some((p) => p.message.includes('另有 95000 条未使用')));
  });
});

describe('the annotated sample', () => {
  const examples = path.join(__dirname, '../../../examples');
  const sample = fs.readFileSync(path.join(examples, 'town-secretary-report.txt'), 'utf8');
  const expected: { line: number; startChar: number; endChar: number; category: string; fix: string | null }[] =
    JSON.parse(fs.readFileSync(path.join(examples, 'town-secretary-report.expected.json'), 'utf8'));

  it('flags exactly the phrasing and typo defects, with the listed replacement', () => {
    const diags = lint(sample).filter((d) => PHRASE_CODES.test(d.code));
    const want = expected.filter((e) => e.category === 'phrasing' || e.category === 'typo');
    assert.equal(diags.length, want.length, diags.map((d) => d.message).join('\n'));
    for (const e of want) {
      const d = diags.find((x) => x.range.start.line === e.line && x.range.start.character === e.startChar && x.range.end.character === e.endChar);
      assert.ok(d, `expected ${e.category} at ${e.line}:${e.startChar}`);
      assert.equal(d!.code.split('/')[0], e.category);
      assert.equal(d!.data?.fixes?.[0].edits[0].newText, e.fix);
    }
  });

  it('fix() applies only certain replacements', () => {
    const out = fix(sample).output;
    assert.ok(out.includes('以身作则，用行动'));
    assert.ok(out.includes('率先垂范、廉洁自律'));
    assert.ok(out.includes('并提完成'), 'a low-confidence fix is offered, not applied automatically');
  });
});

describe('phrases that must stay quiet in ordinary text', () => {
  it('does not flag a company’s core values or 依法制定', () => {
    for (const text of ['弘扬企业核心价值观', '依法制定国家标准', '依法制国家级应急预案']) {
      assert.deepEqual(lint(text).filter((d) => PHRASE_CODES.test(d.code)).map((d) => d.message), [], text);
    }
  });
});
