/**
 * The phrase catalogue: wrong form → standard form, with guards. All built-in entries share one
 * Aho–Corasick automaton, built once; a document is scanned once and every phrase rule reads the result.
 */
import { lowerBound } from './bisect';
import type { ReportDocument } from './document';
import { Zone } from './document';
import { Matcher, selectLongest, type Match } from './matcher';
import { registerPatterns, sharedMatches } from './shared-scan';
import type { Finding, Fix, ResolvedOptions, Severity } from './types';
import political from './phrases/political.json';
import outdated from './phrases/outdated.json';
import colloquial from './phrases/colloquial.json';
import typos from './phrases/typos.json';

export type PhraseCategory = 'phrasing/political' | 'phrasing/outdated' | 'phrasing/colloquial' | 'typo/fixed-phrase';
export const PHRASE_CATEGORIES: readonly PhraseCategory[] = ['phrasing/political', 'phrasing/outdated', 'phrasing/colloquial', 'typo/fixed-phrase'];

export interface PhraseEntry {
  wrong: string;
  /** The standard form(s); null when the passage must be rewritten. */
  right: string | string[] | null;
  /** Why, in Chinese. */
  reason: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
  /** Skip when a neighbouring item of the same list ends with one of these (中央八项规定、省委九项规定). */
  notInListWith?: string[];
  /** Flag only when one of these follows directly (截止 + a time point). */
  followedBy?: string[];
  /** Skip when the sentence mentions any of these (a historical account). */
  notInSentenceWith?: string[];
  /** Outdated only in reports of this year or later. */
  fromYear?: number;
  /** false: not inside 《titles》 (cited names keep their own wording). */
  inTitles?: boolean;
  skipQuotes?: boolean;
  severity?: Severity;
  confidence?: 'high' | 'medium';
}

export interface OrderedSet {
  name: string;
  members: string[];
  reason: string;
  /** Characters that may separate members; default 、 */
  separators?: string;
}

interface PhraseFile {
  category: PhraseCategory;
  skipQuotes?: boolean;
  entries: PhraseEntry[];
  orderedSets?: OrderedSet[];
}

export interface TaggedEntry extends PhraseEntry {
  category: PhraseCategory;
  /** Entry from the user's settings or .gongwen.json. */
  user?: boolean;
}

export class PhraseSet {
  readonly matcher: Matcher;
  constructor(readonly entries: TaggedEntry[]) {
    this.matcher = new Matcher(entries.map((e) => e.wrong));
  }
}

const FILES = [political, outdated, colloquial, typos] as unknown as PhraseFile[];

export const BUILTIN_ENTRIES: readonly TaggedEntry[] = FILES.flatMap((f) =>
  f.entries.map((e) => ({ ...e, category: f.category, skipQuotes: e.skipQuotes ?? f.skipQuotes })),
);
registerPatterns('phrases', BUILTIN_ENTRIES.map((e) => e.wrong));

export const ORDERED_SETS: readonly OrderedSet[] = (political as unknown as PhraseFile).orderedSets ?? [];

let builtin: PhraseSet | undefined;
/** The automaton over every built-in entry, built on first use and kept. */
export function builtinPhrases(): PhraseSet {
  return (builtin ??= new PhraseSet(BUILTIN_ENTRIES as TaggedEntry[]));
}

export function countEntries(category: PhraseCategory): number {
  return BUILTIN_ENTRIES.filter((e) => e.category === category).length + (category === 'phrasing/political' ? ORDERED_SETS.length : 0);
}

/** Offsets of the document's sentence ends (。！？!? and line breaks), found once per version. */
function sentenceEnds(doc: ReportDocument): Int32Array {
  return doc.memo('sentenceEnds', () => {
    const text = doc.text;
    const out: number[] = [];
    const re = /[。！？!?\n\r]/g;
    for (let m; (m = re.exec(text)); ) out.push(m.index);
    return Int32Array.from(out);
  });
}

/**
 * `test` of the sentence around doc.text[start, end) — from after the previous 。！？ or line break to the
 * next — worked out once per sentence and `key`: many findings in one long sentence do not read it again each.
 */
export function sentenceTest(doc: ReportDocument, start: number, end: number, key: string, test: (sentence: string) => boolean): boolean {
  const ends = sentenceEnds(doc);
  // the last end before start, and the first at or after end
  const lo = lowerBound(ends, start);
  const s = lo > 0 ? ends[lo - 1] + 1 : 0;
  let k = lo;
  while (k < ends.length && ends[k] < end) k++;
  const e = k < ends.length ? ends[k] : doc.text.length;
  const cache = doc.memo('sentenceTests', () => new Map<string, boolean>());
  const id = `${s}:${e}:${key}`;
  let result = cache.get(id);
  if (result === undefined) cache.set(id, (result = test(doc.text.slice(s, e))));
  return result;
}

const LIST_SEPARATORS = '、和及与';
const CLAUSE_END = '，。；;,！？!?\n\r';

/** The phrase is one item of a list (separated by 、和及与, within a clause) whose neighbour ends with one of `ends`. */
function inListWith(text: string, start: number, end: number, ends: string[]): boolean {
  if (LIST_SEPARATORS.includes(text[end] ?? '')) {
    let i = end + 1;
    const stop = Math.min(text.length, end + 20);
    while (i < stop && !CLAUSE_END.includes(text[i])) {
      i++;
      if (ends.some((g) => text.startsWith(g, i - g.length) && i - g.length > end)) return true;
    }
  }
  if (start > 0 && LIST_SEPARATORS.includes(text[start - 1])) return ends.some((g) => text.startsWith(g, start - 1 - g.length));
  return false;
}

function accepts(doc: ReportDocument, e: TaggedEntry, m: Match): boolean {
  const text = doc.text;
  let mask = Zone.Code | Zone.Url;
  if (e.skipQuotes) mask |= Zone.Quote;
  if (e.inTitles === false) mask |= Zone.Book;
  if (doc.touchesZone(m.start, m.end, mask)) return false;
  if (e.notPrecededBy?.some((g) => text.slice(Math.max(0, m.start - g.length), m.start) === g)) return false;
  if (e.notFollowedBy?.some((g) => text.startsWith(g, m.end))) return false;
  if (e.followedBy && !e.followedBy.some((g) => text.startsWith(g, m.end))) return false;
  if (e.notInListWith?.length && inListWith(text, m.start, m.end, e.notInListWith)) return false;
  if (e.fromYear !== undefined) {
    const year = doc.reportYear;
    if (year === undefined || year < e.fromYear) return false;
  }
  if (e.notInSentenceWith?.length) {
    const guards = e.notInSentenceWith;
    if (sentenceTest(doc, m.start, m.end, `with:${guards.join('|')}`, (sentence) => guards.some((g) => sentence.includes(g)))) return false;
  }
  return true;
}

export interface PhraseHit {
  entry: TaggedEntry;
  start: number;
  end: number;
}

/**
 * Every accepted phrase occurrence of the document, leftmost-longest without overlaps, over the built-in
 * catalogue (minus entries the user disabled) and the user's own entries. Computed once per version.
 */
export function phraseHits(doc: ReportDocument, options: ResolvedOptions): PhraseHit[] {
  return doc.memo(`phrases:${options.phrasesKey}`, () => {
    const candidates: { m: Match; entry: TaggedEntry }[] = [];
    // the built-in catalogue in the document's one shared scan, the user's entries on their own
    for (const m of sharedMatches(doc, 'phrases')) {
      const entry = BUILTIN_ENTRIES[m.pattern];
      if (!options.disabledPhrases.has(entry.wrong)) candidates.push({ m, entry });
    }
    if (options.userPhrases) for (const m of options.userPhrases.matcher.findAll(doc.text)) candidates.push({ m, entry: options.userPhrases.entries[m.pattern] });
    const byMatch = new Map<Match, TaggedEntry>(candidates.map((c) => [c.m, c.entry]));
    return selectLongest(candidates.map((c) => c.m), (m) => accepts(doc, byMatch.get(m)!, m)).map((m) => ({
      entry: byMatch.get(m)!,
      start: m.start,
      end: m.end,
    }));
  });
}

export function rightForms(e: PhraseEntry): string[] {
  return e.right === null ? [] : Array.isArray(e.right) ? e.right : [e.right];
}

export function phraseFixes(e: PhraseEntry, start: number, end: number): Fix[] | undefined {
  const forms = rightForms(e);
  if (!forms.length) return undefined;
  const certain = forms.length === 1 && e.confidence !== 'medium';
  return forms.map((r) => ({
    title: `改为“${r}”`,
    edits: [{ start, end, newText: r }],
    preferred: forms.length === 1,
    safe: certain,
  }));
}

/** Findings of one phrase category, with the message shape `describe` gives. */
export function phraseFindings(
  doc: ReportDocument,
  options: ResolvedOptions,
  category: PhraseCategory,
  describe: (e: TaggedEntry, wrong: string) => string,
): Finding[] {
  return phraseHits(doc, options)
    .filter((h) => h.entry.category === category)
    .map((h) => ({
      start: h.start,
      end: h.end,
      message: describe(h.entry, doc.text.slice(h.start, h.end)),
      severity: h.entry.severity,
      fixes: phraseFixes(h.entry, h.start, h.end),
    }));
}

// ---- user entries (settings and .gongwen.json) ----

export interface UserPhrase {
  wrong: string;
  right?: string | string[] | null;
  category?: PhraseCategory;
  reason?: string;
  notPrecededBy?: string[];
  notFollowedBy?: string[];
  severity?: Severity;
}

/** Bounds on what a user's configuration may hold (documented in the README); beyond them entries are dropped with a message. */
export const LIMITS = {
  /** Own phrase entries (after merging entries with the same wrong form). */
  phrases: 5000,
  /** notPrecededBy / notFollowedBy strings of one entry. */
  guards: 20,
  /** Built-in entries turned off. */
  disable: 5000,
  /** Kinds of report in requiredSections, parts per kind, keywords per part. */
  requiredKinds: 20,
  requiredSections: 20,
  keywords: 50,
} as const;

/** Compiles the user's entries: one per wrong form (the last wins), at most LIMITS.phrases, guards bounded. */
export function compileUserPhrases(input: UserPhrase[]): PhraseSet {
  const byWrong = new Map<string, UserPhrase>();
  for (const u of input) {
    if (typeof u?.wrong !== 'string' || !u.wrong) continue;
    if (!byWrong.has(u.wrong) && byWrong.size >= LIMITS.phrases) continue;
    byWrong.set(u.wrong, u);
  }
  const bound = (g: string[] | undefined) => (Array.isArray(g) ? g.slice(0, LIMITS.guards) : undefined);
  const list = [...byWrong.values()];
  return new PhraseSet(list.map((u) => ({
    wrong: u.wrong,
    right: u.right ?? null,
    reason: u.reason ?? '自定义词条',
    notPrecededBy: bound(u.notPrecededBy),
    notFollowedBy: bound(u.notFollowedBy),
    severity: u.severity,
    category: u.category ?? 'typo/fixed-phrase',
    user: true,
  })));
}

