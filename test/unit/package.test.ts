import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.join(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));

describe('localization', () => {
  const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');

  it('has every %key% of the manifest in English and Chinese, and no stale key', () => {
    const used = new Set([...pkgText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 20);
    for (const k of used) {
      assert.ok(typeof en[k] === 'string' && en[k], `package.nls.json lacks ${k}`);
      assert.ok(typeof zh[k] === 'string' && /[\u4e00-\u9fff]/.test(zh[k]), `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), [...used].sort());
    assert.deepEqual(Object.keys(zh).sort(), [...used].sort());
  });

  it('has a Chinese translation of every runtime string of the client', () => {
    // every file of the client (desktop and web entries, the shared activation, export, Word input, preview)
    const src = fs.readdirSync(path.join(root, 'client/src')).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, 'client/src', f), 'utf8')).join('\n');
    const bundle = read('l10n/bundle.l10n.zh-cn.json');
    const strings = [...src.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(strings.length >= 10);
    for (const s of strings) assert.ok(bundle[s], `l10n/bundle.l10n.zh-cn.json lacks “${s}”`);
    assert.doesNotMatch(src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''), /'[^']*[\u4e00-\u9fff][^']*'(?![^(]*\))/, 'no hard-coded Chinese UI string outside l10n.t');
  });
});

describe('packaging', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vsix-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // 1.5 MB: the lexicon of the homophone detector takes about 0.45 MB of it, compressed; the web build
  // (client and worker server, sharing dist/engine.js with the desktop server) about 0.2 MB
  it('builds a .vsix under 1.5 MB holding only the extension’s runtime files', async () => {
    const out = path.join(dir, 'gongwen.vsix');
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    // as npm run package makes it: the user-facing README, relative links kept (they resolve inside the extension)
    const flags = ['--no-dependencies', '--readme-path', 'docs/extension-readme.md', '--no-rewrite-relative-links'];
    assert.ok(read('package.json').scripts.package.includes(`vsce package ${flags.join(' ')}`));
    const r = spawnSync(process.execPath, [vsce, 'package', ...flags, '-o', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.ok(fs.statSync(out).size < 1.5 * 1024 * 1024, `${fs.statSync(out).size} bytes`);
    const { vsixEntries } = await import(path.join(root, 'scripts/vsix-contents.mjs'));
    const names: string[] = vsixEntries(out).map((e: { name: string }) => e.name);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|package\.nls(\.zh-cn)?\.json|language-configuration\.json|readme\.md|README\.md|changelog\.md|LICENSE\.txt|dist\/(client|server|engine|export|browser-client|browser-server)\.js|snippets\/[^/]+|syntaxes\/[^/]+|schemas\/[^/]+|l10n\/[^/]+|media\/.+|examples\/town-secretary-report\.txt|docs\/rules\/[a-z]+\/[a-z0-9-]+\.md|docs\/images\/vscode\.png))$/;
    for (const n of names) assert.match(n, allowed, `unexpected file in the .vsix: ${n}`);
    for (const must of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/engine.js', 'extension/dist/export.js', 'extension/snippets/gongwen.code-snippets', 'extension/syntaxes/gongwen.tmLanguage.json', 'extension/media/icon.png']) {
      assert.ok(names.includes(must), must);
    }
    assert.ok(!names.some((n) => /node_modules|\/src\/|\/test\/|\.map$|\.ts$/.test(n)));
    // every rule's page, for the diagnostics' links, and the README is the user's, with its picture inside the package
    for (const rule of (await import(path.join(root, 'dist/engine.js'))).listRules() as { id: string }[]) assert.ok(names.includes(`extension/docs/rules/${rule.id}.md`), rule.id);
    const readme = vsixEntries(out).find((e: { name: string; data: () => Buffer }) => e.name.toLowerCase() === 'extension/readme.md');
    assert.ok(readme, 'readme.md');
    const text = readme.data().toString('utf8');
    assert.match(text, /^# 公文助手/);
    assert.doesNotMatch(text, /npm install|npm start/, 'not the developer README');
    assert.match(text, /\]\(docs\/images\/vscode\.png\)/, 'the picture by a relative link');
    assert.ok(names.includes('extension/docs/images/vscode.png'));
  });

  it('declares categories, Chinese and English keywords, an icon and the walkthrough', () => {
    const pkg = read('package.json');
    assert.deepEqual(pkg.categories, ['Linters', 'Snippets', 'Programming Languages']);
    assert.ok(pkg.keywords.some((k: string) => /[\u4e00-\u9fff]/.test(k)) && pkg.keywords.some((k: string) => /^[a-z ]+$/i.test(k)));
    assert.ok(fs.existsSync(path.join(root, pkg.icon)));
    assert.equal(pkg.contributes.walkthroughs[0].steps.length, 5);
    for (const step of pkg.contributes.walkthroughs[0].steps) assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.id);
  });
});

describe('development dependencies', () => {
  it('each installs without an engine warning on Node 20, the oldest Node the README supports', () => {
    const pkg = read('package.json');
    assert.match(pkg.engines.node, />=\s*20/);
    for (const name of Object.keys(pkg.devDependencies)) {
      const dep = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
      const min = /^>=\s*(\d+)/.exec(dep.engines?.node ?? '');
      if (min) assert.ok(Number(min[1]) <= 20, `${name} needs Node ${dep.engines.node}`);
    }
  });
});
