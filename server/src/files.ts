/** File arguments of gongwen-lint: files, directories (searched for reports) and globs (* ? **). */
import * as fs from 'fs';
import * as path from 'path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.gongwen'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

function walk(dir: string, out: string[], accept: (file: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((x, y) => x.name.localeCompare(y.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, accept);
    } else if (e.isFile() && accept(p)) out.push(p);
  }
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Office and PDF files a directory holds beside its reports: named as skipped, not silently left out. */
const DOCUMENTS = ['.doc', '.docx', '.wps', '.pdf', '.rtf', '.odt'];

/** expandFileArgs, and the Word, WPS and PDF files found in the directories given (not checked: say so). */
export function expandFileArgsWithSkipped(args: string[]): { files: string[]; unsupported: string[] } {
  const unsupported: string[] = [];
  for (const arg of args) {
    if (!/[*?]/.test(arg) && isDirectory(arg)) walk(arg, unsupported, (f) => DOCUMENTS.includes(path.extname(f).toLowerCase()));
  }
  return { files: expandFileArgs(args), unsupported };
}

/** Expands arguments in order; an argument that matches nothing is returned as is, so reading it reports it. */
export function expandFileArgs(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const norm = arg.split(path.sep).join('/');
      const staticPart = norm.slice(0, norm.search(/[*?]/)).replace(/[^/]*$/, '') || './';
      const re = globToRegExp(norm.replace(/^\.\//, ''));
      const found: string[] = [];
      walk(staticPart, found, (f) => re.test(f.split(path.sep).join('/').replace(/^\.\//, '')));
      out.push(...(found.length ? found : [arg]));
    } else if (isDirectory(arg)) walk(arg, out, (f) => REPORT_EXTENSIONS.includes(path.extname(f).toLowerCase()));
    else out.push(arg);
  }
  return [...new Set(out)];
}
