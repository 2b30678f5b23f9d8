import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { strFromU8, unzipSync } from 'fflate';
import { EXTENSION_ID, codeOf, gongwenDiagnostics, sleep, until, workspaceDir } from './util';

interface PreviewDom {
  pages: number;
  pageSize: [number, number];
  lines: number[];
  text: string[][];
  numbers: string[];
  overflowing: string[];
  offGrid: string[];
  marks: { kind: string; text: string; title: string | null }[];
  scrollY: number;
  dark: boolean;
  pageBackground: string;
}

/** The preview's DOM as the browser laid it out: the runner reads it in the webview's frame and writes it to a file. */
async function readPreviewDom(): Promise<PreviewDom> {
  const file = path.join(workspaceDir(), `preview-dom-${Date.now()}.json`);
  console.log(`[gongwen-e2e] preview-dom ${file}`);
  const text = await until(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''), (t) => t.length > 0, 'the preview DOM from the runner', 15000);
  fs.rmSync(file);
  const dom = JSON.parse(text) as PreviewDom | null;
  assert.ok(dom, 'the runner found the preview frame');
  return dom!;
}

suite('gongwen in VS Code', () => {
  let sampleUri: vscode.Uri;

  suiteSetup(async () => {
    sampleUri = vscode.Uri.file(path.join(workspaceDir(), 'town-secretary-report.txt'));
  });

  teardown(async () => {
    await vscode.workspace.getConfiguration('gongwen').update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  test('activates and lints the sample .txt report with no setup', async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'plaintext');
    const diags = await until(() => gongwenDiagnostics(sampleUri), (d) => d.length >= 41, 'diagnostics on the sample');
    const placeholders = diags.filter((d) => codeOf(d).startsWith('placeholder/'));
    assert.strictEqual(placeholders.length, 41);
    const first = placeholders.sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    assert.deepStrictEqual([first.range.start.line, first.range.start.character, first.range.end.character], [0, 5, 7]);
    assert.strictEqual(first.severity, vscode.DiagnosticSeverity.Error);
    // the server sends compact diagnostics; the client adds back the source and the link to the rule's page
    assert.strictEqual(first.source, 'gongwen');
    assert.ok(typeof first.code === 'object' && first.code.target.toString().endsWith('/docs/rules/placeholder/latin-x.md'), String(first.code));
    // the page the link opens is there, inside the extension
    const page = await vscode.workspace.fs.stat((first.code as { target: vscode.Uri }).target);
    assert.ok(page.size > 0);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'extension is active');
    console.log(`  extension under test: ${ext!.extensionPath}`);
    if (process.env.GONGWEN_E2E_SCREENSHOT) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await sleep(1500);
      console.log('[gongwen-e2e] screenshot');
      await sleep(1500);
    }
  });

  test('lints a .gongwen file as the gongwen language', async () => {
    const file = path.join(workspaceDir(), 'draft.gongwen');
    fs.writeFileSync(file, '年度工作总结\n一、主要工作\n全年完成投资XX万元。\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.strictEqual(doc.languageId, 'gongwen');
    const diags = await until(() => gongwenDiagnostics(doc.uri), (d) => d.length === 1, 'diagnostics on the .gongwen file');
    assert.strictEqual(codeOf(diags[0]), 'placeholder/latin-x');
    assert.deepStrictEqual([diags[0].range.start.line, diags[0].range.start.character], [2, 6]);
  });

  test('.gongwen files: no boxes around full-width punctuation or the full-width space, and long paragraphs wrap', async () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'gongwen' });
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.strictEqual(editor.get('wordWrap'), 'on');
  });

  test('provides the outline', async () => {
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', sampleUri),
      (s) => !!s && s.length === 1,
      'document symbols',
    );
    assert.strictEqual(symbols[0].name, '2023年XX县XX镇述职述德述廉报告');
    assert.deepStrictEqual(symbols[0].children.map((c) => c.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、']);
    assert.strictEqual(symbols[0].children[2].children.length, 4);
  });

  test('provides folding ranges per section', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', sampleUri);
    assert.ok(ranges.some((r) => r.start === 6 && r.end === 10), JSON.stringify(ranges));
  });

  test('applies a quick fix and the diagnostic goes away', async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri);
    const marker = (await until(() => gongwenDiagnostics(sampleUri), (d) => d.some((x) => codeOf(x) === 'placeholder/residue'), 'residue'))
      .find((d) => codeOf(d) === 'placeholder/residue')!;
    const before = gongwenDiagnostics(sampleUri).filter((d) => codeOf(d) === 'placeholder/residue').length;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sampleUri, marker.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('删除'));
    assert.ok(fix?.edit, `a quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    await until(() => gongwenDiagnostics(sampleUri).filter((d) => codeOf(d) === 'placeholder/residue').length, (n) => n === before - 1, 'the fixed diagnostic to go');
    assert.ok(!doc.getText().includes('##paidbegin##'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await until(() => doc.getText(), (t) => t.includes('##paidbegin##'), 'undo to restore the text');
  });

  test('changing gongwen.rules changes the diagnostics', async () => {
    await until(() => gongwenDiagnostics(sampleUri), (d) => d.some((x) => codeOf(x) === 'placeholder/latin-x'), 'latin-x diagnostics');
    await vscode.workspace.getConfiguration('gongwen').update('rules', { 'placeholder/latin-x': 'off' }, vscode.ConfigurationTarget.Global);
    await until(() => gongwenDiagnostics(sampleUri), (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'placeholder/latin-x'), 'latin-x to be turned off');
    await vscode.workspace.getConfiguration('gongwen').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await until(() => gongwenDiagnostics(sampleUri), (d) => d.some((x) => codeOf(x) === 'placeholder/latin-x'), 'latin-x to come back');
  });

  test('inserts a snippet by name', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'gongwen', name: '结尾与落款' });
    await until(() => editor.document.getText(), (t) => t.includes('以上报告'), 'the snippet text');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('fills every XX镇 at once with one undo, and moves between placeholders', async () => {
    const file = path.join(workspaceDir(), 'fill.gongwen');
    fs.writeFileSync(file, '2023年XX县XX镇述职报告\n本人到XX镇任职，XX镇共有XX个村。\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(doc);
    const diags = await until(() => gongwenDiagnostics(doc.uri), (d) => d.length === 5, 'placeholders in fill.gongwen');
    const town = diags.sort((a, b) => a.range.start.compareTo(b.range.start))[1];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, town.range, vscode.CodeActionKind.QuickFix.value);
    const fillAll = actions.find((a) => a.title.startsWith('全部填写“XX镇”'));
    assert.ok(fillAll?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(fillAll!.command!.command, ...fillAll!.command!.arguments!, '城关');
    await until(() => doc.getText(), (t) => t.includes('XX县城关镇') && t.includes('到城关镇任职，城关镇共有XX个村'), 'every XX镇 filled');
    await until(() => gongwenDiagnostics(doc.uri).length, (n) => n === 2, 'two placeholders left');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.character], [0, 5, 7]);
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.equal(editor.selection.start.line, 1);
    await vscode.commands.executeCommand('gongwen.previousPlaceholder');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [0, 5]);
    await vscode.commands.executeCommand('gongwen.fillPlaceholder', undefined, undefined, '某');
    await until(() => doc.getText(), (t) => t.startsWith('2023年某县'), 'the placeholder at the cursor filled');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await until(() => doc.getText(), (t) => t.startsWith('2023年XX县XX镇'), 'one undo per fill');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('restarts the language server when its process dies', async () => {
    const before = await vscode.commands.executeCommand<{ pid: number; execArgv: string[]; transport: string }>('gongwen.internal.serverInfo');
    assert.ok(before?.pid);
    // started as the benchmark starts it: over stdio, with the Node options of server/src/launch.ts
    assert.strictEqual(before.transport, 'stdio');
    assert.ok(before.execArgv.includes('--max-semi-space-size=4'), before.execArgv.join(' '));
    process.kill(before.pid, 'SIGKILL');
    const after = await until(
      async () => {
        try {
          return await vscode.commands.executeCommand<{ pid: number }>('gongwen.internal.serverInfo');
        } catch {
          return undefined;
        }
      },
      (info) => !!info && info.pid !== before.pid,
      'a new server process',
    );
    assert.notStrictEqual(after!.pid, before.pid);
    const doc = await vscode.workspace.openTextDocument(sampleUri);
    await vscode.window.showTextDocument(doc);
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', sampleUri),
      (s) => !!s && s.length === 1,
      'symbols from the restarted server',
    );
    assert.strictEqual(symbols[0].children.length, 5);
  });

  test('exports the open report to Word beside it, asks before overwriting, remembers a chosen folder', async () => {
    const dir = workspaceDir();
    const file = path.join(dir, '年度总结.gongwen');
    const text = '县档案馆2025年工作总结\n一、主要工作\n全年接收进馆档案一万二千卷，完成数字化扫描四十万页。\n';
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await until(() => gongwenDiagnostics(doc.uri), () => true, 'the report linted');
    const target = path.join(dir, '年度总结.docx');
    if (fs.existsSync(target)) fs.rmSync(target);
    const written = await vscode.commands.executeCommand<string>('gongwen.exportDocx');
    assert.strictEqual(vscode.Uri.parse(written).fsPath, target);
    if (process.env.GONGWEN_E2E_SCREENSHOT) {
      await sleep(1500); // the notification with 打开 / 打开所在文件夹, and the export button in the editor's title bar
      console.log('[gongwen-e2e] screenshot export');
      await sleep(1000);
    }
    const parts = unzipSync(fs.readFileSync(target));
    const document = strFromU8(parts['word/document.xml']);
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(document, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    assert.match(document, /县档案馆2025年工作总结<\/w:t>/);
    assert.match(document, /w:eastAsia="黑体"[\s\S]*一、主要工作/);
    assert.ok(parts['word/footer1.xml'] && parts['word/footer2.xml'], 'odd and even footers');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text, 'the source is untouched');
    // it exists now: overwrite only when told to
    fs.writeFileSync(target, 'edited in Word');
    assert.strictEqual(await vscode.commands.executeCommand('gongwen.exportDocx', undefined, { overwrite: false }), undefined);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'edited in Word');
    await vscode.commands.executeCommand('gongwen.exportDocx', undefined, { overwrite: true });
    assert.strictEqual(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
    // save as… into another folder, which is remembered for the next export
    const other = path.join(dir, 'exported');
    fs.mkdirSync(other, { recursive: true });
    const chosen = vscode.Uri.file(path.join(other, '年度总结.docx'));
    await vscode.commands.executeCommand('gongwen.exportDocx', undefined, { overwrite: chosen.toString() });
    assert.ok(fs.existsSync(chosen.fsPath));
    fs.rmSync(chosen.fsPath);
    const again = await vscode.commands.executeCommand<string>('gongwen.exportDocx', undefined, { overwrite: true });
    assert.strictEqual(vscode.Uri.parse(again).fsPath, chosen.fsPath);
    assert.deepStrictEqual(fs.readdirSync(other), ['年度总结.docx'], 'no temporary file left behind');
    // a report with an unfilled XX: exported only when the user says so
    const sample = await vscode.workspace.openTextDocument(sampleUri);
    await vscode.window.showTextDocument(sample);
    await until(() => gongwenDiagnostics(sampleUri), (d) => d.length > 0, 'diagnostics on the sample');
    assert.strictEqual(await vscode.commands.executeCommand('gongwen.exportDocx', undefined, { exportAnyway: false }), undefined);
    const forced = await vscode.commands.executeCommand<string>('gongwen.exportDocx', undefined, { exportAnyway: true, overwrite: true });
    assert.ok(fs.existsSync(vscode.Uri.parse(forced).fsPath));
    // an untitled report is refused (it has no folder to be written beside)
    const untitled = await vscode.workspace.openTextDocument({ language: 'gongwen', content: '报告\n内容。\n' });
    await vscode.window.showTextDocument(untitled);
    assert.strictEqual(await vscode.commands.executeCommand('gongwen.exportDocx'), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('checks a Word document read-only with every diagnostic and the outline, and imports it as an editable report', async () => {
    const dir = workspaceDir();
    const docx = path.join(dir, '述职报告.docx');
    fs.copyFileSync(path.join(dir, 'town-secretary-report.libreoffice.docx'), docx);
    const view = vscode.Uri.parse(await vscode.commands.executeCommand<string>('gongwen.checkDocx', vscode.Uri.file(docx)));
    assert.strictEqual(view.scheme, 'gongwen-docx');
    const shown = vscode.window.activeTextEditor!.document;
    assert.strictEqual(shown.uri.toString(), view.toString());
    assert.strictEqual(shown.languageId, 'gongwen');
    const diags = await until(() => gongwenDiagnostics(view), (d) => d.length === 50, 'diagnostics on the Word document');
    assert.deepStrictEqual([diags[0].range.start.line, diags[0].range.start.character], [0, 5]);
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', view),
      (x) => !!x && x.length === 1,
      'the outline of the Word document',
    );
    assert.strictEqual(symbols[0].children.length, 5);
    if (process.env.GONGWEN_E2E_SCREENSHOT) {
      await sleep(1000);
      console.log('[gongwen-e2e] screenshot docx');
      await sleep(1000);
    }
    // read-only: no file system behind the view to write to (the editor cannot save or type into it)
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem('gongwen-docx'), true);
    // import: a .gongwen beside it that lints like the original
    const imported = vscode.Uri.parse(await vscode.commands.executeCommand<string>('gongwen.importDocx', vscode.Uri.file(docx), 'gongwen', true));
    assert.strictEqual(imported.fsPath, path.join(dir, '述职报告.gongwen'));
    assert.strictEqual(fs.readFileSync(imported.fsPath, 'utf8'), fs.readFileSync(path.join(dir, 'town-secretary-report.txt'), 'utf8'));
    await until(() => gongwenDiagnostics(imported), (d) => d.length === 50, 'diagnostics on the imported report');
    // a file that is not a Word document: a message, no view
    fs.writeFileSync(path.join(dir, '坏.docx'), 'not a zip');
    assert.strictEqual(await vscode.commands.executeCommand('gongwen.checkDocx', vscode.Uri.file(path.join(dir, '坏.docx'))), undefined);
  });

  test('paged preview: the pages of the Word export beside the editor, live while typing, scrolled with the editor', async () => {
    const file = path.join(workspaceDir(), 'preview.gongwen');
    fs.copyFileSync(sampleUri.fsPath, file);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await until(() => gongwenDiagnostics(uri), (d) => d.length === 50, 'diagnostics before the preview');
    await vscode.commands.executeCommand('gongwen.showPreviewToSide');
    type State = { uri: string; version: number; pages: number; top?: number; ms?: number; at?: number } | undefined;
    const state = () => vscode.commands.executeCommand<State>('gongwen.internal.previewState');
    let shown = await until(state, (s) => !!s && s.uri === uri.toString() && s.version === doc.version, 'the preview of the report');
    // as LibreOffice prints the exported sample: 6 pages (the render tests compare every line)
    assert.strictEqual(shown!.pages, 6);
    // the editor keeps the focus: typing goes on
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const dom = process.env.GONGWEN_E2E_DOM ? await readPreviewDom() : undefined;
    if (dom) {
      assert.strictEqual(dom.pages, 6);
      assert.deepStrictEqual(dom.lines, [22, 22, 22, 22, 22, 7]);
      assert.strictEqual(dom.text[1][0], '责，用行动带动身边的干部群众自觉维护集体的权威。半年来，');
      assert.deepStrictEqual(dom.numbers, ['— 1 —', '— 2 —', '— 3 —', '— 4 —', '— 5 —', '— 6 —']);
      assert.deepStrictEqual(dom.overflowing, [], 'every line fits the type area');
      assert.deepStrictEqual(dom.offGrid, [], 'every line on the grid');
      // A4 at 96 px an inch (the zoom scales the view, not the page)
      assert.ok(Math.abs(dom.pageSize[0] / dom.pageSize[1] - 210 / 297) < 0.005, String(dom.pageSize));
      // the editor's findings on the page: the unfilled XX highlighted, with their messages
      const placeholders = dom.marks.filter((m) => m.kind.includes('placeholder'));
      assert.ok(placeholders.length >= 30, String(placeholders.length));
      assert.ok(placeholders.every((m) => /X/.test(m.text) && !!m.title), JSON.stringify(placeholders[0]));
      const others = dom.marks.filter((m) => !m.kind.includes('placeholder'));
      assert.ok(others.some((m) => /以身作|作责/.test(m.text) && /以身作则/.test(m.title ?? '')), `the typo underlined: ${JSON.stringify(others)}`);
      assert.strictEqual(dom.pageBackground, 'rgb(255, 255, 255)');
      // a dark theme: the desk goes dark, the pages stay white
      const workbench = vscode.workspace.getConfiguration('workbench');
      await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      try {
        const dark = await until(() => readPreviewDom(), (d) => d.dark, 'the preview in the dark theme');
        assert.strictEqual(dark.pageBackground, 'rgb(255, 255, 255)');
      } finally {
        await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
    }
    if (process.env.GONGWEN_E2E_SCREENSHOT) {
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await sleep(1500);
      console.log('[gongwen-e2e] screenshot preview');
      await sleep(1000);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
    // typing: the preview follows (a new paragraph of 480 characters adds 18 lines, and a page)
    const before = doc.version;
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), '新增加的一段文字'.repeat(60) + '\n'));
    const typed = Date.now();
    shown = await until(state, (s) => !!s && s.version > before && s.version === doc.version, 'the preview after typing');
    assert.strictEqual(shown!.pages, 7);
    // a figure, not a bound: from the edit until the page reports the new pages in place (40 ms of it the wait for the last key; in
    // code-server each message between the extension host and the view crosses the network twice)
    console.log(`  preview updated ${(shown!.at ?? Date.now()) - typed} ms after the edit (the page itself: ${shown!.ms?.toFixed(1)} ms for ${shown!.pages} pages)`);
    if (process.env.GONGWEN_E2E_DOM) {
      const after = await readPreviewDom();
      assert.strictEqual(after.pages, 7);
      assert.ok(after.text[0].some((t) => t.startsWith('新增加的一段文字')), 'the new paragraph on page 1');
    }
    // scroll sync: the editor's top line moves the preview, and the preview's top line the editor
    editor.revealRange(new vscode.Range(12, 0, 12, 0), vscode.TextEditorRevealType.AtTop);
    await until(() => editor.visibleRanges[0].start.line, (l) => l >= 10, 'the editor scrolled');
    await sleep(300);
    const top = editor.visibleRanges[0].start.line;
    shown = await until(state, (s) => !!s && s.top === top, `the preview following the editor to line ${top}`);
    if (process.env.GONGWEN_E2E_DOM) {
      assert.ok((await readPreviewDom()).scrollY > 1500);
      // a double-click on a line of the page puts the cursor there in the editor
      const file = path.join(workspaceDir(), `preview-click-${Date.now()}.txt`);
      console.log(`[gongwen-e2e] preview-dblclick ${file} 3.抓安全稳定。`);
      const done = await until(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''), (t) => t.length > 0, 'the double-click', 15000);
      assert.strictEqual(done, 'ok');
      const line = doc.getText().split('\n').findIndex((l) => l.includes('3.抓安全稳定。'));
      await until(() => vscode.window.activeTextEditor?.selection.active.line, (l) => l === line, `the cursor on line ${line}`);
      // and the other way: scrolling the preview back to its start scrolls the editor with it
      await sleep(400);
      const scroll = path.join(workspaceDir(), `preview-scroll-${Date.now()}.txt`);
      console.log(`[gongwen-e2e] preview-scroll ${scroll} 0`);
      assert.strictEqual(await until(() => (fs.existsSync(scroll) ? fs.readFileSync(scroll, 'utf8') : ''), (t) => t.length > 0, 'the scroll', 15000), 'ok');
      await until(() => editor.visibleRanges[0].start.line, (l) => l === 0, 'the editor following the preview to its start');
    }
    // closing the report's preview leaves the editor as it was
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    assert.strictEqual(await state(), undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('runs every contributed command', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands?: { command: string }[] } };
    const commands = (pkg.contributes.commands ?? []).map((c) => c.command);
    assert.ok(commands.includes('gongwen.restartServer'));
    const doc = await vscode.workspace.openTextDocument(sampleUri);
    await vscode.window.showTextDocument(doc);
    // commands that would ask for input get their value as the last argument here
    const args: Record<string, unknown[]> = { 'gongwen.fillPlaceholder': [undefined, undefined, '测试'], 'gongwen.fillAll': [], 'gongwen.exportDocx': [undefined, { exportAnyway: false }], 'gongwen.checkDocx': [sampleUri], 'gongwen.importDocx': [sampleUri], 'gongwen.printPreview': [undefined, { open: false }] };
    for (const command of commands) await vscode.commands.executeCommand(command, ...(args[command] ?? []));
    // the server is still (or again) serving
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', sampleUri),
      (s) => !!s && s.length === 1,
      'symbols after the commands',
    );
    assert.strictEqual(symbols.length, 1);
  });
});
