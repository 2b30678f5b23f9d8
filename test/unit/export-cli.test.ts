/** gongwen-export: reports to .docx beside them, the source untouched, no half-written file, exit codes as gongwen-lint. */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDocx } from '../helpers/docx';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/export-cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
const CLEAN = '县档案馆2025年工作总结\n一、主要工作\n全年接收进馆档案一万二千卷，完成数字化扫描四十万页。\n二、下一步打算\n继续做好档案收集和利用工作。\n';

describe('gongwen-export', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes 报告.docx beside a clean report and exits 0, leaving the report as it was', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'a-'));
    const src = path.join(dir, '总结.txt');
    fs.writeFileSync(src, CLEAN);
    const r = run(dir, '总结.txt');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /总结\.txt → 总结\.docx/);
    assert.match(r.stdout, /已导出 1 个 Word 文档/);
    assert.equal(fs.readFileSync(src, 'utf8'), CLEAN);
    const d = openDocx(fs.readFileSync(path.join(dir, '总结.docx')));
    assert.deepEqual(d.paragraphs.map((p) => p.text), CLEAN.trimEnd().split('\n'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['总结.docx', '总结.txt']);
  });

  it('exports a report that still has errors, says how many, and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'b-'));
    fs.copyFileSync(path.join(root, 'examples/town-secretary-report.txt'), path.join(dir, 'report.txt'));
    const before = fs.readFileSync(path.join(dir, 'report.txt'));
    const r = run(dir, 'report.txt');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /report\.txt 还有 \d+ 个错误（如未填写的 XX）/);
    assert.ok(fs.existsSync(path.join(dir, 'report.docx')));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'report.txt')), before);
  });

  it('never overwrites a Word document unless told to (it may hold edits made in Word)', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'c-'));
    fs.writeFileSync(path.join(dir, 'r.md'), CLEAN);
    fs.writeFileSync(path.join(dir, 'r.docx'), 'edited in Word');
    const r = run(dir, 'r.md');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /r\.docx 已存在，未覆盖（--force 可覆盖）/);
    assert.equal(fs.readFileSync(path.join(dir, 'r.docx'), 'utf8'), 'edited in Word');
    const forced = run(dir, '--force', 'r.md');
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'r.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('takes -o as a file for one report and as a folder for many; a folder of reports; skips Word files', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'd-'));
    fs.mkdirSync(path.join(dir, 'in'));
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'in/一.txt'), CLEAN);
    fs.writeFileSync(path.join(dir, 'in/二.gongwen'), CLEAN);
    let r = run(dir, 'in/一.txt', '-o', 'single.docx');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'single.docx')));
    r = run(dir, 'in', '-o', 'out');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).sort(), ['一.docx', '二.docx']);
    r = run(dir, 'in/一.txt', 'in/二.gongwen', '-o', 'not-a-folder.docx');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /导出多个报告时，-o 应为一个已有的目录/);
    fs.writeFileSync(path.join(dir, 'in/旧.docx'), 'PK');
    r = run(dir, 'in/旧.docx');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /跳过 in\/旧\.docx：只能导出 \.txt、\.md、\.gongwen 报告/);
  });

  it('leaves no file behind when the Word document cannot be written, and goes on with the others', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'e-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), CLEAN);
    const r = run(dir, 'a.txt', '-o', path.join(dir, 'missing/sub/a.docx'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法写入 .*a\.docx：文件或目录不存在，未留下不完整的文件/);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
    assert.doesNotMatch(r.stderr, /\n\s+at /); // no stack trace
  });

  it('reads the export settings from .gongwen.json', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'f-'));
    fs.writeFileSync(path.join(dir, '.gongwen.json'), JSON.stringify({ export: { bodyFont: '方正仿宋_GBK', linePitch: 28, pageNumbers: false, colour: 1 } }));
    fs.writeFileSync(path.join(dir, 'r.txt'), CLEAN);
    const r = run(dir, 'r.txt');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /未知的导出设置“colour”/);
    const d = openDocx(fs.readFileSync(path.join(dir, 'r.docx')));
    assert.match(d.document, /w:eastAsia="方正仿宋_GBK"/);
    assert.match(d.document, /w:linePitch="560"/);
    assert.doesNotMatch(d.document, /footerReference/);
  });

  it('refuses a file that is not text, and answers --help and unknown options in Chinese', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'g-'));
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0x00, 0x01]));
    let r = run(dir, 'bin.txt');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /跳过 bin\.txt：/);
    assert.ok(!fs.existsSync(path.join(dir, 'bin.docx')));
    r = run(dir, '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /GB\/T 9704-2012/);
    r = run(dir, '--bogus');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /未知选项：--bogus/);
    r = run(dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /请指定要导出的报告/);
  });
});
