/** The placeholder workflow: which placeholders qualify a name (XX镇), and where each identical one stands. */
import type { ReportDocument } from './document';
import { findings, resolveOptions } from './index';
import type { TextEdit } from './types';

// Words a placeholder often stands before: filling XX镇 once should fill every XX镇.
const QUALIFIERS = ['同志', '社区', '街道', '公司', '集团', '小学', '中学', '大学', '医院', '学校', '支部', '党委', '党支部', '镇', '县', '村', '市', '区', '乡', '局', '委', '厅', '处', '科', '所', '院', '省', '州', '旗', '办', '站', '队', '部'];

export const PLACEHOLDER_RULES = ['placeholder/latin-x', 'placeholder/symbol', 'placeholder/moumou', 'placeholder/bracket', 'placeholder/pending', 'placeholder/blank'];

export interface PlaceholderSpan {
  start: number;
  end: number;
  text: string;
}

/** Placeholders to fill (not template residue), in order. */
export function placeholderSpans(doc: ReportDocument): PlaceholderSpan[] {
  const resolved = resolveOptions({ rules: { placeholder: 'error' } });
  return findings(doc, resolved)
    .filter((f) => PLACEHOLDER_RULES.includes(f.rule.meta.id))
    .map((f) => ({ start: f.start, end: f.end, text: doc.text.slice(f.start, f.end) }));
}

/** The name a placeholder qualifies (`镇` for the XX of XX镇), if any. */
export function qualifierAfter(doc: ReportDocument, end: number): string | undefined {
  return QUALIFIERS.find((q) => doc.text.startsWith(q, end));
}

/** One edit per placeholder `placeholder` directly followed by `qualifier`: fill them all at once. */
export function fillAllEdits(doc: ReportDocument, placeholder: string, qualifier: string, value: string): TextEdit[] {
  return placeholderSpans(doc)
    .filter((s) => s.text === placeholder && doc.text.startsWith(qualifier, s.end))
    .map((s) => ({ start: s.start, end: s.end, newText: value }));
}
