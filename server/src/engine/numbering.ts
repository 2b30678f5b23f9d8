/** Numbering helpers shared by the numbering rules: standard markers, sibling groups, sequence checks. */
import type { Heading, HeadingLevel, ReportDocument } from './document';
import { sections, type Section } from './outline';
import { toChineseNumeral } from './chars';
import type { NumberingStyle, TextEdit } from './types';

export const MAX_NUMERAL = 99;

/** Accepted level-3 and level-4 forms; GB/T 9704 by default. */
export const GB_STYLE: NumberingStyle = { level3: '1.', level4: '（1）' };

export function numeralText(level: HeadingLevel, value: number): string {
  return level <= 2 ? toChineseNumeral(value) : String(value);
}

export function standardMarker(level: HeadingLevel, value: number, style: NumberingStyle = GB_STYLE): string {
  const n = numeralText(level, value);
  switch (level) {
    case 1: return `${n}、`;
    case 2: return `（${n}）`;
    case 3: return `${n}${style.level3.slice(1)}`;
    case 4: return style.level4 === '(1)' ? `(${n})` : `（${n}）`;
  }
}

/** Headings grouped as siblings: same level, same parent section (or the top of the document). */
export function siblingGroups(doc: ReportDocument): Heading[][] {
  return doc.memo('siblingGroups', () => buildSiblingGroups(doc));
}

function buildSiblingGroups(doc: ReportDocument): Heading[][] {
  const groups: Heading[][] = [];
  const visit = (list: Section[]) => {
    const byLevel = new Map<number, Heading[]>();
    for (const s of list) {
      const g = byLevel.get(s.heading.level) ?? [];
      g.push(s.heading);
      byLevel.set(s.heading.level, g);
      visit(s.children);
    }
    groups.push(...[...byLevel.values()].map((g) => g.filter((h) => h.numbered)).filter((g) => g.length));
  };
  visit(sections(doc));
  return groups;
}

export type SequenceProblem = 'start' | 'duplicate' | 'gap' | 'order';

/**
 * Positions to flag in a numbered sequence: an item is wrong when it matches neither its position
 * (1, 2, 3…) nor its predecessor + 1, so one slip gives one finding, not a cascade.
 */
export function sequenceProblems(values: number[]): { index: number; expected: number; problem: SequenceProblem }[] {
  const out: { index: number; expected: number; problem: SequenceProblem }[] = [];
  for (let i = 0; i < Math.min(values.length, MAX_NUMERAL); i++) {
    const v = values[i];
    if (v === i + 1) continue;
    if (i > 0 && v === values[i - 1] + 1) continue;
    const problem: SequenceProblem = i === 0 ? 'start' : v === values[i - 1] ? 'duplicate' : v > values[i - 1] ? 'gap' : 'order';
    out.push({ index: i, expected: i === 0 ? 1 : i + 1, problem });
  }
  return out;
}

/** Edits that renumber items from `from` on to their positions, touching only the numerals. */
export function renumberEdits(
  items: { numeralStart: number; numeralEnd: number; value: number }[],
  from: number,
  numeral: (value: number) => string,
  current: (item: { numeralStart: number; numeralEnd: number }) => string,
): TextEdit[] {
  const edits: TextEdit[] = [];
  // numerals go up to 99 (九十九): a longer run is left as it is from there on
  for (let j = from; j < Math.min(items.length, MAX_NUMERAL); j++) {
    const want = numeral(j + 1);
    if (current(items[j]) !== want) edits.push({ start: items[j].numeralStart, end: items[j].numeralEnd, newText: want });
  }
  return edits;
}
