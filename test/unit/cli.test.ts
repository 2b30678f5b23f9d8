import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const sample = 'examples/town-secretary-report.txt'; // relative to root, the CLI's cwd here
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

describe('gongwen-lint', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints file:line:col  severity  message  code and a summary, exit 1 on errors', () => {
    const r = run(sample);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^examples\/town-secretary-report\.txt:1:6 {2}error {3}.+ {2}placeholder\/latin-x$/);
    assert.match(lines[lines.length - 1], /^✖ \d+ 个问题（\d+ 个错误，\d+ 个警告，\d+ 个提示），检查了 1 个文件$/);
  });

  it('prints JSON with 0-based LSP diagnostics', () => {
    const r = run('--format', 'json', sample);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, 'examples/town-secretary-report.txt');
    assert.deepEqual(out[0].diagnostics[0].range.start, { line: 0, character: 5 });
    assert.equal(out[0].diagnostics[0].source, 'gongwen');
  });

  it('exits 0 on a clean file', () => {
    const f = path.join(tmp, 'clean.txt');
    fs.writeFileSync(f, '年度工作总结\n一、主要工作\n全年完成各项任务。\n');
    const r = run(f);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /没有发现问题/);
  });

  it('strips a BOM so columns match the editor', () => {
    const f = path.join(tmp, 'bom.txt');
    fs.writeFileSync(f, '\uFEFFXX镇工作总结\r\n');
    const out = JSON.parse(run('--format', 'json', f).stdout);
    assert.deepEqual(out[0].diagnostics[0].range.start, { line: 0, character: 0 });
  });

  it('exits 2 with a clear message on an unreadable file, and still lints the others', () => {
    const r = run('--format', 'json', path.join(tmp, 'missing.txt'), sample);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法读取 .*missing\.txt：文件不存在/);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  it('refuses binary and non-UTF-8 files with a reason', () => {
    const bin = path.join(tmp, 'a.bin');
    fs.writeFileSync(bin, Buffer.from([0x58, 0x58, 0, 1, 2]));
    const gbk = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xff]));
    const r = run(bin, gbk);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /NUL/);
    assert.match(r.stderr, /UTF-8/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run().status, 2);
    assert.equal(run('--format', 'xml', sample).status, 2);
    assert.equal(run('--bogus').status, 2);
  });

  it('lists the rules', () => {
    const r = run('--list-rules');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /placeholder\/latin-x\s+error/);
  });
});
