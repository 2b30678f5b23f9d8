/**
 * Options: per-rule severity overrides, validated once with messages a user can act on.
 * Unknown or malformed entries are reported and skipped; the rest still applies.
 */
import type { Category, NumberingStyle, ResolvedOptions, SeveritySetting } from './types';
import { rules, rulesById } from './rules';
import { GB_STYLE } from './numbering';

export interface LintOptions {
  /** `{ "placeholder/latin-x": "warning", "phrasing": "off" }`: a rule id or a whole category. */
  rules?: Record<string, SeveritySetting>;
  /** Language of the document; Markdown syntax is then kept out of the rules' way. */
  language?: 'gongwen' | 'plaintext' | 'markdown';
  /** House style for heading numbers where it differs from GB/T 9704: `{ "level3": "1、" }`. */
  numbering?: Partial<NumberingStyle>;
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
  if (obj.language !== undefined) {
    if (obj.language === 'gongwen' || obj.language === 'plaintext' || obj.language === 'markdown') options.language = obj.language;
    else problems.push({ path: 'language', message: '“language”应为 gongwen、plaintext 或 markdown。' });
  }
  return { options, problems };
}

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
  return { severities, configured, numbering: { ...GB_STYLE, ...options.numbering } };
}
