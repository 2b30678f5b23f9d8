/** Word documents in: the same findings at the same paragraphs as the text of the same report; bad files refused, bounded. */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readDocxText } from '../../server/src/engine/docx-read';
import { exportDocx } from '../../server/src/engine/export';
import { lint } from '../../server/src/engine';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const sample = fs.readFileSync(path.join(root, 'examples/town-secretary-report.txt'), 'utf8');
const libreoffice = path.join(root, 'test/fixtures/docx/town-secretary-report.libreoffice.docx');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

/** A .docx of the given document.xml body (paragraph XML), zipped by the test itself. */
const docx = (body: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    ...extra,
  });

describe('readDocxText', () => {
  it('reads the paragraphs of the report saved by LibreOffice, and of the Word export, as the report’s lines', async () => {
    const lines = sample.trimEnd().split('\n');
    const lo = readDocxText(fs.readFileSync(libreoffice));
    assert.ok(lo.ok);
    assert.deepEqual(lo.paragraphs, lines);
    const ours = readDocxText((await exportDocx(sample)).bytes);
    assert.ok(ours.ok);
    assert.deepEqual(ours.paragraphs, lines);
  });

  it('takes runs, tabs, breaks, entities and table cells in order; leaves out deleted text and field codes', () => {
    const r = readDocxText(
      docx(
        '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">工作 &amp; 成效</w:t></w:r></w:p>' +
          '<w:p/>' +
          '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙&#x4E01;</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>' +
          '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>以身作责</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      ),
    );
    assert.ok(r.ok);
    assert.deepEqual(r.paragraphs, ['一、工作 & 成效', '', '甲\t乙 丙丁', '单元格一', '以身作责']);
  });

  it('refuses a corrupt archive, an encrypted or old binary document, a zip without a body, and a body too large to inflate, each with a reason', () => {
    const cases: [Uint8Array, RegExp][] = [
      [strToU8('PK\u0003\u0004 not really a zip'), /已损坏/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /加密的 Word 文档，或旧版 \.doc/],
      [strToU8('plain text'), /不是 ZIP/],
      [zipSync({ 'a.txt': strToU8('x') }), /没有正文/],
    ];
    for (const [bytes, reason] of cases) {
      const r = readDocxText(bytes);
      assert.ok(!r.ok && reason.test(r.reason), JSON.stringify(r));
    }
    // a small archive that would inflate to 4 MB: refused before inflating, at a limit of 1 MB
    const bomb = docx(`<w:p><w:r><w:t>${' '.repeat(4 * 1024 * 1024)}</w:t></w:r></w:p>`);
    assert.ok(bomb.length < 100_000);
    const r = readDocxText(bomb, 1024 * 1024);
    assert.ok(!r.ok && /超过上限 1 MB/.test(r.reason), JSON.stringify(r));
  });
});

describe('a large Word document', () => {
  it('reads the body of a 30 MB document of pictures without inflating the pictures', () => {
    const picture = new Uint8Array(30 * 1024 * 1024);
    for (let i = 0; i < picture.length; i += 4096) picture[i] = i & 0xff;
    const bytes = zipSync({
      'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>以身作责</w:t></w:r></w:p></w:body></w:document>'),
      'word/media/image1.png': [picture, { level: 0 }],
    });
    assert.ok(bytes.length > 30 * 1024 * 1024);
    const r = readDocxText(bytes);
    assert.ok(r.ok);
    assert.deepEqual(r.paragraphs, ['以身作责']);
  });
});

describe('gongwen-lint on .docx', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the same findings, at the same paragraphs and columns, as for the text of the report', () => {
    const r = run('--format', 'json', libreoffice);
    assert.equal(r.status, 1, r.stderr);
    const [result] = JSON.parse(r.stdout) as { encoding: string; diagnostics: { code: string; paragraph: number; offset: number; snippet: string; range: { start: { line: number; character: number } } }[] }[];
    assert.equal(result.encoding, 'docx');
    const text = lint(sample, { language: 'plaintext' });
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.paragraph - 1, d.offset]), text.map((d) => [d.code, d.range.start.line, d.range.start.character]));
    const first = result.diagnostics[0];
    assert.equal(first.paragraph, 1);
    assert.ok(first.snippet.includes('XX'));
    const sarif = JSON.parse(run('--format', 'sarif', libreoffice).stdout);
    const loc = sarif.runs[0].results[0].locations[0];
    assert.deepEqual(loc.properties, { paragraph: 1, offset: 5 });
    assert.equal(loc.physicalLocation.region.startLine, 1);
    assert.ok(loc.physicalLocation.region.snippet.text.includes('XX'));
    const stylish = run(libreoffice);
    assert.match(stylish.stdout, /town-secretary-report\.libreoffice\.docx:第1段:6 {2}error/);
  });

  it('--fix on a .docx says it does not write Word files and changes nothing; .doc and .wps get a clear message and exit 2', () => {
    const f = path.join(dir, '报告.docx');
    fs.copyFileSync(libreoffice, f);
    const before = fs.readFileSync(f);
    const r = run('--fix', f);
    assert.match(r.stderr, /不写回 Word 文件，未做任何修改/);
    assert.deepEqual(fs.readFileSync(f), before);
    for (const ext of ['doc', 'wps']) {
      const old = path.join(dir, `旧.${ext}`);
      fs.writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      const o = run(old);
      assert.equal(o.status, 2);
      assert.match(o.stderr, /旧版 Word\/WPS 二进制格式，请另存为 \.docx 后再检查/);
      fs.rmSync(old);
    }
  });

  it('finds .docx in folders beside the text reports', () => {
    const sub = path.join(dir, 'folder');
    fs.mkdirSync(sub);
    fs.copyFileSync(libreoffice, path.join(sub, 'a.docx'));
    fs.writeFileSync(path.join(sub, 'b.txt'), sample);
    const r = run('--format', 'json', sub);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: unknown[] }[];
    assert.deepEqual(out.map((x) => path.basename(x.file)), ['a.docx', 'b.txt']);
    assert.equal(out[0].diagnostics.length, out[1].diagnostics.length);
  });
});
