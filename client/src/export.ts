/**
 * 公文助手：导出 Word (.docx): the server lays the report out, the client asks where to put it and
 * writes it (through vscode.workspace.fs, so remote and virtual workspaces work too). The source is never
 * touched; the file is written beside as a temporary file and renamed, so a failed export leaves nothing half-written.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

interface ExportReply {
  data?: string;
  errors?: number;
  pages?: number;
  error?: string;
}

const FOLDER_KEY = 'gongwen.exportFolder';

/** `export` for a test: the command's choices, answered without dialogs. */
export interface ExportAnswers {
  /** Overwrite an existing file (true), pick another name (a URI), or cancel (false). */
  overwrite?: boolean | string;
  /** Export although errors remain. */
  exportAnyway?: boolean;
}

export function registerExport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('gongwen.exportDocx', async (resource?: vscode.Uri, answers?: ExportAnswers) => {
    const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
    if (!document) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: open a report to export it to Word.'));
    if (document.isUntitled) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: save the report first; the Word document is written beside it.'));
    const c = client();
    if (!c) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the checking server is not running.'));
    const reply = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting to Word…') }, () =>
      c.sendRequest<ExportReply>('gongwen/exportDocx', { uri: document.uri.toString() }),
    );
    if (reply.error || !reply.data) return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not export: {0}', reply.error ?? '?'));
    if (reply.errors) {
      const anyway = vscode.l10n.t('Export anyway');
      const review = vscode.l10n.t('Review the problems first');
      const choice = answers?.exportAnyway !== undefined
        ? (answers.exportAnyway ? anyway : review)
        : await vscode.window.showWarningMessage(vscode.l10n.t('The report still has {0} errors (unfilled XX among them). Export it anyway?', reply.errors), { modal: true }, anyway, review);
      if (choice !== anyway) {
        if (choice === review) await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      }
    }
    const source = document.uri;
    const base = source.path.slice(source.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '') || 'report';
    const remembered = context.workspaceState.get<string>(FOLDER_KEY);
    const folder = remembered ? vscode.Uri.parse(remembered) : vscode.Uri.joinPath(source, '..');
    let target = vscode.Uri.joinPath(folder, `${base}.docx`);
    if (await exists(target)) {
      const overwrite = vscode.l10n.t('Overwrite');
      const saveAs = vscode.l10n.t('Save as…');
      const choice = answers?.overwrite !== undefined
        ? answers.overwrite === true ? overwrite : typeof answers.overwrite === 'string' ? saveAs : undefined
        : await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', vscode.workspace.asRelativePath(target)), { modal: true }, overwrite, saveAs);
      if (choice === saveAs) {
        const picked = typeof answers?.overwrite === 'string'
          ? vscode.Uri.parse(answers.overwrite)
          : await vscode.window.showSaveDialog({ defaultUri: target, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Export to Word') });
        if (!picked) return;
        target = picked;
        await context.workspaceState.update(FOLDER_KEY, vscode.Uri.joinPath(picked, '..').toString());
      } else if (choice !== overwrite) return;
    }
    const bytes = Uint8Array.from(atob(reply.data), (ch) => ch.charCodeAt(0));
    const tmp = vscode.Uri.joinPath(target, '..', `.${target.path.slice(target.path.lastIndexOf('/') + 1)}.${Date.now().toString(36)}.tmp`);
    try {
      await vscode.workspace.fs.writeFile(tmp, bytes);
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    } catch (err) {
      try {
        await vscode.workspace.fs.delete(tmp);
      } catch {
        /* never written */
      }
      return void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: could not write {0}: {1}', target.fsPath, err instanceof Error ? err.message : String(err)));
    }
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Open containing folder');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Exported {0} (about {1} pages, GB/T 9704 layout).', vscode.workspace.asRelativePath(target), reply.pages ?? 1), open, reveal)
      .then((choice) => {
        if (choice === open) void vscode.env.openExternal(target);
        else if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
      });
    return target.toString();
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
