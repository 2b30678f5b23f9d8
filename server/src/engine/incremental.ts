/**
 * Linting while the user types: rules whose findings on a line depend only on that line (meta.scope
 * 'line') are cached by line text, so an edit re-runs them on the changed lines only; every other rule
 * runs on the whole document as usual. The result equals a full lint (a property test checks this).
 *
 * `lint` goes one step further for the language server: the diagnostics of an unchanged line are the
 * very objects published for it last time, so a keystroke allocates and converts only what it changed.
 */
import { ReportDocument } from './document';
import { collectFindings, publishedDiagnostic, runCheck, type PublishedDiagnostic, type PublishShape, type RuleFinding } from './index';
import { rules } from './rules';
import type { Finding, ResolvedOptions, Rule, RuleCheck, Severity } from './types';

/** One line-local finding, relative to its line, with the rule and severity it is published with. */
interface LineItem {
  finding: Finding; // offsets relative to the line start
  rule: Rule;
  order: number; // the rule's place in the registry: ties are broken in rule order, as in a full lint
  severity: Severity;
}

interface LineEntry {
  byRule: Map<string, Finding[]>;
  /** byRule flattened and sorted as a full lint sorts; made on first use. */
  items?: LineItem[];
  /** The diagnostics made for this text, by the line number they were made for (a text may stand on many lines). */
  shown?: Map<number, PublishedDiagnostic[]>;
}

/** What one lint of one version gives the language server. */
export interface LiveLint {
  /** Diagnostics to publish, in full-lint order, without `data`: fixes are asked for by line. */
  diagnostics: PublishedDiagnostic[];
  /** Every finding (with its fixes) that starts on a line in [first, last]. */
  findingsOnLines(first: number, last: number): RuleFinding[];
}

const MAX_LINES_CACHED = 100_000;
/** Line numbers one line text keeps diagnostics for (a text repeated on many lines, or moved often). */
const MAX_PLACEMENTS = 256;
const RULE_ORDER = new Map(rules.map((r, i) => [r.meta.id, i]));

export class IncrementalLinter {
  private cache = new Map<string, LineEntry>(); // line text → its line-local findings
  private context = '';

  /** Line texts held in the cache. */
  get cachedLines(): number {
    return this.cache.size;
  }

  /** Markdown code fences and HTML comments span lines: there every rule sees the whole text. */
  private static eligible(doc: ReportDocument): boolean {
    return doc.language !== 'markdown' && doc.text.indexOf('<!--') === -1;
  }

  findings(doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): RuleFinding[] {
    if (!IncrementalLinter.eligible(doc)) return collectFindings(doc, resolved, (rule) => runCheck(rule, rule.check, doc, resolved, onRuleError));
    this.fill(doc, resolved, 'zh', onRuleError);
    const local = new Map<string, Finding[]>(); // rule id → findings for this version
    const lines = doc.lines;
    for (let l = 0; l < lines.lineCount; l++) {
      const entry = this.cache.get(doc.lineText(l))!;
      const base = lines.lineStarts[l];
      for (const [id, list] of entry.byRule) {
        let bucket = local.get(id);
        if (!bucket) local.set(id, (bucket = []));
        for (const f of list) bucket.push(shift(f, base));
      }
    }
    return collectFindings(doc, resolved, (rule) => {
      const rest = wholePart(rule);
      const cached = local.get(rule.meta.id) ?? [];
      return rest ? [...cached, ...runCheck(rule, rest, doc, resolved, onRuleError)] : cached;
    });
  }

  /** Diagnostics of this version for the language server, and its findings by line for code actions. */
  lint(doc: ReportDocument, resolved: ResolvedOptions, shape: PublishShape, onRuleError?: (id: string, err: unknown) => void): LiveLint {
    const publish = (f: RuleFinding) => publishedDiagnostic(doc.lines.range(f.start, f.end), f, () => doc.text.slice(f.start, f.end), shape);
    if (!IncrementalLinter.eligible(doc)) {
      const all = collectFindings(doc, resolved, (rule) => runCheck(rule, rule.check, doc, resolved, onRuleError));
      return {
        diagnostics: all.map(publish),
        findingsOnLines: (first, last) => all.filter((f) => inLines(doc, f.start, first, last)),
      };
    }
    this.fill(doc, resolved, `${shape.locale}${shape.compact ? '-compact' : ''}`, onRuleError);
    // the document-wide rules and parts, tagged and sorted as a full lint does
    const whole = collectFindings(doc, resolved, (rule) => {
      const rest = wholePart(rule);
      return rest ? runCheck(rule, rest, doc, resolved, onRuleError) : [];
    });
    const out: PublishedDiagnostic[] = [];
    const lines = doc.lines;
    let k = 0;
    for (let l = 0; l < lines.lineCount; l++) {
      const text = doc.lineText(l);
      const entry = this.cache.get(text)!;
      const items = this.itemsOf(entry, resolved);
      if (!items.length) continue;
      const shown = this.shownOn(entry, items, l, text, shape);
      const base = lines.lineStarts[l];
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        const start = base + it.finding.start;
        const end = base + it.finding.end;
        for (; k < whole.length; k++) {
          const w = whole[k];
          // at equal spans: rule order, and a rule's line part before its document part
          if (w.start > start || (w.start === start && (w.end > end || (w.end === end && RULE_ORDER.get(w.rule.meta.id)! >= it.order)))) break;
          out.push(publish(w));
        }
        out.push(shown[i]);
      }
    }
    for (; k < whole.length; k++) out.push(publish(whole[k]));
    return {
      diagnostics: out,
      findingsOnLines: (first, last) => {
        const found: RuleFinding[] = [];
        for (let l = Math.max(0, first); l <= Math.min(last, lines.lineCount - 1); l++) {
          const entry = this.cache.get(doc.lineText(l)) ?? this.lintLine(doc, l, resolved, onRuleError);
          for (const it of this.itemsOf(entry, resolved)) found.push({ ...shift(it.finding, lines.lineStarts[l]), rule: it.rule, severity: it.severity });
        }
        for (const w of whole) if (inLines(doc, w.start, first, last)) found.push(w);
        return found.sort((a, b) => a.start - b.start || a.end - b.end);
      },
    };
  }

  /** Makes sure every line of `doc` is in the cache, for these options. */
  private fill(doc: ReportDocument, resolved: ResolvedOptions, shape: string, onRuleError?: (id: string, err: unknown) => void): void {
    const enabled = rules.filter((r) => linePart(r, resolved)).map((r) => `${r.meta.id}=${resolved.configured.has(r.meta.id) ? resolved.severities.get(r.meta.id) : ''}`);
    const context = `${doc.language}|${doc.reportYear}|${shape}|${resolved.phrasesKey}|${JSON.stringify(resolved.numbering)}|${enabled.join(',')}`;
    // old line versions pile up while typing: start afresh once there are many more than lines
    if (context !== this.context || this.cache.size > Math.min(MAX_LINES_CACHED, 2 * doc.lines.lineCount + 1000)) {
      this.cache.clear();
      this.context = context;
    }
    const lines = doc.lines;
    const missing: number[] = [];
    for (let l = 0; l < lines.lineCount; l++) if (!this.cache.has(doc.lineText(l))) missing.push(l);
    if (missing.length > lines.lineCount / 2) {
      // most lines are new (first lint, paste, big edit): lint the whole text at once and split the
      // result by line; the old entries go, so that no earlier version of the text stays referenced
      this.cache.clear();
      for (const rule of rules) {
        const part = linePart(rule, resolved);
        if (part) this.store(doc, rule.meta.id, runCheck(rule, part, doc, resolved, onRuleError));
      }
      return;
    }
    for (const l of missing) this.lintLine(doc, l, resolved, onRuleError);
  }

  /** Lints one line on its own (with the report's year) and caches what the line-local rules find. */
  private lintLine(doc: ReportDocument, line: number, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): LineEntry {
    // a copy of the line, not a slice: a slice (and every finding taken from it) would keep this whole
    // version of the document alive in the cache
    const text = detach(doc.lineText(line));
    const piece = new ReportDocument(text, doc.language);
    piece.assumeReportYear(doc.reportYear);
    const entry: LineEntry = { byRule: new Map() };
    for (const rule of rules) {
      const part = linePart(rule, resolved);
      if (part) entry.byRule.set(rule.meta.id, runCheck(rule, part, piece, resolved, onRuleError).map((f) => shift(f, 0)));
    }
    this.cache.set(text, entry);
    return entry;
  }

  /** Splits a whole-document rule result into per-line cache entries. */
  private store(doc: ReportDocument, id: string, found: Finding[]): void {
    const byLine = new Map<number, Finding[]>();
    for (const f of found) {
      const l = doc.lines.lineAt(f.start);
      let list = byLine.get(l);
      if (!list) byLine.set(l, (list = []));
      list.push(shift(f, -doc.lines.lineStarts[l]));
    }
    for (let l = 0; l < doc.lines.lineCount; l++) {
      const text = doc.lineText(l);
      let entry = this.cache.get(text);
      if (!entry) this.cache.set(detach(text), (entry = { byRule: new Map() }));
      if (!entry.byRule.has(id)) entry.byRule.set(id, byLine.get(l) ?? []);
    }
  }

  private itemsOf(entry: LineEntry, resolved: ResolvedOptions): LineItem[] {
    if (entry.items) return entry.items;
    const items: LineItem[] = [];
    for (const rule of rules) {
      const list = entry.byRule.get(rule.meta.id);
      if (!list?.length) continue;
      const setting = resolved.severities.get(rule.meta.id) as Severity;
      const configured = resolved.configured.has(rule.meta.id);
      for (const f of list) items.push({ finding: f, rule, order: RULE_ORDER.get(rule.meta.id)!, severity: configured ? setting : f.severity ?? setting });
    }
    // stable: equal spans keep rule order, then the rule's own order
    return (entry.items = items.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end));
  }

  /** The diagnostics of a cached line standing on line `line`: the same objects as last time if it has not moved. */
  private shownOn(entry: LineEntry, items: LineItem[], line: number, text: string, shape: PublishShape): PublishedDiagnostic[] {
    const shown = (entry.shown ??= new Map());
    const made = shown.get(line);
    if (made) return made;
    const diagnostics = items.map((it) => {
      const f = it.finding;
      const range = { start: { line, character: f.start }, end: { line, character: f.end } };
      return publishedDiagnostic(range, { ...f, rule: it.rule, severity: it.severity }, () => text.slice(f.start, f.end), shape);
    });
    // lines below an inserted line break move, and leave their old placements behind: bounded
    if (shown.size >= MAX_PLACEMENTS) shown.clear();
    shown.set(line, diagnostics);
    return diagnostics;
  }
}

/** What of an enabled rule depends on a line's text alone: a 'line' rule, or a split rule's line part. */
function linePart(rule: Rule, resolved: ResolvedOptions): RuleCheck | undefined {
  if (resolved.severities.get(rule.meta.id) === 'off') return undefined;
  return rule.meta.scope === 'line' ? rule.check : rule.parts?.line;
}

/** What of a rule runs on the whole document each time. */
function wholePart(rule: Rule): RuleCheck | undefined {
  return rule.meta.scope === 'line' ? undefined : rule.parts ? rule.parts.rest : rule.check;
}

function inLines(doc: ReportDocument, offset: number, first: number, last: number): boolean {
  const l = doc.lines.lineAt(offset);
  return l >= first && l <= last;
}

/** A string that owns its characters (engines keep substrings as views of the string they came from). */
function detach(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** A copy of an untagged finding moved by `delta` (its fixes too). */
function shift(f: Finding, delta: number): Finding {
  const copy: Finding = { start: f.start + delta, end: f.end + delta, message: f.message };
  if (f.severity) copy.severity = f.severity;
  if (f.data) copy.data = f.data;
  if (f.fixes) copy.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ start: e.start + delta, end: e.end + delta, newText: e.newText })) }));
  return copy;
}
