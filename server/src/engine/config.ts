/**
 * Options: per-rule severity overrides, validated once with messages a user can act on.
 * Unknown or malformed entries are reported and skipped; the rest still applies.
 */
import type { Category, NumberingStyle, ResolvedOptions, SeveritySetting } from './types';
import { rules, rulesById } from './rules';
import { GB_STYLE } from './numbering';
import { compileUserPhrases, LIMITS, PHRASE_CATEGORIES, type PhraseCategory, type UserPhrase } from './phrases';
import { validateExportOptions, type ExportOptions } from './layout';

export interface LintOptions {
  /** `{ "placeholder/latin-x": "warning", "phrasing": "off" }`: a rule id or a whole category. */
  rules?: Record<string, SeveritySetting>;
  /** Language of the document; Markdown syntax is then kept out of the rules' way. */
  language?: 'gongwen' | 'plaintext' | 'markdown';
  /** House style for heading numbers where it differs from GB/T 9704: `{ "level3": "1、" }`. */
  numbering?: Partial<NumberingStyle>;
  /** Own phrase entries, and built-in ones turned off (by their wrong form). */
  phrases?: { add?: UserPhrase[]; disable?: string[] };
  /** 字数 above which the report gets an information diagnostic. */
  maxLength?: number;
  /** Parts a kind of report should carry: { "述职报告": [{ "name": "述学", "keywords": ["学习"] }] }. */
  requiredSections?: Record<string, { name: string; keywords: string[] }[]>;
  /** The Word export's layout where a unit's differs from GB/T 9704: fonts, line pitch, margins, page numbers. */
  export?: ExportOptions;
}

export interface OptionProblem {
  /** Path of the offending value, e.g. `rules.placeholder/latin-x`. */
  path: string;
  message: string;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const CATEGORIES: readonly Category[] = ['placeholder', 'numbering', 'phrasing', 'typo', 'consistency'];

/** Checks raw, untrusted options (from settings or a file) and returns what can be used plus the problems. */
export function validateOptions(raw: unknown): { options: LintOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const options: LintOptions = {};
  if (raw === undefined || raw === null) return { options, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: '', message: '配置应为一个对象（{ ... }）。' });
    return { options, problems };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push({ path: 'rules', message: '“rules”应为对象，例如 { "placeholder/latin-x": "warning" }。' });
    } else {
      const out: Record<string, SeveritySetting> = {};
      for (const [key, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!rulesById.has(key) && !CATEGORIES.includes(key as Category)) {
          problems.push({ path: `rules.${key}`, message: `未知的规则“${key}”。可用的规则见 gongwen-lint --list-rules。` });
          continue;
        }
        if (typeof value !== 'string' || !SEVERITIES.includes(value as SeveritySetting)) {
          problems.push({ path: `rules.${key}`, message: `规则“${key}”的取值应为 ${SEVERITIES.join('、')} 之一。` });
          continue;
        }
        out[key] = value as SeveritySetting;
      }
      options.rules = out;
    }
  }
  if (obj.numbering !== undefined) {
    const n = obj.numbering as Record<string, unknown>;
    if (typeof n !== 'object' || n === null || Array.isArray(n)) {
      problems.push({ path: 'numbering', message: '“numbering”应为对象，例如 { "level3": "1、" }。' });
    } else {
      const numbering: Partial<NumberingStyle> = {};
      for (const [key, value] of Object.entries(n)) {
        if (key === 'level3' && (value === '1.' || value === '1．' || value === '1、')) numbering.level3 = value;
        else if (key === 'level4' && (value === '（1）' || value === '(1)')) numbering.level4 = value;
        else if (key === 'level3') problems.push({ path: 'numbering.level3', message: '“numbering.level3”应为 "1."、"1．" 或 "1、"。' });
        else if (key === 'level4') problems.push({ path: 'numbering.level4', message: '“numbering.level4”应为 "（1）" 或 "(1)"。' });
        else problems.push({ path: `numbering.${key}`, message: `未知的序号设置“${key}”（可用 level3、level4）。` });
      }
      options.numbering = numbering;
    }
  }
  if (obj.phrases !== undefined) {
    const phrases = validatePhrases(obj.phrases, problems);
    if (phrases) options.phrases = phrases;
  }
  if (obj.maxLength !== undefined && obj.maxLength !== null && obj.maxLength !== 0) {
    if (typeof obj.maxLength === 'number' && Number.isInteger(obj.maxLength) && obj.maxLength > 0) options.maxLength = obj.maxLength;
    else problems.push({ path: 'maxLength', message: '“maxLength”应为正整数（字数上限），0 表示不检查。' });
  }
  if (obj.requiredSections !== undefined) {
    const rs = obj.requiredSections as Record<string, unknown>;
    if (typeof rs !== 'object' || rs === null || Array.isArray(rs)) {
      problems.push({ path: 'requiredSections', message: '“requiredSections”应为对象：报告类型 → 部分列表。' });
    } else {
      const out: NonNullable<LintOptions['requiredSections']> = {};
      const kinds = Object.keys(rs);
      if (kinds.length > LIMITS.requiredKinds) {
        problems.push({ path: 'requiredSections', message: `报告类型过多（${kinds.length} 个），只使用前 ${LIMITS.requiredKinds} 个。` });
      }
      for (const kind of kinds.slice(0, LIMITS.requiredKinds)) {
        const list = rs[kind];
        const ok = Array.isArray(list) && list.every((x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' && isStringList((x as { keywords?: unknown }).keywords));
        if (!ok) {
          problems.push({ path: `requiredSections.${kind}`, message: `“${kind}”应为 [{ "name": "部分名称", "keywords": ["关键词"] }] 形式的列表。` });
          continue;
        }
        const sections = list as { name: string; keywords: string[] }[];
        if (sections.length > LIMITS.requiredSections) {
          problems.push({ path: `requiredSections.${kind}`, message: `“${kind}”的部分过多（${sections.length} 个），只使用前 ${LIMITS.requiredSections} 个。` });
        }
        out[kind] = sections.slice(0, LIMITS.requiredSections).map((sec) => {
          const keywords = [...new Set(sec.keywords)];
          if (keywords.length > LIMITS.keywords) {
            problems.push({ path: `requiredSections.${kind}`, message: `“${sec.name}”的关键词过多（${keywords.length} 个），只使用前 ${LIMITS.keywords} 个。` });
          }
          return { name: sec.name.slice(0, 50), keywords: keywords.slice(0, LIMITS.keywords) };
        });
      }
      options.requiredSections = out;
    }
  }
  if (obj.export !== undefined) options.export = validateExportOptions(obj.export, problems);
  if (obj.language !== undefined) {
    if (obj.language === 'gongwen' || obj.language === 'plaintext' || obj.language === 'markdown') options.language = obj.language;
    else problems.push({ path: 'language', message: '“language”应为 gongwen、plaintext 或 markdown。' });
  }
  return { options, problems };
}

const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint'];
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 50);

function validatePhrases(raw: unknown, problems: OptionProblem[]): LintOptions['phrases'] | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ path: 'phrases', message: '“phrases”应为对象，例如 { "add": [{ "wrong": "…", "right": "…" }], "disable": ["…"] }。' });
    return undefined;
  }
  const obj = raw as Record<string, unknown>;
  const out: NonNullable<LintOptions['phrases']> = {};
  if (obj.disable !== undefined) {
    if (!Array.isArray(obj.disable)) problems.push({ path: 'phrases.disable', message: '“phrases.disable”应为字符串数组（要关闭的内置词条的错误写法）。' });
    else {
      const disable = [...new Set(obj.disable.filter((x): x is string => typeof x === 'string'))];
      if (disable.length > LIMITS.disable) problems.push({ path: 'phrases.disable', message: `要关闭的词条过多（${disable.length} 条），只使用前 ${LIMITS.disable} 条。` });
      out.disable = disable.slice(0, LIMITS.disable);
    }
  }
  if (obj.add !== undefined) {
    if (!Array.isArray(obj.add)) {
      problems.push({ path: 'phrases.add', message: '“phrases.add”应为数组。' });
    } else {
      const add: UserPhrase[] = [];
      // one entry per wrong form: a later entry with the same “wrong” replaces the earlier one
      const byWrong = new Map<string, number>();
      let merged = 0;
      let dropped = 0;
      let reported = 0;
      const report = (p: OptionProblem) => {
        if (reported++ < 20) problems.push(p);
      };
      obj.add.forEach((item, i) => {
        const path = `phrases.add[${i}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return report({ path, message: '词条应为对象，至少包含 “wrong”。' });
        const e = item as Record<string, unknown>;
        const regexKey = ['pattern', 'regex', 'regexp'].find((k) => k in e);
        if (regexKey) {
          // literal matching only: no user pattern can make the matcher backtrack forever
          return report({ path: `${path}.${regexKey}`, message: '不支持正则表达式（避免复杂模式拖慢检查）。请用 “wrong” 写出要查找的文字，并用 “notPrecededBy”“notFollowedBy” 排除例外。' });
        }
        if (typeof e.wrong !== 'string' || !e.wrong.trim() || e.wrong.length > 100) return report({ path: `${path}.wrong`, message: '“wrong”应为 1～100 个字符的字符串。' });
        const right = e.right;
        if (!(right === undefined || right === null || typeof right === 'string' || isStringList(right))) return report({ path: `${path}.right`, message: '“right”应为字符串、字符串数组或 null。' });
        if (e.category !== undefined && !PHRASE_CATEGORIES.includes(e.category as PhraseCategory)) {
          return report({ path: `${path}.category`, message: `“category”应为 ${PHRASE_CATEGORIES.join('、')} 之一。` });
        }
        for (const g of ['notPrecededBy', 'notFollowedBy'] as const) {
          if (e[g] !== undefined && !isStringList(e[g])) return report({ path: `${path}.${g}`, message: `“${g}”应为字符串数组。` });
          if (e[g] !== undefined && (e[g] as string[]).length > LIMITS.guards) {
            report({ path: `${path}.${g}`, message: `“${g}”最多 ${LIMITS.guards} 项，只使用前 ${LIMITS.guards} 项。` });
            e[g] = [...new Set(e[g] as string[])].slice(0, LIMITS.guards);
          }
        }
        if (e.severity !== undefined && !SEVERITY_VALUES.includes(e.severity as string)) return report({ path: `${path}.severity`, message: '“severity”应为 error、warning、info 或 hint。' });
        const seen = byWrong.get(e.wrong);
        if (seen === undefined && add.length >= LIMITS.phrases) return void dropped++;
        if (seen !== undefined) merged++;
        const entry: UserPhrase = {
          wrong: e.wrong,
          right: right as UserPhrase['right'],
          category: e.category as PhraseCategory | undefined,
          reason: typeof e.reason === 'string' ? e.reason.slice(0, 200) : undefined,
          notPrecededBy: e.notPrecededBy as string[] | undefined,
          notFollowedBy: e.notFollowedBy as string[] | undefined,
          severity: e.severity as UserPhrase['severity'],
        };
        if (seen !== undefined) add[seen] = entry;
        else {
          byWrong.set(e.wrong, add.length);
          add.push(entry);
        }
      });
      if (reported > 20) problems.push({ path: 'phrases.add', message: `另有 ${reported - 20} 个词条有误，已跳过。` });
      if (merged) problems.push({ path: 'phrases.add', message: `${merged} 个词条与前面的词条“wrong”相同，已合并（以后出现的为准）。` });
      if (dropped) problems.push({ path: 'phrases.add', message: `自定义词条最多 ${LIMITS.phrases} 条，另有 ${dropped} 条未使用。` });
      out.add = add;
    }
  }
  return out;
}

let phraseConfigs = 0;
const compiledByConfig = new WeakMap<object, { set: ReturnType<typeof compileUserPhrases>; key: string }>();

/** Severity per rule: the rule's default, then a category override, then a rule override. */
export function resolveOptions(options: LintOptions = {}): ResolvedOptions {
  const severities = new Map<string, SeveritySetting>();
  const configured = new Set<string>();
  const overrides = options.rules ?? {};
  for (const rule of rules) {
    const set = overrides[rule.meta.id] ?? overrides[rule.meta.category];
    if (set !== undefined) configured.add(rule.meta.id);
    severities.set(rule.meta.id, set ?? rule.meta.severity);
  }
  const add = options.phrases?.add;
  let userPhrases: ResolvedOptions['userPhrases'];
  let phrasesKey = 'builtin';
  if (add?.length) {
    // compiled once per configuration object: a settings change makes a new one
    let compiled = compiledByConfig.get(add);
    if (!compiled) {
      compiled = { set: compileUserPhrases(add), key: `user${++phraseConfigs}` };
      compiledByConfig.set(add, compiled);
    }
    userPhrases = compiled.set;
    phrasesKey = compiled.key;
  }
  const disabledPhrases = new Set(options.phrases?.disable ?? []);
  if (disabledPhrases.size) phrasesKey += `-${JSON.stringify([...disabledPhrases].sort())}`;
  return { severities, configured, numbering: { ...GB_STYLE, ...options.numbering }, disabledPhrases, userPhrases, phrasesKey, maxLength: options.maxLength, requiredSections: options.requiredSections };
}
