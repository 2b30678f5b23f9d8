/**
 * The Node API: lint, outline, folding and fix over the one parse. Used by the language server, the CLI
 * and anyone who `require`s dist/engine.js.
 */
import { ReportDocument, type DocumentLanguage, type Unchanged } from './document';
import { rules, rulesById } from './rules';
import { resolveOptions, validateOptions, type LintOptions } from './config';
import { documentSymbols, foldingRanges as computeFolding } from './outline';
import { isMostlyChinese } from './chars';
import { suppressions } from './suppressions';
import type { Finding, ResolvedOptions, Rule, RuleCheck, RuleMeta, Severity } from './types';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticFix, type DocumentSymbol, type FoldingRange } from './lsp-types';

export { ReportDocument, validateOptions, resolveOptions, isMostlyChinese, rules };
export { parseConfigFile, mergeOptions, CONFIG_FILE_NAME, type ConfigFileProblem } from './config-file';
export { countEntries } from './phrases';
export { countCharacters } from './metrics';
export { fairShares, IncrementalLinter, type LiveLint, type Segment } from './incremental';
export { decodeReport } from './decode';
export { disableNextLineComment } from './suppressions';
export { selectionSpans, sectionOf, sectionFigures, estimatePages, CHARS_PER_PAGE } from './navigation';
export { renderPreview, renderPaged, printableHtml, previewCss, linesOfSource, type PreviewMark, type PreviewModel } from './preview';
export { pageStarts, pageOfLine, paginate, pagedOf, breakLines, type PagedReport, type PageLine, type Piece } from './paged';
export { completeFormulation, formulations } from './completion';
export { LineIndex } from './positions';
export { documentSymbols, foldingRanges as foldingRangesOf } from './outline';
export { placeholderSpans, qualifierAfter, fillAllEdits, PLACEHOLDER_RULES } from './placeholders';
export type { Unchanged, LintOptions, Diagnostic, DiagnosticFix, DocumentSymbol, FoldingRange, RuleMeta, DocumentLanguage };

/** The rule pages of the project's repository: the links of a Node API user who sets no other base. */
export const DOCS_BASE: string = 'https://github.com/gongwen/gongwen/blob/main/docs/rules/';

let docsBase = DOCS_BASE;
/**
 * Where the rule pages are, as a URI prefix ending in `/`: the language server and the CLI point it at the
 * pages installed with them (docs/rules/ beside dist/), so every link opens a page that exists.
 */
export function setDocsBase(base: string): void {
  docsBase = base.endsWith('/') ? base : `${base}/`;
  docLinks.clear();
}
export function getDocsBase(): string {
  return docsBase;
}

export function ruleDocUrl(id: string): string {
  return `${docsBase}${id}.md`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface RuleFinding extends Finding {
  rule: Rule;
  severity: Severity;
}

/** Runs every enabled rule on a parsed document. A rule that throws is skipped, never the whole lint. */
export function findings(doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): RuleFinding[] {
  return collectFindings(doc, resolved, (rule) => runRule(rule, doc, resolved, onRuleError));
}

export function runRule(rule: Rule, doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): Finding[] {
  return runCheck(rule, rule.check, doc, resolved, onRuleError);
}

/** Runs a rule's check, or one of its parts. A part that throws gives nothing and reports the error. */
export function runCheck(rule: Rule, check: RuleCheck, doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): Finding[] {
  try {
    return check.call(rule, doc, { options: resolved });
  } catch (err) {
    onRuleError?.(rule.meta.id, err);
    return [];
  }
}

/** Every enabled rule's findings (from `produce`), with severities applied, in order, suppressions removed. */
export function collectFindings(doc: ReportDocument, resolved: ResolvedOptions, produce: (rule: Rule) => Finding[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const rule of rules) {
    const setting = resolved.severities.get(rule.meta.id) ?? rule.meta.severity;
    if (setting === 'off') continue;
    // a configured severity wins; otherwise a finding may carry its own (e.g. an information-level case)
    const configured = resolved.configured.has(rule.meta.id);
    for (const f of produce(rule) as RuleFinding[]) {
      // the rule's finding objects are fresh: tag them in place rather than copying thousands of them
      f.rule = rule;
      f.severity = configured ? (setting as Severity) : (f.severity ?? (setting as Severity));
      out.push(f);
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const suppressed = suppressions(doc);
  return suppressed ? out.filter((f) => !suppressed(doc.lines.lineAt(f.start), f.rule.meta.id)) : out;
}

/** Message language: Chinese by default; English when the editor's display language is English. */
export type MessageLocale = 'zh' | 'en';

export function localeOf(tag: string | undefined): MessageLocale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh';
}

/** The English message of a finding; `span` is the text it covers. */
export function englishMessage(span: string, f: RuleFinding): string {
  const fix = f.fixes?.[0];
  const replacement = fix && fix.edits.length === 1 && fix.edits[0].start === f.start && fix.edits[0].end === f.end ? fix.edits[0].newText : undefined;
  const shown = span.length > 40 ? `${span.slice(0, 40)}…` : span;
  return `${f.rule.meta.en}: “${shown}”${replacement !== undefined ? (replacement ? ` → “${replacement}”` : ' (delete it)') : ''}. (${f.message})`;
}

/** Rule id → its documentation link, made once per rule (every diagnostic of the rule shares it). */
const docLinks = new Map<string, { href: string }>();

export function docLink(id: string): { href: string } {
  let link = docLinks.get(id);
  if (!link) docLinks.set(id, (link = { href: ruleDocUrl(id) }));
  return link;
}

/**
 * A finding as an LSP diagnostic. With `withData` false it carries no `data` (neither fixes nor the
 * placeholder): the language server publishes it so, and answers code actions from its own findings.
 */
export function toDiagnostic(doc: ReportDocument, f: RuleFinding, locale: MessageLocale = 'zh', withData = true): Diagnostic {
  const d: Diagnostic = {
    range: doc.lines.range(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.rule.meta.id,
    codeDescription: docLink(f.rule.meta.id),
    source: 'gongwen',
    message: locale === 'en' ? englishMessage(doc.text.slice(f.start, f.end), f) : f.message,
  };
  if (!withData) return d;
  const fixes = f.fixes?.length ? fixesOf(doc, f) : undefined;
  if (fixes) d.data = f.data ? { ...f.data, fixes } : { fixes };
  else if (f.data) d.data = { ...f.data };
  return d;
}

/** How the language server publishes diagnostics: the message language, and whether to leave out what the client fills in. */
export interface PublishShape {
  locale: MessageLocale;
  /** Diagnostics made at most (the first ones in document order); the rest are only counted. */
  limit?: number;
  /**
   * Leave out `source` and `codeDescription`, the same on every diagnostic of a rule: a client that says
   * it adds them back (gongwen's own) receives about 40% fewer bytes on every keystroke.
   */
  compact?: boolean;
}

/** A diagnostic as published: no `data`; without `source` and `codeDescription` when compact. */
export type PublishedDiagnostic = Omit<Diagnostic, 'source' | 'codeDescription' | 'data'> & Partial<Pick<Diagnostic, 'source' | 'codeDescription'>>;

/** A finding (at `range`, covering the text `span`) as published. */
export function publishedDiagnostic(range: Diagnostic['range'], f: RuleFinding, span: () => string, shape: PublishShape): PublishedDiagnostic {
  const id = f.rule.meta.id;
  const message = shape.locale === 'en' ? englishMessage(span(), f) : f.message;
  if (shape.compact) return { range, severity: SEVERITY[f.severity], code: id, message };
  return { range, severity: SEVERITY[f.severity], code: id, codeDescription: docLink(id), source: 'gongwen', message };
}

/** A finding's fixes with LSP ranges. */
export function fixesOf(doc: ReportDocument, f: Finding): DiagnosticFix[] {
  return (f.fixes ?? []).map((x) => {
    const fix: DiagnosticFix = { title: x.title, edits: x.edits.map((e) => ({ range: doc.lines.range(e.start, e.end), newText: e.newText })) };
    if (x.preferred) fix.isPreferred = true;
    if (x.safe) fix.safe = true;
    return fix;
  });
}

/** The LSP severity of a finding's severity. */
export function lspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

/** Parses a text; given the parse of the previous version, only the lines that changed are parsed again. */
export function parse(text: string, language: DocumentLanguage = 'gongwen', previous?: ReportDocument, unchanged?: Unchanged): ReportDocument {
  return new ReportDocument(text, language, previous, unchanged);
}

/** Lints a text. Options are validated: invalid entries are ignored (see validateOptions for the messages). */
export function lint(text: string, options?: LintOptions & { locale?: string }): Diagnostic[] {
  const { options: valid } = validateOptions(options ?? {});
  const doc = parse(text, valid.language);
  return lintDocument(doc, resolveOptions(valid), localeOf(options?.locale));
}

export function lintDocument(doc: ReportDocument, resolved: ResolvedOptions, locale: MessageLocale = 'zh'): Diagnostic[] {
  return findings(doc, resolved).map((f) => toDiagnostic(doc, f, locale));
}

export function outline(text: string, language?: DocumentLanguage): DocumentSymbol[] {
  return documentSymbols(parse(text, language));
}

export function foldingRanges(text: string, language?: DocumentLanguage): FoldingRange[] {
  return computeFolding(parse(text, language));
}

export interface FixResult {
  output: string;
  /** Number of fixes applied. */
  applied: number;
}

/**
 * Applies every safe fix (the first safe fix of each finding), skipping ones that overlap an earlier one,
 * and repeats until nothing changes, so fixing twice equals fixing once.
 */
export function fix(text: string, options?: LintOptions): FixResult {
  const { options: valid } = validateOptions(options ?? {});
  return fixText(text, resolveOptions(valid), valid.language);
}

export function fixText(text: string, resolved: ResolvedOptions, language?: DocumentLanguage): FixResult {
  let output = text;
  let applied = 0;
  for (let pass = 0; pass < 8; pass++) {
    const doc = parse(output, language);
    const edits = collectSafeEdits(findings(doc, resolved));
    if (!edits.length) break;
    output = applyEdits(output, edits);
    applied += edits.length;
  }
  return { output, applied };
}

function collectSafeEdits(found: RuleFinding[]) {
  const chosen: { start: number; end: number; newText: string }[][] = [];
  for (const f of found) {
    const fx = f.fixes?.find((x) => x.safe);
    if (fx) chosen.push(fx.edits);
  }
  // keep whole fixes whose edits overlap no edit already kept; the kept edits stay sorted and disjoint,
  // so each check looks at the few kept edits around it, not at all of them
  type Edit = { start: number; end: number; newText: string };
  const kept: Edit[] = [];
  const overlaps = (a: Edit, b: Edit) =>
    a.start < b.end && b.start < a.end || (a.start === a.end && a.start === b.start) || (b.start === b.end && b.start === a.start);
  /** The index of the first kept edit that starts after `offset` (or at it, when `at` is set). */
  const firstAfter = (offset: number, at: boolean) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start > offset || (at && kept[mid].start === offset)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const clashes = (e: Edit) => {
    // kept edits starting before e ends (at its position too, when e inserts), nearest first, while they reach e
    for (let j = firstAfter(e.end, e.start !== e.end) - 1; j >= 0 && kept[j].end >= e.start; j--) if (overlaps(e, kept[j])) return true;
    return false;
  };
  for (const edits of chosen) {
    if (edits.some(clashes)) continue;
    for (const e of edits) kept.splice(firstAfter(e.start, false), 0, e);
  }
  return kept;
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // never split a surrogate pair or a \r\n
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  while (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

/**
 * Small edits that turn `before` into `after`: one per changed line where both have the same lines (the
 * usual result of fixes, which rarely add or remove a line break), else the one smallest edit.
 */
export function minimalEdits(before: string, after: string): { start: number; end: number; newText: string }[] {
  if (before === after) return [];
  const lines = (t: string) => {
    const starts = [0];
    const re = /\r\n|\r|\n/g;
    for (let m; (m = re.exec(t)); ) starts.push(m.index + m[0].length);
    return starts;
  };
  const a = lines(before);
  const b = lines(after);
  if (a.length !== b.length) return [minimalEdit(before, after)!];
  const out: { start: number; end: number; newText: string }[] = [];
  for (let l = 0; l < a.length; l++) {
    const x = before.slice(a[l], l + 1 < a.length ? a[l + 1] : before.length);
    const y = after.slice(b[l], l + 1 < b.length ? b[l + 1] : after.length);
    if (x === y) continue;
    const e = minimalEdit(x, y)!;
    out.push({ start: a[l] + e.start, end: a[l] + e.end, newText: e.newText });
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Applies non-overlapping edits (offsets into `text`). */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export function listRules(): RuleMeta[] {
  return rules.map((r) => r.meta);
}

export function getRule(id: string): Rule | undefined {
  return rulesById.get(id);
}
