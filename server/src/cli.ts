/**
 * gongwen-lint: the engine from the command line.
 * Exit 0: clean or only warnings/information (within --max-warnings); 1: an error, or too many warnings;
 * 2: a usage error or an unreadable file (the other files are still linted).
 */
import * as fs from 'fs';
import * as path from 'path';
import { countCharacters, countEntries, decodeReport, fix, getDocsBase, lint, listRules, setDocsBase, type Diagnostic } from './engine';
import { pathToFileUri } from './uri';
import type { PhraseCategory } from './engine/phrases';
import { cliOptions } from './workspace-config';
import { optionAndValue, runMain, type Io } from './cli-run';
import { compactDiff, toSarif, unifiedDiff } from './cli-output';
import { expandFileArgsWithSkipped, REPORT_EXTENSIONS } from './files';
import { readDocxText } from './engine/docx-read';

const UNSUPPORTED = 'WPS、PDF 等文件暂不支持，请另存为 .docx、.txt 或 .md 后再检查';
const OLD_BINARY = '这是旧版 Word/WPS 二进制格式，请另存为 .docx 后再检查';
import { describeWriteError, writeFileAtomic } from './write-file';
import { encodeReport } from './encode';
import { ENCODING_NAMES } from './engine/decode';

const VERSION = '0.1.0';

const USAGE = `用法: gongwen-lint [选项] <文件、目录或通配符…>

选项:
  -f, --format <格式>      stylish（默认）、json 或 sarif（SARIF 2.1.0，供代码扫描工具使用）
      --fix                把可安全自动修复的问题直接改回文件
      --dry-run            与 --fix 同用：不改文件，打印将要做的修改（diff）
  -c, --config <文件>      使用指定的配置文件（默认：从每个文件所在目录向上查找 .gongwen.json）
      --max-warnings <n>   警告超过 n 个时以 1 退出
      --allow-empty        没有可检查的文件时不算错误（默认以 2 退出）
      --verbose            在标准错误中说明每个文件按什么编码读取
      --list-rules         列出全部规则
      --no-color           不用颜色（默认只在终端中使用颜色）
  -h, --help               显示本帮助
  -v, --version            显示版本

目录会递归查找 .txt、.md、.gongwen、.docx 文件（Word 文档按“第几段:列”报告位置，不会被修改）；通配符支持 * ? **（请加引号，如 "报告/**/*.txt"）。
文件可为 UTF-8（可带 BOM）、带 BOM 的 UTF-16 或 GB18030/GBK 编码；--fix 按原编码写回。
退出码: 0 无错误；1 有错误或警告超过 --max-warnings；2 用法错误或文件无法读取。`;

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

interface Args {
  format: 'stylish' | 'json' | 'sarif';
  files: string[];
  listRules: boolean;
  help: boolean;
  version: boolean;
  config?: string;
  fix: boolean;
  dryRun: boolean;
  maxWarnings?: number;
  color?: boolean;
  allowEmpty: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'stylish', files: [], listRules: false, help: false, version: false, fix: false, dryRun: false, allowEmpty: false, verbose: false };
  const value = (i: number, name: string) => argv[i] ?? `${name} 需要一个值`;
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = optionAndValue(argv[i]);
    const take = () => inline ?? argv[++i];
    if (a === '--format' || a === '-f') {
      const v = take();
      if (v !== 'stylish' && v !== 'json' && v !== 'sarif') return `--format 的取值应为 stylish、json 或 sarif，收到：${v ?? '（空）'}`;
      args.format = v;
    } else if (a === '--config' || a === '-c') {
      const v = take();
      if (!v) return '--config 需要一个文件路径';
      args.config = v;
    } else if (a === '--max-warnings') {
      const v = take();
      if (!v || !/^\d+$/.test(v)) return `--max-warnings 需要一个非负整数，收到：${v ?? value(i, a)}`;
      args.maxWarnings = Number(v);
    } else if (a === '--fix') args.fix = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--list-rules') args.listRules = true;
    else if (a === '--allow-empty') args.allowEmpty = true;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--no-color') args.color = false;
    else if (a === '--color') args.color = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-v' || a === '--version') args.version = true;
    else if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return `未知选项：${a}`;
    else args.files.push(a);
  }
  if (args.dryRun && !args.fix) return '--dry-run 需与 --fix 同用';
  return args;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x1100 ? 2 : 1;
  return w;
}
function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

export type { Io };

// the rule pages installed with the CLI (docs/rules/ beside dist/): SARIF's help links and JSON's links open
setDocsBase(pathToFileUri(path.join(__dirname, '..', 'docs', 'rules')) + '/');

export function main(argv: string[], io: Io): number {
  const { out, err } = io;
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    err(`gongwen-lint: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) return out(USAGE), 0;
  if (parsed.version) return out(VERSION), 0;
  const color = parsed.color ?? (!!io.isTTY && !process.env.NO_COLOR);
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const SEVERITY_COLOR: Record<number, number> = { 1: 31, 2: 33, 3: 36, 4: 90 };
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
  const optionsFor = cliOptions(parsed.config, (configPath, message) => err(`gongwen-lint: ${configPath}：${message}`));
  if (!optionsFor) {
    err(`gongwen-lint: 无法读取配置文件 ${parsed.config}`);
    return 2;
  }

  const results: { file: string; encoding: string; characters: number; diagnostics: Diagnostic[] }[] = [];
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixedFiles = 0;
  const lines: string[] = [];
  // files that could not be checked, with the reason: reported on stderr, in the summary, in JSON and in SARIF
  const skipped: { file: string; reason: string }[] = [];
  const skip = (file: string, reason: string, verb = '跳过') => {
    err(`gongwen-lint: ${verb} ${file}：${reason}`);
    skipped.push({ file, reason });
    unreadable = true;
  };
  const { files: toCheck, unsupported, unreadableDirs } = expandFileArgsWithSkipped(parsed.files, [...REPORT_EXTENSIONS, '.docx']);
  for (const dir of unreadableDirs) skip(dir.file, dir.reason, '无法读取');
  for (const file of unsupported) skip(file, /\.(doc|wps)$/i.test(file) ? OLD_BINARY : UNSUPPORTED);
  for (const file of toCheck) {
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      skip(file, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (e as Error).message, '无法读取');
      continue;
    }
    if (/\.(doc|wps)$/i.test(file)) {
      skip(file, OLD_BINARY);
      continue;
    }
    if (/\.(pdf|rtf|odt)$/i.test(file)) {
      skip(file, UNSUPPORTED);
      continue;
    }
    if (/\.docx$/i.test(file)) {
      // a Word document: its paragraphs, one a line; findings are told by paragraph and column
      const read = readDocxText(buf);
      if (!read.ok) {
        skip(file, read.reason);
        continue;
      }
      if (parsed.fix) err(`gongwen-lint: ${file}：不写回 Word 文件，未做任何修改（可在 Word 中按提示修改，或导入为文本后用 --fix）`);
      const text = read.paragraphs.join('\n');
      const diagnostics = lint(text, { ...optionsFor(file), language: 'plaintext' }).map((d) => ({
        ...d,
        paragraph: d.range.start.line + 1,
        offset: d.range.start.character,
        snippet: read.paragraphs[d.range.start.line].slice(Math.max(0, d.range.start.character - 10), d.range.start.character + 20),
      }));
      results.push({ file, encoding: 'docx', characters: countCharacters(text), diagnostics });
      for (const d of diagnostics) {
        if (d.severity === 1) errors++;
        else if (d.severity === 2) warnings++;
        else infos++;
        if (parsed.format === 'stylish' && !parsed.dryRun) {
          const loc = `${path.normalize(file)}:第${d.paragraph}段:${d.offset + 1}`;
          lines.push(`${loc}  ${paint(SEVERITY_COLOR[d.severity], pad(SEVERITY_NAMES[d.severity], 7))}  ${d.message}  ${paint(90, d.code)}`);
        }
      }
      continue;
    }
    const decoded = decodeReport(buf);
    if (!decoded.ok) {
      skip(file, decoded.reason);
      continue;
    }
    if (parsed.verbose) err(`gongwen-lint: ${file}：编码 ${ENCODING_NAMES[decoded.encoding]}`);
    const language = /\.(md|markdown)$/i.test(file) ? 'markdown' : file.endsWith('.gongwen') ? 'gongwen' : 'plaintext';
    const options = { ...optionsFor(file), language } as const;
    let text = decoded.text;
    if (parsed.fix) {
      const { output, applied } = fix(text, options);
      if (applied) {
        if (parsed.dryRun) {
          const diff = unifiedDiff(path.normalize(file), text, output);
          // in a terminal, long paragraphs show the changed words; piped, the diff stays one git and patch apply
          out(io.isTTY ? compactDiff(diff, (kind, s) => (color ? paint(kind === '-' ? 31 : 32, s) : `[${s}]`)) : diff);
        }
        else {
          try {
            // back in the encoding it was read in (and with its byte-order mark, if it had one)
            writeFileAtomic(file, encodeReport(output, decoded.encoding));
            fixedFiles++;
            text = output;
          } catch (e) {
            // the original is untouched: say so, and lint it as it is
            err(`gongwen-lint: 无法写回 ${file}：${describeWriteError(e)}，原文件未改动`);
            unreadable = true;
          }
        }
      }
    }
    const diagnostics = lint(text, options);
    results.push({ file, encoding: decoded.encoding, characters: countCharacters(text), diagnostics });
    for (const d of diagnostics) {
      if (d.severity === 1) errors++;
      else if (d.severity === 2) warnings++;
      else infos++;
    }
    if (parsed.format === 'stylish' && !parsed.dryRun) {
      for (const d of diagnostics) {
        const loc = `${path.normalize(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        lines.push(`${loc}  ${paint(SEVERITY_COLOR[d.severity], pad(SEVERITY_NAMES[d.severity], 7))}  ${d.message}  ${paint(90, d.code)}`);
      }
    }
  }
  const empty = results.length === 0 && !parsed.allowEmpty;
  if (parsed.format === 'json') {
    out(JSON.stringify([...results, ...skipped.map((x) => ({ file: x.file, skipped: x.reason, characters: 0, diagnostics: [] }))], null, 2));
  } else if (parsed.format === 'sarif') out(JSON.stringify(toSarif(results, listRules(), VERSION, getDocsBase(), skipped), null, 2));
  else if (!parsed.dryRun) {
    for (const l of lines) out(l);
    for (const r of results) out(`${path.normalize(r.file)}：${r.characters} 字`);
    const total = errors + warnings + infos;
    if (fixedFiles) out(`已修复并写回 ${fixedFiles} 个文件`);
    const skippedNote = skipped.length ? `，跳过 ${skipped.length} 个文件（见上）` : '';
    out(total
      ? paint(errors ? 31 : 33, `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），检查了 ${results.length} 个文件${skippedNote}`)
      : unreadable || empty
        ? paint(31, `✖ 检查了 ${results.length} 个文件${skippedNote}${empty ? '：没有可检查的 .txt、.md、.gongwen、.docx 文件（--allow-empty 可允许）' : ''}`)
        : paint(32, `✔ 没有发现问题，检查了 ${results.length} 个文件`));
  }
  if (empty && !unreadable && parsed.format !== 'stylish') err('gongwen-lint: 没有可检查的 .txt、.md、.gongwen、.docx 文件（--allow-empty 可允许）');
  if (unreadable || empty) return 2;
  if (errors > 0) return 1;
  if (parsed.maxWarnings !== undefined && warnings > parsed.maxWarnings) {
    err(`gongwen-lint: ${warnings} 个警告，超过 --max-warnings ${parsed.maxWarnings}`);
    return 1;
  }
  return 0;
}

if (require.main === module) runMain('gongwen-lint', main);
