// Generates docs/rules/<category>/<rule>.md and the README's rule and settings tables from the rules'
// metadata and package.json, so nothing is written twice. `--check` fails when a file is out of date.
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(root, 'dist/engine.js'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const check = process.argv.includes('--check');
const stale = [];

function write(file, content) {
  const abs = path.join(root, file);
  const old = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  if (old === content) return;
  if (check) stale.push(file);
  else {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info', hint: '暗示 hint' };
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

for (const m of engine.listRules()) {
  const lines = [`# ${m.id}`, '', m.description, '', `- 类别：\`${m.category}\``, `- 默认严重程度：${SEVERITY[m.severity]}`, `- 快速修复：${m.fixable ? '有' : '无'}`, ''];
  if (m.details) lines.push('## 说明', '', m.details, '');
  if (m.examples) {
    lines.push('## 会报告', '', ...m.examples.bad.map((e) => `- \`${e}\``), '', '## 不会报告', '', ...m.examples.good.map((e) => `- \`${e}\``), '');
  }
  lines.push('## 配置', '', '在设置或 `.gongwen.json` 中调整：', '', '```json', `{ "rules": { "${m.id}": "warning" } }`, '```', '');
  write(`docs/rules/${m.id}.md`, lines.join('\n'));
}

const PHRASE_RULES = ['phrasing/political', 'phrasing/outdated', 'phrasing/colloquial', 'typo/fixed-phrase'];
const entries = (m) => (PHRASE_RULES.includes(m.id) ? String(engine.countEntries(m.id)) : '');
const ruleTable = ['| 规则 | 类别 | 默认 | 修复 | 词条 | 说明 |', '|---|---|---|---|---|---|',
  ...engine.listRules().map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.category} | ${m.severity} | ${m.fixable ? '✔' : ''} | ${entries(m)} | ${cell(m.description)} |`)].join('\n');

const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8'));
const localize = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (_, k) => nls[k] ?? s) : s);
const props = pkg.contributes.configuration.properties;
const settingsTable = ['| 设置 | 类型 | 默认值 | 说明 |', '|---|---|---|---|',
  ...Object.entries(props).map(([k, v]) => `| \`${k}\` | ${v.enum ? v.enum.map((e) => `\`${e}\``).join(' / ') : v.type} | \`${JSON.stringify(v.default)}\` | ${cell(localize(v.description ?? v.markdownDescription ?? ''))} |`)].join('\n');

const readmePath = 'README.md';
let readme = fs.readFileSync(path.join(root, readmePath), 'utf8');
const replace = (name, body) => {
  const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(readme)) throw new Error(`README.md lacks the <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  readme = readme.replace(re, `$1\n${body}\n$2`);
};
replace('rules', ruleTable);
replace('settings', settingsTable);
write(readmePath, readme);

if (check && stale.length) {
  console.error(`out of date (run npm run docs): ${stale.join(', ')}`);
  process.exit(1);
}
