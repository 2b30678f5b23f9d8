/**
 * Word documents in VS Code: 检查 Word 文档 shows a .docx's text read-only (one paragraph a line) with
 * every diagnostic, the outline and hovers; 导入为可编辑的报告 writes it beside the .docx as a report to
 * keep working on. The client reads the file (vscode.workspace.fs), the server reads the text out of it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

export const DOCX_SCHEME = 'gongwen-docx';

interface DocxReply {
  text?: string;
  error?: string;
}

async function docxText(client: LanguageClient, uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const reply = await client.sendRequest<DocxReply>('gongwen/docxText', { data: btoa(binary) });
  if (reply.error !== undefined || reply.text === undefined) throw new Error(reply.error ?? '?');
  return reply.text;
}

/** The .docx a command was given (the explorer's selection), the one whose text is shown, or one the user picks. */
async function docxOf(resource: unknown): Promise<vscode.Uri | undefined> {
  const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme === DOCX_SCHEME) return vscode.Uri.parse(uri.query);
  if (uri && /\.docx$/i.test(uri.path)) return uri;
  if (resource instanceof vscode.Uri) return undefined;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Choose a Word document') });
  return picked?.[0];
}

export function registerDocx(client: () => LanguageClient | undefined): vscode.Disposable {
  const texts = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('gongwen.checkDocx', async (resource?: vscode.Uri) => {
      const source = await docxOf(resource);
      const c = client();
      if (!source) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: choose a Word document (.docx) to check.'));
      if (!c) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the checking server is not running.'));
      let text: string;
      try {
        text = await docxText(c, source);
      } catch (err) {
        return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not read {0}: {1}', vscode.workspace.asRelativePath(source), err instanceof Error ? err.message : String(err)));
      }
      // read-only: a document of this scheme cannot be saved; its name says what it is
      const name = source.path.slice(source.path.lastIndexOf('/') + 1);
      const view = vscode.Uri.from({ scheme: DOCX_SCHEME, path: `/${name}（只读）.gongwen`, query: source.toString() });
      texts.set(view.toString(), text);
      const doc = await vscode.workspace.openTextDocument(view);
      await vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
      await vscode.window.showTextDocument(doc, { preview: false });
      return view.toString();
    }),
    vscode.commands.registerCommand('gongwen.importDocx', async (resource?: vscode.Uri, as?: 'gongwen' | 'md', overwrite?: boolean) => {
      const source = await docxOf(resource);
      const c = client();
      if (!source) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: choose a Word document (.docx) to import.'));
      if (!c) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the checking server is not running.'));
      const ext =
        as ??
        (
          await vscode.window.showQuickPick(
            [
              { label: '.gongwen', description: vscode.l10n.t('a report file of gongwen'), ext: 'gongwen' as const },
              { label: '.md', description: vscode.l10n.t('Markdown'), ext: 'md' as const },
            ],
            { title: vscode.l10n.t('Import as an editable report') },
          )
        )?.ext;
      if (!ext) return;
      let text: string;
      try {
        text = await docxText(c, source);
      } catch (err) {
        return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not read {0}: {1}', vscode.workspace.asRelativePath(source), err instanceof Error ? err.message : String(err)));
      }
      const target = source.with({ path: source.path.replace(/\.docx$/i, `.${ext}`) });
      let exists = false;
      try {
        await vscode.workspace.fs.stat(target);
        exists = true;
      } catch {
        /* a new file */
      }
      if (exists && overwrite !== true) {
        const yes = vscode.l10n.t('Overwrite');
        const choice = overwrite === false ? undefined : await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', vscode.workspace.asRelativePath(target)), { modal: true }, yes);
        if (choice !== yes) return;
      }
      // beside it under a temporary name first, then renamed: never a half-written report
      const tmp = target.with({ path: `${target.path}.${Date.now().toString(36)}.tmp` });
      try {
        await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`));
        await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
      } catch (err) {
        await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
        return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not write {0}: {1}', target.fsPath, err instanceof Error ? err.message : String(err)));
      }
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
      return target.toString();
    }),
  );
}
