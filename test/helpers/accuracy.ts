/**
 * Accuracy figures the project prints itself (npm run eval) and the unit tests hold it to: precision and
 * recall over the annotated reports, leave-the-list-out recall of the detectors, and false positives on
 * clean report prose (the corpus in test/corpus/clean, every snippet, every “good” example in the rule docs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, listRules, type Diagnostic, type LintOptions } from '../../server/src/engine';
import { BUILTIN_ENTRIES, rightForms } from '../../server/src/engine/phrases';

const root = path.join(__dirname, '../../..');

export interface Expected {
  line: number;
  startChar: number;
  endChar: number;
  category: string;
  alt?: string[];
  text?: string;
}

/** The annotated reports: the bundled sample and test/corpus/annotated, each with its .expected.json. */
export function annotatedReports(): { name: string; text: string; expected: Expected[] }[] {
  const files = [path.join(root, 'examples/town-secretary-report.txt')];
  const dir = path.join(root, 'test/corpus/annotated');
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(path.join(dir, f));
  return files.map((f) => ({
    name: path.relative(root, f),
    text: fs.readFileSync(f, 'utf8'),
    expected: JSON.parse(fs.readFileSync(f.replace(/\.txt$/, '.expected.json'), 'utf8')),
  }));
}

/** Same rule as score.py: same line, an expected category (or an alternative), overlapping characters. */
function matches(d: Diagnostic, e: Expected): boolean {
  const r = d.range;
  if (!(r.start.line <= e.line && e.line <= r.end.line)) return false;
  if (![e.category, ...(e.alt ?? [])].includes(String(d.code).split('/')[0])) return false;
  const s = r.start.line === e.line ? r.start.character : 0;
  const t = r.end.line === e.line ? r.end.character : 1e9;
  return (s < e.endChar && e.startChar < t) || (s === t && t === e.startChar);
}

export interface Score {
  /** Expected spans by category, and those found. */
  expected: Map<string, number>;
  found: Map<string, number>;
  /** Diagnostics by rule, and those that match an expected span. */
  reported: Map<string, number>;
  right: Map<string, number>;
  misses: { name: string; e: Expected }[];
  falseAlarms: { name: string; d: Diagnostic }[];
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function scoreAnnotated(options: LintOptions = {}): Score {
  const score: Score = { expected: new Map(), found: new Map(), reported: new Map(), right: new Map(), misses: [], falseAlarms: [] };
  for (const { name, text, expected } of annotatedReports()) {
    const diags = lint(text, options);
    for (const e of expected) {
      bump(score.expected, e.category);
      if (diags.some((d) => matches(d, e))) bump(score.found, e.category);
      else score.misses.push({ name, e });
    }
    for (const d of diags) {
      bump(score.reported, String(d.code));
      if (expected.some((e) => matches(d, e))) bump(score.right, String(d.code));
      else score.falseAlarms.push({ name, d });
    }
  }
  return score;
}

const HAN = /^[\u4e00-\u9fff]+$/;
/** An ordinary sentence around a phrase. */
export const sentence = (w: string) => `在新的一年里，${w}，推动各项工作再上新台阶。`;
const SENTENCE_OFFSET = '在新的一年里，'.length;

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

export interface LeaveOut {
  total: number;
  found: number;
  missed: string[];
}

function leaveOut(wrongs: string[], off: LintOptions, categories: RegExp): LeaveOut {
  const missed: string[] = [];
  for (const w of wrongs) {
    const text = sentence(w);
    const hit = lint(text, off).some((d) => categories.test(String(d.code)) && d.range.start.character < SENTENCE_OFFSET + w.length && d.range.end.character > SENTENCE_OFFSET);
    if (!hit) missed.push(w);
  }
  return { total: wrongs.length, found: wrongs.length - missed.length, missed };
}

/** With the typo list off: the share of its four-character entries the detectors still find. */
export function leaveOutTypos(): LeaveOut {
  const wrongs = BUILTIN_ENTRIES.filter((e) => e.category === 'typo/fixed-phrase' && e.wrong.length === 4 && HAN.test(e.wrong)).map((e) => e.wrong);
  return leaveOut(wrongs, { rules: { 'typo/fixed-phrase': 'off' } }, /^typo\//);
}

/** With the political list off: the share of its one-character variants (edit distance 1 from a right form) still found. */
export function leaveOutPolitical(): LeaveOut {
  const wrongs = BUILTIN_ENTRIES.filter((e) => e.category === 'phrasing/political' && rightForms(e).some((r) => levenshtein(e.wrong, r) === 1)).map((e) => e.wrong);
  return leaveOut(wrongs, { rules: { 'phrasing/political': 'off' } }, /^(phrasing|typo)\//);
}

/** A snippet's body as the text it inserts with its default values (the year for ${CURRENT_YEAR}). */
export function expandSnippet(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{CURRENT_YEAR\}/g, '2025')
    .replace(/\$\{\d+\|([^,}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

export interface CleanText {
  name: string;
  text: string;
}

/** Correct report prose: the clean corpus, the snippets as inserted, the rules’ documented good examples. */
export function cleanTexts(): CleanText[] {
  const out: CleanText[] = [];
  const dir = path.join(root, 'test/corpus/clean');
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push({ name: `corpus/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') });
  const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets/gongwen.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  for (const [name, s] of Object.entries(snippets)) out.push({ name: `snippet/${name}`, text: expandSnippet(s.body) });
  for (const meta of listRules()) for (const [i, g] of (meta.examples?.good ?? []).entries()) out.push({ name: `${meta.id} good #${i + 1}`, text: g });
  return out;
}

export interface FalsePositive {
  name: string;
  code: string;
  message: string;
  text: string;
  safe: boolean;
}

/**
 * Every finding on clean prose. A snippet’s tab stops are meant to be filled (${1:单位}): placeholders there
 * are the intended reminder and are not counted.
 */
export function falsePositives(): { characters: number; findings: FalsePositive[] } {
  let characters = 0;
  const findings: FalsePositive[] = [];
  for (const { name, text } of cleanTexts()) {
    characters += text.length;
    for (const d of lint(text)) {
      if (name.startsWith('snippet/') && String(d.code).startsWith('placeholder/')) continue;
      const lines = text.split(/\r\n|\r|\n/);
      const span = d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : lines[d.range.start.line].slice(d.range.start.character);
      const fixes = ((d.data as { fixes?: { safe?: boolean }[] } | undefined)?.fixes ?? []);
      findings.push({ name, code: String(d.code), message: d.message, text: span, safe: fixes.some((f) => f.safe) });
    }
  }
  return { characters, findings };
}
