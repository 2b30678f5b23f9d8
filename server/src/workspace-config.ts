/** Finding and reading .gongwen.json (server and CLI). Reading only: nothing in it is executed. */
import * as fs from 'fs';
import * as os from 'os';
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

/**
 * Where the server stops looking for a .gongwen.json above a document: the workspace folder that holds
 * it; for a loose file, the user's home if the file is in it, else the file's own folder.
 */
export function configBoundary(file: string, roots: string[], home = os.homedir()): string {
  const dir = path.dirname(path.resolve(file));
  const within = (r: string) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
  const root = roots.filter(within).sort((a, b) => b.length - a.length)[0];
  if (root !== undefined) return root;
  return home && within(home) ? home : dir;
}

/** The config file is inside the boundary, and so is what it links to (a link out of it is not read). */
export function insideBoundary(file: string, boundary: string): boolean {
  const inside = (p: string) => p === boundary || p.startsWith(boundary.endsWith(path.sep) ? boundary : boundary + path.sep);
  if (!inside(path.resolve(file))) return false;
  try {
    const real = fs.realpathSync(file);
    let realBoundary = boundary;
    try {
      realBoundary = fs.realpathSync(boundary);
    } catch {
      /* compared as given */
    }
    return real === realBoundary || real.startsWith(realBoundary.endsWith(path.sep) ? realBoundary : realBoundary + path.sep);
  } catch {
    return true; // not on disk (an unsaved file): nothing to follow
  }
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

/**
 * The options for each file of a command-line run: from `--config` if given, else from the nearest
 * .gongwen.json above the file; each file's problems reported once through `report`. Undefined if the
 * file named by --config cannot be read.
 */
export function cliOptions(explicitPath: string | undefined, report: (configPath: string, message: string) => void): ((file: string) => LintOptions) | undefined {
  let explicit: LoadedConfig | undefined;
  if (explicitPath !== undefined) {
    explicit = readConfigFile(explicitPath);
    if (!explicit) return undefined;
  }
  const reported = new Set<string>();
  return (file: string): LintOptions => {
    const found = explicit ? undefined : findConfigFile(file);
    const config = explicit ?? (found ? readConfigFile(found) : undefined);
    if (!config) return {};
    if (!reported.has(config.path)) {
      reported.add(config.path);
      for (const p of config.problems) report(config.path, p.message);
    }
    return config.options;
  };
}
