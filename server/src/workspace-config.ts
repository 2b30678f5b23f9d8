/** Finding and reading .gongwen.json (server and CLI). Reading only: nothing in it is executed. */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigFileProblem, type LintOptions } from './engine';

export interface LoadedConfig {
  path: string;
  text: string;
  options: LintOptions;
  problems: ConfigFileProblem[];
}

const MAX_CONFIG_BYTES = 20 * 1024 * 1024;

/** The nearest .gongwen.json from the file's folder upward, not above the workspace folder that holds it. */
export function findConfigFile(file: string, roots: string[] = []): string | undefined {
  let dir = path.dirname(path.resolve(file));
  const root = roots.filter((r) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep)).sort((a, b) => b.length - a.length)[0];
  for (let depth = 0; depth < 32; depth++) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
    if (root !== undefined && dir === root) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

export function readConfigFile(file: string, openText?: string): LoadedConfig | undefined {
  let text = openText;
  if (text === undefined) {
    try {
      const stat = fs.statSync(file);
      if (stat.size > MAX_CONFIG_BYTES) {
        return { path: file, text: '', options: {}, problems: [{ message: `${CONFIG_FILE_NAME} 超过 20 MB，未读取。`, start: 0, end: 0 }] };
      }
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
  const { options, problems } = parseConfigFile(text);
  return { path: file, text, options, problems };
}
