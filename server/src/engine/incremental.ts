/**
 * Linting while the user types: rules whose findings on a line depend only on that line (meta.scope
 * 'line', and the line part of split rules) are kept per line, and carried over to the next version
 * for every line the edit did not touch (the parse tells which), so an edit re-runs them on the changed
 * lines only; the rest runs on the whole document as usual. The result equals a full lint
 * (property tests check this).
 *
 * `lint` goes one step further for the language server: the diagnostics of an unchanged line are the
 * very objects published for it last time, so a keystroke allocates and converts only what it changed.
 * `lintInSlices` does the same work in slices, so that a server can answer other requests in between.
 */
import { ReportDocument, type Derivation } from './document';
import { collectFindings, englishMessage, lspSeverity, publishedDiagnostic, runCheck, type PublishedDiagnostic, type PublishShape, type RuleFinding } from './index';
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
  /** The line's findings, sorted as a full lint sorts them. */
  items: LineItem[];
  /** The diagnostics made for them, by the line number they were made for (a line moves when lines are added above). */
  shown?: Map<number, PublishedDiagnostic[]>;
}

/** The entry of every line without findings. */
const EMPTY: LineEntry = Object.freeze({ items: [] }) as LineEntry;

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
  /** Work this long (ms) between pauses at most; a short lint does not pause at all. */
  budget: number;
  /** The clock the budget is measured with (ms). */
  now(): number;
}

/** Code units of changed lines linted in one go (one slice of `lintInSlices`: about 15 ms). */
const SLICE = 50_000;
const RULE_ORDER = new Map(rules.map((r, i) => [r.meta.id, i]));
/** A power of two above the rule count (room for a rule's place in a numeric key; below 2^53 with lines < 2^20). */
const RULE_SLOTS = 2 ** Math.ceil(Math.log2(rules.length + 1));
const NONE: PublishedDiagnostic[] = [];

type OnRuleError = (id: string, err: unknown) => void;

export class IncrementalLinter {
  private context = '';
  /** The entry of each line of the version linted last (holes where a cancelled lint did not get to). */
  private entries: (LineEntry | undefined)[] = [];
  private entriesOf = -1; // the id of that version's parse
  /** The document-wide diagnostics published last, by what they say and where: reused when a new version says the same. */
  private wholeShown = new Map<number | string, PublishedDiagnostic>();

  /** Lines whose findings are kept (those of the version linted last). */
  get cachedLines(): number {
    return this.entries.length;
  }

  /** Markdown code fences and HTML comments span lines: there every rule sees the whole text. */
  private static eligible(doc: ReportDocument): boolean {
    return doc.language !== 'markdown' && !doc.hasComments;
  }

  findings(doc: ReportDocument, resolved: ResolvedOptions, onRuleError?: OnRuleError): RuleFinding[] {
    if (!IncrementalLinter.eligible(doc)) return collectFindings(doc, resolved, (rule) => runCheck(rule, rule.check, doc, resolved, onRuleError));
    const entries = drain(this.fill(doc, resolved, 'zh', onRuleError));
    const local = new Map<string, Finding[]>(); // rule id → findings for this version
    const lines = doc.lines;
    for (let l = 0; l < lines.lineCount; l++) {
      const base = lines.lineStarts[l];
      for (const it of entries[l].items) {
        let bucket = local.get(it.rule.meta.id);
        if (!bucket) local.set(it.rule.meta.id, (bucket = []));
        bucket.push(shift(it.finding, base));
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
    let since = slicing.now();
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
      if (slicing.now() - since < slicing.budget) continue;
      await slicing.pause();
      if (slicing.cancelled()) return undefined;
      since = slicing.now();
    }
  }

  private *steps(doc: ReportDocument, resolved: ResolvedOptions, shape: PublishShape, onRuleError?: OnRuleError): Generator<void, LiveLint> {
    const publish = (f: RuleFinding) => publishedDiagnostic(doc.lines.range(f.start, f.end), f, () => doc.text.slice(f.start, f.end), shape);
    const limit = shape.limit ?? Infinity;
    const tally = new Array<number>(rules.length).fill(0); // findings per rule, by the rule's place in the registry
    const count = (id: string) => tally[RULE_ORDER.get(id)!]++;
    const counts = () => new Map(rules.map((r, i) => [r.meta.id, tally[i]] as [string, number]).filter(([, n]) => n > 0));
    if (!IncrementalLinter.eligible(doc)) {
      // every rule on the whole text, one at a time (a long Markdown report pauses between them)
      const byRule = new Map<Rule, Finding[]>();
      for (const rule of rules) {
        if (resolved.severities.get(rule.meta.id) === 'off') continue;
        yield;
        byRule.set(rule, runCheck(rule, rule.check, doc, resolved, onRuleError));
      }
      const all = collectFindings(doc, resolved, (rule) => byRule.get(rule) ?? []);
      for (const f of all) count(f.rule.meta.id);
      const quota = all.length > limit ? fairShares(tally, limit) : undefined;
      const taken = new Array<number>(rules.length).fill(0);
      const diagnostics = (quota ? all.filter((f) => taken[RULE_ORDER.get(f.rule.meta.id)!]++ < quota[RULE_ORDER.get(f.rule.meta.id)!]) : all).map(publish);
      return {
        diagnostics,
        segments: diagnostics,
        counts: counts(),
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
    const lines = doc.lines;
    let total = whole.length;
    for (const w of whole) count(w.rule.meta.id);
    for (let l = 0; l < lines.lineCount; l++) {
      const items = entries[l].items;
      total += items.length;
      for (const it of items) tally[it.order]++;
    }
    // past the limit every rule keeps a fair share (its first findings), so that no kind of problem is hidden by another
    const quota = total > limit ? fairShares(tally, limit) : undefined;
    const taken = new Array<number>(rules.length).fill(0);
    const takes = (order: number) => !quota || taken[order]++ < quota[order];
    // a document-wide finding that is where and what it was last version is published as the same object
    const previous = this.wholeShown;
    const next = new Map<number | string, PublishedDiagnostic>();
    const publishWhole = (f: RuleFinding) => {
      const range = doc.lines.range(f.start, f.end);
      const order = RULE_ORDER.get(f.rule.meta.id)!;
      // a number where it fits (most findings: within a line, short of column 4096), else a string
      const key: number | string =
        range.start.line === range.end.line && range.start.line < 1 << 20 && range.end.character < 4096
          ? ((range.start.line * 4096 + range.start.character) * 4096 + range.end.character) * RULE_SLOTS + order
          : `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}:${order}`;
      const old = previous.get(key);
      const d =
        old && old.severity === lspSeverity(f.severity) && old.message === (shape.locale === 'en' ? englishMessage(doc.text.slice(f.start, f.end), f) : f.message)
          ? old
          : publishedDiagnostic(range, f, () => doc.text.slice(f.start, f.end), shape);
      next.set(key, d);
      return d;
    };
    const out: PublishedDiagnostic[] = [];
    const segments: Segment[] = [];
    let k = 0;
    const emit = (d: PublishedDiagnostic) => {
      out.push(d);
      segments.push(d);
    };
    for (let l = 0; l < lines.lineCount; l++) {
      if (l % 4096 === 4095) yield; // a long document is put together in slices too
      const entry = entries[l];
      const items = entry.items;
      if (!items.length) continue;
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
          if (takes(RULE_ORDER.get(w.rule.meta.id)!)) (here ??= []).push(publishWhole(w));
        }
        if (i > 0 && here) interleaved = true;
        before.push(here ?? NONE);
      }
      const keep = quota && items.map((it) => takes(it.order));
      // the line's diagnostics go out as one run (the same array as last time), unless others fall among them or some are left out
      const run = !interleaved && (!keep || keep.every(Boolean));
      for (let i = 0; i < items.length; i++) {
        for (const d of before[i]) emit(d);
        if (keep && !keep[i]) continue;
        if (run) out.push(shown[i]);
        else emit(shown[i]);
      }
      if (run) segments.push(shown);
    }
    for (; k < whole.length && out.length < limit; k++) if (takes(RULE_ORDER.get(whole[k].rule.meta.id)!)) emit(publishWhole(whole[k]));
    this.wholeShown = next;
    return {
      diagnostics: out,
      segments,
      counts: counts(),
      findingsOnLines: (first, last) => {
        const found: RuleFinding[] = [];
        for (let l = Math.max(0, first); l <= Math.min(last, lines.lineCount - 1); l++) {
          for (const it of entries[l].items) found.push({ ...shift(it.finding, lines.lineStarts[l]), rule: it.rule, severity: it.severity });
        }
        for (const w of whole) if (inLines(doc, w.start, first, last)) found.push(w);
        return found.sort((a, b) => a.start - b.start || a.end - b.end);
      },
    };
  }

  /**
   * The entry of every line of `doc`: carried over from the version linted last where the edits since
   * did not touch the line, else linted now (a slice at a time, yielding after each).
   */
  private *fill(doc: ReportDocument, resolved: ResolvedOptions, shape: string, onRuleError?: OnRuleError): Generator<void, LineEntry[]> {
    const enabled = rules.filter((r) => linePart(r, resolved)).map((r) => `${r.meta.id}=${resolved.configured.has(r.meta.id) ? resolved.severities.get(r.meta.id) : ''}`);
    const context = `${doc.language}|${doc.reportYear}|${shape}|${resolved.phrasesKey}|${JSON.stringify(resolved.numbering)}|${enabled.join(',')}`;
    if (context !== this.context) {
      this.wholeShown = new Map();
      this.entries = [];
      this.entriesOf = -1;
      this.context = context;
    }
    const lines = doc.lines;
    const n = lines.lineCount;
    const entries: (LineEntry | undefined)[] = new Array(n);
    // the derivations from the version linted last to this one (versions parsed in between included)
    const chain: Derivation[] = [];
    for (let d = doc.derivation; d && this.entriesOf !== doc.id; d = d.previous) {
      chain.push(d);
      if (d.fromId === this.entriesOf) break;
    }
    if (chain.length && chain[chain.length - 1].fromId === this.entriesOf) {
      for (let l = 0; l < n; l++) {
        let x = l;
        for (const d of chain) {
          if (x < d.first) continue;
          if (x < d.movedTo) {
            x = -1;
            break;
          }
          x = x - d.movedTo + d.movedFrom;
        }
        if (x >= 0) entries[l] = this.entries[x];
      }
    } else if (this.entriesOf === doc.id) {
      for (let l = 0; l < n; l++) entries[l] = this.entries[l];
    }
    // from here on this version is the one linted last: a lint cancelled half-way leaves what it did
    this.entries = entries;
    this.entriesOf = doc.id;
    const missing: number[] = [];
    for (let l = 0; l < n; l++) if (!entries[l]) missing.push(l);
    // runs of consecutive missing lines, linted a slice at a time as one piece of text
    for (let i = 0; i < missing.length; ) {
      let j = i;
      while (j + 1 < missing.length && missing[j + 1] === missing[j] + 1 && lines.lineEnds[missing[j + 1]] - lines.lineStarts[missing[i]] <= SLICE) j++;
      this.lintLines(doc, missing[i], missing[j], entries, resolved, onRuleError);
      i = j + 1;
      if (i < missing.length) yield;
    }
    return entries as LineEntry[];
  }

  /** Lints lines [first, last] as one piece of text (with the report's year) and keeps each line's findings. */
  private lintLines(doc: ReportDocument, first: number, last: number, entries: (LineEntry | undefined)[], resolved: ResolvedOptions, onRuleError?: OnRuleError): void {
    // a copy, not a slice: a slice (and every finding taken from it) would keep this whole version of
    // the document alive while any of these lines is unchanged
    const piece = new ReportDocument(detach(doc.text.slice(doc.lines.lineStarts[first], doc.lines.lineEnds[last])), doc.language);
    piece.assumeReportYear(doc.reportYear);
    const byLine: LineItem[][] = [];
    for (const rule of rules) {
      const part = linePart(rule, resolved);
      if (!part) continue;
      const setting = resolved.severities.get(rule.meta.id) as Severity;
      const configured = resolved.configured.has(rule.meta.id);
      const order = RULE_ORDER.get(rule.meta.id)!;
      for (const f of runCheck(rule, part, piece, resolved, onRuleError)) {
        const k = piece.lines.lineAt(f.start);
        (byLine[k] ??= []).push({ finding: shift(f, -piece.lines.lineStarts[k]), rule, order, severity: configured ? setting : f.severity ?? setting });
      }
    }
    for (let k = 0; k <= last - first; k++) {
      const items = byLine[k];
      // stable: equal spans keep rule order, then the rule's own order
      entries[first + k] = items ? { items: items.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end) } : EMPTY;
    }
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
    // a line below an inserted line break moves and leaves its old placement behind: keep the latest few
    if (shown.size >= 4) shown.clear();
    shown.set(line, diagnostics);
    return diagnostics;
  }
}

/**
 * How many findings of each rule to show when all of them (`counts`, by rule) exceed `limit`: each rule
 * gets an equal share, a rule with fewer findings than its share shows them all and leaves the rest to
 * the others. The shares add up to `limit`.
 */
export function fairShares(counts: readonly number[], limit: number): number[] {
  const quota = counts.map(() => 0);
  const order = counts.map((_, i) => i).filter((i) => counts[i] > 0).sort((a, b) => counts[a] - counts[b] || a - b);
  let left = Math.max(0, Math.floor(limit));
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    quota[i] = Math.min(counts[i], Math.floor(left / (order.length - j)));
    left -= quota[i];
  }
  // what the rounding left over goes to the first rules that have more to show
  for (let i = 0; i < counts.length && left > 0; i++) {
    if (quota[i] < counts[i]) {
      quota[i]++;
      left--;
    }
  }
  return quota;
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
