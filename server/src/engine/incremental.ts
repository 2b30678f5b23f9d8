/**
 * Linting while the user types: rules whose findings on a line depend only on that line (meta.scope
 * 'line') are cached by line text, so an edit re-runs them on the changed lines only; every other rule
 * runs on the whole document as usual. The result equals a full lint (a property test checks this).
 */
import { ReportDocument } from './document';
import { collectFindings, runRule, type RuleFinding } from './index';
import { rules } from './rules';
import type { Finding, ResolvedOptions, Rule } from './types';

type Cached = Map<string, Finding[]>; // rule id → findings with offsets relative to the line start

const MAX_LINES_CACHED = 100_000;

export class IncrementalLinter {
  private cache = new Map<string, Cached>(); // line text → its line-local findings
  private context = '';

  /** Line texts held in the cache. */
  get cachedLines(): number {
    return this.cache.size;
  }

  findings(doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): RuleFinding[] {
    // Markdown code fences and HTML comments span lines: there every rule sees the whole text
    const eligible = doc.language !== 'markdown' && doc.text.indexOf('<!--') === -1;
    if (!eligible) return collectFindings(doc, resolved, (rule) => runRule(rule, doc, resolved, onRuleError));
    const enabled = rules.filter((r) => r.meta.scope === 'line' && resolved.severities.get(r.meta.id) !== 'off').map((r) => r.meta.id);
    const context = `${doc.language}|${doc.reportYear}|${resolved.phrasesKey}|${JSON.stringify(resolved.numbering)}|${enabled.join(',')}`;
    // old line versions pile up while typing: start afresh once there are many more than lines
    if (context !== this.context || this.cache.size > Math.min(MAX_LINES_CACHED, 2 * doc.lines.lineCount + 1000)) {
      this.cache.clear();
      this.context = context;
    }
    const local = new Map<string, Finding[]>(); // rule id → findings for this version
    const lines = doc.lines;
    const missing: number[] = [];
    for (let l = 0; l < lines.lineCount; l++) if (!this.cache.has(doc.lineText(l))) missing.push(l);
    const localRules = (rule: Rule) => rule.meta.scope === 'line' && resolved.severities.get(rule.meta.id) !== 'off';
    if (missing.length > lines.lineCount / 2) {
      // most lines are new (first lint, paste, big edit): lint them in place and fill the cache from the
      // result; the old entries go, so that no earlier version of the text stays referenced
      this.cache.clear();
      return collectFindings(doc, resolved, (rule) => {
        const found = runRule(rule, doc, resolved, onRuleError);
        if (localRules(rule)) this.store(doc, rule.meta.id, found);
        return found;
      });
    }
    for (const l of missing) this.lintLine(doc, l, resolved, onRuleError);
    for (let l = 0; l < lines.lineCount; l++) {
      const cached = this.cache.get(doc.lineText(l))!;
      const base = lines.lineStarts[l];
      for (const [id, list] of cached) {
        let bucket = local.get(id);
        if (!bucket) local.set(id, (bucket = []));
        for (const f of list) bucket.push(shift(f, base));
      }
    }
    return collectFindings(doc, resolved, (rule) => (localRules(rule) ? local.get(rule.meta.id) ?? [] : runRule(rule, doc, resolved, onRuleError)));
  }

  /** Lints one line on its own (with the report's year) and caches what the line-local rules find. */
  private lintLine(doc: ReportDocument, line: number, resolved: ResolvedOptions, onRuleError?: (id: string, err: unknown) => void): void {
    // a copy of the line, not a slice: a slice (and every finding taken from it) would keep this whole
    // version of the document alive in the cache
    const text = detach(doc.lineText(line));
    const piece = new ReportDocument(text, doc.language);
    piece.assumeReportYear(doc.reportYear);
    const entry: Cached = new Map();
    for (const rule of rules) {
      if (rule.meta.scope !== 'line' || resolved.severities.get(rule.meta.id) === 'off') continue;
      entry.set(rule.meta.id, runRule(rule, piece, resolved, onRuleError).map((f) => shift(f, 0)));
    }
    this.cache.set(text, entry);
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
      if (!entry) this.cache.set(detach(text), (entry = new Map()));
      if (!entry.has(id)) entry.set(id, byLine.get(l) ?? []);
    }
  }
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
