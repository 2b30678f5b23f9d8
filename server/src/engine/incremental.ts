/**
 * Linting while the user types: rules whose findings on a line depend only on that line (meta.scope
 * 'line', and the line part of split rules) are cached by line text, so an edit re-runs them on the
 * changed lines only; the rest runs on the whole document as usual. The result equals a full lint
 * (property tests check this).
 *
 * `lint` goes one step further for the language server: the diagnostics of an unchanged line are the
 * very objects published for it last time, so a keystroke allocates and converts only what it changed.
 * `lintInSlices` does the same work in slices, so that a server can answer other requests in between.
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
  /** Lines of the latest version showing this text. */
  uses: number;
  usesIn: number; // the version `uses` counts for
}

/** A diagnostic, or a run of them that is the same array from one version to the next (an unchanged line's). */
export type Segment = PublishedDiagnostic | PublishedDiagnostic[];

/** What one lint of one version gives the language server. */
export interface LiveLint {
  /** Diagnostics to publish, in full-lint order, without `data`: fixes are asked for by line. At most `limit`. */
  diagnostics: PublishedDiagnostic[];
  /** `diagnostics` again, in runs: what a serializer can cache (each run's text) from one version to the next. */
  segments: Segment[];
  /** Findings by rule id, all of them (also those past the limit). */
  counts: Map<string, number>;
  /** Every finding (with its fixes) that starts on a line in [first, last]. */
  findingsOnLines(first: number, last: number): RuleFinding[];
}

/** How `lintInSlices` shares the thread: `pause` between slices, and gives up once `cancelled`. */
export interface Slicing {
  pause(): Promise<void>;
  cancelled(): boolean;
}

const MAX_LINES_CACHED = 100_000;
/** Code units of missing lines linted in one go (one slice of `lintInSlices`). */
const SLICE = 200_000;
const RULE_ORDER = new Map(rules.map((r, i) => [r.meta.id, i]));
const NONE: PublishedDiagnostic[] = [];

type OnRuleError = (id: string, err: unknown) => void;

export class IncrementalLinter {
  private cache = new Map<string, LineEntry>(); // line text → its line-local findings
  private context = '';
  /** The entry of each line of the version linted last, to carry over to the next without a lookup. */
  private entries: LineEntry[] = [];
  private entriesOf = -1; // the id of that version's parse

  /** Line texts held in the cache. */
  get cachedLines(): number {
    return this.cache.size;
  }

  /** Markdown code fences and HTML comments span lines: there every rule sees the whole text. */
  private static eligible(doc: ReportDocument): boolean {
    return doc.language !== 'markdown' && doc.text.indexOf('<!--') === -1;
  }

  findings(doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: OnRuleError): RuleFinding[] {
    if (!IncrementalLinter.eligible(doc)) return collectFindings(doc, resolved, (rule) => runCheck(rule, rule.check, doc, resolved, onRuleError));
    const entries = drain(this.fill(doc, resolved, 'zh', onRuleError));
    const local = new Map<string, Finding[]>(); // rule id → findings for this version
    const lines = doc.lines;
    for (let l = 0; l < lines.lineCount; l++) {
      const base = lines.lineStarts[l];
      for (const [id, list] of entries[l].byRule) {
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
  lint(doc: ReportDocument, resolved: ResolvedOptions, shape: PublishShape, onRuleError?: OnRuleError): LiveLint {
    return drain(this.steps(doc, resolved, shape, onRuleError));
  }

  /**
   * `lint` in slices of about SLICE code units of changed lines, pausing between them; undefined if
   * cancelled (what was linted stays cached for the next version).
   */
  async lintInSlices(doc: ReportDocument, resolved: ResolvedOptions, shape: PublishShape, slicing: Slicing, onRuleError?: OnRuleError): Promise<LiveLint | undefined> {
    const run = this.steps(doc, resolved, shape, onRuleError);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
      await slicing.pause();
      if (slicing.cancelled()) return undefined;
    }
  }

  private *steps(doc: ReportDocument, resolved: ResolvedOptions, shape: PublishShape, onRuleError?: OnRuleError): Generator<void, LiveLint> {
    const publish = (f: RuleFinding) => publishedDiagnostic(doc.lines.range(f.start, f.end), f, () => doc.text.slice(f.start, f.end), shape);
    const limit = shape.limit ?? Infinity;
    const counts = new Map<string, number>();
    const count = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!IncrementalLinter.eligible(doc)) {
      const all = collectFindings(doc, resolved, (rule) => runCheck(rule, rule.check, doc, resolved, onRuleError));
      for (const f of all) count(f.rule.meta.id);
      const diagnostics = all.slice(0, limit).map(publish);
      return {
        diagnostics,
        segments: diagnostics,
        counts,
        findingsOnLines: (first, last) => all.filter((f) => inLines(doc, f.start, first, last)),
      };
    }
    const entries = yield* this.fill(doc, resolved, `${shape.locale}${shape.compact ? '-compact' : ''}`, onRuleError);
    // the document-wide rules and parts, one at a time, then tagged and sorted as a full lint does
    const found = new Map<Rule, Finding[]>();
    for (const rule of rules) {
      const rest = wholePart(rule);
      if (!rest || resolved.severities.get(rule.meta.id) === 'off') continue;
      yield;
      found.set(rule, runCheck(rule, rest, doc, resolved, onRuleError));
    }
    const whole = collectFindings(doc, resolved, (rule) => found.get(rule) ?? []);
    for (const w of whole) count(w.rule.meta.id);
    const out: PublishedDiagnostic[] = [];
    const segments: Segment[] = [];
    const lines = doc.lines;
    let k = 0;
    const emit = (d: PublishedDiagnostic) => {
      out.push(d);
      segments.push(d);
    };
    for (let l = 0; l < lines.lineCount; l++) {
      const entry = entries[l];
      const items = this.itemsOf(entry, resolved);
      if (!items.length) continue;
      for (const it of items) count(it.rule.meta.id);
      if (out.length >= limit) continue; // past the limit: counted, not made
      const shown = this.shownOn(entry, items, l, () => doc.lineText(l), shape);
      const base = lines.lineStarts[l];
      // the document-wide diagnostics before each of the line's (found as a full lint orders them)
      const before: PublishedDiagnostic[][] = [];
      let interleaved = false;
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        const start = base + it.finding.start;
        const end = base + it.finding.end;
        let here: PublishedDiagnostic[] | undefined;
        for (; k < whole.length; k++) {
          const w = whole[k];
          // at equal spans: rule order, and a rule's line part before its document part
          if (w.start > start || (w.start === start && (w.end > end || (w.end === end && RULE_ORDER.get(w.rule.meta.id)! >= it.order)))) break;
          (here ??= []).push(publish(w));
        }
        if (i > 0 && here) interleaved = true;
        before.push(here ?? NONE);
      }
      // the line's diagnostics go out as one run (the same array as last time), unless others fall among them
      for (let i = 0; i < items.length; i++) {
        for (const d of before[i]) emit(d);
        if (interleaved) emit(shown[i]);
        else out.push(shown[i]);
      }
      if (!interleaved) segments.push(shown);
    }
    for (; k < whole.length && out.length < limit; k++) emit(publish(whole[k]));
    if (out.length > limit) {
      out.length = limit;
      truncate(segments, limit);
    }
    return {
      diagnostics: out,
      segments,
      counts,
      findingsOnLines: (first, last) => {
        const found: RuleFinding[] = [];
        for (let l = Math.max(0, first); l <= Math.min(last, lines.lineCount - 1); l++) {
          for (const it of this.itemsOf(entries[l], resolved)) found.push({ ...shift(it.finding, lines.lineStarts[l]), rule: it.rule, severity: it.severity });
        }
        for (const w of whole) if (inLines(doc, w.start, first, last)) found.push(w);
        return found.sort((a, b) => a.start - b.start || a.end - b.end);
      },
    };
  }

  /**
   * The cache entry of every line of `doc`, linting the lines not cached yet (a slice at a time,
   * yielding after each). Lines carried over from the version linted last need no lookup.
   */
  private *fill(doc: ReportDocument, resolved: ResolvedOptions, shape: string, onRuleError?: OnRuleError): Generator<void, LineEntry[]> {
    const enabled = rules.filter((r) => linePart(r, resolved)).map((r) => `${r.meta.id}=${resolved.configured.has(r.meta.id) ? resolved.severities.get(r.meta.id) : ''}`);
    const context = `${doc.language}|${doc.reportYear}|${shape}|${resolved.phrasesKey}|${JSON.stringify(resolved.numbering)}|${enabled.join(',')}`;
    if (context !== this.context) {
      this.cache.clear();
      this.entries = [];
      this.entriesOf = -1;
      this.context = context;
    }
    // old line versions pile up while typing: start afresh once there are many more than lines (the
    // entries of the last version stay in use through this.entries)
    if (this.cache.size > Math.min(MAX_LINES_CACHED, 2 * doc.lines.lineCount + 1000)) this.cache.clear();
    const lines = doc.lines;
    const n = lines.lineCount;
    const entries: LineEntry[] = new Array(n);
    const d = doc.derivation;
    if (d && d.fromId === this.entriesOf) {
      for (let l = 0; l < d.first; l++) entries[l] = this.entries[l];
      for (let l = d.movedTo; l < n; l++) entries[l] = this.entries[l - d.movedTo + d.movedFrom];
    }
    const missing: number[] = [];
    for (let l = 0; l < n; l++) {
      if (entries[l]) continue;
      const cached = this.cache.get(doc.lineText(l));
      if (cached) entries[l] = cached;
      else missing.push(l);
    }
    // runs of consecutive missing lines, linted a slice at a time as one piece of text
    for (let i = 0; i < missing.length; ) {
      let j = i;
      while (j + 1 < missing.length && missing[j + 1] === missing[j] + 1 && lines.lineEnds[missing[j + 1]] - lines.lineStarts[missing[i]] <= SLICE) j++;
      this.lintLines(doc, missing[i], missing[j], entries, resolved, onRuleError);
      i = j + 1;
      if (i < missing.length) yield;
    }
    for (let l = 0; l < n; l++) {
      const e = entries[l];
      if (e.usesIn !== doc.id) {
        e.usesIn = doc.id;
        e.uses = 0;
      }
      e.uses++;
    }
    this.entries = entries;
    this.entriesOf = doc.id;
    return entries;
  }

  /** Lints lines [first, last] as one piece of text (with the report's year) and caches each line's findings. */
  private lintLines(doc: ReportDocument, first: number, last: number, entries: LineEntry[], resolved: ResolvedOptions, onRuleError?: OnRuleError): void {
    // a copy, not a slice: a slice (and every finding taken from it) would keep this whole version of
    // the document alive in the cache
    const piece = new ReportDocument(detach(doc.text.slice(doc.lines.lineStarts[first], doc.lines.lineEnds[last])), doc.language);
    piece.assumeReportYear(doc.reportYear);
    const fresh: LineEntry[] = [];
    for (let k = 0; k <= last - first; k++) {
      const text = piece.lineText(k);
      let entry = this.cache.get(text);
      if (!entry) this.cache.set(detach(text), (entry = { byRule: new Map(), uses: 0, usesIn: -1 }));
      else if (entry.byRule.size) {
        entries[first + k] = entry; // the same text earlier in this piece
        continue;
      }
      entries[first + k] = entry;
      fresh[k] = entry;
    }
    for (const rule of rules) {
      const part = linePart(rule, resolved);
      if (!part) continue;
      const byLine: Finding[][] = [];
      for (const f of runCheck(rule, part, piece, resolved, onRuleError)) {
        const k = piece.lines.lineAt(f.start);
        (byLine[k] ??= []).push(shift(f, -piece.lines.lineStarts[k]));
      }
      for (let k = 0; k <= last - first; k++) fresh[k]?.byRule.set(rule.meta.id, byLine[k] ?? []);
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
  private shownOn(entry: LineEntry, items: LineItem[], line: number, text: () => string, shape: PublishShape): PublishedDiagnostic[] {
    const shown = (entry.shown ??= new Map());
    const made = shown.get(line);
    if (made) return made;
    const lineText = items.length && shape.locale === 'en' ? text() : '';
    const diagnostics = items.map((it) => {
      const f = it.finding;
      const range = { start: { line, character: f.start }, end: { line, character: f.end } };
      return publishedDiagnostic(range, { ...f, rule: it.rule, severity: it.severity }, () => lineText.slice(f.start, f.end), shape);
    });
    // lines below an inserted line break move and leave their old placements behind: keep about as
    // many as the lines that show this text
    if (shown.size >= 2 * entry.uses + 16) shown.clear();
    shown.set(line, diagnostics);
    return diagnostics;
  }
}

/** Cuts segments down to the first `limit` diagnostics. */
function truncate(segments: Segment[], limit: number): void {
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const size = Array.isArray(seg) ? seg.length : 1;
    if (n + size <= limit) {
      n += size;
      continue;
    }
    segments.length = i;
    if (Array.isArray(seg)) segments.push(...seg.slice(0, limit - n));
    return;
  }
}

/** Runs a generator that only yields to let others run, to its end. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
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
