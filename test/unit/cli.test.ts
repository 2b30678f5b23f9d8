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
    assert.match(lines[lines.length - 2], /^examples\/town-secretary-report\.txt：\d{4} 字$/);
    assert.match(lines[lines.length - 1], /^✖ \d+ 个问题（\d+ 个错误，\d+ 个警告，\d+ 个提示），检查了 1 个文件$/);
  });

  it('prints JSON with 0-based LSP diagnostics', () => {
    const r = run('--format', 'json', sample);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, 'examples/town-secretary-report.txt');
    assert.deepEqual(out[0].diagnostics[0].range.start, { line: 0, character: 5 });
    assert.equal(out[0].diagnostics[0].source, 'gongwen');
    assert.ok(out[0].characters > 2000);
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
    // the checked file, and the one that could not be read, recorded as skipped
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 2);
    assert.ok(out[0].diagnostics.length > 0);
    assert.equal(out[1].skipped, '文件不存在');
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

  it('lists the rules with the number of entries of the phrase rules', () => {
    const r = run('--list-rules');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /placeholder\/latin-x\s+error/);
    assert.match(r.stdout, /typo\/fixed-phrase\s+warning.*（\d{3,} 个词条）/);
  });

  it('writes SARIF 2.1.0 with rules and UTF-16 columns', () => {
    const r = run('--format', 'sarif', sample);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'gongwen-lint');
    assert.ok(run0.tool.driver.rules.some((x: any) => x.id === 'typo/fixed-phrase' && x.helpUri.endsWith('typo/fixed-phrase.md')));
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const first = run0.results[0];
    assert.equal(first.ruleId, 'placeholder/latin-x');
    assert.equal(first.level, 'error');
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 1, startColumn: 6, endLine: 1, endColumn: 8 });
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'examples/town-secretary-report.txt');
    assert.equal(run0.tool.driver.rules[first.ruleIndex].id, first.ruleId);
  });

  it('--fix writes safe fixes back (keeping a BOM and CRLF), --dry-run only prints the diff', () => {
    const f = path.join(tmp, 'fix.txt');
    const original = '\uFEFF述职报告\r\n一.总体\r\n以身作责，二是三是。\r\n##paidend##\r\n';
    fs.writeFileSync(f, original);
    const dry = run('--fix', '--dry-run', f);
    assert.equal(fs.readFileSync(f, 'utf8'), original, 'the file is untouched');
    assert.match(dry.stdout, /^--- .*fix\.txt\n\+\+\+ .*fix\.txt\n@@ /);
    assert.match(dry.stdout, /^-一\.总体$/m);
    assert.match(dry.stdout, /^\+一、总体$/m);
    assert.match(dry.stdout, /^-##paidend##$/m);
    const r = run('--fix', f);
    assert.equal(fs.readFileSync(f, 'utf8'), '\uFEFF述职报告\r\n一、总体\r\n以身作则，二是三是。\r\n');
    assert.match(r.stdout, /已修复并写回 1 个文件/);
    assert.equal(r.status, 0);
  });

  it('expands directories and globs, and honours --max-warnings', () => {
    const dir = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', 'one.txt'), '以身作责\n');
    fs.writeFileSync(path.join(dir, 'a', 'b', 'two.md'), '# 总结\n\n以身作责\n');
    fs.writeFileSync(path.join(dir, 'a', 'b', 'skip.js'), 'XX');
    const viaDir = JSON.parse(run('--format', 'json', dir).stdout).map((x: any) => path.relative(dir, x.file)).sort();
    assert.deepEqual(viaDir, [path.join('a', 'b', 'two.md'), path.join('a', 'one.txt')]);
    const viaGlob = JSON.parse(run('--format', 'json', `${dir}/**/*.md`).stdout).map((x: any) => path.basename(x.file));
    assert.deepEqual(viaGlob, ['two.md']);
    assert.equal(run(dir).status, 0, 'two warnings, no limit');
    assert.equal(run('--max-warnings', '1', dir).status, 1);
    assert.equal(run('--max-warnings', '2', dir).status, 0);
  });

  it('colours only on a terminal', () => {
    assert.doesNotMatch(run(sample).stdout, /\u001b\[/);
    assert.match(run('--color', sample).stdout, /\u001b\[31merror/);
  });

  it('reads the nearest .gongwen.json, and --config', () => {
    const dir = path.join(tmp, 'proj', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'proj', '.gongwen.json'), JSON.stringify({ rules: { 'placeholder/latin-x': 'off' }, phrases: { add: [{ wrong: '简称为', right: '简称' }] } }));
    const f = path.join(dir, 'r.txt');
    fs.writeFileSync(f, '工作总结\nXX镇简称为城关镇。\n');
    const out = JSON.parse(run('--format', 'json', f).stdout);
    assert.deepEqual(out[0].diagnostics.map((d: any) => d.code), ['typo/fixed-phrase']);
    const other = path.join(tmp, 'other.json');
    fs.writeFileSync(other, JSON.stringify({ rules: { placeholder: 'warning' } }));
    const r = run('--format', 'json', '--config', other, f);
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.map((d: any) => [d.code, d.severity]), [['placeholder/latin-x', 2]]);
    assert.equal(r.status, 0);
  });

  it('reports a broken .gongwen.json on stderr and lints with defaults', () => {
    const dir = path.join(tmp, 'broken');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.gongwen.json'), '{ "rules": { "placeholder/latin-x": "off", }');
    const f = path.join(dir, 'r.txt');
    fs.writeFileSync(f, 'XX镇\n');
    const r = run('--format', 'json', f);
    assert.match(r.stderr, /不是有效的 JSON/);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics.length, 1);
  });
});

describe('the pre-commit hook in the README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const hook = /\*\*提交前检查\*\*[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(readme)![1];
  let repo: string;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-hook-'));
    git('init', '-q');
    // the hook as written, with the CLI of this build in place of npx
    fs.writeFileSync(path.join(repo, '.git/hooks/pre-commit'), hook.replace('npx --no-install gongwen-lint', `"${process.execPath}" "${cli}"`), { mode: 0o755 });
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('blocks a commit of a report with a Chinese name and a space in it that has errors, and lets a clean one through', () => {
    fs.writeFileSync(path.join(repo, '述职 报告.txt'), '2024年度XX县述职报告\n');
    git('add', '-A');
    const bad = git('commit', '-q', '-m', 'bad');
    assert.notEqual(bad.status, 0, 'the hook stops the commit');
    assert.match(bad.stdout + bad.stderr, /述职 报告\.txt:1:/);
    fs.writeFileSync(path.join(repo, '述职 报告.txt'), '2024年度述职报告\n全年完成各项工作任务。\n');
    git('add', '-A');
    const good = git('commit', '-q', '-m', 'good');
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });

  it('lets a commit without reports through', () => {
    fs.writeFileSync(path.join(repo, 'notes.js'), 'x = 1\n');
    git('add', 'notes.js');
    assert.equal(git('commit', '-q', '-m', 'code').status, 0);
  });
});

describe('the packed tarball', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pack-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds only what runs, installs into an empty folder and runs gongwen-lint from there', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', env });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info.files.map((f) => f.path).sort();
    assert.deepEqual(files.filter((f) => !f.startsWith('docs/rules/')), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/engine.js', 'dist/export-cli.js', 'dist/export.js', 'dist/language-server.js', 'dist/server.js', 'package.json']);
    assert.ok(files.includes('docs/rules/typo/homophone.md'), 'the rule pages the links open');
    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"reports","version":"1.0.0","private":true}');
    const install = spawnSync(npm, ['install', '--no-save', '--offline', '--no-audit', '--no-fund', path.join(dir, info.filename)], { cwd: project, encoding: 'utf8', env });
    assert.equal(install.status, 0, install.stderr);
    fs.writeFileSync(path.join(project, '报告.txt'), '2024年度XX县述职报告\n');
    const bin = path.join(project, 'node_modules/.bin/gongwen-lint');
    const r = spawnSync(bin, ['报告.txt'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /报告\.txt:1:7 +error/);
    // the links of an installed CLI open pages that exist
    const sarif = JSON.parse(spawnSync(bin, ['--format', 'sarif', '报告.txt'], { cwd: project, encoding: 'utf8' }).stdout);
    const help = sarif.runs[0].tool.driver.rules[0].helpUri as string;
    assert.match(help, /^file:\/\//);
    assert.ok(fs.existsSync(decodeURIComponent(new URL(help).pathname)), help);
    // and gongwen-export writes the Word document beside the report
    const exported = spawnSync(path.join(project, 'node_modules/.bin/gongwen-export'), ['报告.txt'], { cwd: project, encoding: 'utf8' });
    assert.equal(exported.status, 1, exported.stderr); // exported, but an XX is still unfilled
    assert.match(exported.stderr, /还有 1 个错误/);
    assert.equal(fs.readFileSync(path.join(project, '报告.docx')).subarray(0, 2).toString(), 'PK');
    // and the language server for other editors is there to start
    assert.ok(fs.existsSync(path.join(project, 'node_modules/.bin/gongwen-language-server')));
  });
});

describe('--fix --dry-run prints a diff that git and patch apply', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-diff-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string][] = [
    ['lf.txt', '标题\n我们要以身作责。\n其他内容。\n'],
    ['crlf.txt', '标题\r\n我们要以身作责。\r\n其他内容。\r\n'],
    ['no-final-newline.txt', '标题\n其他内容。\n我们要以身作责。'],
    ['first-line.txt', '我们要以身作责。\n'],
  ];
  for (const [name, text] of cases) {
    it(`for ${name}`, () => {
      fs.writeFileSync(path.join(dir, name), text);
      const r = spawnSync(process.execPath, [cli, '--fix', '--dry-run', name], { cwd: dir, encoding: 'utf8' });
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, 'the file is untouched');
      const patchFile = path.join(dir, `${name}.patch`);
      fs.writeFileSync(patchFile, r.stdout);
      assert.match(r.stdout, /^--- /);
      const gitCheck = spawnSync('git', ['apply', '--check', '-p0', patchFile], { cwd: dir, encoding: 'utf8' });
      assert.equal(gitCheck.status, 0, gitCheck.stderr + r.stdout);
      const patch = spawnSync('patch', ['-p0', '--dry-run', '-i', patchFile], { cwd: dir, encoding: 'utf8' });
      assert.equal(patch.status, 0, patch.stdout + patch.stderr);
      // and applied, it gives what --fix writes
      spawnSync('git', ['apply', '-p0', patchFile], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text.replace('以身作责', '以身作则'));
    });
  }
});

describe('files that could not be checked', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-skip-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a folder of only Word files that cannot be read is no success: exit 2, the files named, no ✔', () => {
    const folder = path.join(dir, 'word');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '述职报告.docx'), Buffer.from([0x50, 0x4b, 3, 4]));
    fs.writeFileSync(path.join(folder, '扫描件.pdf'), Buffer.from('%PDF-1.4'));
    const r = run(folder);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /跳过 .*述职报告\.docx：\.docx 文件已损坏/);
    assert.match(r.stderr, /跳过 .*扫描件\.pdf：WPS、PDF 等文件暂不支持/);
    assert.doesNotMatch(r.stdout, /✔/);
    assert.match(r.stdout, /✖ 检查了 0 个文件，跳过 2 个文件/);
  });

  it('checking no file at all is an error unless --allow-empty', () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const r = run(empty);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /没有可检查的/);
    assert.equal(run('--allow-empty', empty).status, 0);
  });

  it('an unreadable file ends without ✔ and is recorded in JSON and SARIF', () => {
    const missing = path.join(dir, 'missing 报告.txt');
    const stylish = run(missing);
    assert.equal(stylish.status, 2);
    assert.doesNotMatch(stylish.stdout, /✔/);
    const json = JSON.parse(run('--format', 'json', missing).stdout);
    assert.deepEqual(json.map((x: { file: string; skipped?: string }) => [x.file, x.skipped]), [[missing, '文件不存在']]);
    const sarif = JSON.parse(run('--format', 'sarif', missing, sample).stdout);
    const inv = sarif.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    // artifact locations are URIs: absolute paths as file:// URIs, percent-encoded
    assert.equal(inv.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, `file://${missing.split('/').map(encodeURIComponent).join('/')}`);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'examples/town-secretary-report.txt');
  });
});

describe('documentation links', () => {
  it('SARIF help links and JSON diagnostic links open pages that exist', () => {
    const sarif = JSON.parse(run('--format', 'sarif', sample).stdout);
    for (const rule of sarif.runs[0].tool.driver.rules) assert.ok(fs.existsSync(decodeURIComponent(new URL(rule.helpUri).pathname)), rule.helpUri);
    const json = JSON.parse(run('--format', 'json', sample).stdout);
    for (const d of json[0].diagnostics) assert.ok(fs.existsSync(decodeURIComponent(new URL(d.codeDescription.href).pathname)), d.codeDescription.href);
  });
});

describe('--fix --dry-run in a terminal', () => {
  it('shows the changed words of a long paragraph with some context, not the whole paragraph', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-tty-'));
    try {
      const paragraph = '我们坚持以人民为中心的发展思想，认真履行职责，扎实推进各项工作，全面完成年度目标任务。'.repeat(8) + '我们要以身作责。';
      fs.writeFileSync(path.join(dir, 'long.txt'), `标题\n${paragraph}\n`);
      const { main } = await import(path.join(root, 'out/server/src/cli.js'));
      const lines: string[] = [];
      const code = main(['--fix', '--dry-run', '--no-color', path.join(dir, 'long.txt')], { out: (s: string) => lines.push(s), err: () => undefined, isTTY: true });
      assert.equal(code, 0); // only a warning left
      const shown = lines.join('\n').split('\n');
      const minus = shown.find((l) => l.startsWith('-') && !l.startsWith('---'))!;
      const plus = shown.find((l) => l.startsWith('+') && !l.startsWith('+++'))!;
      assert.ok(minus.length < 60 && plus.length < 60, `${minus}\n${plus}`);
      assert.match(minus, /^-….*\[责\]/);
      assert.match(plus, /^\+….*\[则\]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('file arguments', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-args-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('globs match as they say: * within a folder, ** across folders, ? one character', async () => {
    const { globMatcher } = await import(path.join(root, 'out/server/src/files.js'));
    const m = (g: string, f: string) => globMatcher(g)(f);
    assert.ok(m('**/*.md', 'x.md') && m('**/*.md', 'a/b/x.md') && !m('**/*.md', 'a/x.txt'));
    assert.ok(m('报告/*.txt', '报告/述职.txt') && !m('报告/*.txt', '报告/旧/述职.txt'));
    assert.ok(m('?.txt', 'a.txt') && !m('?.txt', 'ab.txt') && m('a/**', 'a/b/c.txt'));
  });

  it('a glob of many * matches in time that grows with the name, not exponentially (n and 2n)', async () => {
    const { globMatcher } = await import(path.join(root, 'out/server/src/files.js'));
    const match = globMatcher('*a*a*a*a*a*a*a*a*b');
    assert.equal(match('a'.repeat(60)), false); // the case a regular expression does not finish
    assert.equal(globMatcher('*a*a*a*a*a*a*a*a*a')('a'.repeat(60)), true);
    const time = (name: string) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) match(name);
      return Number(process.hrtime.bigint() - t0);
    };
    const a = 'a'.repeat(4000);
    const b = 'a'.repeat(8000);
    let ta = Infinity;
    let tb = Infinity;
    for (let i = 0; i < 7; i++) {
      ta = Math.min(ta, time(a));
      tb = Math.min(tb, time(b));
    }
    assert.ok(tb / ta < 3.5, `2n/n = ${(tb / ta).toFixed(2)}`);
  });

  it('follows symbolic links to reports, in folders and in globs', () => {
    const real = path.join(dir, 'real');
    fs.mkdirSync(real);
    fs.writeFileSync(path.join(real, 'r.txt'), '2024年度XX县述职报告\n');
    const folder = path.join(dir, 'linked');
    fs.mkdirSync(folder);
    fs.symlinkSync(path.join(real, 'r.txt'), path.join(folder, '报告.txt'));
    const r = run('--format', 'json', folder);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].file, path.join(folder, '报告.txt'));
    const g = run('--format', 'json', `${folder}/*.txt`);
    assert.equal(g.status, 1, g.stderr);
  });
});
