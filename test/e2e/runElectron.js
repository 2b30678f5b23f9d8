'use strict';
// Runner for machines that can download VS Code: the same suite through @vscode/test-electron.
const path = require('path');
const fs = require('fs');
const os = require('os');
const { runTests } = require('@vscode/test-electron');

(async () => {
  const root = path.resolve(__dirname, '../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-'));
  fs.copyFileSync(path.join(root, 'examples/town-secretary-report.txt'), path.join(workspace, 'town-secretary-report.txt'));
  fs.copyFileSync(path.join(root, 'test/fixtures/docx/town-secretary-report.libreoffice.docx'), path.join(workspace, 'town-secretary-report.libreoffice.docx'));
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/e2e/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { GONGWEN_E2E_WORKSPACE: workspace },
    });
  } catch (err) {
    console.error(`[e2e] ${err}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
})();
