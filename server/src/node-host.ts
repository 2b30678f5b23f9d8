/**
 * What the language server takes from Node: .gongwen.json read from disk (up to the workspace folder,
 * or the home folder for a loose file, never through a link out of it), the heap kept small while very
 * long reports are open, setImmediate between the slices of a long lint, and the Word export loaded on
 * first use.
 */
import { setFlagsFromString } from 'v8';
import type { ConfigFile, Host } from './core';
import type { PublishEncoder } from './publish-json';
import { readConfigText, SentConfigs } from './sent-configs';
import { URI_FILE_PREFIX, fileUriToPath, pathToFileUri } from './uri';
import { configBoundary, findConfigFile, insideBoundary, readConfigFile, type LoadedConfig } from './workspace-config';

/**
 * With very long reports open, let the heap grow by 10% over what survives a full collection instead
 * of V8's default of up to several times that: a 10 MB report then stays under 150 MB. Below that,
 * V8's default, which collects less often (keystroke latency at 1 MB is measurably better with it).
 */
const TIGHT_HEAP_ABOVE = 1_500_000; // UTF-16 code units open in all, about 4.5 MB of Chinese

const asConfigFile = (loaded: LoadedConfig | undefined): ConfigFile | undefined =>
  loaded && { uri: pathToFileUri(loaded.path), text: loaded.text, options: loaded.options, problems: loaded.problems };

export function nodeHost(encoder?: PublishEncoder, sent = new SentConfigs()): Host {
  let tightHeap = false;
  const trace = process.env.GONGWEN_TRACE ? (message: string) => void process.stderr.write(message + '\n') : undefined;
  return {
    configFor(uri, roots) {
      // a virtual workspace's files: the ones the client read and sent
      if (!uri.startsWith(URI_FILE_PREFIX)) return sent.configFor(uri, roots);
      const docPath = fileUriToPath(uri);
      if (!docPath) return undefined;
      const rootPaths = roots.filter((u) => u.startsWith(URI_FILE_PREFIX)).map(fileUriToPath).filter((p): p is string => p !== undefined);
      const boundary = configBoundary(docPath, rootPaths);
      const file = findConfigFile(docPath, [boundary]);
      if (!file || !insideBoundary(file, boundary)) return undefined;
      const fileUri = pathToFileUri(file);
      return { uri: fileUri, read: (openText) => asConfigFile(readConfigFile(file, openText(fileUri))) };
    },
    configFromText(uri, text) {
      if (!uri.startsWith(URI_FILE_PREFIX)) return readConfigText(uri, text);
      const file = fileUriToPath(uri);
      return file ? asConfigFile(readConfigFile(file, text)) : undefined;
    },
    nextTurn: () => new Promise<void>((resolve) => setImmediate(resolve)),
    documentsChanged(open) {
      const tight = open > TIGHT_HEAP_ABOVE;
      if (tight === tightHeap) return;
      tightHeap = tight;
      setFlagsFromString(tight ? '--heap-growing-percent=10' : '--heap-growing-percent=0');
    },
    info: () => ({ pid: process.pid, execArgv: process.execArgv, transport: process.argv.includes('--stdio') ? 'stdio' : 'other' }),
    loadExport: () => import('./engine/export/index.js'),
    trace,
    encoder,
  };
}
