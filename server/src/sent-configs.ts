/**
 * The .gongwen.json files a client read and sent (gongwen/configFiles): where the server cannot read
 * them itself — in a browser's Web Worker, or a virtual workspace (github.dev, vscode.dev) of any client.
 */
import type { ConfigFile } from './core';
import { uriKey } from './uri-key';
import { CONFIG_FILE_NAME, parseConfigFile } from './engine';

export class SentConfigs {
  private readonly texts = new Map<string, { uri: string; text: string }>();

  /** Takes the files of a gongwen/configFiles notification (all of them: the old ones are forgotten). */
  replace(files: unknown): void {
    this.texts.clear();
    if (!Array.isArray(files)) return;
    for (const f of files as { uri?: unknown; text?: unknown }[]) {
      if (typeof f?.uri === 'string' && typeof f.text === 'string' && f.uri.endsWith('/' + CONFIG_FILE_NAME)) this.texts.set(uriKey(f.uri), { uri: f.uri, text: f.text });
    }
  }

  /** The nearest one sent, from the document's folder up to the workspace folder that holds it (none outside every folder). */
  configFor(uri: string, roots: readonly string[]): { uri: string; read(openText: (uri: string) => string | undefined): ConfigFile | undefined } | undefined {
    if (!this.texts.size) return undefined;
    const doc = uriKey(uri);
    const root = roots.map((r) => uriKey(r).replace(/\/$/, '')).filter((r) => doc.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return undefined;
    let dir = doc.slice(0, doc.lastIndexOf('/'));
    for (let depth = 0; depth < 32 && dir.length >= root.length; depth++) {
      const found = this.texts.get(`${dir}/${CONFIG_FILE_NAME}`);
      if (found) return { uri: found.uri, read: (openText) => readConfigText(found.uri, openText(found.uri) ?? found.text) };
      dir = dir.slice(0, dir.lastIndexOf('/'));
    }
    return undefined;
  }
}

export function readConfigText(uri: string, text: string): ConfigFile {
  const { options, problems } = parseConfigFile(text);
  return { uri, text, options, problems };
}
