/** File arguments of gongwen-lint: files, directories (searched for reports) and globs (* ? **). */
import * as fs from 'fs';
import * as path from 'path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.gongwen'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** Directories that could not be listed while walking, with the reason (reported, not silently left out). */
export const unlisted: { file: string; reason: string }[] = [];

/** Files below `dir` that `accept` takes, in name order; symbolic links are followed (each real directory once). */
function walk(dir: string, out: string[], accept: (file: string) => boolean, seen = new Set<string>()): void {
  let entries: fs.Dirent[];
  try {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!unlisted.some((u) => u.file === dir)) unlisted.push({ file: dir, reason: code === 'EACCES' || code === 'EPERM' ? '没有读取这个目录的权限' : (e as Error).message });
    return;
  }
  for (const e of entries.sort((x, y) => x.name.localeCompare(y.name))) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // a link to a report or to a folder of reports counts as what it points to
      try {
        const st = fs.statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, accept, seen);
    } else if (isFile && accept(p)) out.push(p);
  }
}

/**
 * A matcher for a glob (* ? and ** across folders) that runs in time proportional to the pattern times the
 * path, whatever the pattern: a regular expression of many * backtracks exponentially (*a*a*a*a*b).
 */
export function globMatcher(glob: string): (file: string) => boolean {
  type Tok = { kind: 'lit'; ch: string } | { kind: 'any1' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'dirs' };
  const toks: Tok[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        toks.push({ kind: 'dirs' }); // **/ : no folder, or any folders each ending with /
        i += 2;
      } else {
        toks.push({ kind: 'globstar' });
        i += 1;
      }
    } else if (c === '*') toks.push({ kind: 'star' });
    else if (c === '?') toks.push({ kind: 'any1' });
    else toks.push({ kind: 'lit', ch: c });
  }
  return (file: string) => {
    const n = file.length;
    // cur[i]: the tokens so far match file[0, i)
    let cur = new Uint8Array(n + 1);
    cur[0] = 1;
    for (const t of toks) {
      const next = new Uint8Array(n + 1);
      if (t.kind === 'lit' || t.kind === 'any1') {
        for (let i = 0; i < n; i++) if (cur[i] && (t.kind === 'lit' ? file[i] === t.ch : file[i] !== '/')) next[i + 1] = 1;
      } else if (t.kind === 'star') {
        for (let i = 0; i <= n; i++) if (cur[i] || (i > 0 && next[i - 1] && file[i - 1] !== '/')) next[i] = 1;
      } else if (t.kind === 'globstar') {
        for (let i = 0; i <= n; i++) if (cur[i] || (i > 0 && next[i - 1])) next[i] = 1;
      } else {
        let reach = false;
        for (let i = 0; i <= n; i++) {
          if (cur[i]) {
            next[i] = 1;
            reach = true;
          }
          if (reach && i > 0 && file[i - 1] === '/') next[i] = 1;
        }
      }
      cur = next;
    }
    return cur[n] === 1;
  };
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

/**
 * expandFileArgs, and the Word, WPS and PDF files found in the directories given that are not of
 * `extensions` (not checked: say so).
 */
export function expandFileArgsWithSkipped(args: string[], extensions: readonly string[] = REPORT_EXTENSIONS): { files: string[]; unsupported: string[]; unreadableDirs: { file: string; reason: string }[] } {
  const unsupported: string[] = [];
  unlisted.length = 0;
  for (const arg of args) {
    if (!/[*?]/.test(arg) && isDirectory(arg)) walk(arg, unsupported, (f) => DOCUMENTS.includes(path.extname(f).toLowerCase()) && !extensions.includes(path.extname(f).toLowerCase()));
  }
  const files = expandFileArgs(args, extensions);
  return { files, unsupported, unreadableDirs: [...unlisted] };
}

/** Expands arguments in order; an argument that matches nothing is returned as is, so reading it reports it. */
export function expandFileArgs(args: string[], extensions: readonly string[] = REPORT_EXTENSIONS): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const norm = arg.split(path.sep).join('/');
      const staticPart = norm.slice(0, norm.search(/[*?]/)).replace(/[^/]*$/, '') || './';
      const matches = globMatcher(norm.replace(/^\.\//, ''));
      const found: string[] = [];
      walk(staticPart, found, (f) => matches(f.split(path.sep).join('/').replace(/^\.\//, '')));
      out.push(...(found.length ? found : [arg]));
    } else if (isDirectory(arg)) walk(arg, out, (f) => extensions.includes(path.extname(f).toLowerCase()));
    else out.push(arg);
  }
  return [...new Set(out)];
}
