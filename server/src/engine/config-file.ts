/**
 * `.gongwen.json`: the same keys as the settings, read from text. Invalid JSON or values give problems
 * with the offsets to show them at; everything valid still applies.
 */
import { validateOptions, type LintOptions } from './config';

export interface ConfigFileProblem {
  message: string;
  start: number;
  end: number;
}

export const CONFIG_FILE_NAME = '.gongwen.json';

export function parseConfigFile(text: string): { options: LintOptions; problems: ConfigFileProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - body.length;
  if (!body.trim()) return { options: {}, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    // where, never what: the parser's own message quotes the text (which may be another file's, through a link)
    const msg = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(msg);
    const pos = at ? Math.min(Number(at[1]), body.length) + shift : 0;
    const line = text.slice(0, pos).split(/\r\n|\r|\n/).length;
    const where = at ? `第 ${line} 行附近有语法错误` : '有语法错误';
    return { options: {}, problems: [{ message: `${CONFIG_FILE_NAME} 不是有效的 JSON（${where}），其中的配置未生效。`, start: pos, end: Math.min(pos + 1, text.length) }] };
  }
  const known = new Set(['$schema', 'rules', 'numbering', 'phrases', 'maxLength', 'requiredSections', 'export']);
  const found: { message: string; path: string[] }[] = [];
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const key of Object.keys(raw)) {
      if (!known.has(key)) found.push({ message: `未知的配置项“${key}”（可用：rules、numbering、phrases、maxLength、requiredSections、export）。`, path: [key] });
    }
    delete (raw as Record<string, unknown>).$schema;
  }
  const { options, problems: optionProblems } = validateOptions(raw);
  for (const p of optionProblems) found.push({ message: p.message, path: p.path.split(/\.(?![^[]*\])/) });
  // each problem is shown where it is: located in the text, the first MAX_PROBLEMS of them (a file with
  // thousands of mistakes gets a note, not thousands of searches through it)
  const problems: ConfigFileProblem[] = found.slice(0, MAX_PROBLEMS).map((p) => ({ message: p.message, ...locate(text, p.path) }));
  if (found.length > MAX_PROBLEMS) problems.push({ message: `另有 ${found.length - MAX_PROBLEMS} 处配置问题未列出。`, start: 0, end: Math.min(1, text.length) });
  return { options, problems };
}

/** Problems of a .gongwen.json shown at most (and one note for the rest). */
export const MAX_PROBLEMS = 50;

/** Finds the key of a path like rules.placeholder/latin-x in the text (best effort: the last key found). */
function locate(text: string, path: string[]): { start: number; end: number } {
  let from = 0;
  let found = { start: 0, end: Math.min(1, text.length) };
  for (const part of path) {
    const key = part.replace(/\[\d+\]$/, '');
    if (!key) continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at === -1) break;
    found = { start: at, end: at + JSON.stringify(key).length };
    from = found.end;
  }
  return found;
}

/** Settings first, then the workspace file on top: rules and numbering override, phrase lists add up. */
export function mergeOptions(base: LintOptions, over: LintOptions): LintOptions {
  return {
    ...base,
    ...over,
    rules: { ...base.rules, ...over.rules },
    numbering: { ...base.numbering, ...over.numbering },
    export: { ...base.export, ...over.export },
    phrases: {
      add: [...(base.phrases?.add ?? []), ...(over.phrases?.add ?? [])],
      disable: [...(base.phrases?.disable ?? []), ...(over.phrases?.disable ?? [])],
    },
  };
}
