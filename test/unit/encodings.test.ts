/** Reports in GB18030/GBK and UTF-16: read as the same text, checked alike, written back in their own encoding. */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { decodeReport } from '../../server/src/engine/decode';
import { encodeReport } from '../../server/src/encode';
import { fix } from '../../server/src/engine';

const root = path.join(__dirname, '../../..');
const sample = fs.readFileSync(path.join(root, 'examples/town-secretary-report.txt'), 'utf8');
const cli = path.join(root, 'dist/cli.js');

const versions = (text: string): Record<string, Buffer> => ({
  'utf-8': Buffer.from(text, 'utf8'),
  'utf-8-bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'utf-16le': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'utf-16be': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
  gb18030: iconv.encode(text, 'gb18030'),
});

describe('decodeReport', () => {
  it('reads the sample in UTF-8 (with or without BOM), UTF-16 LE/BE with BOM and GBK as the same text, and says which', () => {
    for (const [encoding, bytes] of Object.entries(versions(sample))) {
      const d = decodeReport(bytes);
      assert.ok(d.ok, encoding);
      assert.equal(d.encoding, encoding);
      assert.equal(d.text, sample);
    }
    // GB2312-only text is GBK is GB18030
    const d = decodeReport(iconv.encode('述职报告\r\n一、主要工作\r\n', 'gb2312'));
    assert.ok(d.ok && d.encoding === 'gb18030' && d.text === '述职报告\r\n一、主要工作\r\n');
  });

  it('refuses binary files and text in other encodings with a reason, and never throws', () => {
    for (const bytes of [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), Buffer.from('café', 'latin1'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0xef, 0xbb, 0xbf, 0xff]), Buffer.from([0x81])]) {
      const d = decodeReport(bytes);
      assert.ok(!d.ok, bytes.toString('hex'));
      assert.match(d.reason, /[\u4e00-\u9fff]/);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decodeReport(bytes);
        if (d.ok) assert.ok(!d.text.includes('\ufffd') || new TextDecoder().decode(bytes).includes('\ufffd'));
      }),
      { numRuns: 5000, seed: 18030 },
    );
  });

  it('writes text back as it was read: encode(decode(bytes)) is the bytes', () => {
    for (const [encoding, bytes] of Object.entries(versions(sample + '𠀀（GB18030 四字节）'))) {
      const d = decodeReport(bytes);
      assert.ok(d.ok);
      assert.deepEqual(encodeReport(d.text, d.encoding), bytes, encoding);
    }
  });
});

describe('gongwen-lint on GBK and UTF-16 reports', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-enc-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the same problems at the same places as in the UTF-8 report, and names the encoding with --verbose', () => {
    const files: string[] = [];
    for (const [encoding, bytes] of Object.entries(versions(sample))) {
      const f = path.join(dir, `${encoding}.txt`);
      fs.writeFileSync(f, bytes);
      files.push(f);
    }
    const r = spawnSync(process.execPath, [cli, '--format', 'json', '--verbose', ...files], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; encoding: string; diagnostics: unknown[] }[];
    assert.deepEqual(out.map((x) => x.encoding), ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']);
    for (const x of out) assert.deepEqual(x.diagnostics, out[0].diagnostics, x.file);
    assert.ok(out[0].diagnostics.length >= 40);
    assert.match(r.stderr, /gb18030\.txt：编码 GB18030\/GBK/);
    assert.match(r.stderr, /utf-16le\.txt：编码 UTF-16 LE/);
  });

  it('--fix writes each back in its own encoding, changing only the fixed spans', () => {
    const fixed = fix(sample).output;
    assert.notEqual(fixed, sample);
    for (const [encoding, bytes] of Object.entries(versions(sample))) {
      const f = path.join(dir, `fix-${encoding}.txt`);
      fs.writeFileSync(f, bytes);
      spawnSync(process.execPath, [cli, '--fix', f], { encoding: 'utf8' });
      const after = fs.readFileSync(f);
      assert.deepEqual(after, versions(fixed)[encoding], encoding);
      // the bytes before the first fix are the file's own
      const firstChange = [...sample].findIndex((ch, i) => ch !== fixed[i]);
      const prefix = versions(sample.slice(0, firstChange))[encoding];
      assert.deepEqual(after.subarray(0, prefix.length), bytes.subarray(0, prefix.length));
    }
  });
});
