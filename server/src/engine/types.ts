/** Engine types. Plain data, no editor or protocol imports: offsets are UTF-16 code unit indexes into the text. */
import type { ReportDocument } from './document';

export type Category = 'placeholder' | 'numbering' | 'phrasing' | 'typo' | 'consistency';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown as the code action title (Chinese). */
  title: string;
  edits: TextEdit[];
  /** True when this is the one obvious fix (VS Code offers it first and for auto-fix). */
  preferred?: boolean;
  /** Safe to apply without looking (CLI --fix, fix-all). */
  safe?: boolean;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** Extra data a client feature may use (e.g. the placeholder's kind). */
  data?: Record<string, unknown>;
}

export interface RuleMeta {
  /** `<category>/<name>`: the diagnostic code. */
  id: string;
  category: Category;
  severity: Severity;
  /** One line, Chinese. */
  description: string;
  /** The check's short Chinese name, for titles such as 忽略此处的错别字检查. */
  name: string;
  /** The rule's name in English, for messages when the editor speaks English. */
  en: string;
  fixable: boolean;
  /**
   * 'line': what the rule finds on a line depends only on that line's text (and the options and report
   * year), so results can be reused for unchanged lines while the user types.
   */
  scope?: 'line';
  /** Longer explanation for the rule's documentation page (Markdown, Chinese). */
  details?: string;
  /** Examples for the documentation: flagged and not flagged. */
  examples?: { bad: string[]; good: string[] };
}

export interface RuleContext {
  options: ResolvedOptions;
}

export interface Rule {
  meta: RuleMeta;
  check(doc: ReportDocument, ctx: RuleContext): Finding[];
  /**
   * For a rule that is line-local in part (e.g. 的的 on a line) and document-wide in part (e.g. the
   * majority of % over ％): `check` is `line` then `rest`, and while the user types `line` is reused
   * for unchanged lines as a 'line' rule is. Made with `splitRule`.
   */
  parts?: { line: RuleCheck; rest: RuleCheck };
}

export type RuleCheck = (doc: ReportDocument, ctx: RuleContext) => Finding[];


export interface ResolvedOptions {
  /** Severity per rule id, after defaults and overrides; 'off' disables. */
  severities: Map<string, SeveritySetting>;
  /** Rule ids whose severity the user set (their findings all take that severity). */
  configured: Set<string>;
  /** Accepted heading number forms. */
  numbering: NumberingStyle;
  /** Built-in phrase entries the user turned off, by wrong form. */
  disabledPhrases: Set<string>;
  /** The user's own phrase entries, compiled once. */
  userPhrases?: import('./phrases').PhraseSet;
  /** Identifies the user phrase configuration (memo key for the phrase pass). */
  phrasesKey: string;
  /** 字数 above which consistency/length reports. */
  maxLength?: number;
  /** Parts each kind of report should carry, replacing the defaults per kind. */
  requiredSections?: Record<string, { name: string; keywords: string[] }[]>;
}

export interface NumberingStyle {
  level3: '1.' | '1．' | '1、';
  level4: '（1）' | '(1)';
}
