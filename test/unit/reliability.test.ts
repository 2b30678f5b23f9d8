/** Data loss and crashes: a failed write leaves the original, per-file errors never stop the run, configuration is bounded. */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, type WriteOps } from '../../server/src/write-file';
import { lint, parseConfigFile, validateOptions } from '../../server/src/engine';
import { MAX_PROBLEMS } from '../../server/src/engine/config-file';
import { LIMITS } from '../../server/src/engine/phrases';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

describe('writing files without losing them', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-write-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a full disk in the middle of a write leaves the original whole and no temporary file', () => {
    const f = path.join(tmp, 'report.txt');
    const original = '述职报告\n' + '全年完成各项工作任务。\n'.repeat(2000);
    fs.writeFileSync(f, original);
    let written = 0;
    const ops: WriteOps = {
      openSync: fs.openSync,
      // the disk fills up after the first 4 KB
      writeSync: (fd, data) => {
        if (written >= 4096) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = fs.writeSync(fd, data.subarray(0, 4096));
        written += n;
        return n;
      },
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
    };
    assert.throws(() => writeFileAtomic(f, original.replace(/全年/g, '全 年'), ops), { code: 'ENOSPC' });
    assert.equal(fs.readFileSync(f, 'utf8'), original);
    assert.deepEqual(fs.readdirSync(tmp), ['report.txt']);
  });

  it('replaces the content and keeps the file mode', () => {
    const f = path.join(tmp, 'mode.txt');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o640);
    writeFileAtomic(f, '新内容');
    assert.equal(fs.readFileSync(f, 'utf8'), '新内容');
    assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  });

  it('--fix on a read-only file: a clear message, exit 2, the file untouched, the other files still fixed and reported', () => {
    const ro = path.join(tmp, 'ro.txt');
    const rw = path.join(tmp, 'rw.txt');
    fs.writeFileSync(ro, '我们要以身作责。\n');
    fs.writeFileSync(rw, '我们要以身作责。\n');
    fs.chmodSync(ro, 0o444);
    const r = run('--fix', ro, rw);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /无法写回 .*ro\.txt：文件为只读，原文件未改动/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.readFileSync(ro, 'utf8'), '我们要以身作责。\n');
    assert.equal(fs.readFileSync(rw, 'utf8'), '我们要以身作则。\n');
    assert.match(r.stdout, /ro\.txt:1:4 .*以身作责/);
    assert.doesNotMatch(r.stdout, /✔/);
  });

  it('gongwen-lint | head: the closed pipe ends the run quietly', async () => {
    const f = path.join(tmp, 'long.txt');
    fs.writeFileSync(f, 'XX镇XX村工作总结\n'.repeat(20000));
    const child = spawn(process.execPath, [cli, f], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => { child.stdout.destroy(); resolve(); }));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error|\n\s+at /);
    assert.ok(code === 1 || code === 0, `exit ${code}`);
  });
});

describe('configuration is bounded', () => {
  it('200,000 identical phrase entries merge into one, with a message, and lint quickly', () => {
    const add = Array.from({ length: 200_000 }, () => ({ wrong: '城关街道办', right: '城关街道办事处' }));
    const { options, problems } = validateOptions({ phrases: { add } });
    assert.equal(options.phrases!.add!.length, 1);
    assert.ok(problems.some((p) => /已合并/.test(p.message)));
    const d = lint('城关街道办的工作', { phrases: { add } });
    assert.equal(d.filter((x) => x.message.includes('城关街道办事处')).length, 1);
  });

  it('distinct entries beyond the limit are dropped and counted; guards and keywords are bounded', () => {
    const add = Array.from({ length: LIMITS.phrases + 10 }, (_, i) => ({ wrong: `词条${i}`, notPrecededBy: Array.from({ length: 100 }, (_, k) => `前${k}`) }));
    const { options, problems } = validateOptions({
      phrases: { add },
      requiredSections: { 述职报告: [{ name: '述学', keywords: Array.from({ length: 1000 }, (_, k) => `关键词${k}`) }] },
    });
    assert.equal(options.phrases!.add!.length, LIMITS.phrases);
    assert.ok(options.phrases!.add!.every((e) => e.notPrecededBy!.length <= LIMITS.guards));
    assert.ok(problems.some((p) => p.message.includes(`另有 10 条未使用`)));
    assert.equal(options.requiredSections!['述职报告'][0].keywords.length, LIMITS.keywords);
    assert.ok(problems.some((p) => /关键词过多/.test(p.message)));
  });
});

describe('no time that grows faster than the text', () => {
  /**
   * The fastest of several lints of `make(n)` and of `make(2n)`, measured in turns (so that a busy machine
   * slows both alike), after one untimed lint of each: their ratio, about 2 when the time is linear.
   */
  const growth = (make: (n: number) => string, n: number, run: (text: string) => unknown = lint) => {
    const a = make(n);
    const b = make(2 * n);
    run(a);
    run(b);
    const time = (text: string) => {
      const t0 = process.hrtime.bigint();
      run(text);
      return Number(process.hrtime.bigint() - t0);
    };
    let ta = Infinity;
    let tb = Infinity;
    for (let i = 0; i < 7; i++) {
      ta = Math.min(ta, time(a));
      tb = Math.min(tb, time(b));
    }
    return tb / ta;
  };

  it('一、 headings without 。 (each heading once searched for its 。 to the end of the text)', () => {
    const ratio = growth((n) => Array.from({ length: n }, (_, i) => `${'一二三四五六七八九'[i % 9]}、加强学习`).join('\n'), 8000);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
  });

  it('long runs of doubled characters and marks', () => {
    const ratio = growth((n) => `工作${'的'.repeat(n)}成效${'!'.repeat(n)}`, 20000);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
  });

  it('outdated phrases repeated in one long sentence (the sentence is read once, not once per phrase)', () => {
    const ratio = growth((n) => '2024年工作总结\n' + '扎实推进精准扶贫，'.repeat(n) + '。', 1000);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
    assert.equal(lint('2024年工作总结\n' + '扎实推进精准扶贫，'.repeat(3) + '。').filter((d) => d.code === 'phrasing/outdated').length, 3);
  });

  it('long runs of letters in a text with an @, :// or www. (every start of an address was tried)', () => {
    const ratio = growth((n) => '报告\n联系 a@b.com http://x.cn www.y.cn ' + 'abcdefghij'.repeat(n), 4000);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
  });

  it('many unclosed <!-- (each searched the rest of the text for its -->)', () => {
    for (const language of ['gongwen', 'markdown'] as const) {
      const ratio = growth((n) => '报告\n' + '<!-- '.repeat(n) + '](x'.repeat(n), 16000, (t) => lint(t, { language }));
      assert.ok(ratio < 3.5, `${language}: 2n/n = ${ratio.toFixed(2)}`);
    }
  });

  it('suppression comments, each before a finding', () => {
    const ratio = growth((n) => '报告\n' + '<!-- gongwen-disable-next-line typo -->\n以身作责\n'.repeat(n), 2000);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
  });

  it('a .gongwen.json with 100,000 unknown keys or rules: read in linear time, and only the first problems located', () => {
    const config = (n: number) => JSON.stringify({ ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1])), rules: Object.fromEntries(Array.from({ length: n }, (_, i) => [`x/${i}`, 'off'])) });
    const ratio = growth(config, 25000, parseConfigFile);
    assert.ok(ratio < 3.5, `2n/n = ${ratio.toFixed(2)}`);
    const { problems } = parseConfigFile(config(100000));
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.match(problems[MAX_PROBLEMS].message, /另有 199950 处配置问题未列出/);
  });
});
