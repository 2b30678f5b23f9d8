/**
 * gongwen-export: reports to Word documents in GB/T 9704 layout, beside each report (or where -o says).
 * Exit 0: every report exported; 1: exported, but a report still has errors (an unfilled XX…);
 * 2: a usage error, or a report that could not be read or written (the others are still exported).
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeReport, lint, parse } from './engine';
import { exportParsed } from './engine/export';
import { cliOptions } from './workspace-config';
import { optionAndValue, runMain, type Io } from './cli-run';
import { expandFileArgsWithSkipped } from './files';
import { describeWriteError, writeFileAtomic } from './write-file';

const VERSION = '0.1.0';

const USAGE = `用法: gongwen-export [选项] <报告、目录或通配符…>

把报告导出为符合 GB/T 9704-2012 版式的 Word 文档（.docx）：A4，每面 22 行、每行 28 字，
二号小标宋标题，三号仿宋正文，黑体、楷体各级标题，页码“— 1 —”单页居右、双页居左。

选项:
  -o, --output <路径>      输出文件（只导出一个报告时）或输出目录；默认写在报告旁边，同名 .docx
  -c, --config <文件>      使用指定的配置文件（默认：从每个报告所在目录向上查找 .gongwen.json）
      --force              覆盖已有的 .docx（默认不覆盖，并以 2 退出）
  -q, --quiet              只输出错误
  -h, --help               显示本帮助
  -v, --version            显示版本

版式设置（字体、行距、页边距、页码）写在 .gongwen.json 的 "export" 中，例如 { "export": { "bodyFont": "方正仿宋_GBK" } }。
文档只写入字体名称，不附带字体：Word 或 WPS 使用本机安装的字体显示。
退出码: 0 全部导出；1 已导出，但报告中还有错误（如未填写的 XX）；2 用法错误或文件无法读取、写入。`;

interface Args {
  files: string[];
  output?: string;
  config?: string;
  force: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], force: false, quiet: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = optionAndValue(argv[i]);
    const take = () => inline ?? argv[++i];
    if (a === '-o' || a === '--output') {
      const v = take();
      if (!v) return `${a} 需要一个路径`;
      args.output = v;
    } else if (a === '-c' || a === '--config') {
      const v = take();
      if (!v) return `${a} 需要一个文件路径`;
      args.config = v;
    } else if (a === '--force') args.force = true;
    else if (a === '-q' || a === '--quiet') args.quiet = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-v' || a === '--version') args.version = true;
    else if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return `未知选项：${a}`;
    else args.files.push(a);
  }
  return args;
}

export type { Io };

export async function main(argv: string[], io: Io): Promise<number> {
  const { out, err } = io;
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    err(`gongwen-export: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) return out(USAGE), 0;
  if (parsed.version) return out(VERSION), 0;
  if (!parsed.files.length) {
    err(`gongwen-export: 请指定要导出的报告。\n\n${USAGE}`);
    return 2;
  }
  const optionsFor = cliOptions(parsed.config, (configPath, message) => err(`gongwen-export: ${configPath}：${message}`));
  if (!optionsFor) {
    err(`gongwen-export: 无法读取配置文件 ${parsed.config}`);
    return 2;
  }
  const { files, unsupported, unreadableDirs } = expandFileArgsWithSkipped(parsed.files);
  let failed = false;
  let withErrors = 0;
  let exported = 0;
  for (const dir of unreadableDirs) {
    err(`gongwen-export: 无法读取 ${dir.file}：${dir.reason}`);
    failed = true;
  }
  for (const file of unsupported) {
    err(`gongwen-export: 跳过 ${file}：只能导出 .txt、.md、.gongwen 报告`);
    failed = true;
  }
  if (!files.length && !unsupported.length && !unreadableDirs.length) {
    err('gongwen-export: 没有找到可导出的 .txt、.md、.gongwen 报告');
    return 2;
  }
  let outputDir: string | undefined;
  let outputFile: string | undefined;
  if (parsed.output) {
    const isDir = (() => {
      try {
        return fs.statSync(parsed.output).isDirectory();
      } catch {
        return false;
      }
    })();
    if (isDir || /[\\/]$/.test(parsed.output)) outputDir = parsed.output;
    else if (files.length > 1) {
      err(`gongwen-export: 导出多个报告时，-o 应为一个已有的目录：${parsed.output}`);
      return 2;
    } else outputFile = parsed.output;
  }
  for (const file of files) {
    const target = outputFile ?? path.join(outputDir ?? path.dirname(file), `${path.basename(file, path.extname(file))}.docx`);
    if (/\.(docx?|wps|pdf)$/i.test(file)) {
      err(`gongwen-export: 跳过 ${file}：只能导出 .txt、.md、.gongwen 报告`);
      failed = true;
      continue;
    }
    if (!parsed.force && fs.existsSync(target)) {
      err(`gongwen-export: ${target} 已存在，未覆盖（--force 可覆盖）`);
      failed = true;
      continue;
    }
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(`gongwen-export: 无法读取 ${file}：${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : (e as Error).message}`);
      failed = true;
      continue;
    }
    const decoded = decodeReport(buf);
    if (!decoded.ok) {
      err(`gongwen-export: 跳过 ${file}：${decoded.reason}`);
      failed = true;
      continue;
    }
    const language = /\.(md|markdown)$/i.test(file) ? 'markdown' : file.endsWith('.gongwen') ? 'gongwen' : 'plaintext';
    const options = { ...optionsFor(file), language } as const;
    const doc = parse(decoded.text, language);
    const errors = lint(decoded.text, options).filter((d) => d.severity === 1).length;
    let bytes: Uint8Array;
    try {
      bytes = (await exportParsed(doc, options.export)).bytes;
    } catch (e) {
      err(`gongwen-export: 无法导出 ${file}：${(e as Error)?.message ?? String(e)}`);
      failed = true;
      continue;
    }
    try {
      writeFileAtomic(target, bytes);
    } catch (e) {
      err(`gongwen-export: 无法写入 ${target}：${describeWriteError(e)}，未留下不完整的文件`);
      failed = true;
      continue;
    }
    exported++;
    if (errors) {
      withErrors++;
      err(`gongwen-export: ${file} 还有 ${errors} 个错误（如未填写的 XX），请检查：gongwen-lint ${JSON.stringify(file)}`);
    }
    if (!parsed.quiet) out(`${path.normalize(file)} → ${path.normalize(target)}`);
  }
  if (!parsed.quiet) out(`已导出 ${exported} 个 Word 文档${withErrors ? `，其中 ${withErrors} 个报告还有错误` : ''}`);
  if (failed) return 2;
  return withErrors ? 1 : 0;
}

if (require.main === module) runMain('gongwen-export', main);
