/**
 * gongwen-lint: the engine from the command line.
 *   gongwen-lint [--format stylish|json] [--list-rules] <files…>
 * Exit 0: clean or only warnings/information; 1: at least one error; 2: usage error or an unreadable file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { countCharacters, countEntries, decodeReport, lint, listRules, type Diagnostic, type LintOptions } from './engine';
import type { PhraseCategory } from './engine/phrases';
import { findConfigFile, readConfigFile, type LoadedConfig } from './workspace-config';

const USAGE = `用法: gongwen-lint [选项] <文件…>

选项:
  --format <stylish|json>  输出格式（默认 stylish）
  --config <文件>          使用指定的配置文件（默认：从每个文件所在目录向上查找 .gongwen.json）
  --list-rules             列出全部规则
  -h, --help               显示本帮助

退出码: 0 无错误（可有警告、提示）；1 有错误；2 用法错误或文件无法读取。`;

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

interface Args {
  format: 'stylish' | 'json';
  files: string[];
  listRules: boolean;
  help: boolean;
  config?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'stylish', files: [], listRules: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'stylish' && v !== 'json') return `--format 的取值应为 stylish 或 json，收到：${v ?? '（空）'}`;
      args.format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice(9);
      if (v !== 'stylish' && v !== 'json') return `--format 的取值应为 stylish 或 json，收到：${v}`;
      args.format = v;
    } else if (a === '--config' || a === '-c') {
      const v = argv[++i];
      if (!v) return '--config 需要一个文件路径';
      args.config = v;
    } else if (a.startsWith('--config=')) args.config = a.slice(9);
    else if (a === '--list-rules') args.listRules = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--') args.files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') return `未知选项：${a}`;
    else args.files.push(a);
  }
  return args;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    err(`gongwen-lint: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  if (parsed.listRules) {
    const metas = listRules();
    const w = Math.max(...metas.map((m) => m.id.length));
    for (const m of metas) {
      const phrases = ['phrasing/political', 'phrasing/outdated', 'phrasing/colloquial', 'typo/fixed-phrase'].includes(m.id)
        ? `（${countEntries(m.id as PhraseCategory)} 个词条）` : '';
      out(`${pad(m.id, w + 2)}${pad(m.severity, 9)}${m.fixable ? '可修复  ' : '        '}${m.description}${phrases}`);
    }
    return 0;
  }
  if (!parsed.files.length) {
    err(`gongwen-lint: 请指定要检查的文件。\n\n${USAGE}`);
    return 2;
  }
  let explicit: LoadedConfig | undefined;
  if (parsed.config) {
    explicit = readConfigFile(parsed.config);
    if (!explicit) {
      err(`gongwen-lint: 无法读取配置文件 ${parsed.config}`);
      return 2;
    }
  }
  const reported = new Set<string>();
  const optionsFor = (file: string): LintOptions => {
    const config = explicit ?? (() => {
      const found = findConfigFile(file);
      return found ? readConfigFile(found) : undefined;
    })();
    if (!config) return {};
    if (!reported.has(config.path)) {
      reported.add(config.path);
      for (const p of config.problems) err(`gongwen-lint: ${config.path}：${p.message}`);
    }
    return config.options;
  };
  const results: { file: string; characters: number; diagnostics: Diagnostic[] }[] = [];
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const lines: string[] = [];
  for (const file of parsed.files) {
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(`gongwen-lint: 无法读取 ${file}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : (e as Error).message}`);
      unreadable = true;
      continue;
    }
    const decoded = decodeReport(buf);
    if (!decoded.ok) {
      err(`gongwen-lint: 跳过 ${file}：${decoded.reason}`);
      unreadable = true;
      continue;
    }
    const language = file.endsWith('.md') || file.endsWith('.markdown') ? 'markdown' : file.endsWith('.gongwen') ? 'gongwen' : 'plaintext';
    const diagnostics = lint(decoded.text, { ...optionsFor(file), language });
    results.push({ file, characters: countCharacters(decoded.text), diagnostics });
    for (const d of diagnostics) {
      if (d.severity === 1) errors++;
      else if (d.severity === 2) warnings++;
      else infos++;
    }
    if (parsed.format === 'stylish' && diagnostics.length) {
      for (const d of diagnostics) {
        const loc = `${path.normalize(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        lines.push(`${loc}  ${pad(SEVERITY_NAMES[d.severity], 7)}  ${d.message}  ${d.code}`);
      }
    }
  }
  if (parsed.format === 'json') out(JSON.stringify(results, null, 2));
  else {
    for (const l of lines) out(l);
    for (const r of results) out(`${path.normalize(r.file)}：${r.characters} 字`);
    const total = errors + warnings + infos;
    out(total
      ? `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），检查了 ${results.length} 个文件`
      : `✔ 没有发现问题，检查了 ${results.length} 个文件`);
  }
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  const code = main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
  process.exitCode = code;
}
