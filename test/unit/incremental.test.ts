/** Linting as the user types gives exactly what a full lint gives, edit after edit. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fairShares, findings, IncrementalLinter, lintDocument, parse, resolveOptions, rules, type RuleFinding } from '../../server/src/engine';

const sample = fs.readFileSync(path.join(__dirname, '../../../examples/town-secretary-report.txt'), 'utf8');
const pieces = ['XX', '以身作责', '一、', '（一）', '1.', '一是', '二是', '中央八项规定', '新冠肺炎', '\n', '\r\n', '“', '”', '，', '。', '2023年度', '目的是为了', '大局意识、政治意识、核心意识、看齐意识', '𠀀', '<!-- gongwen-disable-next-line typo -->\n', '的的', '了了', '我们我们', '、“三会一课”、', '5%', '6％', '１２', ',', '(暂行)', '工作\n工作'];
const view = (fs2: RuleFinding[]) => fs2.map((f) => JSON.stringify([f.rule.meta.id, f.start, f.end, f.message, f.severity, f.fixes ?? null, f.data ?? null]));

/**
 * Random edits; each version is parsed from the previous one, and then linted, or only parsed (as an
 * editor asks for symbols of a version it never lints), or parsed afresh.
 */
const edits = (max: number) =>
  fc.array(
    fc.tuple(
      fc.nat(),
      fc.nat(30),
      fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((x) => x.join('')),
      fc.constantFrom('lint', 'lint', 'lint', 'parse only', 'fresh'),
    ),
    { minLength: 1, maxLength: max },
  );

type Step = [number, number, string, string];

/** The versions the steps make, each parsed as an editor's server parses it; those to lint, with where the edit was. */
function* versions(steps: Step[], language: 'gongwen' | 'plaintext' | 'markdown'): Generator<{ text: string; doc: ReturnType<typeof parse>; at: number }> {
  let text = sample;
  let doc = parse(text, language);
  for (const [at, del, ins, how] of steps) {
    const s = at % (text.length + 1);
    text = text.slice(0, s) + ins + text.slice(Math.min(text.length, s + del));
    doc = parse(text, language, how === 'fresh' ? undefined : doc);
    if (how !== 'parse only') yield { text, doc, at: s };
  }
}

/** What a full lint's diagnostics come to past `limit`: each rule's first findings, by fair shares, in document order. */
function shownOf<T extends { code: string }>(all: T[], limit: number | undefined): T[] {
  if (limit === undefined || all.length <= limit) return all;
  const ids = rules.map((r) => r.meta.id);
  const quota = fairShares(ids.map((id) => all.filter((d) => d.code === id).length), limit);
  const taken = new Map<string, number>();
  return all.filter((d) => {
    const n = taken.get(d.code) ?? 0;
    taken.set(d.code, n + 1);
    return n < quota[ids.indexOf(d.code)];
  });
}

describe('fair shares of a limited list', () => {
  it('add up to the limit, never exceed a count, and are as even as the counts allow', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 30 }), fc.nat(200), (counts, limit) => {
        const q = fairShares(counts, limit);
        const total = counts.reduce((a, b) => a + b, 0);
        assert.equal(q.reduce((a, b) => a + b, 0), Math.min(limit, total));
        for (let i = 0; i < counts.length; i++) {
          assert.ok(q[i] >= 0 && q[i] <= counts[i]);
          // a rule cut short has at least as many shown as any other, but for one of rounding
          if (q[i] < counts[i]) for (let j = 0; j < counts.length; j++) assert.ok(q[i] >= q[j] - 1, `${counts} ${limit} → ${q}`);
        }
      }),
      { numRuns: 500, seed: 99 },
    );
  });

  it('shows the few findings of a rare rule beside thousands of another', () => {
    assert.deepEqual(fairShares([5000, 3, 0, 40], 1000), [957, 3, 0, 40]);
    assert.deepEqual(fairShares([5000, 3000], 999), [500, 499]);
  });
});

describe('incremental linting', () => {
  it('equals a full lint after every one of many random edits', () => {
    const resolved = resolveOptions({});
    fc.assert(
      fc.property(edits(25), fc.constantFrom<'gongwen' | 'plaintext' | 'markdown'>('gongwen', 'plaintext', 'markdown'), (steps, language) => {
        const linter = new IncrementalLinter();
        for (const { text, doc } of versions(steps, language)) {
          assert.deepEqual(view(linter.findings(doc, resolved)), view(findings(parse(text, language), resolved)));
        }
      }),
      { numRuns: 60, seed: 424242 },
    );
  });

  it('publishes, edit after edit, exactly the diagnostics of a full lint (without data), and keeps each finding with its fixes', () => {
    fc.assert(
      fc.property(
        edits(20),
        fc.constantFrom<'gongwen' | 'plaintext' | 'markdown'>('gongwen', 'plaintext', 'markdown'),
        fc.constantFrom<'zh' | 'en'>('zh', 'en'),
        fc.constantFrom({}, { rules: { 'placeholder/latin-x': 'warning' as const, phrasing: 'off' as const } }),
        fc.boolean(),
        fc.constantFrom(undefined, 3, 40),
        (steps, language, locale, options, compact, limit) => {
          const resolved = resolveOptions(options);
          const linter = new IncrementalLinter();
          for (const { text, doc, at: s } of versions(steps, language)) {
            const live = linter.lint(doc, resolved, { locale, compact, limit });
            const full = lintDocument(parse(text, language), resolved, locale);
            // compact: what the client adds back (the source and the rule's documentation link) is left out
            const expected = full.map(({ data: _, source, codeDescription, ...d }) => (compact ? d : { ...d, source, codeDescription }));
            assert.deepEqual(live.diagnostics, shownOf(expected, limit));
            if (limit !== undefined && full.length > limit) {
              // every kind of finding is among those shown
              assert.equal(live.diagnostics.length, limit);
              if (new Set(full.map((d) => d.code)).size <= limit) assert.deepEqual(new Set(live.diagnostics.map((d) => d.code)), new Set(full.map((d) => d.code)));
            }
            // the same diagnostics, in runs a serializer can cache
            assert.deepEqual(live.segments.flat(), live.diagnostics);
            // counted all the same, past the limit too
            const counts = new Map<string, number>();
            for (const d of full) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
            assert.deepEqual(new Map([...live.counts].filter(([, n]) => n > 0).sort()), new Map([...counts].sort()));
            const all = findings(parse(text, language), resolved);
            assert.deepEqual(view(live.findingsOnLines(0, doc.lines.lineCount - 1)), view(all));
            const line = doc.lines.lineAt(s);
            assert.deepEqual(view(live.findingsOnLines(line, line)), view(all.filter((f) => doc.lines.lineAt(f.start) === line)));
          }
        },
      ),
      { numRuns: 60, seed: 777 },
    );
  });

  it('gives an unchanged line the same diagnostic objects as last time: a keystroke converts only what it changed', () => {
    const resolved = resolveOptions({});
    const linter = new IncrementalLinter();
    const first = parse(sample);
    const before = linter.lint(first, resolved, { locale: 'zh' }).diagnostics;
    const edited = sample.replace('以身作责', '以身作责，');
    const second = parse(edited, 'gongwen', first);
    const after = linter.lint(second, resolved, { locale: 'zh' }).diagnostics;
    const editedLine = parse(edited).lines.lineAt(edited.indexOf('以身作责'));
    const untouched = after.filter((d) => d.range.start.line !== editedLine && d.code.startsWith('placeholder/latin-x'));
    assert.ok(untouched.length > 10);
    for (const d of untouched) assert.ok(before.includes(d), `line ${d.range.start.line} was converted again`);
    assert.equal(after.length, before.length);
    // and in the same runs: a serializer that caches each run's text reuses all but the edited line's
    const runs = (segments: unknown[]) => segments.filter((s) => Array.isArray(s));
    const third = parse(sample, 'gongwen', second);
    const beforeRuns = runs(linter.lint(third, resolved, { locale: 'zh' }).segments);
    const fourth = parse(edited, 'gongwen', third);
    const afterRuns = runs(linter.lint(fourth, resolved, { locale: 'zh' }).segments);
    assert.ok(afterRuns.length > 5);
    assert.ok(afterRuns.filter((r) => !beforeRuns.includes(r)).length <= 1);
    // across versions parsed but not linted (an editor asks for symbols while the user types)
    const skipped = parse(edited.replace('以身作责，', '以身作责，，'), 'gongwen', fourth);
    const next = parse(edited.replace('以身作责，', '以身作责，，，'), 'gongwen', skipped);
    const later = linter.lint(next, resolved, { locale: 'zh' }).diagnostics;
    const kept = later.filter((d) => d.range.start.line !== editedLine && d.code.startsWith('placeholder/latin-x'));
    assert.ok(kept.length > 10);
    for (const d of kept) assert.ok(before.includes(d), `line ${d.range.start.line} was linted again`);
  });

  it('keeps the findings of one version only, however often a line is edited', () => {
    const linter = new IncrementalLinter();
    const resolved = resolveOptions({});
    let text = sample;
    let doc = parse(text);
    for (let i = 0; i < 1500; i++) {
      text = text.replace('本人坚持', `本人坚持${i % 10}`);
      doc = parse(text, 'gongwen', doc);
      linter.findings(doc, resolved);
      assert.equal(linter.cachedLines, doc.lines.lineCount);
    }
  });

  it('lints in slices: pauses when over its budget, gives up when cancelled, and what it did serves the next version', async () => {
    const resolved = resolveOptions({});
    const long = Array.from({ length: 40 }, () => sample).join('\n'); // about 120,000 code units: several slices
    const shape = { locale: 'zh' as const };
    let clock = 0;
    let pauses = 0;
    const slicing = (cancelAfter = Infinity, budget = 0) => ({
      pause: async () => {
        pauses++;
      },
      cancelled: () => pauses >= cancelAfter,
      budget,
      now: () => clock++,
    });
    // no budget: a pause at every step, and the result of a lint at once
    const whole = await new IncrementalLinter().lintInSlices(parse(long), resolved, shape, slicing());
    assert.ok(pauses > 10, `${pauses} pauses`);
    assert.deepEqual(whole!.diagnostics, new IncrementalLinter().lint(parse(long), resolved, shape).diagnostics);
    // Markdown (every rule on the whole text) pauses between rules too
    pauses = 0;
    const md = await new IncrementalLinter().lintInSlices(parse(long, 'markdown'), resolved, shape, slicing());
    assert.ok(pauses > 10, `${pauses} pauses in Markdown`);
    assert.deepEqual(md!.diagnostics, new IncrementalLinter().lint(parse(long, 'markdown'), resolved, shape).diagnostics);
    // a budget the lint stays within: no pause
    pauses = 0;
    await new IncrementalLinter().lintInSlices(parse(long), resolved, shape, slicing(Infinity, 1e9));
    assert.equal(pauses, 0);
    // cancelled after the first slice: nothing; the next version still gets exactly a full lint
    pauses = 0;
    const linter = new IncrementalLinter();
    const first = parse(long);
    assert.equal(await linter.lintInSlices(first, resolved, shape, slicing(1)), undefined);
    const edited = long.replace('以身作责', '以身作则');
    const next = parse(edited, 'gongwen', first);
    pauses = 0;
    const after = await linter.lintInSlices(next, resolved, shape, slicing());
    assert.deepEqual(after!.diagnostics, new IncrementalLinter().lint(parse(edited), resolved, shape).diagnostics);
  });

  it('follows option changes: a rule turned back on is not answered from the cache', () => {
    const linter = new IncrementalLinter();
    const text = sample + '\n以身作责';
    const first = parse(text);
    linter.findings(first, resolveOptions({ rules: { typo: 'off' } }));
    const again = linter.findings(parse(text + '。', 'gongwen', first), resolveOptions({}));
    assert.ok(again.some((f) => f.rule.meta.id === 'typo/fixed-phrase'));
  });
});
