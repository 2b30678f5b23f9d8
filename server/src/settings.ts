/** The `gongwen.*` settings as the server receives them, validated into engine options. */
import { validateOptions, type LintOptions } from './engine';

export type OtherLanguages = 'auto' | 'always' | 'never';

export interface ServerSettings {
  enable: boolean;
  otherLanguages: OtherLanguages;
  lint: LintOptions;
  /** Documents larger than this many UTF-8 bytes are not linted (default 20 MB). */
  maxFileSize: number;
  /** Diagnostics published per document at most (the rest are counted in a note). */
  maxProblems: number;
  /** CodeLens above each 一、 section with its 字数 and findings. */
  codeLens: boolean;
  /** Language of diagnostic messages: follow VS Code, or fixed. */
  messageLanguage: 'auto' | 'zh-cn' | 'en';
  /** Messages about invalid settings, shown once to the user. */
  problems: string[];
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;
export const DEFAULT_MAX_PROBLEMS = 1000;
export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  otherLanguages: 'auto',
  lint: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  maxProblems: DEFAULT_MAX_PROBLEMS,
  codeLens: true,
  messageLanguage: 'zh-cn',
  problems: [],
};

export function readSettings(raw: unknown): ServerSettings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ...DEFAULT_SETTINGS, problems: ['gongwen 设置应为一个对象，已使用默认设置。'] };
  }
  const obj = raw as Record<string, unknown>;
  const problems: string[] = [];
  let enable = true;
  if (obj.enable !== undefined) {
    if (typeof obj.enable === 'boolean') enable = obj.enable;
    else problems.push('gongwen.enable 应为 true 或 false，已使用默认值 true。');
  }
  let otherLanguages: OtherLanguages = 'auto';
  if (obj.otherLanguages !== undefined) {
    if (obj.otherLanguages === 'auto' || obj.otherLanguages === 'always' || obj.otherLanguages === 'never') otherLanguages = obj.otherLanguages;
    else problems.push('gongwen.otherLanguages 应为 auto、always 或 never，已使用默认值 auto。');
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize === 'number' && obj.maxFileSize > 0 && Number.isFinite(obj.maxFileSize)) maxFileSize = obj.maxFileSize * 1024 * 1024;
    else problems.push(`gongwen.maxFileSize 应为正数（单位 MB），已使用默认值 ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024}。`);
  }
  let maxProblems = DEFAULT_MAX_PROBLEMS;
  if (obj.maxProblems !== undefined) {
    if (typeof obj.maxProblems === 'number' && Number.isInteger(obj.maxProblems) && obj.maxProblems > 0) maxProblems = obj.maxProblems;
    else problems.push(`gongwen.maxProblems 应为正整数，已使用默认值 ${DEFAULT_MAX_PROBLEMS}。`);
  }
  const codeLens = obj.codeLens === undefined ? true : obj.codeLens !== false;
  let messageLanguage: ServerSettings['messageLanguage'] = 'zh-cn';
  if (obj.messageLanguage !== undefined) {
    if (obj.messageLanguage === 'auto' || obj.messageLanguage === 'zh-cn' || obj.messageLanguage === 'en') messageLanguage = obj.messageLanguage;
    else problems.push('gongwen.messageLanguage 应为 auto、zh-cn 或 en，已使用默认值 zh-cn。');
  }
  const { options, problems: optionProblems } = validateOptions({ rules: obj.rules, numbering: obj.numbering, phrases: obj.phrases, maxLength: obj.maxLength, requiredSections: obj.requiredSections, export: obj.export });
  for (const p of optionProblems) problems.push(`gongwen.${p.path}：${p.message}`);
  return { enable, otherLanguages, lint: options, maxFileSize, maxProblems, codeLens, messageLanguage, problems };
}
