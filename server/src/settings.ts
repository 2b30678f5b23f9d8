/** The `gongwen.*` settings as the server receives them, validated into engine options. */
import { validateOptions, type LintOptions } from './engine';

export type OtherLanguages = 'auto' | 'always' | 'never';

export interface ServerSettings {
  enable: boolean;
  otherLanguages: OtherLanguages;
  lint: LintOptions;
  /** Messages about invalid settings, shown once to the user. */
  problems: string[];
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, otherLanguages: 'auto', lint: {}, problems: [] };

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
  const { options, problems: optionProblems } = validateOptions({ rules: obj.rules, numbering: obj.numbering, phrases: obj.phrases, maxLength: obj.maxLength });
  for (const p of optionProblems) problems.push(`gongwen.${p.path}：${p.message}`);
  return { enable, otherLanguages, lint: options, problems };
}
